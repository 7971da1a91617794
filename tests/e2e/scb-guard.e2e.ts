/**
 * Safe SCB-file download guard (issue 3), end to end against the UKA stand-in and the SCB upload stand-in, on both
 * markup variants (projects uka-2024 / uka-2026):
 *  - blocked export explained with person links; clean export saved byte-identical to GET /export/fil and logged;
 *  - planted errors shown by person with working links; override logged with its reason;
 *  - keyboard operation of UKA's button and the dialog (focus trap, Escape, focus back to UKA's button);
 *  - SCB's error list mapped to persons; the upload check on SCB's page (unchanged / modified), never blocking;
 *  - axe on the dialog and our panels.
 * The SCB stand-in is another origin: the test's own page loads and upload POST there are declared to the guard.
 */
import AxeBuilder from '@axe-core/playwright';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Download, Locator, Page, Worker } from '@playwright/test';
import { test as base, expect, KOMMUN, registeredScripts, TODAY, type Uka } from './fixtures';
import { startScbUploadServer } from '../fixtures/scb-upload/server';

interface Scb {
  url: string;
  origin: string;
}

const test = base.extend<{ scb: Scb }>({
  scb: async ({}, use) => {
    const server = await startScbUploadServer();
    await use({ url: server.url, origin: new URL(server.url).origin });
    await server.close();
  },
});

interface TruthPerson {
  id: number;
  name: string;
  personnummer: string;
  warnings: string[];
}

const FILE_NAME = `KAA_${KOMMUN}_2026H2.txt`;
const dash = (p: string) => `${p.slice(0, 8)}-${p.slice(8)}`;
const masked = (p: string) => `${p.slice(0, 8)}-****`;

const ukaButton = (page: Page) => page.locator('#exportknapp, #scb-export');
const guardPanel = (page: Page) => page.getByTestId('scb-guard-panel');
const dialog = (page: Page) => page.getByTestId('guard-dialog');

async function persons(uka: Uka): Promise<TruthPerson[]> {
  return (await uka.state()).persons as unknown as TruthPerson[];
}

/** What UKA serves, fetched from Node with the stand-in's session cookie. */
async function serverFile(uka: Uka): Promise<Buffer> {
  const res = await fetch(`${uka.origin}/export/fil`, { headers: { cookie: 'UKASESSION=1' } });
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

/** Physical lines (1-based, header = line 1) → personnummer column. */
function pnrOfLine(bytes: Buffer, line: number): string {
  const l = bytes.toString('latin1').split('\r\n')[line - 1] ?? '';
  return l.split(';')[1] ?? '';
}

/** The stand-in's "today" as the extension's clock (the `configured` fixture has marked the onboarding tours finished). */
async function setClock(serviceWorker: Worker): Promise<void> {
  await serviceWorker.evaluate(
    async (iso) =>
      chrome.storage.local.set({
        testClock: iso,
      }),
    `${TODAY}T12:00:00+01:00`,
  );
}

/** The rows of one store of the extension's database; a CryptoKey value is described (it cannot leave the page). */
async function storeRows(extensionPage: (file: string) => Promise<Page>, storeName: string): Promise<Record<string, unknown>[]> {
  const page = await extensionPage('popup.html');
  try {
    return await page.evaluate(async (name) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('kaa-lotsen');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      try {
        if (!db.objectStoreNames.contains(name)) return [];
        const rows = await new Promise<Record<string, unknown>[]>((resolve, reject) => {
          const req = db.transaction(name).objectStore(name).getAll();
          req.onsuccess = () => resolve(req.result as Record<string, unknown>[]);
          req.onerror = () => reject(req.error);
        });
        const describe = (v: unknown) => (v instanceof CryptoKey ? { cryptoKey: true, extractable: v.extractable } : v);
        return rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, describe(v)])));
      } finally {
        db.close();
      }
    }, storeName);
  } finally {
    await page.close();
  }
}

type LogEntry = { time: number; sha256: string; verdict: string; period: string; kommun: string | null; rows: number; persons: number; override?: { reason: string } | null };

async function exportLog(extensionPage: (file: string) => Promise<Page>): Promise<LogEntry[]> {
  return ((await storeRows(extensionPage, 'exportLog')) as unknown as LogEntry[]).sort((a, b) => a.time - b.time);
}

async function axe(page: Page, feature: string): Promise<void> {
  const result = await new AxeBuilder({ page }).include(`kaa-lotsen-ui[data-feature="${feature}"]`).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

async function openDialog(page: Page): Promise<Locator> {
  await expect(guardPanel(page)).toBeVisible();
  await ukaButton(page).click();
  await expect(dialog(page)).toBeVisible();
  return dialog(page);
}

async function save(page: Page, button: Locator): Promise<Download> {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return download;
}

/** Configure the SCB origin like the options page would, and wait until the upload-check script is registered. */
async function configureScb(serviceWorker: Worker, scb: Scb): Promise<void> {
  await serviceWorker.evaluate(async (origin) => {
    const { settings } = await chrome.storage.local.get('settings');
    await chrome.storage.local.set({ settings: { ...(settings as object), scbOrigin: origin } });
  }, scb.origin);
  await expect
    .poll(async () => (await registeredScripts(serviceWorker)).map((s) => s.id), {
      message: 'upload-check script registered for the SCB stand-in',
    })
    .toContain('kaa-scb');
}

test.describe('SCB-file guard', () => {
  test('with red problems the export is explained as blocked, with links to the persons', async ({ page, configured, login, uka, serviceWorker }) => {
    void configured;
    await setClock(serviceWorker);
    await login(page);
    await page.goto(`${uka.origin}/export`);
    await expect(ukaButton(page)).toBeDisabled();
    const blocked = page.getByTestId('export-blocked');
    await expect(blocked).toBeVisible();
    const red = (await persons(uka)).filter((p) => p.warnings.some((w) => w.startsWith('R')));
    expect(red.length).toBeGreaterThan(0);
    const links = blocked.getByRole('link');
    // A long list shows its first persons; "Visa fler" shows the rest.
    await expect(links).toHaveCount(Math.min(red.length, 25));
    const more = blocked.getByRole('button', { name: /Visa fler/ });
    while (await more.isVisible()) await more.click();
    await expect(links).toHaveCount(red.length);
    const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(new Set(hrefs)).toEqual(new Set(red.map((p) => `/person/${p.id}`)));
    await expect(blocked).toContainText(`${red.length} personer`);
    await axe(page, 'scb-guard');
    const first = red.find((p) => hrefs[0] === `/person/${p.id}`)!;
    await links.first().click();
    await expect(page).toHaveURL(`${uka.origin}/person/${first.id}`);
    await expect(page.getByText(first.name).first()).toBeVisible();
  });

  test('a clean export is saved byte-identical to what UKA serves, logged, recognised by the upload check; a modified copy is flagged', async ({
    page,
    configured,
    login,
    uka,
    serviceWorker,
    extensionPage,
    context,
    guard,
    scb,
  }) => {
    void configured;
    guard.allow((r) => new URL(r.url).origin === scb.origin && (r.method === 'GET' || (r.method === 'POST' && new URL(r.url).pathname === '/upload')));
    await setClock(serviceWorker);
    await configureScb(serviceWorker, scb);
    await uka.control('/__test/fix-all-red');
    await login(page);
    await page.goto(`${uka.origin}/export`);
    const downloads: Download[] = [];
    page.on('download', (dl) => downloads.push(dl));
    const fileRequests = () => guard.requests.filter((r) => r.url === `${uka.origin}/export/fil`);
    expect(fileRequests()).toHaveLength(0);
    const d = await openDialog(page);
    // The guard fetched the file once (GET); UKA's own link/form did not navigate or download.
    expect(fileRequests().map((r) => r.method)).toEqual(['GET']);
    await expect(d).toContainText('Öppna inte filen');
    await expect(d).toContainText(FILE_NAME);
    // The stand-in's clean file carries yellow checks (Y1–Y4): warnings, no blocking findings.
    await expect(d).toHaveAttribute('data-verdict', 'warn');
    await expect(d.getByTestId('guard-counts').locator('[data-severity="block"]')).toContainText('0');
    await expect(d.getByRole('button', { name: 'Spara filen' })).toHaveCount(0);
    await axe(page, 'scb-guard');
    const download = await save(page, d.getByRole('button', { name: 'Spara ändå' }));
    await expect(d).toBeHidden();
    expect(download.suggestedFilename()).toBe(FILE_NAME);
    const savedPath = await download.path();
    const saved = readFileSync(savedPath);
    const served = await serverFile(uka);
    expect(saved.length).toBe(served.length);
    expect(saved.equals(served)).toBe(true);
    await expect(guardPanel(page).getByTestId('scb-guard-status')).toContainText(`Filen ${FILE_NAME} sparades`);
    expect(downloads).toHaveLength(1);
    expect(downloads[0]!.url()).toMatch(/^blob:/);
    expect(fileRequests()).toHaveLength(1);

    // Export log: hash, counts and verdict; no override.
    const sha = createHash('sha256').update(served).digest('hex');
    await expect.poll(async () => (await exportLog(extensionPage)).length).toBe(1);
    const [entry] = await exportLog(extensionPage);
    expect(entry).toMatchObject({ sha256: sha, verdict: 'warn', period: '2026H2', kommun: KOMMUN });
    expect(entry!.rows).toBeGreaterThan(0);
    expect(entry!.persons).toBe((await persons(uka)).length);
    expect(entry!.override ?? null).toBeNull();

    // Upload check on SCB's page: the saved file is recognised.
    const scbPage = await context.newPage();
    await scbPage.goto(scb.url);
    const check = scbPage.getByTestId('upload-check');
    await scbPage.locator('#fil').setInputFiles(savedPath);
    await expect(check).toHaveAttribute('data-state', 'unchanged');
    await expect(check).toContainText(/Oförändrad fil från UKA, exporterad \d{2}:\d{2}/);
    await axe(scbPage, 'upload-check');

    // A copy re-saved with commas (as a spreadsheet program does) is flagged with the validator's findings.
    const modified = Buffer.from(saved.toString('latin1').replace(/;/g, ','), 'latin1');
    await scbPage.locator('#fil').setInputFiles({ name: FILE_NAME, mimeType: 'text/plain', buffer: modified });
    await expect(check).toHaveAttribute('data-state', 'changed');
    await expect(check).toContainText('Filen är inte den som KAA-lotsen sparade från UKA');
    await expect(check.getByRole('listitem').first()).toBeVisible();
    await expect(check.getByTestId('upload-check-excel')).toBeVisible();
    await expect(check.getByTestId('upload-check-counts')).not.toContainText(/^Kontrollen av den valda filen: 0 stoppande fel/);
    await axe(scbPage, 'upload-check');
    // SCB's form still works: the check never blocks it.
    await scbPage.getByRole('button', { name: 'Skicka in' }).click();
    await expect(scbPage.getByText('Filen är mottagen.')).toBeVisible();
  });

  test('planted errors are shown by person with working links; an override is logged with its reason', async ({
    page,
    configured,
    login,
    uka,
    serviceWorker,
    extensionPage,
  }) => {
    void configured;
    await setClock(serviceWorker);
    const mode = (await uka.control('/__test/export-mode', { mode: 'planted', forceEnabled: true })) as { planted: { line: number; rule: string }[] };
    expect(mode.planted.length).toBeGreaterThanOrEqual(5);
    const served = await serverFile(uka);
    const all = await persons(uka);
    // Line 3 carries the unknown SysKontakt code; its person is on the export list (red problems).
    const pnr3 = pnrOfLine(served, 3);
    const person3 = all.find((p) => p.personnummer === pnr3)!;
    expect(person3).toBeTruthy();

    await login(page);
    await page.goto(`${uka.origin}/export`);
    const d = await openDialog(page);
    await expect(d).toHaveAttribute('data-verdict', 'block');
    const blockCount = Number((await d.getByTestId('guard-counts').locator('[data-severity="block"]').innerText()).replace(/\D/g, ''));
    expect(blockCount).toBeGreaterThanOrEqual(5);
    for (const line of [2, 3, 4, 5]) await expect(d.getByTestId('guard-findings')).toContainText(`rad ${line}`);
    const section = d.locator(`section[data-person="${masked(pnr3)}"]`).filter({ has: page.getByRole('link', { name: new RegExp(person3.name) }) });
    await expect(section).toHaveCount(1);
    await expect(section.locator('[data-rule="S-CODE"]')).toContainText('rad 3');
    // Masked unless asked for.
    await expect(d).not.toContainText(dash(pnr3));
    await expect(d).not.toContainText(pnr3);
    await d.getByLabel('Visa hela personnummer').check();
    await expect(d).toContainText(dash(pnr3));
    await d.getByLabel('Visa hela personnummer').uncheck();
    await axe(page, 'scb-guard');

    // Blocking findings: saving needs the checkbox and a reason.
    const saveAnyway = d.getByRole('button', { name: 'Spara ändå' });
    await expect(saveAnyway).toBeDisabled();
    await d.getByLabel(/Jag förstår/).check();
    await expect(saveAnyway).toBeDisabled();
    const reason = 'Provfil till SCB:s testmiljö';
    await d.getByLabel(/Skäl till att du sparar ändå/).fill(reason);
    await expect(saveAnyway).toBeEnabled();
    await axe(page, 'scb-guard');
    const download = await save(page, saveAnyway);
    expect(readFileSync(await download.path()).equals(served)).toBe(true);
    await expect.poll(async () => (await exportLog(extensionPage)).length).toBe(1);
    const [entry] = await exportLog(extensionPage);
    expect(entry).toMatchObject({ verdict: 'block', override: { reason }, sha256: createHash('sha256').update(served).digest('hex') });

    // The person link in the dialog leads to the person page.
    const again = await openDialog(page);
    await again.getByRole('link', { name: new RegExp(person3.name) }).first().click();
    await expect(page).toHaveURL(`${uka.origin}/person/${person3.id}`);
  });

  test('a file damaged by a spreadsheet program is flagged as such, before it is saved', async ({ page, configured, login, uka, serviceWorker }) => {
    void configured;
    await setClock(serviceWorker);
    await uka.control('/__test/export-mode', { mode: 'excel', forceEnabled: true });
    await login(page);
    await page.goto(`${uka.origin}/export`);
    const d = await openDialog(page);
    await expect(d).toHaveAttribute('data-verdict', 'block');
    await expect(d.getByTestId('guard-excel')).toBeVisible();
    // Cause first: the spreadsheet is named before anything else, with its one action; its traces are folded under it.
    const cause = d.getByTestId('guard-cause').first();
    await expect(cause).toHaveAttribute('data-cause-rule', 'X-EXCEL');
    await expect(cause).toContainText('Orsak: Filen har sparats i ett kalkylprogram');
    await expect(cause).toContainText('Gör så här: Ta fram filen på nytt');
    await expect(cause.getByTestId('guard-consequences')).toContainText('följdfel');
    await expect(d.locator('[data-rule="X-BOM"]')).toHaveCount(1);
    await expect(d.locator('[data-rule="X-PNR-SCI"]').first()).toBeHidden();
    await cause.getByTestId('guard-consequences').locator('summary').click();
    await expect(d.locator('[data-rule="X-PNR-SCI"]').first()).toBeVisible();
    await axe(page, 'scb-guard');
    await d.getByRole('button', { name: 'Avbryt' }).click();
    await expect(d).toBeHidden();
  });

  test('keyboard: Enter and Space on UKA’s button open the dialog, focus stays inside, Escape returns to the button', async ({
    page,
    configured,
    login,
    uka,
    serviceWorker,
  }) => {
    void configured;
    await setClock(serviceWorker);
    await uka.control('/__test/fix-all-red');
    await login(page);
    await page.goto(`${uka.origin}/export`);
    await expect(guardPanel(page)).toBeVisible();
    const focusInDialog = () =>
      page.evaluate(() => {
        const host = document.activeElement;
        const inner = host?.shadowRoot?.activeElement ?? null;
        return Boolean(host?.tagName === 'KAA-LOTSEN-UI' && inner?.closest('[role="dialog"]'));
      });
    const focusOnUkaButton = () => page.evaluate(() => ['exportknapp', 'scb-export'].includes(document.activeElement?.id ?? ''));

    await ukaButton(page).focus();
    await page.keyboard.press('Enter');
    await expect(dialog(page)).toBeVisible();
    await expect.poll(focusInDialog).toBe(true);
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      expect(await focusInDialog(), `focus inside after Tab ${i + 1}`).toBe(true);
    }
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Shift+Tab');
      expect(await focusInDialog(), `focus inside after Shift+Tab ${i + 1}`).toBe(true);
    }
    await page.keyboard.press('Escape');
    await expect(dialog(page)).toBeHidden();
    expect(await focusOnUkaButton()).toBe(true);

    // Space works too, and the dialog can be completed by keyboard alone.
    await page.keyboard.press(' ');
    await expect(dialog(page)).toBeVisible();
    // From the heading, Shift+Tab wraps to the last control ("Avbryt"); Tab from there wraps to the first one.
    const activeText = () => page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.textContent?.trim() ?? '');
    await expect.poll(focusInDialog).toBe(true);
    await page.keyboard.press('Shift+Tab');
    expect(await activeText()).toBe('Avbryt');
    await page.keyboard.press('Tab');
    expect(await focusInDialog()).toBe(true);
    expect(await activeText()).not.toBe('Avbryt');
    await page.keyboard.press('Shift+Tab');
    expect(await activeText()).toBe('Avbryt');
    let onSave = false;
    for (let i = 0; i < 5 && !onSave; i++) {
      await page.keyboard.press('Shift+Tab');
      onSave = await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.textContent?.trim() === 'Spara ändå');
    }
    expect(onSave).toBe(true);
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toBe(FILE_NAME);
    await expect(dialog(page)).toBeHidden();
    expect(await focusOnUkaButton()).toBe(true);
    // UKA's own download never started: the only download is ours (a blob URL).
    expect(download.url()).toMatch(/^blob:/);
  });

  test('SCB’s error list is mapped to persons and their UKA pages, in memory only', async ({ page, configured, login, uka, serviceWorker }) => {
    void configured;
    await setClock(serviceWorker);
    await uka.control('/__test/fix-all-red');
    await login(page);
    await page.goto(`${uka.origin}/export`);
    const d = await openDialog(page);
    const download = await save(page, d.getByRole('button', { name: 'Spara ändå' }));
    const savedPath = await download.path();
    const saved = readFileSync(savedPath);
    const all = await persons(uka);
    const listed = all.filter((p) => p.warnings.length > 0);
    const lines = saved.toString('latin1').split('\r\n').filter((l) => l !== '');
    // The first data line whose person is on the export list, and one whose person is not (if any).
    const lineOf = (pred: (p: TruthPerson | undefined) => boolean) =>
      lines.findIndex((l, i) => i > 0 && pred(all.find((p) => p.personnummer === l.split(';')[1]))) + 1;
    const onList = lineOf((p) => p !== undefined && listed.includes(p));
    expect(onList).toBeGreaterThan(1);
    const person = all.find((p) => p.personnummer === pnrOfLine(saved, onList))!;
    const beyond = lines.length + 50;

    const panel = guardPanel(page);
    await panel.getByText('Tolka SCB:s fellista').click();
    await panel.getByLabel('SCB:s fellista', { exact: true }).fill(`Rad ${onList}: Ogiltig kod i fältet SysKontakt\nRad ${beyond}: Datum saknas\nFilen innehåller fel`);
    await panel.getByLabel('Filen som lämnades in').setInputFiles(savedPath);
    await panel.getByRole('button', { name: 'Tolka fellistan' }).click();
    const result = panel.getByTestId('scb-errorlist-result');
    await expect(result).toBeVisible();
    await expect(result.getByRole('row')).toHaveCount(4); // header + 3 entries
    const row = result.locator(`tr[data-line="${onList}"]`);
    await expect(row).toContainText(masked(person.personnummer));
    await expect(row).not.toContainText(dash(person.personnummer));
    await expect(row.getByRole('link')).toHaveAttribute('href', `/person/${person.id}`);
    await expect(result).toContainText(`Filen har inte rad ${beyond}`);
    await expect(result).toContainText('Raden i SCB:s svar anger inget radnummer');
    await axe(page, 'scb-guard');
    await row.getByRole('link').click();
    await expect(page).toHaveURL(`${uka.origin}/person/${person.id}`);
  });
});

/** The override is a record (#17 item 6): saved only after the export log took the entry, its reason masked. */
test.describe('"Spara ändå" with blocking errors', () => {
  /** Test builds only: make the background's export-log write fail (TEST_FAIL_EXPORT_LOG_KEY), or work again. */
  async function failLogWrites(serviceWorker: Worker, fail: boolean): Promise<void> {
    await serviceWorker.evaluate(async (on) => (on ? chrome.storage.local.set({ __testFailExportLog: true }) : chrome.storage.local.remove('__testFailExportLog')), fail);
  }

  /** The stored pseudonymisation key: a non-extractable CryptoKey, no raw bytes (#17 item 5). */
  async function storedKey(extensionPage: (file: string) => Promise<Page>): Promise<unknown[]> {
    return (await storeRows(extensionPage, 'secret')).map((r) => ({ fields: Object.keys(r).sort(), key: r.key }));
  }

  async function plantedDialog(page: Page, uka: Uka, serviceWorker: Worker, login: (page: Page) => Promise<void>): Promise<{ d: Locator; served: Buffer }> {
    await setClock(serviceWorker);
    await uka.control('/__test/export-mode', { mode: 'planted', forceEnabled: true });
    const served = await serverFile(uka);
    await login(page);
    await page.goto(`${uka.origin}/export`);
    const d = await openDialog(page);
    await expect(d).toHaveAttribute('data-verdict', 'block');
    await d.getByLabel(/Jag förstår/).check();
    return { d, served };
  }

  test('is refused with a message, and nothing is saved, when the export log cannot be written', async ({ page, configured, login, uka, serviceWorker, extensionPage }) => {
    void configured;
    const downloads: Download[] = [];
    page.on('download', (dl) => downloads.push(dl));
    await failLogWrites(serviceWorker, true);
    const { d, served } = await plantedDialog(page, uka, serviceWorker, login);
    await d.getByLabel(/Skäl till att du sparar ändå/).fill('Provfil till SCB:s testmiljö');
    const saveAnyway = d.getByRole('button', { name: 'Spara ändå' });
    await saveAnyway.click();

    const refused = d.getByRole('alert');
    await expect(refused).toBeVisible();
    await expect(refused).toHaveText(/^Filen sparades inte\. Exportloggen kunde inte skrivas/);
    await expect(refused).toBeFocused();
    // The dialog stays open, nothing was downloaded and nothing logged.
    await expect(d).toBeVisible();
    await expect(guardPanel(page)).not.toContainText('sparad');
    expect(downloads).toHaveLength(0);
    expect(await exportLog(extensionPage)).toEqual([]);
    await axe(page, 'scb-guard');

    // Once the log can be written again, the same override goes through: logged first, then saved.
    await failLogWrites(serviceWorker, false);
    const download = await save(page, saveAnyway);
    expect(readFileSync(await download.path()).equals(served)).toBe(true);
    expect(downloads).toHaveLength(1);
    const log = await exportLog(extensionPage);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ verdict: 'block', override: { reason: 'Provfil till SCB:s testmiljö' } });
    // A person page opened makes a person key: an HMAC under a non-extractable CryptoKey, no raw key bytes stored.
    const [someone] = await persons(uka);
    await page.goto(`${uka.origin}/person/${someone!.id}`);
    await expect.poll(async () => storedKey(extensionPage)).toEqual([{ fields: ['createdAt', 'id', 'key'], key: { cryptoKey: true, extractable: false } }]);
  });

  test('keeps no name of the export list and no personnummer in the stored reason', async ({ page, configured, login, uka, serviceWorker, extensionPage }) => {
    void configured;
    const { d, served } = await plantedDialog(page, uka, serviceWorker, login);
    // Line 3's person is on the export list (red problems): their name and number, written three ways.
    const pnr = pnrOfLine(served, 3);
    const person = (await persons(uka)).find((p) => p.personnummer === pnr)!;
    expect(person).toBeTruthy();
    const [first, ...rest] = person.name.split(' ');
    const reason = `Ringde ${person.name} (${dash(pnr)}) och ${first}s vårdnadshavare; SCB har ${pnr.slice(2)} och ${pnr.slice(2, 8)} ${pnr.slice(8)}`;
    await d.getByLabel(/Skäl till att du sparar ändå/).fill(reason);
    await expect(d.getByLabel(/Skäl till att du sparar ändå/)).toHaveAccessibleDescription(/namn från exportlistan byts mot \[namn\].*personnummer mot \[personnummer\]/i);
    const expected = 'Ringde [namn] ([personnummer]) och [namn] vårdnadshavare; SCB har [personnummer] och [personnummer]';
    await expect(d.getByTestId('guard-reason-stored')).toHaveText(`Sparas som: ${expected}`);

    await save(page, d.getByRole('button', { name: 'Spara ändå' }));
    const [entry] = await exportLog(extensionPage);
    expect(entry?.override?.reason).toBe(expected);
    const stored = JSON.stringify(entry?.override);
    for (const part of [first!, ...rest, pnr.slice(8), pnr.slice(2, 8)]) expect(stored).not.toContain(part);
  });
});

