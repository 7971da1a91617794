/**
 * Metodbok content in the browser: contextual tips on every recognised UKA page, the onboarding tour (by keyboard,
 * on both markup variants), the Metodbok page, and importing/exporting the content pack (a broken pack is refused
 * with precise errors; a policy pack is locked). axe checks the tip panel, the tour and the Metodbok page.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { defaultPack, sectionById, serializePack, DEFAULT_PACK_JSON } from '../../lib/content';

const ANCHOR_SELECTORS: Record<'2024' | '2026', Record<string, string>> = {
  '2024': { header: '#personhuvud', warnings: '#scbvarningar', contactLog: 'table#kontaktlogg', measures: 'table#atgarder', occupations: 'table#sysselsattning', exportButton: '#exportknapp', exportList: '#scbexport' },
  '2026': { header: 'header.participant-card', warnings: 'section.scb-checks', contactLog: '#panel-kontakter', measures: '#panel-atgarder', occupations: '#panel-sysselsattning', exportButton: '#scb-export', exportList: '.export-groups' },
};

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const tipsHost = (page: Page, anchor: string) => page.locator(`kaa-lotsen-ui[data-feature="tips"][data-anchor="${anchor}"]`);
const tour = (page: Page) => page.getByTestId('kaa-tour');


/** Open the tips next to `anchor`, check them, close with Escape and check focus is back on the button. */
async function checkTips(page: Page, anchor: string): Promise<void> {
  const host = tipsHost(page, anchor);
  await expect(host, `tips next to ${anchor}`).toHaveCount(1);
  const toggle = host.getByTestId('kaa-tips-toggle');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const panel = host.getByTestId('kaa-tips-panel');
  await expect(panel).toBeVisible();
  expect(await panel.locator('li[data-tip]').count()).toBeGreaterThan(0);
  // Every tip links to its metodbok section.
  for (const id of await panel.locator('li[data-tip]').evaluateAll((els) => els.map((e) => e.getAttribute('data-tip')))) {
    const tip = defaultPack.tips.find((t) => t.id === id);
    expect(tip, `tip ${id} is in the pack`).toBeTruthy();
    await expect(panel.locator(`li[data-tip="${id}"]`)).toContainText(tip!.title);
  }
  await panel.getByRole('button', { name: /läs mer/i }).first().focus();
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(toggle).toBeFocused();
}

test.describe('contextual tips', () => {
  test('every recognised page kind shows its tips next to the right parts', async ({ context, uka, configured, login }) => {
    void configured;
    const page = await context.newPage();
    await page.goto(`${uka.origin}/login`);
    await checkTips(page, 'loginForm');

    await login(page);
    await checkTips(page, 'startList');

    // A person in a measure with red and green warnings.
    await page.goto(`${uka.origin}/person/12`);
    for (const anchor of ['header', 'warnings', 'measures', 'occupations']) await checkTips(page, anchor);
    // (A closed panel holds no text: its tips are drawn when it is opened.)
    await tipsHost(page, 'warnings').getByTestId('kaa-tips-toggle').click();
    await expect(tipsHost(page, 'warnings').getByTestId('kaa-tips-panel')).toContainText(defaultPack.tips.find((t) => t.id === 'varning-r3-r4')!.title);

    // A youth who was called three times without answer: the contact log has the next step's tip.
    await page.goto(`${uka.origin}/person/10`);
    await checkTips(page, 'contactLog');

    await page.goto(`${uka.origin}/export`);
    await checkTips(page, 'exportList');
    await checkTips(page, 'exportButton');
    await tipsHost(page, 'exportButton').getByTestId('kaa-tips-toggle').click();
    await expect(tipsHost(page, 'exportButton').getByTestId('kaa-tips-panel')).toContainText('Öppna inte filen');
  });

  test('a tip opens its section on the Metodbok page, and the panel passes axe', async ({ context, uka, configured, login }) => {
    void configured;
    const page = await context.newPage();
    await login(page);
    await page.goto(`${uka.origin}/export`);
    const host = tipsHost(page, 'exportButton');
    await host.getByTestId('kaa-tips-toggle').click();
    const results = await new AxeBuilder({ page }).include('kaa-lotsen-ui[data-feature="tips"]').withTags(WCAG).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

    const firstTip = host.locator('li[data-tip]').first();
    const tipId = await firstTip.getAttribute('data-tip');
    const tip = defaultPack.tips.find((t) => t.id === tipId)!;
    const [metodbok] = await Promise.all([context.waitForEvent('page'), firstTip.getByRole('button', { name: /läs mer/i }).click()]);
    await metodbok.waitForLoadState();
    expect(metodbok.url()).toContain(`/metodbok.html#${tip.sectionId}`);
    await expect(metodbok.getByRole('heading', { level: 2, name: sectionById(defaultPack, tip.sectionId)!.title })).toBeVisible();
  });
});

test.describe('onboarding tour', () => {
  test.use({ freshTours: true });
  async function runTourByKeyboard(page: Page, variant: '2024' | '2026', kind: 'person' | 'export'): Promise<void> {
    const steps = defaultPack.tour.filter((s) => s.pageKind === kind);
    const dialog = tour(page);
    await expect(dialog).toBeVisible();
    await expect(dialog).toHaveAttribute('role', 'dialog');
    for (let i = 0; i < steps.length; i++) {
      const step = steps[i]!;
      await expect(dialog.getByRole('heading', { level: 2 })).toHaveText(step.title);
      await expect(dialog).toContainText(`Steg ${i + 1} av ${steps.length}`);
      // The outline box surrounds UKA's own element, which stays untouched.
      const target = page.locator(ANCHOR_SELECTORS[variant][step.anchor]!).first();
      const before = await target.evaluate((el) => ({ attrs: el.getAttributeNames().map((n) => `${n}=${el.getAttribute(n)}`), html: el.outerHTML.length }));
      await expect
        .poll(async () => {
          const [box, t] = await Promise.all([page.getByTestId('kaa-tour-highlight').boundingBox(), target.boundingBox()]);
          if (!box || !t) return false;
          return box.x <= t.x + 1 && box.y <= t.y + 1 && box.x + box.width >= t.x + t.width - 1 && box.y + box.height >= t.y + t.height - 1;
        }, { message: `highlight around ${step.anchor}` })
        .toBe(true);
      expect(await target.evaluate((el) => ({ attrs: el.getAttributeNames().map((n) => `${n}=${el.getAttribute(n)}`), html: el.outerHTML.length }))).toEqual(before);
      const next = dialog.getByRole('button', { name: i === steps.length - 1 ? 'Klar' : 'Nästa' });
      await expect(next).toBeFocused();
      if (i === 1) {
        // Back one step with Shift+Tab → "Föregående", then forward again.
        await page.keyboard.press('Shift+Tab');
        await expect(dialog.getByRole('button', { name: 'Föregående' })).toBeFocused();
        await page.keyboard.press('Enter');
        await expect(dialog.getByRole('heading', { level: 2 })).toHaveText(steps[0]!.title);
        await expect(dialog.getByRole('button', { name: 'Nästa' })).toBeFocused();
        await page.keyboard.press('Enter');
        await expect(dialog.getByRole('heading', { level: 2 })).toHaveText(step.title);
      }
      await page.keyboard.press('Enter');
    }
    await expect(dialog).toHaveCount(0);
    await expect(page.getByTestId('kaa-tour-highlight')).toHaveCount(0);
  }

  test('runs start to end by keyboard on the person page and the export list, then stays finished', async ({ context, uka, configured, login, serviceWorker }) => {
    void configured;
    const page = await context.newPage();
    await login(page);
    await page.goto(`${uka.origin}/person/12`);
    await expect(tour(page)).toBeVisible();
    const axe = await new AxeBuilder({ page }).include('kaa-lotsen-ui[data-feature="tour"]').withTags(WCAG).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await runTourByKeyboard(page, uka.variant, 'person');

    await page.goto(`${uka.origin}/export`);
    await runTourByKeyboard(page, uka.variant, 'export');

    const progress = await serviceWorker.evaluate(async () => (await chrome.storage.local.get('tourProgress')).tourProgress);
    expect(progress).toMatchObject({ v: 1, pages: { person: { done: 'finished' }, export: { done: 'finished' } } });

    // Finished: it does not start again by itself.
    await page.goto(`${uka.origin}/person/3`);
    await expect(tipsHost(page, 'header')).toHaveCount(1);
    await page.waitForTimeout(500);
    await expect(tour(page)).toHaveCount(0);

    // Restart (what the popup's button does) brings it back at once, from the first step.
    await serviceWorker.evaluate(async () => chrome.storage.local.set({ tourProgress: { v: 1, pages: {} }, tourRestart: Date.now() }));
    await expect(tour(page)).toBeVisible();
    await expect(tour(page).getByRole('heading', { level: 2 })).toHaveText(defaultPack.tour[0]!.title);
  });

  test('"Hoppa över" and Escape skip the tour for good', async ({ context, uka, configured, login, serviceWorker }) => {
    void configured;
    const page = await context.newPage();
    await login(page);
    await page.goto(`${uka.origin}/person/5`);
    await expect(tour(page)).toBeVisible();
    await tour(page).getByRole('button', { name: 'Hoppa över' }).click();
    await expect(tour(page)).toHaveCount(0);
    await page.goto(`${uka.origin}/export`);
    await expect(tour(page)).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(tour(page)).toHaveCount(0);
    // The progress is written after the tour has closed (storage is asynchronous): wait for it.
    await expect
      .poll(async () => serviceWorker.evaluate(async () => (await chrome.storage.local.get('tourProgress')).tourProgress))
      .toMatchObject({ pages: { person: { done: 'skipped' }, export: { done: 'skipped' } } });
    await page.goto(`${uka.origin}/person/5`);
    await expect(tipsHost(page, 'header')).toHaveCount(1);
    await page.waitForTimeout(500);
    await expect(tour(page)).toHaveCount(0);
  });
});

test.describe('Metodbok page', () => {
  test('opens at a section, searches with highlights, lists the glossary, passes axe', async ({ extensionPage }) => {
    const section = sectionById(defaultPack, 'hembesok') ?? defaultPack.sections[1]!;
    const page = await extensionPage(`metodbok.html#${section.id}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Metodbok' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: section.title })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Avsnitt i metodboken' }).getByRole('link', { name: section.title })).toHaveAttribute('aria-current', 'page');
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

    // Search by keyboard: the labelled search field, results with <mark> highlights.
    const search = page.getByRole('searchbox', { name: 'Sök i metodboken' });
    await search.focus();
    await page.keyboard.type('sysselsättning');
    const results = page.getByTestId('mb-results');
    await expect(results.locator('li').first()).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: /träff/ })).toContainText('sysselsättning');
    const marks = await results.locator('mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    for (const m of marks) expect(m.toLocaleLowerCase('sv')).toBe('sysselsättning');
    const axeSearch = await new AxeBuilder({ page }).analyze();
    expect(axeSearch.violations.map((v) => v.id)).toEqual([]);

    // A hit opens its section; Escape in the search field clears it.
    const firstHit = results.getByRole('link').first();
    const hitTitle = (await firstHit.textContent()) ?? '';
    await firstHit.focus();
    await page.keyboard.press('Enter');
    await expect(results).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
    expect(hitTitle.length).toBeGreaterThan(0);

    await page.getByRole('link', { name: 'Ordlista' }).click();
    await expect(page).toHaveURL(/#ordlista$/);
    const glossary = page.getByTestId('mb-glossary');
    await expect(glossary.locator('dt')).toHaveCount(defaultPack.glossary.length);
    await expect(glossary).toContainText('SysKontakt');
    await expect(page.getByRole('heading', { level: 2, name: 'Ordlista' })).toBeFocused();

    await page.getByRole('link', { name: 'Varningar i UKA' }).click();
    await expect(page.getByTestId('mb-warnings')).toContainText(defaultPack.explainers.R4.title);
  });
});

test.describe('content pack in the options page', () => {
  const custom = () => serializePack({ ...defaultPack, id: 'testkommun', version: '2.1.0', title: 'Testkommunens metodbok' });

  test('a broken pack is refused with precise errors and the working pack stays', async ({ extensionPage }) => {
    const page = await extensionPage('options.html');
    const section = page.getByTestId('pack-section');
    await expect(section.getByTestId('pack-source')).toHaveText(/Standardpaketet/);

    // A valid pack is imported …
    await section.getByLabel('Importera metodbok (JSON)').setInputFiles({ name: 'testkommun.json', mimeType: 'application/json', buffer: Buffer.from(custom()) });
    await expect(section.getByTestId('pack-message')).toContainText('Testkommunens metodbok');
    await expect(section.getByTestId('pack-title')).toHaveText('Testkommunens metodbok');
    await expect(section.getByTestId('pack-source')).toHaveText('Importerat av dig');

    // … then a broken one: precise errors, the imported pack is kept.
    const broken = JSON.parse(JSON.stringify(DEFAULT_PACK_JSON)) as Record<string, unknown> & { tips: { contexts: Record<string, unknown> }[] };
    broken.version = '1.0';
    broken.tips[1]!.contexts = { pageKinds: ['nope'] };
    await section.getByLabel('Importera metodbok (JSON)').setInputFiles({ name: 'trasig.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
    const errors = section.getByTestId('pack-errors');
    await expect(errors).toBeVisible();
    await expect(errors).toBeFocused();
    await expect(errors.locator('li').filter({ hasText: /^version:/ })).toContainText('1.0.0');
    await expect(errors.locator('li').filter({ hasText: 'tips[1].contexts.pageKinds[0]' })).toContainText('okänd sidtyp');
    await expect(section.getByTestId('pack-title')).toHaveText('Testkommunens metodbok');
    const stored = await page.evaluate(async () => ((await chrome.storage.local.get('contentPack')).contentPack as { title?: string } | undefined)?.title);
    expect(stored).toBe('Testkommunens metodbok');

    // Not JSON at all.
    await section.getByLabel('Importera metodbok (JSON)').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{ inte json') });
    await expect(errors).toContainText('inte giltig JSON');

    const axe = await new AxeBuilder({ page }).include('[data-testid="pack-section"]').analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);

    // Export gives the active pack as JSON; reset brings back the default.
    const [download] = await Promise.all([page.waitForEvent('download'), section.getByRole('button', { name: 'Exportera' }).click()]);
    expect(download.suggestedFilename()).toBe('kaa-lotsen-metodbok-testkommun-2.1.0.json');
    const path = await download.path();
    const { readFileSync } = await import('node:fs');
    expect(JSON.parse(readFileSync(path!, 'utf8')).title).toBe('Testkommunens metodbok');
    await section.getByRole('button', { name: 'Återställ standard' }).click();
    await expect(section.getByTestId('pack-source')).toHaveText(/Standardpaketet/);
  });

  test('a pack supplied by policy is shown as locked', async ({ extensionPage, serviceWorker }) => {
    // Test build only: storage.local "__testManaged" stands in for enterprise policy (storage.managed).
    await serviceWorker.evaluate(async (text) => chrome.storage.local.set({ __testManaged: { contentPack: JSON.parse(text) } }), custom());
    const page = await extensionPage('options.html');
    const section = page.getByTestId('pack-section');
    await expect(section.getByTestId('pack-source')).toHaveText('Från din organisation');
    await expect(section.getByTestId('pack-locked')).toContainText('Låst av din organisation');
    await expect(section.getByLabel('Importera metodbok (JSON)')).toBeDisabled();
    await expect(section.getByRole('button', { name: 'Återställ standard' })).toBeDisabled();
    // The Metodbok page shows the organisation's pack.
    const mb = await extensionPage('metodbok.html');
    await expect(mb.getByTestId('mb-pack')).toContainText('Testkommunens metodbok');
    await expect(mb.getByTestId('mb-pack')).toContainText('din organisations paket');
  });
});
