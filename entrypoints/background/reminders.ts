/**
 * Reminders in the background: derived from the stored pseudonymous person records (recomputing each person's
 * ladder for today), UKA's SCB deadlines and the monthly review; delivered by browser alarms, notifications and the
 * badge. Alarms survive the MV3 service worker being stopped; on every start the schedule is rebuilt.
 */
import { browser } from 'wxt/browser';
import { todayInStockholm, type IsoDate } from '../../lib/domain/dates';
import { evaluateLadder } from '../../lib/ladder';
import { deriveReminders, nextAlarmTime, remindersFiringBetween, renderReminderDetail, renderReminderTitle, toIcs, type Reminder, type ReminderPerson, type ReminderView } from '../../lib/reminders';
import { loadSettings } from '../../lib/settings';
import { loadEffective } from '../../lib/platform/effective';
import { getStore, purgeExpired } from '../../lib/store';
import { now as clockNow, today as clockToday, IS_TEST_BUILD, TEST_CLOCK_KEY } from '../../lib/platform/clock';
import type { ContactEntry, MeasureEntry } from '../../lib/uka/types';
import { lastReviewDate } from '../../lib/review/records';

export const ALARM_NEXT = 'kaa-reminder-next';
export const ALARM_TICK = 'kaa-reminder-tick';
const LAST_FIRED_KEY = 'remindersLastFired';
/** The extension-clock instant ALARM_NEXT was set for (the alarm itself runs on the real clock). */
const NEXT_AT_KEY = 'remindersNextAt';
/** storage.session: ids of the reminders notified so far (newest last), for the popup and tests. */
export const FIRED_LOG_KEY = 'firedLog';

/** What the ladder needs from UKA's page, without free text: kept in the person record by 'ladder-updated'. */
export interface LadderSnapshot {
  contacts: Pick<ContactEntry, 'date' | 'kind' | 'reached' | 'target'>[];
  measures: Pick<MeasureEntry, 'atgardCode' | 'start' | 'end'>[];
}


async function persons(today: IsoDate): Promise<ReminderPerson[]> {
  const store = await getStore();
  const { routine } = await loadEffective();
  const out: ReminderPerson[] = [];
  for (const p of await store.listPersons()) {
    const snapshot = (p.ladder as { snapshot?: LadderSnapshot } | null | undefined)?.snapshot;
    let ladder = null;
    if (snapshot) {
      const notes = (await store.listNotes(p.key)).map(({ id: _id, personKey: _k, createdAt: _c, ...note }) => note);
      try {
        ladder = evaluateLadder({
          today,
          birthDate: p.birthDate,
          contacts: snapshot.contacts.map((c) => ({ ...c, note: '' })),
          measures: snapshot.measures.map((m) => ({ ...m, atgardText: '', grundAtgSlut: null, sysEfter: null })),
          localNotes: notes as never,
          settings: routine,
        });
      } catch {
        ladder = null;
      }
    }
    const lastContact = (p.ladder as { lastContact?: IsoDate | null } | null | undefined)?.lastContact ?? undefined;
    out.push({ key: p.key, path: p.path ?? '/', birthDate: p.birthDate, ladder, ...(lastContact ? { lastContact } : {}) });
  }
  return out;
}

export async function computeReminders(): Promise<Reminder[]> {
  const today = await clockToday();
  const store = await getStore();
  const { settings } = await loadSettings();
  const { snoozed, done } = await store.reminderMaps();
  const review = await store.latestReview();
  const lastMonthlyReview = (await lastReviewDate(store)) ?? (review ? todayInStockholm(new Date(review.startedAt)) : undefined);
  return deriveReminders({
    today,
    persons: await persons(today),
    scb: { h1: settings.scbDeadlines.H1, h2: settings.scbDeadlines.H2 },
    ...(lastMonthlyReview ? { lastMonthlyReview } : {}),
    monthlyReviewPath: '/export',
    // Saved files for a half-year close its deadline reminders (a file saved despite blocking errors does not).
    exportedPeriods: (await store.listExports()).filter((e) => e.verdict !== 'block' && e.verdict !== 'unreadable').map((e) => e.period),
    snoozed,
    done,
  });
}

function urlFor(ukaOrigin: string | null, path: string | undefined): string | null {
  if (!ukaOrigin || !path) return null;
  return new URL(path, ukaOrigin).href;
}

export async function reminderViews(): Promise<ReminderView[]> {
  const { settings } = await loadSettings();
  return (await computeReminders())
    .filter((r) => !r.snoozedUntil)
    .map((r) => ({
      id: r.id,
      kind: r.kind,
      state: r.state,
      dueDate: r.dueDate,
      title: renderReminderTitle(r),
      detail: renderReminderDetail(r),
      url: urlFor(settings.ukaOrigin, r.path ?? (r.kind === 'monthlyReview' ? '/export' : undefined)),
      ...(r.personKey ? { personKey: r.personKey } : {}),
    }));
}

export async function remindersIcs(): Promise<string> {
  const { settings } = await loadSettings();
  return toIcs(await computeReminders(), settings.ukaOrigin ?? 'https://uka.invalid');
}

async function updateBadge(reminders: Reminder[]): Promise<void> {
  const count = reminders.filter((r) => !r.snoozedUntil && (r.state === 'due' || r.state === 'overdue')).length;
  await browser.action.setBadgeText({ text: count ? String(count) : '' });
  await browser.action.setBadgeBackgroundColor({ color: reminders.some((r) => r.state === 'overdue') ? '#8a1c1c' : '#0b4f6c' });
}

async function lastFired(): Promise<number | null> {
  const got = await browser.storage.local.get(LAST_FIRED_KEY);
  return typeof got[LAST_FIRED_KEY] === 'number' ? (got[LAST_FIRED_KEY] as number) : null;
}

/**
 * Rebuild the alarm schedule (and the badge). Called on every start of the service worker (so also after a browser
 * restart), on every change, and by the alarms themselves. Alarm instants missed while the browser was closed (or the
 * clock jumped) are caught up at once; otherwise ALARM_NEXT is set for the next alarm instant.
 */
export async function scheduleReminders(): Promise<void> {
  const reminders = await computeReminders();
  await updateBadge(reminders);
  const clock = await clockNow();
  let fired = await lastFired();
  if (fired === null) {
    // First run: start counting from now (what is already due shows in the badge and popup, without a burst).
    fired = clock.getTime();
    await browser.storage.local.set({ [LAST_FIRED_KEY]: fired });
  }
  // Never schedule before what was already notified (the test clock stands still between writes).
  const now = new Date(Math.max(clock.getTime(), fired));
  const missed = remindersFiringBetween(reminders, new Date(fired), now).filter((r) => !r.snoozedUntil);
  if (missed.length) {
    await browser.alarms.clear(ALARM_NEXT);
    await browser.storage.local.set({ [NEXT_AT_KEY]: now.getTime() });
    await browser.alarms.create(ALARM_NEXT, { when: Date.now() + 1000 });
  } else {
    const next = nextAlarmTime(reminders, now);
    if (next !== null) {
      // The schedule is computed on the extension's clock; the alarm is set on the real one.
      const when = Date.now() + Math.max(1000, next - now.getTime());
      // An alarm already set for this very instant, and no later than needed, is kept: a worker that starts again
      // (woken by a tab event or a message) must not push it back. On the real clock the two agree anyway; the test
      // clock stands still between writes, so there `when` would move on with every start of the worker.
      const [stored, current] = await Promise.all([browser.storage.local.get(NEXT_AT_KEY), browser.alarms.get(ALARM_NEXT)]);
      if (!current || stored[NEXT_AT_KEY] !== next || current.scheduledTime > when + 1000) {
        await browser.alarms.clear(ALARM_NEXT);
        await browser.storage.local.set({ [NEXT_AT_KEY]: next });
        await browser.alarms.create(ALARM_NEXT, { when });
      }
    } else {
      await browser.alarms.clear(ALARM_NEXT);
      await browser.storage.local.remove(NEXT_AT_KEY);
    }
  }
  const tick = await browser.alarms.get(ALARM_TICK);
  if (!tick) await browser.alarms.create(ALARM_TICK, { periodInMinutes: 60 });
}

/** An alarm went off: notify what became due since the last time, then reschedule. */
export async function onReminderAlarm(name: string = ALARM_NEXT): Promise<void> {
  if (name === ALARM_TICK) {
    // Hourly housekeeping: drop everything about youths past their 20th birthday plus the retention period.
    const { loaded } = await loadEffective();
    await purgeExpired(await clockToday(), loaded.settings.retentionDays).catch(() => undefined);
  }
  const reminders = await computeReminders();
  const clock = await clockNow();
  const got = await browser.storage.local.get([LAST_FIRED_KEY, NEXT_AT_KEY]);
  // ALARM_NEXT stands for the instant it was set for, even when the extension's clock has not reached it (tests).
  const nextAt = name === ALARM_NEXT && typeof got[NEXT_AT_KEY] === 'number' ? (got[NEXT_AT_KEY] as number) : 0;
  const now = new Date(Math.max(clock.getTime(), nextAt));
  const since = typeof got[LAST_FIRED_KEY] === 'number' ? new Date(got[LAST_FIRED_KEY] as number) : new Date(now.getTime() - 24 * 3600 * 1000);
  const firing = since < now ? remindersFiringBetween(reminders, since, now).filter((r) => !r.snoozedUntil) : [];
  for (const r of firing.slice(0, 10)) {
    await browser.notifications
      .create(`kaa:${r.id}`, {
        type: 'basic',
        iconUrl: browser.runtime.getURL('/icon/128.png'),
        title: 'KAA-lotsen',
        message: `${renderReminderTitle(r)} (senast ${r.dueDate})`,
      })
      .catch(() => undefined);
  }
  if (firing.length > 10) {
    await browser.notifications
      .create('kaa:more', { type: 'basic', iconUrl: browser.runtime.getURL('/icon/128.png'), title: 'KAA-lotsen', message: `${firing.length - 10} påminnelser till väntar i KAA-lotsen.` })
      .catch(() => undefined);
  }
  if (since < now) await browser.storage.local.set({ [LAST_FIRED_KEY]: now.getTime() });
  if (firing.length) {
    const log = ((await browser.storage.session.get(FIRED_LOG_KEY))[FIRED_LOG_KEY] as string[] | undefined) ?? [];
    await browser.storage.session.set({ [FIRED_LOG_KEY]: [...log, ...firing.map((r) => r.id)].slice(-200) });
  }
  await scheduleReminders();
}

/** A click on a notification opens the UKA page it is about. */
export async function onNotificationClicked(notificationId: string): Promise<void> {
  if (!notificationId.startsWith('kaa:')) return;
  const id = notificationId.slice(4);
  const view = (await reminderViews()).find((r) => r.id === id);
  const { settings } = await loadSettings();
  const url = view?.url ?? (settings.ukaOrigin ? new URL('/', settings.ukaOrigin).href : null);
  if (url) await browser.tabs.create({ url });
  await browser.notifications.clear(notificationId);
}

/**
 * Test builds: moving the test clock reschedules at once (so an e2e test can "advance time"). A clock set back before
 * the last notified instant also sets that instant back: the worker's first run (at install, before a test sets its
 * clock) counts from the real time, and the reminders between the test's clock and that real time must still fire.
 */
export function watchTestClock(): void {
  if (!IS_TEST_BUILD) return;
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' || !(TEST_CLOCK_KEY in changes)) return;
    void (async () => {
      const set = Date.parse(String(changes[TEST_CLOCK_KEY]?.newValue));
      const fired = await lastFired();
      if (Number.isFinite(set) && fired !== null && set < fired) await browser.storage.local.set({ [LAST_FIRED_KEY]: set });
      await scheduleReminders();
    })().catch(() => undefined);
  });
}

