/**
 * Contact ladder panel and reminders, end to end on the stand-in (both markup variants): the ladder by age, local
 * notes that remind to document in UKA, a home-visit note that produces the visit-letter reminder, the popup list
 * (overdue first, entries open UKA, snooze, done, .ics), and alarms that fire after the MV3 service worker was stopped.
 */
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect, TODAY, type Uka } from './fixtures';

const panel = (page: Page) => page.locator('kaa-lotsen-ui[data-feature="ladder"]');
/** The extension's clock (test build): noon on the stand-in's "today". */
const START_CLOCK = `${TODAY}T12:00:00+01:00`;

async function setClock(page: Page, iso: string): Promise<void> {
  await page.evaluate(async (value) => chrome.storage.local.set({ testClock: value }), iso);
}

async function openPerson(page: Page, uka: Uka, id: number): Promise<void> {
  await page.goto(`${uka.origin}/person/${id}`);
  await expect(panel(page).getByTestId('ladder-next')).toBeVisible();
}

/** Start like a coach: clock set, logged in (lands on "Mina deltagare", which records the listed youths). */
async function start(context: BrowserContext, extensionPage: (f: string) => Promise<Page>, login: (p: Page) => Promise<void>): Promise<{ page: Page; ext: Page }> {
  const ext = await extensionPage('options.html');
  await setClock(ext, START_CLOCK);
  const page = await context.newPage();
  await login(page);
  return { page, ext };
}

async function noteHomeVisit(page: Page, date: string): Promise<void> {
  await panel(page).getByLabel('Vad hände?').selectOption('homeVisitPlanned');
  await panel(page).getByLabel(/^Datum/).fill(date);
  await panel(page).getByRole('button', { name: 'Spara anteckning' }).click();
  await expect(panel(page).getByTestId('note-message')).toContainText('dokumentera det i UKA');
}

test.describe('contact ladder panel', () => {
  test('3 failed calls: kontaktbrev to guardians under 18, kontaktvykort to the youth at 18+', async ({ context, uka, configured, login, extensionPage }) => {
    void configured;
    // Person 15 has the postcard in the log already: take it out so that the three failed calls are the latest step.
    const { page } = await start(context, extensionPage, login);
    await openPerson(page, uka, 10);
    const next10 = panel(page).getByTestId('ladder-next');
    await expect(next10).toContainText('Skicka kontaktbrev till vårdnadshavarna');
    await expect(next10).toContainText('Försenat');
    await expect(next10).toContainText(/senast \d{4}-\d{2}-\d{2}/);
    for (const n of [1, 2, 3]) await expect(panel(page).locator(`li[data-step="call${n}"]`)).toContainText('Klart enligt UKA');
    await expect(panel(page).locator('li[data-step="contactLetter"]')).toContainText('Försenat');

    await uka.control('/__test/person/15', {
      contacts: [
        { date: '2026-08-15', kind: 'telefon', reached: false, target: 'ungdom', note: 'Inget svar' },
        { date: '2026-08-19', kind: 'telefon', reached: false, target: 'ungdom', note: 'Inget svar' },
        { date: '2026-08-23', kind: 'telefon', reached: false, target: 'ungdom', note: 'Inget svar' },
      ],
    });
    await openPerson(page, uka, 15);
    await expect(panel(page).getByTestId('ladder-next')).toContainText('Skicka kontaktvykort till ungdomen');
    await expect(panel(page).locator('li[data-step="call1"]')).toContainText('Ring ungdomen');
  });

  test('notes remind to document in UKA; UKA wins when its log shows the step; keyboard and axe', async ({ context, uka, configured, login, extensionPage }) => {
    void configured;
    const { page } = await start(context, extensionPage, login);
    await openPerson(page, uka, 10);
    // Keyboard only: the quick button "Brev eller vykort skickat i dag".
    const quick = panel(page).getByRole('button', { name: 'Brev eller vykort skickat i dag' });
    await quick.focus();
    await page.keyboard.press('Enter');
    await expect(panel(page).getByTestId('note-message')).toContainText('Glöm inte att dokumentera det i UKA');
    await expect(panel(page).getByTestId('local-notes')).toContainText('dokumentera det i UKA');
    await expect(panel(page).locator('li[data-step="contactLetter"]')).toContainText('Noterat lokalt');
    await expect(panel(page).getByTestId('ladder-next')).not.toContainText('kontaktbrev');

    const axe = await new AxeBuilder({ page }).include('kaa-lotsen-ui[data-feature="ladder"]').analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

    // The coach documents the letter in UKA: UKA's log now shows it, the note is offered for deletion.
    const state = (await uka.state()) as unknown as { persons: { id: number; counts: { contacts: number } }[] };
    expect(state.persons.find((p) => p.id === 10)?.counts.contacts).toBe(3);
    await uka.control('/__test/person/10', {
      contacts: [
        { date: '2026-08-15', kind: 'telefon', reached: false, target: 'vardnadshavare', note: 'Röstbrevlåda' },
        { date: '2026-08-19', kind: 'telefon', reached: false, target: 'vardnadshavare', note: 'Röstbrevlåda' },
        { date: '2026-08-23', kind: 'telefon', reached: false, target: 'vardnadshavare', note: 'Ur funktion' },
        { date: TODAY, kind: 'brev', reached: false, target: 'vardnadshavare', note: 'Kontaktbrev skickat' },
      ],
    });
    await openPerson(page, uka, 10);
    await expect(panel(page).locator('li[data-step="contactLetter"]')).toContainText('Klart enligt UKA');
    const old = panel(page).getByTestId('superseded-notes');
    await expect(old).toBeVisible();
    await old.getByRole('button', { name: /Ta bort/ }).click();
    await expect(old).toHaveCount(0);
    await expect(panel(page).getByTestId('local-notes')).toHaveCount(0);
  });

  test("the tips name the panel's next step, local notes included (one computation per page view)", async ({ context, uka, configured, login, extensionPage }) => {
    void configured;
    const { page } = await start(context, extensionPage, login);
    /** The ids of the tips next to the contact log (opened: a closed panel holds no text). */
    const logTips = async (): Promise<string[]> => {
      const host = page.locator('kaa-lotsen-ui[data-feature="tips"][data-anchor="contactLog"]');
      await host.getByTestId('kaa-tips-toggle').click();
      const items = host.getByTestId('kaa-tips-panel').locator('li[data-tip]');
      await expect(items.first()).toBeVisible();
      return items.evaluateAll((els) => els.map((e) => e.getAttribute('data-tip') ?? ''));
    };
    await openPerson(page, uka, 10);
    await expect(panel(page).getByTestId('ladder-next')).toContainText('Skicka kontaktbrev till vårdnadshavarna');
    expect(await logTips()).toContain('kontakt-brev');

    // The letter noted in the extension (not yet in UKA): the panel moves on to the home visit, and on the next page
    // view the tips do too.
    await panel(page).getByRole('button', { name: 'Brev eller vykort skickat i dag' }).click();
    await expect(panel(page).locator('li[data-step="contactLetter"]')).toContainText('Noterat lokalt');
    await openPerson(page, uka, 10);
    await expect(panel(page).getByTestId('ladder-next')).toContainText('hembesök');
    const tips = await logTips();
    expect(tips).toContain('kontakt-hembesok-brev');
    expect(tips).not.toContain('kontakt-brev');
  });
});

test.describe('dates the ladder cannot use (#18)', () => {
  test('an invalid and a future date in the contact log are named, left out, and the persons keep their reminders', async ({ context, uka, configured, login, extensionPage }) => {
    void configured;
    const { page } = await start(context, extensionPage, login);
    // Person 19: a failed call dated 2026-09-31 (not a real date). Its follow-up (3 months after 2026-08-15) stands.
    await openPerson(page, uka, 19);
    const problems19 = panel(page).getByTestId('ladder-problems');
    await expect(problems19).toContainText('Datumet 2026-09-31 i kontaktloggen är inte ett riktigt datum; rätta det i UKA.');
    await expect(panel(page).getByTestId('ladder-next')).toContainText('Följ upp ungdomen');
    await expect(panel(page).getByTestId('ladder-next')).toContainText('Försenat');
    const axe = await new AxeBuilder({ page }).include('kaa-lotsen-ui[data-feature="ladder"]').analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    // Person 20: a reached contact dated 2062-09-15. It neither counts as the latest contact nor pushes the
    // follow-up past the 20th birthday: the follow-up from 2026-08-15 is overdue.
    await openPerson(page, uka, 20);
    await expect(panel(page).getByTestId('ladder-problems')).toContainText('Datumet 2062-09-15 i kontaktloggen ligger efter dagens datum; rätta det i UKA.');
    await expect(panel(page).getByTestId('ladder-next')).toContainText('Följ upp ungdomen');
    await expect(panel(page).getByTestId('ladder-next')).toContainText('2026-11-15');

    const popup = await extensionPage('popup.html');
    const list = popup.getByTestId('reminders');
    await expect(list.getByRole('heading', { name: 'Påminnelser' })).toBeVisible();
    for (const id of [19, 20]) {
      await expect(list.locator('li[data-kind="followup3m"]').filter({ hasText: `/person/${id}` })).toHaveCount(1);
    }
    // The popup counts them: both youths have a date the ladder could not use, and a half-year (2026H1) without contact.
    await expect(popup.getByTestId('date-problems')).toContainText('2 ungdomar har datum i UKA som Kontakttrappan inte kunde använda.');
    await expect(popup.getByTestId('missed-half-years')).toContainText('2 ungdomar saknar dokumenterad kontakt');
  });
});

test.describe('reminders', () => {
  test('a planned home visit gives a visit-letter reminder 7 days before; popup order, open, snooze, done, .ics; axe', async ({ context, uka, configured, login, extensionPage }) => {
    void configured;
    const { page } = await start(context, extensionPage, login);
    // Person 15: the step after the postcard (plan a home visit) is overdue in the stand-in's data.
    await openPerson(page, uka, 15);
    await openPerson(page, uka, 10);
    await noteHomeVisit(page, '2026-12-13');
    await expect(panel(page).getByTestId('ladder-next')).toContainText('Skicka brev om hembesöket till vårdnadshavarna');
    await expect(panel(page).getByTestId('ladder-next')).toContainText('2026-12-06');

    const popup = await extensionPage('popup.html');
    const list = popup.getByTestId('reminders');
    await expect(list.getByRole('heading', { name: 'Påminnelser' })).toBeVisible();
    const letter = list.locator('li[data-kind="visitLetter"]');
    await expect(letter).toHaveCount(1);
    await expect(letter).toContainText('Skicka brev om hembesöket till vårdnadshavarna');
    await expect(letter).toContainText('2026-12-06');
    await expect(letter).toHaveAttribute('data-state', 'upcoming');

    // Overdue first: every overdue entry comes before every other one.
    const states = await list.getByTestId('reminders-now').locator('li[data-testid="reminder"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-state')));
    expect(states.length).toBeGreaterThan(0);
    expect(states[0]).toBe('overdue');
    const firstOther = states.findIndex((s) => s !== 'overdue');
    if (firstOther >= 0) expect(states.slice(firstOther)).not.toContain('overdue');
    // Person 15's overdue step is listed and leads to the person page.
    const overdue15 = list.getByTestId('reminders-now').locator('li[data-state="overdue"]').filter({ hasText: '/person/15' }).first();
    await expect(overdue15).toContainText('Sätt upp ungdomen på listan för hembesök');

    const axe = await new AxeBuilder({ page: popup }).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

    // An entry opens the UKA page in a tab.
    const [opened] = await Promise.all([context.waitForEvent('page'), overdue15.getByRole('link').click()]);
    await opened.waitForLoadState('domcontentloaded');
    expect(new URL(opened.url()).pathname).toBe('/person/15');
    await opened.close();

    // .ics: a download with UKA links and dates, no personnummer or names.
    const [download] = await Promise.all([popup.waitForEvent('download'), list.getByTestId('reminders-ics').click()]);
    const ics = readFileSync((await download.path())!, 'utf8');
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain(`${uka.origin}/person/10`);
    expect(ics).toContain('20261206');
    for (const p of (await uka.state()).persons) {
      const digits = p.personnummer.replace(/\D/g, '');
      expect(ics).not.toContain(digits);
      expect(ics).not.toContain(digits.slice(2));
      expect(ics).not.toContain(`${digits.slice(2, 8)}-${digits.slice(8)}`);
      expect(ics).not.toContain(p.name);
    }

    // Snooze hides an entry; done removes one.
    const first = list.getByTestId('reminders-now').locator('li[data-testid="reminder"]').first();
    const snoozedId = (await first.getAttribute('data-reminder-id'))!;
    await first.getByRole('button', { name: /Påminn om en vecka/ }).click();
    await expect(list.getByTestId('reminders-message')).toContainText('visas igen');
    await expect(list.locator(`li[data-reminder-id="${snoozedId}"]`)).toHaveCount(0);
    const second = list.getByTestId('reminders-now').locator('li[data-testid="reminder"]').first();
    const doneId = (await second.getAttribute('data-reminder-id'))!;
    await second.getByRole('button', { name: /^Klar/ }).click();
    await expect(list.getByTestId('reminders-message')).toContainText('klar');
    await expect(list.locator(`li[data-reminder-id="${doneId}"]`)).toHaveCount(0);
    await popup.reload();
    await expect(popup.getByTestId('reminders').getByRole('heading', { name: 'Påminnelser' })).toBeVisible();
    await expect(popup.locator(`li[data-reminder-id="${snoozedId}"]`)).toHaveCount(0);
    await expect(popup.locator(`li[data-reminder-id="${doneId}"]`)).toHaveCount(0);
  });

  test('alarms fire after the service worker was stopped: notification log and badge', async ({ context, uka, configured, login, extensionPage, extensionId }) => {
    test.setTimeout(120_000);
    void configured;
    const { page } = await start(context, extensionPage, login);
    await openPerson(page, uka, 10);
    await noteHomeVisit(page, '2026-12-13');
    const popup = await extensionPage('popup.html');
    const letter = popup.getByTestId('reminders').locator('li[data-kind="visitLetter"]');
    await expect(letter).toHaveCount(1);
    const letterId = (await letter.getAttribute('data-reminder-id'))!;

    // The visit letter's first alarm: 2026-11-29 08:00 Stockholm (07:00 UTC). Put the clock 25 s before it.
    const alarmAt = Date.parse('2026-11-29T07:00:00Z');
    await setClock(popup, new Date(alarmAt - 25_000).toISOString());
    // Wait until the worker has (caught up and) set the alarm for that instant, ~25 s from now on the real clock.
    await expect
      .poll(async () => popup.evaluate(async () => {
        const a = await chrome.alarms.get('kaa-reminder-next');
        return a ? a.scheduledTime - Date.now() : -1;
      }), { timeout: 15_000 })
      .toBeGreaterThan(12_000);
    // Watch from a plain extension page that sends no messages (the popup is closed, so nothing else wakes the worker).
    await popup.close();
    const watch = await extensionPage('options.html');
    const firedBefore = await watch.evaluate(async () => ((await chrome.storage.session.get('firedLog')).firedLog as string[] | undefined) ?? []);
    expect(firedBefore).not.toContain(letterId);

    // Stop the service worker through the DevTools protocol and see it stopped.
    const cdp = await context.newCDPSession(page);
    const statuses: string[] = [];
    cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
      for (const v of e.versions) if (v.scriptURL.startsWith(`chrome-extension://${extensionId}/`)) statuses.push(v.runningStatus);
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await expect.poll(() => statuses.at(-1), { message: 'the extension service worker is stopped' }).toBe('stopped');
    // Let go of the DevTools session before the worker starts again (it must start exactly as it would for a user).
    await cdp.send('ServiceWorker.disable');
    await cdp.detach();

    // Only the alarm can wake it now (the watching page reads storage directly, it sends no message).
    await expect
      .poll(async () => watch.evaluate(async () => ((await chrome.storage.session.get('firedLog')).firedLog as string[] | undefined) ?? []), {
        timeout: 60_000,
        intervals: [1000],
        message: 'the visit-letter reminder was notified',
      })
      .toContain(letterId);

    // Badge: the number of due and overdue reminders, now including the visit letter.
    const after = await extensionPage('popup.html');
    const now = after.getByTestId('reminders-now');
    await expect(now.locator(`li[data-reminder-id="${letterId}"]`)).toHaveAttribute('data-state', 'due');
    // The popup lists the first five; its count line holds the number of all due and overdue reminders.
    const count = Number(await after.getByTestId('reminders-count').getAttribute('data-count'));
    const badge = await after.evaluate(() => chrome.action.getBadgeText({}));
    expect(badge).toBe(String(count));
    await expect.poll(() => context.serviceWorkers().length).toBeGreaterThan(0);
  });
});
