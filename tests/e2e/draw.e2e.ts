/**
 * Draw what is in view (#20 item 1), on the stand-in's 5,000-youth "Export till SCB", both markup variants: a panel
 * far down the list (the explainer under the last group) is not drawn at load; it is drawn when it comes near the
 * visible part, in idle time once the page has settled, or at once when keyboard focus reaches its place.
 *
 * "The page has settled" is held off in some tests by the test builds' switch `data-test-hold-idle` on UKA's <html>
 * (components/ui/draw.ts; production builds do not have it), so that idle time cannot draw the panel first.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

const HOLD_IDLE = () => {
  const hold = () => document.documentElement?.setAttribute('data-test-hold-idle', '');
  hold();
  if (!document.documentElement) new MutationObserver((_, observer) => (hold(), document.documentElement && observer.disconnect())).observe(document, { childList: true });
};

const explainers = (page: Page) => page.locator('kaa-lotsen-ui[data-feature="explainers"]');

/** Whether the last explainer host (the one furthest down) has its panel drawn, and whether it has a stand-in. */
const farState = (page: Page) =>
  page.evaluate(() => {
    const hosts = document.querySelectorAll('kaa-lotsen-ui[data-feature="explainers"]');
    const host = hosts[hosts.length - 1];
    const root = host?.shadowRoot;
    return {
      hosts: hosts.length,
      drawn: Boolean(root?.querySelector('.kaa-root')?.childElementCount),
      standIn: root?.querySelector('[tabindex="0"]')?.getAttribute('aria-label') ?? null,
      below: host ? host.getBoundingClientRect().top / innerHeight : 0,
    };
  });

async function openLongList(page: Page, uka: { origin: string; control(p: string, b?: unknown): Promise<unknown> }, login: (page: Page) => Promise<void>, hold: boolean) {
  await uka.control('/__test/reset', { youths: 5000 });
  if (hold) await page.addInitScript(HOLD_IDLE);
  await login(page);
  await page.goto(`${uka.origin}/export`);
  // The first viewport's panels are drawn (the review stands at the top of the list).
  // (A 5,000-youth page takes a while on a busy machine.)
  await expect(page.locator('kaa-lotsen-ui[data-feature="review"]').getByRole('heading', { name: /Månadsgenomgång/ })).toBeVisible({ timeout: 30_000 });
  await expect.poll(async () => (await farState(page)).hosts).toBeGreaterThan(1);
}

test.describe('panels far down a long list', () => {
  test('are not drawn at load, and are drawn when scrolled to', async ({ page, configured, login, uka }) => {
    void configured;
    await openLongList(page, uka, login, true);
    // A moment for anything that would draw it (it must not).
    await page.waitForTimeout(1000);
    const far = await farState(page);
    expect(far.below).toBeGreaterThan(3);
    expect(far.drawn).toBe(false);
    // Its place can be reached and is named meanwhile.
    expect(far.standIn).toMatch(/^KAA-lotsen: /);
    expect(await page.evaluate(() => scrollY)).toBe(0);

    // Scrolled to within one viewport of it: drawn.
    await page.evaluate(() => {
      const hosts = document.querySelectorAll('kaa-lotsen-ui[data-feature="explainers"]');
      const host = hosts[hosts.length - 1]!;
      scrollTo(0, scrollY + host.getBoundingClientRect().top - innerHeight * 1.5);
    });
    await expect.poll(async () => (await farState(page)).drawn).toBe(true);
    await expect(explainers(page).last().getByRole('button').first()).toBeAttached();
  });

  test('are drawn in idle time once the page has settled, without scrolling', async ({ page, configured, login, uka }) => {
    void configured;
    await openLongList(page, uka, login, true);
    await page.waitForTimeout(1000);
    expect((await farState(page)).drawn).toBe(false);
    // The page has settled (the test build's hold is lifted): idle time draws the rest, the view does not move.
    await page.evaluate(() => document.documentElement.removeAttribute('data-test-hold-idle'));
    await expect.poll(async () => (await farState(page)).drawn, { timeout: 15_000 }).toBe(true);
    expect(await page.evaluate(() => scrollY)).toBe(0);
    // Every panel of the page is drawn by then.
    await expect
      .poll(() => page.locator('kaa-lotsen-ui[data-flow]').evaluateAll((els) => els.filter((e) => !e.shadowRoot?.querySelector('.kaa-root')).length))
      .toBe(0);
  });

  test('are reachable by Tab before they are drawn: focus draws the panel and moves into it', async ({ page, configured, login, uka }) => {
    void configured;
    await openLongList(page, uka, login, true);
    await page.waitForTimeout(500);
    expect((await farState(page)).drawn).toBe(false);
    // Focus UKA's last link before the far panel (the last person of the last group), then Tab once.
    await page.evaluate(() => {
      const hosts = document.querySelectorAll('kaa-lotsen-ui[data-feature="explainers"]');
      const host = hosts[hosts.length - 1]!;
      const links = Array.from(document.querySelectorAll<HTMLElement>('a[href], button:not([disabled])')).filter(
        (el) => !el.closest('kaa-lotsen-ui') && (el.compareDocumentPosition(host) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0,
      );
      links[links.length - 1]!.focus();
    });
    await page.keyboard.press('Tab');
    const focus = await page.evaluate(() => {
      const hosts = document.querySelectorAll('kaa-lotsen-ui[data-feature="explainers"]');
      const host = hosts[hosts.length - 1]!;
      const inner = host.shadowRoot?.activeElement;
      return { onHost: document.activeElement === host, tag: inner?.tagName ?? null, inPanel: Boolean(inner?.closest('.kaa-root')), text: inner?.textContent?.trim() ?? '' };
    });
    expect(focus).toMatchObject({ onHost: true, tag: 'BUTTON', inPanel: true });
    expect((await farState(page)).drawn).toBe(true);
    // The focused button is the panel's own, shown on screen.
    await expect(explainers(page).last().getByRole('button').first()).toBeFocused();
    await expect(explainers(page).last().getByRole('button').first()).toBeInViewport();
  });
});
