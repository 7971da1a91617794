/**
 * The coach's worklist ("Att göra"), the home-visit list and its print view, and names kept for the browser session
 * only, end to end on the stand-in (both markup variants). Expected youths come from the stand-in's truth (each
 * person's ladder step and birth date), not from the extension's own code.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TOURS_FINISHED } from '../../components/tour/progress';
import { KOMMUN, TODAY, dumpStorageParts, launchProfile, expect, findPersonalData, isAllowedRequest, test, type RecordedRequest, type Uka, type UkaStatePerson } from './fixtures';

/** The ladder panel (its feature id is 'checklist' or, after the rename, 'ladder'). */
const ladderPanel = (page: Page) => page.locator('kaa-lotsen-ui[data-feature="checklist"], kaa-lotsen-ui[data-feature="ladder"]');
const START_CLOCK = `${TODAY}T12:00:00+01:00`;
/** The stand-in's next visit day: its youths with a planned visit have it in 9 days (bevakning "Hembesök planerat"). */
const VISIT_DAY = '2026-12-02';
/** Monday 2026-11-23: "everything up to the end of next week" ends on Sunday 2026-12-06. */
const NEXT_SUNDAY = '2026-12-06';

interface TruthPerson extends UkaStatePerson {
  id: number;
  ladder: string;
  birthDate: string;
}

const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86400000).toISOString().slice(0, 10);
const ageOn = (birth: string, date: string) => {
  const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
};
const twentieth = (birth: string) => `${Number(birth.slice(0, 4)) + 20}${birth.slice(4)}`;

async function openPerson(page: Page, uka: Uka, id: number): Promise<void> {
  await page.goto(`${uka.origin}/person/${id}`);
  await expect(ladderPanel(page).getByTestId('ladder-next')).toBeVisible();
}

async function note(page: Page, step: string, date: string): Promise<void> {
  const panel = ladderPanel(page);
  await panel.getByLabel('Vad hände?').selectOption(step);
  await panel.getByLabel(/^Datum/).fill(date);
  await panel.getByRole('button', { name: 'Spara anteckning' }).click();
  await expect(panel.getByTestId('note-message')).toContainText('dokumentera det i UKA');
}

/** The names shown in one group of the worklist, as a sorted set. */
async function groupNames(worklist: Page, group: string): Promise<string[]> {
  const names = await worklist.locator(`section[data-group="${group}"] li[data-testid="work-item"] .wl-name`).allTextContents();
  return [...new Set(names)].sort();
}
const sorted = (xs: string[]) => [...new Set(xs)].sort();

test('worklist groups, the visit list for the next visit day and its print view, with names from this session', async ({ context, uka, configured, login, extensionPage }) => {
  test.setTimeout(240_000);
  void configured;
  // Person 19 (reached, studying) loses its contact log: a youth never tried, whose first call is due today.
  await uka.control('/__test/person/19', { contacts: [], occupations: [] });
  const ext = await extensionPage('options.html');
  await ext.evaluate(async (value) => chrome.storage.local.set({ testClock: value }), START_CLOCK);
  const page = await context.newPage();
  await login(page); // "Mina deltagare": every listed youth is recorded, and their names kept for the session
  const truth = (await uka.state()).persons as TruthPerson[];
  const name = (id: number) => truth.find((p) => p.id === id)!.name;

  // After "Mina deltagare" alone the hand-over group already names the youths who turn 20 soon.
  const worklist = await extensionPage('worklist.html');
  const handover = sorted(truth.filter((p) => addDays(twentieth(p.birthDate), -30) <= NEXT_SUNDAY).map((p) => p.name));
  expect(handover.length).toBeGreaterThan(0);
  await expect
    .poll(async () => {
      await worklist.reload();
      await worklist.getByTestId('worklist').waitFor();
      return groupNames(worklist, 'handover');
    })
    .toEqual(handover);

  // Every youth's page read once (the ladder needs UKA's contact log), and three notes made in the ladder panel.
  for (const p of truth) await openPerson(page, uka, p.id);
  await openPerson(page, uka, 14);
  await note(page, 'homeVisitPlanned', VISIT_DAY);
  await openPerson(page, uka, 18);
  await note(page, 'notLivingAtAddress', '2026-11-22');

  await worklist.reload();
  const by = (pred: (p: TruthPerson) => boolean) => sorted(truth.filter(pred).map((p) => p.name));
  const expected: Record<string, string[]> = {
    calls: [name(19)],
    letters: by((p) => p.ladder === 'tre-samtal'),
    // Unanswered letters: plan a visit (person 14 is planned for the visit day: the visit itself is its step).
    homeVisits: by((p) => p.ladder === 'brev-vykort'),
    visitLetters: [name(14)],
    // A home visit without contact while under 18 (the stand-in's visits were 4 days ago).
    orosanmalan: by((p) => p.ladder === 'hembesok-utan-kontakt' && ageOn(p.birthDate, addDays(TODAY, -4)) < 18),
    skatteverket: [name(18)],
    handover,
  };
  for (const [group, names] of Object.entries(expected)) {
    expect(names.length, `truth has youths for ${group}`).toBeGreaterThan(0);
    await expect.poll(() => groupNames(worklist, group), { message: `group ${group}` }).toEqual(names);
    const count = worklist.locator(`[data-testid="group-counts"] li[data-group="${group}"] [data-testid="group-count"]`);
    await expect(count).toHaveText(String(await worklist.locator(`section[data-group="${group}"] li[data-testid="work-item"]`).count()));
  }
  // Follow-up: the reached youths; every entry has its name, the due date, the reason and a link into UKA.
  const followUp = worklist.locator('section[data-group="followUp"] li[data-testid="work-item"]');
  expect(await followUp.count()).toBeGreaterThan(0);
  const first = worklist.locator('section[data-group="letters"] li[data-testid="work-item"]').first();
  await expect(first.locator('time')).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}$/);
  await expect(first.locator('.wl-reason')).toContainText('samtal');
  await expect(first.getByRole('link', { name: /Öppna i UKA/ })).toHaveAttribute('href', new RegExp(`^${uka.origin}/person/\\d+$`));

  // Filters: "Bara förfallna" keeps only overdue steps; "Nästa vecka" only 2026-11-30 … 2026-12-06.
  await worklist.getByTestId('filter-overdue').check();
  const states = await worklist.locator('li[data-testid="work-item"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-state')));
  expect(states.length).toBeGreaterThan(0);
  expect(new Set(states)).toEqual(new Set(['overdue']));
  await worklist.getByTestId('filter-nextWeek').check();
  const dates = await worklist.locator('li[data-testid="work-item"] time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime')!));
  for (const d of dates) expect(d >= '2026-11-30' && d <= NEXT_SUNDAY, d).toBe(true);
  await worklist.getByTestId('filter-all').check();

  // Snooze and done act on the same reminders as the popup.
  const calls = worklist.locator('section[data-group="calls"] li[data-testid="work-item"]');
  const callId = (await calls.first().getAttribute('data-id'))!;
  await calls.first().getByRole('button', { name: /Påminn om en vecka/ }).click();
  await expect(worklist.getByTestId('worklist-message')).toContainText('visas igen 2026-11-30');
  await expect(worklist.locator(`li[data-id="${callId}"]`)).toHaveCount(0);
  const skv = worklist.locator('section[data-group="skatteverket"] li[data-testid="work-item"]').first();
  const skvId = (await skv.getAttribute('data-id'))!;
  await skv.getByRole('button', { name: /^Klar/ }).click();
  await expect(worklist.locator(`li[data-id="${skvId}"]`)).toHaveCount(0);
  const popup = await extensionPage('popup.html');
  await expect(popup.getByTestId('reminders')).toBeVisible();
  await expect(popup.locator(`li[data-reminder-id="${callId}"]`)).toHaveCount(0);
  await expect(popup.locator(`li[data-reminder-id="${skvId}"]`)).toHaveCount(0);
  // The popup keeps a short list (at most five now), with names, and leads to the worklist.
  expect(await popup.getByTestId('reminders-now').locator('li[data-testid="reminder"]').count()).toBeLessThanOrEqual(5);
  await expect(popup.getByTestId('reminders-now').getByTestId('reminder-who').first()).not.toBeEmpty();
  const [opened] = await Promise.all([context.waitForEvent('page'), popup.getByTestId('open-worklist').click()]);
  await opened.waitForLoadState('domcontentloaded');
  expect(new URL(opened.url()).pathname).toBe('/worklist.html');
  await opened.close();

  const axeList = await new AxeBuilder({ page: worklist }).analyze();
  expect(axeList.violations.map((v) => `${v.id}: ${v.help} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);

  // The home-visit list for the stand-in's next visit day: the youths the ladder marks for a home visit by then
  // (unanswered letters, and visits announced in UKA), none who turn 20 before it.
  await worklist.getByTestId('view-visits').click();
  await worklist.getByTestId('visit-day-input').fill(VISIT_DAY);
  await worklist.getByTestId('visit-day-save').click();
  await worklist.reload();
  await expect(worklist.getByTestId('visit-day-select')).toHaveValue(VISIT_DAY);
  const visitNames = by((p) => (p.ladder === 'brev-vykort' || p.ladder === 'hembesok-planerat') && twentieth(p.birthDate) > VISIT_DAY);
  expect(visitNames.length).toBeGreaterThan(2);
  const rows = worklist.getByTestId('visit-row');
  await expect(rows).toHaveCount(visitNames.length);
  expect(sorted(await rows.locator('.wl-name').allTextContents())).toEqual(visitNames);
  const row14 = rows.filter({ hasText: name(14) });
  await expect(row14).toHaveAttribute('data-plan', 'planned');
  await expect(row14).toContainText('senast 2026-11-25');
  const announced = truth.find((p) => p.ladder === 'hembesok-planerat')!;
  await expect(rows.filter({ hasText: announced.name })).toHaveAttribute('data-plan', 'letterSent');
  await expect(rows.filter({ hasText: announced.name })).toContainText(`Skickat ${addDays(TODAY, -3)}`);

  // Coaches and a time (session only), then the print view.
  await worklist.getByLabel('Coach 1').fill('Anna Lind');
  await worklist.getByLabel('Coach 2').fill('Omar Said');
  await worklist.getByLabel(`Planerad tid för ${name(14)}`).fill('10.30');
  const axeVisits = await new AxeBuilder({ page: worklist }).analyze();
  expect(axeVisits.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await worklist.emulateMedia({ media: 'print' });
  const print = worklist.getByTestId('visit-print-view');
  await expect(print).toBeVisible();
  await expect(worklist.getByTestId('visit-table')).toBeHidden();
  await expect(print.getByRole('heading', { level: 1 })).toHaveText(`Hembesök ${VISIT_DAY}`);
  await expect(print).toContainText('Coacher: Anna Lind och Omar Said');
  await expect(print).toContainText('Ta med:');
  await expect(print.locator('thead th')).toHaveText(['Namn', 'Ålder', 'Tid', 'Adress', 'Anteckningar']);
  await expect(print.locator('tbody tr')).toHaveCount(visitNames.length);
  await expect(print.locator('tbody tr').filter({ hasText: name(14) }).locator('td').nth(2)).toHaveText('10.30');
  const printed = await print.innerText();
  for (const p of truth) {
    const digits = p.personnummer.replace(/\D/g, '');
    expect(printed).not.toContain(digits.slice(2, 8));
  }
  expect(await print.locator('a').count()).toBe(0);
  await worklist.screenshot({ path: test.info().outputPath('visit-print.png'), fullPage: true });
  await worklist.emulateMedia({ media: 'screen' });
});

test('names are kept for the browser session only: gone after a restart, never in storage', async ({ uka }) => {
  test.setTimeout(150_000);
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'kaa-names-'));
  const requests: RecordedRequest[] = [];
  const launch = () => launchProfile(userDataDir, requests);
  try {
    const truth = (await uka.state()).persons as TruthPerson[];
    // The youths who turn 20 soonest have the first hand-over reminders: their names are what the popup shows.
    const soonest = [...truth].sort((a, b) => a.birthDate.localeCompare(b.birthDate))[0]!;
    let { context, extensionId } = await launch();
    const setup = await context.newPage();
    await setup.goto(`chrome-extension://${extensionId}/options.html`);
    await setup.evaluate(
      async ({ origin, kommun, clock, finished }) => {
        await chrome.storage.local.set({ testClock: clock, tourProgress: finished, settings: { ukaOrigin: origin, kommun, myLabel: 'Coach Anna' } });
      },
      { origin: uka.origin, kommun: KOMMUN, clock: START_CLOCK, finished: TOURS_FINISHED },
    );
    await expect
      .poll(async () => setup.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).length))
      .toBeGreaterThan(0);
    await context.addCookies([{ name: 'UKASESSION', value: '1', url: uka.origin }]);
    const page = await context.newPage();
    await page.goto(`${uka.origin}/`);
    const popup = await context.newPage();
    await expect
      .poll(async () => {
        await popup.goto(`chrome-extension://${extensionId}/popup.html`);
        await popup.getByTestId('reminders').waitFor();
        return popup.getByTestId('reminders').innerText();
      })
      .toContain(soonest.name);
    // At rest (IndexedDB, storage.local) there is no name or personnummer; the names are in the session's memory only.
    let dump = await dumpStorageParts(context);
    expect(findPersonalData(dump.text, truth)).toEqual([]);
    expect(findPersonalData(dump.names, truth, { namesAllowed: true })).toEqual([]);
    expect(dump.names).toContain(soonest.name);
    await context.close();

    // The same profile after a browser restart: the reminders are there, the names are not.
    ({ context, extensionId } = await launch());
    const again = await context.newPage();
    await again.goto(`chrome-extension://${extensionId}/popup.html`);
    const list = again.getByTestId('reminders');
    await expect(list.getByTestId('reminders-now').locator('li[data-testid="reminder"]').first()).toBeVisible();
    await expect(list).not.toContainText(soonest.name);
    await expect(list.getByText('öppna i UKA för att se namnet').first()).toBeVisible();
    const worklist = await context.newPage();
    await worklist.goto(`chrome-extension://${extensionId}/worklist.html`);
    await expect(worklist.getByTestId('worklist')).toBeVisible();
    await expect(worklist.getByTestId('name-unknown').first()).toBeVisible();
    await expect(worklist.locator('.wl-name')).toHaveCount(0);
    dump = await dumpStorageParts(context);
    expect(findPersonalData(`${dump.text}${dump.names}`, truth)).toEqual([]);
    await context.close();
    expect(requests.filter((r) => !isAllowedRequest(r, uka.origin))).toEqual([]);
  } finally {
    rmSync(userDataDir, { recursive: true, force: true });
  }
});
