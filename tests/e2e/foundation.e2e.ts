/**
 * Foundation: the built extension recognises UKA's pages on both markup variants, injects nothing on an unknown
 * page, reports status to the popup, is set up through the options page, and stays accessible.
 */
import AxeBuilder from '@axe-core/playwright';
import { test, expect, KOMMUN, registeredScripts, tabIdOf } from './fixtures';
import type { Page } from '@playwright/test';

const panel = (page: Page) => page.locator('kaa-lotsen-ui[data-feature="status-panel"]');

/** The popup, describing the tab that shows `page` (opened as a page with ?tab=ID). */
async function popupFor(extensionPage: (file: string) => Promise<Page>, page: Page): Promise<Page> {
  return extensionPage(`popup.html?tab=${await tabIdOf(page)}`);
}


test.describe('page recognition', () => {
  test('login, start list, person page, export list and unknown page', async ({ context, uka, configured, login, extensionPage }) => {
    void configured;
    const page = await context.newPage();
    await page.goto(`${uka.origin}/login`);
    await expect(panel(page).getByTestId('page-kind')).toHaveText('Inloggning');

    await login(page);
    await expect(panel(page).getByTestId('page-kind')).toHaveText('Mina deltagare');

    const state = await uka.state();
    const person = state.persons.find((p) => p.id === 12)!;
    await page.goto(`${uka.origin}/person/12`);
    await panel(page).getByRole('button', { name: /visa status|fäll ihop/i }).first().waitFor();
    await expect(panel(page).getByTestId('page-kind')).toHaveText('Personsida');
    // The panel shows what the adapter read: the age and the warning sections.
    const birth = String(person.birthDate);
    const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
    const expectedAge = 2026 - by - (11 < bm || (11 === bm && 23 < bd) ? 1 : 0);
    await expect(panel(page).getByTestId('person-age')).toHaveText(`${expectedAge} år`);
    const warnings = person.warnings as string[];
    await expect(panel(page).getByTestId('status-sections').locator('li')).toHaveCount(warnings.length);
    for (const kind of warnings) await expect(panel(page).getByTestId('status-sections')).toContainText(`(${kind})`);

    await page.goto(`${uka.origin}/export`);
    await expect(panel(page).getByTestId('page-kind')).toHaveText('Export till SCB');

    const popup = await popupFor(extensionPage, page);
    await expect(popup.getByTestId('popup-page-kind')).toContainText('Export till SCB');
    await expect(popup.getByTestId('popup-features').locator('[data-feature="status-panel"]')).toHaveAttribute('data-state', 'active');

    await page.goto(`${uka.origin}/hjalp/finns-inte`);
    await expect(page.locator('body')).toContainText(/finns inte/i);
    await page.waitForTimeout(800);
    await expect(page.locator('kaa-lotsen-ui')).toHaveCount(0);
    const popup2 = await popupFor(extensionPage, page);
    await expect(popup2.getByTestId('popup-page-kind')).toContainText('okänd sida');
  });

  test('a page that UKA changes without a reload is read again', async ({ context, uka, configured, login }) => {
    void configured;
    const page = await context.newPage();
    await login(page);
    await page.goto(`${uka.origin}/person/3`);
    await expect(panel(page).getByTestId('page-kind')).toHaveText('Personsida');
    // Simulate client-side navigation: UKA swaps its content and pushes a new URL.
    await page.evaluate(async (origin) => {
      const html = await (await fetch(`${origin}/export`)).text();
      const doc = new DOMParser().parseFromString(html, 'text/html');
      history.pushState({}, '', '/export');
      document.body.replaceWith(document.adoptNode(doc.body));
    }, uka.origin);
    await expect(panel(page).getByTestId('page-kind')).toHaveText('Export till SCB');
  });

  test('UKA is left untouched: no UKA element is changed by the extension', async ({ context, uka, configured, login }) => {
    void configured;
    const page = await context.newPage();
    await login(page);
    // Record every DOM change from the very start of each page: only our own hosts may be added or removed.
    await page.addInitScript(() => {
      const log: string[] = [];
      (window as unknown as { __kaaMutations: string[] }).__kaaMutations = log;
      const own = (n: Node | null) => {
        for (let c: Node | null = n; c; c = c.parentNode ?? (c instanceof ShadowRoot ? c.host : null)) {
          if (c instanceof Element && c.tagName.toLowerCase() === 'kaa-lotsen-ui') return true;
        }
        return false;
      };
      const observer = new MutationObserver((records) => {
        for (const r of records) {
          if (r.type === 'attributes' && !own(r.target)) log.push(`attribute ${r.attributeName} on <${(r.target as Element).tagName}>`);
          if (r.type === 'characterData' && !own(r.target)) log.push('text changed');
          if (r.type === 'childList') {
            for (const n of [...Array.from(r.addedNodes), ...Array.from(r.removedNodes)]) {
              if (!own(n)) log.push(`child ${n.nodeName} added/removed under <${(r.target as Element).tagName}>`);
            }
          }
        }
      });
      // Start when the parser is done with UKA's page (our content script runs later, at document_idle).
      document.addEventListener('DOMContentLoaded', () => {
        observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
      });
    });
    for (const path of ['/person/12', '/person/10', '/export', '/']) {
      await page.goto(`${uka.origin}${path}`);
      await expect(panel(page).getByTestId('page-kind')).toBeVisible();
      await page.waitForTimeout(1500);
      // Interact with our UI too: open every disclosure we added.
      const toggles = page.locator('kaa-lotsen-ui').getByRole('button', { expanded: false });
      for (let i = 0; i < Math.min(await toggles.count(), 5); i++) await toggles.nth(0).click().catch(() => undefined);
      const mutations = await page.evaluate(() => (window as unknown as { __kaaMutations: string[] }).__kaaMutations);
      expect(mutations, `changes to UKA's DOM on ${path}`).toEqual([]);
    }
  });
});

test.describe('settings', () => {
  test('the options page sets the UKA address; the content script then runs there', async ({ context, uka, extensionPage, serviceWorker, login }) => {
    const options = await extensionPage('options.html');
    await options.getByLabel('Adress till UKA').fill(uka.origin);
    await options.getByLabel('Kommunkod').fill('123');
    await options.getByRole('button', { name: 'Spara' }).click();
    await expect(options.getByText('Kommunkoden ska vara fyra siffror')).toBeVisible();
    await options.getByLabel('Kommunkod').fill(KOMMUN);
    await options.getByLabel('Min etikett i UKA').fill('Coach Anna');
    await options.getByRole('button', { name: 'Spara' }).click();
    await expect(options.getByTestId('options-message')).toContainText('Sparat');
    await expect
      .poll(async () => (await registeredScripts(serviceWorker)).map((s) => s.id))
      .toContain('kaa-uka');
    const page = await context.newPage();
    await login(page);
    await expect(panel(page).getByTestId('page-kind')).toHaveText('Mina deltagare');
    const stored = await serviceWorker.evaluate(async () => (await chrome.storage.local.get('settings')).settings);
    expect(stored).toMatchObject({ ukaOrigin: uka.origin, kommun: KOMMUN, myLabel: 'Coach Anna' });
  });

  test('the municipality\'s routine intervals are settings that the contact ladder follows', async ({ context, uka, configured, login, extensionPage }) => {
    void configured;
    const options = await extensionPage('options.html');
    const calls = options.getByLabel('Samtal utan svar innan brev eller vykort');
    await expect(calls).toHaveValue('3');
    await calls.fill('0');
    await options.getByRole('button', { name: 'Spara' }).click();
    await expect(options.getByTestId('options-message')).toContainText('sparades inte');
    // The message is the field's own range, on that field only.
    await expect(calls).toHaveAttribute('aria-invalid', 'true');
    await expect(options.locator('#e-failedCallsBeforeLetter')).toHaveText('Ange ett helt tal mellan 1 och 10.');
    await expect(options.getByLabel(/Uppföljning, och ny kontakt/)).not.toHaveAttribute('aria-invalid', 'true');
    await calls.fill('4');
    await options.getByLabel(/Sista dag att ladda upp hos SCB, första halvåret/).fill('9-1');
    await options.getByRole('button', { name: 'Spara' }).click();
    await expect(options.getByText('Skriv datumet som MM-DD').first()).toBeVisible();
    await options.getByLabel(/Sista dag att ladda upp hos SCB, första halvåret/).fill('08-31');
    await options.getByRole('button', { name: 'Spara' }).click();
    await expect(options.getByTestId('options-message')).toContainText('Sparat');
    // Person 10 has three unanswered calls: with four calls before the letter, the next step is a fourth call.
    const page = await context.newPage();
    await login(page);
    await page.goto(`${uka.origin}/person/10`);
    const next = page.locator('kaa-lotsen-ui[data-feature="ladder"]').getByTestId('ladder-next');
    await expect(next).toContainText('Ring vårdnadshavarna');
    await expect(page.locator('kaa-lotsen-ui[data-feature="ladder"]').locator('li[data-step="call4"]')).toHaveCount(1);
  });

  test('the production manifest asks for no host permission up front', async () => {
    const { readFileSync } = await import('node:fs');
    const manifest = JSON.parse(readFileSync(new URL('../../.output/chrome-mv3/manifest.json', import.meta.url), 'utf8'));
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(manifest.content_scripts ?? []).toEqual([]);
    expect(manifest.optional_host_permissions).toEqual(expect.arrayContaining(['https://*/*']));
    // Least privilege: only what the features use.
    expect([...manifest.permissions].sort()).toEqual(['alarms', 'notifications', 'scripting', 'storage']);
  });

  test('without settings the popup says what to do, and nothing is injected anywhere', async ({ context, extensionPage, login }) => {
    const page = await context.newPage();
    await login(page);
    await page.waitForTimeout(500);
    await expect(page.locator('kaa-lotsen-ui')).toHaveCount(0);
    const popup = await extensionPage('popup.html');
    await expect(popup.getByTestId('popup-page-kind')).toContainText('inte inställd');
  });

  test('settings from the organisation\'s policy are applied and shown as locked', async ({ context, uka, extensionPage, serviceWorker, login }) => {
    // The test build reads simulated policy values from storage.local "__testManaged" (Chromium cannot fake policy).
    await serviceWorker.evaluate(async (origin) => {
      await chrome.storage.local.set({ __testManaged: { ukaOrigin: origin, kommun: '0180', features: { tips: false } } });
    }, uka.origin);
    const options = await extensionPage('options.html');
    await expect(options.getByLabel('Kommunkod')).toHaveValue('0180');
    await expect(options.getByLabel('Kommunkod')).toBeDisabled();
    await expect(options.getByLabel('Adress till UKA')).toBeDisabled();
    await expect(options.getByText('Låst av din organisation').first()).toBeVisible();
    await expect(options.getByLabel('Tips ur metodboken')).toBeDisabled();
    await expect(options.getByLabel('Tips ur metodboken')).not.toBeChecked();
    await expect(options.getByLabel('Min etikett i UKA')).toBeEnabled();
    // The policy's UKA address is enough for the extension to work there.
    await expect
      .poll(async () => (await registeredScripts(serviceWorker)).map((s) => s.id))
      .toContain('kaa-uka');
    const page = await context.newPage();
    await login(page);
    await expect(panel(page).getByTestId('page-kind')).toHaveText('Mina deltagare');
  });

  test('"Radera all lokal data" empties the extension\'s database', async ({ context, uka, configured, login, extensionPage }) => {
    void configured;
    const page = await context.newPage();
    await login(page);
    await page.goto(`${uka.origin}/person/10`);
    await expect(page.locator('kaa-lotsen-ui[data-feature="ladder"]')).toHaveCount(1);
    const options = await extensionPage('options.html');
    const count = () =>
      options.evaluate(async () => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const req = indexedDB.open('kaa-lotsen');
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        const n = await new Promise<number>((resolve) => {
          const req = db.transaction('persons').objectStore('persons').count();
          req.onsuccess = () => resolve(req.result);
        });
        db.close();
        return n;
      });
    await expect.poll(count).toBeGreaterThan(0);
    await options.getByRole('button', { name: 'Radera all lokal data' }).click();
    await options.getByRole('button', { name: 'Ja, radera allt' }).click();
    await expect(options.getByTestId('delete-message')).toContainText('raderad');
    await expect.poll(count).toBe(0);
  });

  test('options page and popup have no axe violations', async ({ extensionPage, configured }) => {
    void configured;
    for (const file of ['options.html', 'popup.html']) {
      const page = await extensionPage(file);
      await page.locator('h1').waitFor();
      const result = await new AxeBuilder({ page }).analyze();
      expect(result.violations.map((v) => `${file}: ${v.id} ${v.help}`)).toEqual([]);
    }
  });

  test('the status panel has no axe violations and works by keyboard', async ({ context, uka, configured, login }) => {
    void configured;
    const page = await context.newPage();
    await login(page);
    await page.goto(`${uka.origin}/person/1`);
    const toggle = panel(page).getByRole('button', { name: 'Fäll ihop' });
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(panel(page).getByRole('button', { name: 'Visa status' })).toHaveAttribute('aria-expanded', 'false');
    await page.keyboard.press('Enter');
    await expect(panel(page).getByTestId('page-kind')).toBeVisible();
    const result = await new AxeBuilder({ page }).include('kaa-lotsen-ui[data-feature="status-panel"]').analyze();
    expect(result.violations.map((v) => `${v.id} ${v.help}`)).toEqual([]);
  });

  test("at the end of a page, UKA's last text is not hidden under our corner panels (open or folded)", async ({ context, uka, configured, login }) => {
    void configured;
    const page = await context.newPage();
    await login(page);
    /** After scrolling to the end: how far UKA's last text reaches below the top of our lowest-reaching corner panel (≤ 0 is clear). */
    const overlap = () =>
      page.evaluate(() => {
        window.scrollTo(0, document.documentElement.scrollHeight);
        const panels = [...document.querySelectorAll('kaa-lotsen-ui[data-feature="status-panel"], kaa-lotsen-ui[data-feature="glossary"]')].flatMap((host) =>
          [...(host.shadowRoot?.querySelectorAll('.kaa-status, .kaa-gloss-panel') ?? [])].map((el) => el.getBoundingClientRect()),
        );
        const top = Math.min(...panels.filter((r) => r.height > 0).map((r) => r.top));
        // UKA's text nodes, outside our hosts: the lowest bottom edge of any of them.
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        let bottom = 0;
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          if (!n.textContent?.trim() || n.parentElement?.closest('kaa-lotsen-ui, script, style')) continue;
          const range = document.createRange();
          range.selectNodeContents(n);
          bottom = Math.max(bottom, range.getBoundingClientRect().bottom);
        }
        return { panels: panels.length, overlap: bottom - top };
      });
    await page.goto(`${uka.origin}/person/10`);
    await expect(panel(page).getByTestId('person-age')).toBeVisible();
    await expect(page.locator('kaa-lotsen-ui[data-feature="bottom-space"]')).toHaveCount(1);
    await expect.poll(async () => (await overlap()).overlap, { message: 'the status panel is open on a person page' }).toBeLessThanOrEqual(0);
    await panel(page).getByRole('button', { name: 'Fäll ihop' }).click();
    await expect.poll(async () => (await overlap()).overlap, { message: 'folded' }).toBeLessThanOrEqual(0);
    expect((await overlap()).panels).toBeGreaterThanOrEqual(1);
  });
});
