/**
 * UKA markup profiles as data: a profile imported on the options page (or set by policy, then locked) is used on the
 * next page view; the calibration page lists every rule with its count and masked values, tries a draft profile, and
 * saves the page's structure without the stand-in's personal data; a part of UKA renamed after it was seen shows as
 * drift in the popup, and the features that need it stand down.
 */
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { test, expect, tabIdOf } from './fixtures';
import type { Page, Worker } from '@playwright/test';

/** The built-in profile of this variant as a kommun's own document, under another id. */
function kommunProfile(variant: string, id: string): string {
  const json = JSON.parse(readFileSync(new URL(`../../lib/uka/profiles/uka-${variant}.json`, import.meta.url), 'utf8')) as Record<string, unknown>;
  return JSON.stringify({ ...json, id, version: '1.0', description: 'Testkommunens UKA' });
}

/** The class or id that holds UKA's warnings in each variant (renamed to make the warnings part drift). */
const WARNINGS_MARKUP: Record<string, [string, string]> = {
  '2024': ['id="scbvarningar"', 'id="kontrollruta"'],
  '2026': ['class="scb-checks"', 'class="kontroller"'],
};

async function partsSeen(worker: Worker): Promise<Record<string, string[]>> {
  return worker.evaluate(async () => ((await chrome.storage.local.get('ukaPartsSeen')).ukaPartsSeen ?? {}) as Record<string, string[]>);
}

const popupFor = async (extensionPage: (file: string) => Promise<Page>, page: Page) => extensionPage(`popup.html?tab=${await tabIdOf(page)}`);

test('a profile imported on the options page is used on the next page view; a policy profile is locked', async ({ context, uka, configured, login, extensionPage, serviceWorker }) => {
  void configured;
  const page = await context.newPage();
  await login(page);
  await page.goto(`${uka.origin}/person/1`);
  let popup = await popupFor(extensionPage, page);
  await expect(popup.getByTestId('popup-page-kind')).toContainText(`uka-${uka.variant}`);

  const options = await extensionPage('options.html');
  const section = options.getByTestId('profile-section');
  const input = section.getByLabel('Importera UKA-profil (JSON)');
  // A broken profile is refused with its path; nothing changes.
  const broken = JSON.parse(kommunProfile(uka.variant, 'trasig')) as { grids: { contacts: { columns: { date: string } } } };
  broken.grids.contacts.columns.date = '^(datum';
  await input.setInputFiles({ name: 'trasig.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
  await expect(section.getByTestId('profile-errors')).toContainText('grids.contacts.columns.date');
  await expect(section.getByTestId('profile-errors')).toContainText('går inte att tolka');
  // A good one is imported and tried first.
  await input.setInputFiles({ name: 'kommun.json', mimeType: 'application/json', buffer: Buffer.from(kommunProfile(uka.variant, 'kommunens-uka')) });
  await expect(section.getByTestId('profile-message')).toContainText('kommunens-uka');
  await expect(section.getByTestId('profile-order').locator('li').first()).toHaveAttribute('data-source', 'imported');
  const axe = await new AxeBuilder({ page: options }).include('[data-testid="profile-section"]').analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);

  await page.goto(`${uka.origin}/person/2`);
  await expect(page.locator('kaa-lotsen-ui[data-feature="status-panel"]')).toHaveCount(1);
  popup = await popupFor(extensionPage, page);
  await expect(popup.getByTestId('popup-page-kind')).toContainText('kommunens-uka');

  // A profile set by policy comes first and is locked.
  await serviceWorker.evaluate(async (text) => chrome.storage.local.set({ __testManaged: { ukaProfile: text } }), kommunProfile(uka.variant, 'organisationens-uka'));
  await options.reload();
  await expect(options.getByTestId('profile-locked')).toBeVisible();
  await expect(options.getByTestId('profile-order').locator('li').first()).toContainText('organisationens-uka');
  await expect(options.getByLabel('Importera UKA-profil (JSON)')).toBeDisabled();
  await page.goto(`${uka.origin}/person/3`);
  await expect(page.locator('kaa-lotsen-ui[data-feature="status-panel"]')).toHaveCount(1);
  popup = await popupFor(extensionPage, page);
  await expect(popup.getByTestId('popup-page-kind')).toContainText('organisationens-uka');
});

test('the calibration page lists every rule with its count and masked values, tries a draft and saves the page structure without personal data', async ({ context, uka, configured, login, extensionPage }) => {
  void configured;
  const page = await context.newPage();
  await login(page);
  await page.goto(`${uka.origin}/person/12`);
  await expect(page.locator('kaa-lotsen-ui[data-feature="status-panel"]')).toHaveCount(1);
  const popup = await popupFor(extensionPage, page);
  await expect(popup.getByTestId('popup-calibrate')).toBeVisible();

  const cal = await extensionPage(`calibrate.html?tab=${await tabIdOf(page)}`);
  await expect(cal.getByTestId('active-profile')).toContainText(`uka-${uka.variant}`);
  await expect(cal.getByTestId('active-kind')).toHaveText('Personsida');
  await expect(cal.getByTestId('active-read')).toContainText('lyckades');
  const rows = cal.getByTestId('active-rules').locator('tbody tr');
  const paths = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-path')));
  for (const p of ['header.container', 'header.name', 'header.labels.personnummer', 'warnings.heading', 'grids.contacts.selector', 'grids.contacts.columns.date', 'grids.measures.columns.atgard', 'exportButton', 'anchors.contactLog']) {
    expect(paths).toContain(p);
  }
  // Counts: the person header is found once, the export button (another page kind) not at all, and marked.
  await expect(rows.filter({ has: cal.locator('code', { hasText: /^header\.container$/ }) })).toHaveAttribute('data-count', '1');
  const none = rows.filter({ has: cal.locator('code', { hasText: /^exportButton$/ }) });
  await expect(none).toHaveAttribute('data-count', '0');
  await expect(none).toContainText('hittade inget');
  // Masked: no name or personnummer of the data set, the personnummer shown as its mask.
  const state = await uka.state();
  const text = (await cal.locator('body').innerText()).toLowerCase();
  for (const p of state.persons) {
    expect(text).not.toContain(p.name.toLowerCase());
    expect(text).not.toContain(String(p.personnummer).slice(2, 8));
  }
  await expect(rows.filter({ has: cal.locator('code', { hasText: /^header\.labels\.personnummer$/ }) })).toContainText('ÅÅÅÅMMDD-XXXX');
  const axe = await new AxeBuilder({ page: cal }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.map((v) => `${v.id} ${v.help}`)).toEqual([]);

  // "Prova profil": a broken draft names its problem; a draft of another markup says why it does not match.
  const draft = cal.getByLabel('Profil att prova');
  await draft.fill('{ "format": "kaa-lotsen-uka-profil", "formatVersion": 1, "id": "X" }');
  await expect(cal.getByTestId('draft-errors')).toContainText('id');
  const other = JSON.parse(kommunProfile(uka.variant, 'annan-uka')) as { matches: { all: string[] } };
  other.matches.all = ['body.finns-inte'];
  await draft.fill(JSON.stringify(other));
  await expect(cal.getByTestId('draft-nomatch')).toContainText('body.finns-inte');
  await draft.fill(kommunProfile(uka.variant, 'utkast'));
  await expect(cal.getByTestId('draft-profile')).toContainText('utkast');
  await expect(cal.getByTestId('draft-rules').locator('tbody tr')).toHaveCount(paths.length);

  // "Spara sidans struktur": the saved file keeps the structure and none of the personal data.
  const [download] = await Promise.all([cal.waitForEvent('download'), cal.getByTestId('capture').click()]);
  expect(download.suggestedFilename()).toMatch(/^uka-sidans-struktur-person-\d{4}-\d{2}-\d{2}\.html$/);
  const saved = readFileSync((await download.path())!, 'utf8');
  const lower = saved.toLowerCase();
  for (const p of state.persons) {
    for (const part of p.name.split(/\s+/)) expect(lower).not.toMatch(new RegExp(`(^|[^\\p{L}])${part.toLowerCase()}($|[^\\p{L}])`, 'u'));
    expect(saved).not.toContain(String(p.personnummer));
    expect(saved).not.toContain(String(p.personnummer).slice(2, 8));
  }
  expect(saved).not.toContain('kaa-lotsen-ui');
  expect(saved).toMatch(uka.variant === '2024' ? /id="kontaktlogg"/ : /id="panel-kontakter"/);
  await expect(cal.getByTestId('capture-message')).toContainText('sparad');
});

test('a part of UKA renamed after it was seen shows as drift, and the features that need it stand down', async ({ context, uka, configured, login, extensionPage, serviceWorker }) => {
  void configured;
  const page = await context.newPage();
  await login(page);
  await page.goto(`${uka.origin}/person/12`);
  await expect(page.locator('kaa-lotsen-ui[data-feature="explainers"]').first()).toBeAttached();
  await expect.poll(async () => (await partsSeen(serviceWorker))[`uka-${uka.variant}`] ?? []).toContain('warnings');

  await uka.control('/__test/rename', { renames: [WARNINGS_MARKUP[uka.variant]] });
  await page.goto(`${uka.origin}/person/12`);
  await expect(page.locator('kaa-lotsen-ui[data-feature="status-panel"]')).toHaveCount(1);
  const popup = await popupFor(extensionPage, page);
  const drift = popup.getByTestId('popup-drift');
  await expect(drift).toContainText('UKA har ändrats');
  await expect(drift.locator('li[data-part="warnings"]')).toContainText('SCB-varningarna');
  // The explainers stand down (no card drawn from a page whose warnings cannot be found), and say why.
  await expect(page.locator('kaa-lotsen-ui[data-feature="explainers"]')).toHaveCount(0);
  const explainers = popup.getByTestId('popup-features').locator('[data-feature="explainers"]');
  await expect(explainers).toHaveAttribute('data-state', 'error');
  await expect(explainers).toContainText('UKA verkar ha ändrats');

  const cal = await extensionPage(`calibrate.html?tab=${await tabIdOf(page)}`);
  await expect(cal.getByTestId('active-drift')).toContainText('SCB-varningarna');
});
