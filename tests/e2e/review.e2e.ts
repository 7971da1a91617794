/**
 * Glossary cards and the monthly review on "Export till SCB", against the stand-in's ground truth, on both markup
 * variants (projects uka-2024 / uka-2026).
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, type Uka } from './fixtures';

const MY_LABEL = 'Coach Anna'; // set by the `configured` fixture

interface TruthPerson {
  id: number;
  label: string;
  warnings: string[];
}

async function truth(uka: Uka): Promise<{ persons: TruthPerson[]; kindCounts: Record<string, number> }> {
  return (await uka.state()) as unknown as { persons: TruthPerson[]; kindCounts: Record<string, number> };
}

const isRed = (p: TruthPerson) => p.warnings.some((k) => k.startsWith('R'));

/** Client-rect centre of the first occurrence of `term` in UKA's own text (our hosts excluded), scrolled into view. */
async function termCentre(page: Page, term: string): Promise<{ x: number; y: number }> {
  return page.evaluate((t) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let node: Node | null;
    while ((node = walker.nextNode())) {
      const text = node.nodeValue ?? '';
      const at = text.search(new RegExp(`(?<![\\p{L}\\p{N}_])${t}(?![\\p{L}\\p{N}_])`, 'u'));
      if (at < 0 || node.parentElement?.closest('kaa-lotsen-ui')) continue;
      node.parentElement?.scrollIntoView({ block: 'center' });
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + t.length);
      const r = range.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }
    throw new Error(`term ${t} not found in UKA's text`);
  }, term);
}

const reviewPanel = (page: Page) => page.locator('kaa-lotsen-ui[data-feature="review"]');
const glossaryLayer = (page: Page) => page.locator('kaa-lotsen-ui[data-feature="glossary"]');

/**
 * Click the glossary toggle inside the page and read the layer in the same task: the toggle redraws synchronously,
 * the page scan runs later in slices, so this shows what the click itself drew (status text, whether the list shows).
 */
async function clickToggleAndRead(page: Page): Promise<{ status: string; listHidden: boolean }> {
  return page.evaluate(() => {
    const root = document.querySelector('kaa-lotsen-ui[data-feature="glossary"]')!.shadowRoot!;
    root.querySelector<HTMLButtonElement>('button[aria-controls="kaa-gloss-list"]')!.click();
    return { status: root.querySelector('[role="status"]')!.textContent ?? '', listHidden: root.querySelector('#kaa-gloss-list')!.hasAttribute('hidden') };
  });
}

test.describe('glossary cards', () => {
  test('a card opens on mouse-over of a code in UKA’s text, and UKA’s text is not changed', async ({ page, configured, login, uka }) => {
    void configured;
    await login(page);
    await page.goto(`${uka.origin}/export`);
    // No page scan at load: the toggle has no count until the list has been opened.
    const toggle = glossaryLayer(page).getByRole('button', { name: /Koder på sidan/ });
    await expect(toggle).toBeVisible();
    await expect(toggle).toHaveAccessibleName(/^Koder på sidan$/);
    const htmlBefore = await page.evaluate(() => document.querySelector('main, #scbexport, body')!.innerHTML.replace(/<kaa-lotsen-ui[^>]*><\/kaa-lotsen-ui>/g, ''));
    const { x, y } = await termCentre(page, 'SysKontakt');
    await page.mouse.move(x - 40, y - 40);
    await page.mouse.move(x, y, { steps: 4 });
    const tooltip = glossaryLayer(page).getByRole('tooltip');
    await expect(tooltip).toBeVisible();
    await expect(tooltip).toContainText('SysKontakt');
    await expect(tooltip).toContainText('Vad ungdomen gjorde vid en kontakt');
    // Moving away closes it.
    await page.mouse.move(5, 5, { steps: 3 });
    await expect(tooltip).toBeHidden();
    // Hovering looked only at the element under the pointer: still no page scan.
    await expect(toggle).toHaveAccessibleName(/^Koder på sidan$/);
    // The first opening of the list says "Söker …" (a polite status) while the page is scanned, then lists the codes.
    const opened = await clickToggleAndRead(page);
    expect(opened).toEqual({ status: 'Söker …', listHidden: true });
    await expect(glossaryLayer(page).getByRole('button', { name: 'SysKontakt', exact: true })).toBeVisible();
    await expect(glossaryLayer(page).getByRole('status')).toHaveText(/\d+ ord ur ordlistan på sidan/);
    const htmlAfter = await page.evaluate(() => document.querySelector('main, #scbexport, body')!.innerHTML.replace(/<kaa-lotsen-ui[^>]*><\/kaa-lotsen-ui>/g, ''));
    expect(htmlAfter).toBe(htmlBefore);
  });

  test('the panel lists the codes on the page and opens the card by keyboard; Escape closes it', async ({ page, configured, login, uka }) => {
    void configured;
    await login(page);
    await page.goto(`${uka.origin}/export`);
    const toggle = glossaryLayer(page).getByRole('button', { name: /Koder på sidan/ });
    await expect(toggle).toHaveAccessibleName(/^Koder på sidan$/);
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    // Opening the list scans the page, then shows the codes with their count in the toggle's name.
    const termButton = glossaryLayer(page).getByRole('button', { name: 'SysKontakt', exact: true });
    await expect(termButton).toBeVisible();
    await expect(toggle).toHaveAccessibleName(/^Koder på sidan \(\d+\)$/);
    await expect(glossaryLayer(page).getByRole('list', { name: 'Koder och ord på sidan' }).getByRole('listitem').first()).toBeVisible();
    await expect(toggle).toBeFocused();

    // Closed and opened again on an unchanged page, the list reuses the scan: it shows at once, no "Söker …".
    await toggle.press('Enter');
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    const reopened = await clickToggleAndRead(page);
    expect(reopened.listHidden).toBe(false);
    expect(reopened.status).not.toContain('Söker');
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');

    await termButton.focus();
    await page.keyboard.press('Enter');
    const dialog = glossaryLayer(page).getByRole('dialog', { name: 'SysKontakt' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toBeFocused();
    await expect(dialog).toContainText('Vad ungdomen gjorde vid en kontakt');
    // The card sits next to the term, which is in view.
    const box = await dialog.boundingBox();
    const viewport = page.viewportSize()!;
    expect(box && box.y >= 0 && box.y < viewport.height).toBe(true);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(termButton).toBeFocused();

    const axe = await new AxeBuilder({ page }).include('kaa-lotsen-ui[data-feature="glossary"]').analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });
});

test.describe('monthly review on Export till SCB', () => {
  test('counts per section and the "Bara mina" list match the stand-in', async ({ page, configured, login, uka }) => {
    void configured;
    const gt = await truth(uka);
    await login(page);
    await page.goto(`${uka.origin}/export`);
    const panel = reviewPanel(page);
    await expect(panel.getByRole('heading', { name: /Månadsgenomgång/ })).toBeVisible();

    // "Bara mina" is on by default when an etikett is set.
    const mine = panel.getByRole('checkbox', { name: /Bara mina/ });
    await expect(mine).toBeChecked();
    const minePersons = gt.persons.filter((p) => p.label === MY_LABEL);
    for (const [kind, total] of Object.entries(gt.kindCounts)) {
      if (total === 0) continue;
      const expected = minePersons.filter((p) => p.warnings.includes(kind)).length;
      await expect(panel.locator(`tr[data-kind="${kind}"] [data-testid="review-section-count"]`), `mine ${kind}`).toHaveText(String(expected));
    }
    await expect(panel.getByTestId('review-colour-red')).toHaveText(String(minePersons.filter(isRed).length));

    // The compact list: my persons with red or yellow kinds, each with its kinds.
    const problems = minePersons.filter((p) => p.warnings.some((k) => k.startsWith('R') || k.startsWith('Y')));
    await panel.getByRole('button', { name: /Mina personer med röda eller gula avsnitt/ }).click();
    const items = panel.locator('ul.kaa-review-persons > li');
    await expect(items).toHaveCount(Math.min(problems.length, 100));
    const first = problems.find(isRed) ?? problems[0];
    if (first) {
      const item = panel.locator(`li[data-href="/person/${first.id}"]`);
      const kinds = await item.locator('li[data-kind]').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
      expect(kinds.sort()).toEqual(first.warnings.filter((k) => k !== 'G1').sort());
    }

    // Without the filter the counts are the whole list's.
    await mine.uncheck();
    for (const [kind, total] of Object.entries(gt.kindCounts)) {
      if (total === 0) continue;
      await expect(panel.locator(`tr[data-kind="${kind}"] [data-testid="review-section-count"]`), `all ${kind}`).toHaveText(String(total));
    }

    const axe = await new AxeBuilder({ page }).include('kaa-lotsen-ui[data-feature="review"]').analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });

  test('a review counts a person fixed in UKA after returning with Back', async ({ page, configured, login, uka }) => {
    void configured;
    const gt = await truth(uka);
    const myRed = gt.persons.filter((p) => p.label === MY_LABEL && isRed(p));
    test.skip(myRed.length === 0, 'the stand-in data has no red person with my label');
    await login(page);
    await page.goto(`${uka.origin}/export`);
    const panel = reviewPanel(page);
    const progress = panel.getByTestId('review-progress');
    await expect(progress).not.toHaveText(/Räknar/);
    // By keyboard (the intro tour of new users may cover the page for the mouse).
    await panel.getByRole('button', { name: 'Starta ny genomgång' }).focus();
    await page.keyboard.press('Enter');
    await expect(progress).toContainText(new RegExp(`^0 av ${myRed.length} röda? rättade? sedan \\d+ \\w+`));

    // Fix one person in "UKA", open their page from our list, come back with Back.
    const target = myRed[0]!;
    await uka.control(`/__test/person/${target.id}`, { fixRed: true });
    await panel.getByRole('button', { name: /Mina personer med röda eller gula avsnitt/ }).focus();
    await page.keyboard.press('Enter');
    await panel.locator(`li[data-href="/person/${target.id}"] > a`).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/person/${target.id}`);
    await page.goBack();
    await page.waitForURL('**/export');
    await expect(reviewPanel(page).getByTestId('review-progress')).toContainText(new RegExp(`^1 av ${myRed.length} röda? rättade?`));
    await expect(reviewPanel(page).getByTestId('review-colour-red')).toHaveText(String(myRed.length - 1));

    // Local state never overrides UKA: the same person red again → not counted as fixed.
    await uka.control(`/__test/reset`, {});
    await page.reload();
    await expect(reviewPanel(page).getByTestId('review-progress')).toContainText(new RegExp(`^0 av ${myRed.length} röda? rättade?`));
  });
});

test.describe('panels appear without moving UKA’s page', () => {
  test('on the next visit our panels are drawn in places reserved while UKA’s page loads: no UKA element moves', async ({ page, configured, login, uka }) => {
    void configured;
    // Layout shifts of UKA's own elements (the Layout Instability API), recorded from the first byte of each page.
    await page.addInitScript(() => {
      const shifts: Array<{ el: Element; text: string }> = [];
      (window as unknown as { __shifts: typeof shifts }).__shifts = shifts;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as Array<PerformanceEntry & { sources?: Array<{ node?: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }> }>) {
          for (const s of entry.sources ?? []) {
            const el = s.node instanceof Element ? s.node : s.node?.parentElement;
            if (el && !el.closest('kaa-lotsen-ui') && s.previousRect.height > 0) shifts.push({ el, text: `${el.tagName}.${el.className} ${s.previousRect.y}→${s.currentRect.y}` });
          }
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    /** Shifts of UKA's export list (the element the review panel stands before) or of anything after it. */
    const listShifts = () =>
      page.evaluate(() => {
        const list = document.querySelector('kaa-lotsen-ui[data-feature="review"]')?.nextElementSibling;
        if (!list) return ['export list not found'];
        return (window as unknown as { __shifts: Array<{ el: Element; text: string }> }).__shifts
          .filter(({ el }) => el === list || list.contains(el) || (list.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0)
          .map(({ text }) => text);
      });
    /** Every shift of UKA's elements. */
    const allShifts = () =>
      page.evaluate(() => {
        return (window as unknown as { __shifts: Array<{ el: Element; text: string }> }).__shifts.map(({ text }) => text);
      });
    // A long list, whose body arrives 1 s after the response has started, as from a server building a long page: the
    // remembered places are read from the extension's storage before UKA's page is painted. (On a page that is
    // painted before they arrive, the panels move it once, as on a first visit. With 0.15 s, a busy 2-core machine
    // started the early script after the body had begun to arrive, and the read then waited behind the parser.)
    await uka.control('/__test/reset', { youths: 3000 });
    await uka.control('/__test/network', { bodyDelayMs: 1000 });
    await login(page);
    const panelsDrawn = async () => {
      await expect(page.locator('kaa-lotsen-ui[data-feature="review"]').getByRole('heading', { name: /Månadsgenomgång/ })).toBeVisible();
      await expect(page.locator('kaa-lotsen-ui[data-feature="explainers"]').first().getByRole('button')).toBeVisible();
      // Settled: no place is reserved any more (a reserved place is hidden from assistive technology until claimed)…
      await expect(page.locator('kaa-lotsen-ui[data-flow][aria-hidden]')).toHaveCount(0);
      // …and the panels out of view have been drawn in idle time (components/ui/draw.ts).
      await expect.poll(() => page.locator('kaa-lotsen-ui[data-flow]').evaluateAll((els) => els.filter((e) => !e.shadowRoot?.querySelector('.kaa-root')).length)).toBe(0);
    };
    // First visit: the places and heights are learnt.
    await page.goto(`${uka.origin}/export`);
    await panelsDrawn();
    // Nothing was remembered yet: the panels pushed the list down (this is what the reserved places prevent).
    await expect.poll(listShifts).not.toEqual([]);
    // (They are stored a frame after the panels are drawn.)
    await page.waitForTimeout(800);
    // Next visit: every in-flow panel is drawn where its place was reserved.
    await page.goto(`${uka.origin}/export`);
    await panelsDrawn();
    await page.waitForTimeout(300);
    // The premise: the remembered places were read before UKA's page was first painted (test builds mark the read).
    const timing = await page.evaluate(() => ({
      read: performance.getEntriesByName('kaa:hints-read')[0]?.startTime ?? null,
      paint: performance.getEntriesByName('first-paint')[0]?.startTime ?? null,
    }));
    expect(timing.read, 'the early script marks when the remembered places were read').not.toBeNull();
    expect(timing.read!, `remembered places read at ${timing.read} ms, after UKA's page was first painted at ${timing.paint} ms`).toBeLessThan(timing.paint ?? Infinity);
    expect(await allShifts()).toEqual([]);
    // The panels are UKA's neighbours as before (not floating), and none is left hidden from assistive technology.
    // Each is exactly as tall as its panel (nothing cut off, no gap).
    const hosts = await page.locator('kaa-lotsen-ui[data-flow]').evaluateAll((els) =>
      els.map((e) => ({ f: e.getAttribute('data-feature'), hidden: e.getAttribute('aria-hidden'), gap: Math.abs(e.getBoundingClientRect().height - (e.shadowRoot?.querySelector('.kaa-root')?.getBoundingClientRect().height ?? -1)) })),
    );
    expect(hosts.length).toBeGreaterThan(5);
    expect(hosts.filter((h) => h.hidden !== null || h.gap > 0.5)).toEqual([]);
    // Opening a panel makes its host grow with it.
    const explainer = page.locator('kaa-lotsen-ui[data-feature="explainers"]').first();
    const before = (await explainer.boundingBox())!.height;
    await explainer.getByRole('button').first().click();
    await expect.poll(async () => (await explainer.boundingBox())!.height).toBeGreaterThan(before + 20);
  });
});
