/**
 * When reminders are notified: one named alarm for the next alarm instant of any reminder, and an hourly tick for
 * housekeeping, both on the scheduler of lib/platform (alarms wake a stopped MV3 worker; the next instant is
 * persisted; alarms lost while the browser was closed are caught up at start). The schedule is rebuilt on every
 * start, on every change that moves a reminder, and by the alarms themselves.
 */
import { browser } from 'wxt/browser';
import { loadEffective } from '../platform/effective';
import { now as clockNow, today as clockToday, IS_TEST_BUILD } from '../platform/clock';
import { REMINDERS_LAST_FIRED_KEY, TEST_CLOCK_KEY } from '../platform/storage-keys';
import { createScheduler, type Scheduler } from '../platform/scheduler';
import { purgeExpired } from '../store';
import { nextAlarmTime, remindersFiringBetween } from './reminders';
import { computeReminders } from './stored';
import { notify, updateBadge } from './alerts';

export const ALARM_NEXT = 'kaa-reminder-next';
export const ALARM_TICK = 'kaa-reminder-tick';
const TICK_MINUTES = 60;
const DAY_MS = 24 * 3600 * 1000;

let shared: Scheduler | null = null;

/** The background's scheduler, with the reminder alarms' handlers registered. */
export function reminderScheduler(): Scheduler {
  if (shared) return shared;
  const scheduler = createScheduler({ alarms: browser.alarms, storage: browser.storage.local, clock: async () => (await clockNow()).getTime() });
  scheduler.handle(ALARM_NEXT, (instant) => notifyDue(instant));
  scheduler.handle(ALARM_TICK, async (instant) => {
    // Hourly housekeeping: drop everything about youths past their 20th birthday plus the retention period.
    const { loaded } = await loadEffective();
    await purgeExpired(await clockToday(), loaded.settings.retentionDays).catch(() => undefined);
    await notifyDue(instant);
  });
  shared = scheduler;
  return scheduler;
}

async function lastFired(): Promise<number | null> {
  const got = await browser.storage.local.get(REMINDERS_LAST_FIRED_KEY);
  return typeof got[REMINDERS_LAST_FIRED_KEY] === 'number' ? (got[REMINDERS_LAST_FIRED_KEY] as number) : null;
}

/**
 * Rebuild the alarm schedule (and the badge). Alarm instants missed since the last notification (the browser was
 * closed, the clock jumped) are caught up at once; otherwise ALARM_NEXT is set for the next alarm instant.
 */
export async function scheduleReminders(): Promise<void> {
  const scheduler = reminderScheduler();
  const reminders = await computeReminders();
  await updateBadge(reminders);
  const clock = (await clockNow()).getTime();
  let fired = await lastFired();
  if (fired === null) {
    // First run: start counting from now (what is already due shows in the badge and popup, without a burst).
    fired = clock;
    await browser.storage.local.set({ [REMINDERS_LAST_FIRED_KEY]: fired });
  }
  // Never schedule before what was already notified (the test clock stands still between writes).
  const now = new Date(Math.max(clock, fired));
  const missed = remindersFiringBetween(reminders, new Date(fired), now).filter((r) => !r.snoozedUntil);
  if (missed.length) {
    await scheduler.soon(ALARM_NEXT);
  } else {
    const next = nextAlarmTime(reminders, now);
    if (next !== null) await scheduler.at(ALARM_NEXT, next);
    else await scheduler.cancel(ALARM_NEXT);
  }
  await scheduler.every(ALARM_TICK, TICK_MINUTES);
}

/** Notify what became due between the last notification and `instant`, then reschedule. */
async function notifyDue(instant: number): Promise<void> {
  const reminders = await computeReminders();
  const now = new Date(instant);
  const last = await lastFired();
  const since = last !== null ? new Date(last) : new Date(now.getTime() - DAY_MS);
  const firing = since < now ? remindersFiringBetween(reminders, since, now).filter((r) => !r.snoozedUntil) : [];
  await notify(firing);
  if (since < now) await browser.storage.local.set({ [REMINDERS_LAST_FIRED_KEY]: now.getTime() });
  await scheduleReminders();
}

/** An alarm went off (ALARM_NEXT stands for the instant it was set for, even before the extension's clock is there). */
export async function onReminderAlarm(name: string = ALARM_NEXT): Promise<void> {
  await reminderScheduler().fire(name);
}

/** At start: alarms the browser lost are set again, then the schedule is rebuilt. */
export async function startReminders(): Promise<void> {
  await reminderScheduler().catchUp();
  await scheduleReminders();
}

/** After "Radera all lokal data": count from now again. */
export async function resetReminders(): Promise<void> {
  await browser.storage.local.remove(REMINDERS_LAST_FIRED_KEY);
  await scheduleReminders();
}

/**
 * Test builds: moving the test clock reschedules at once (so an e2e test can "advance time"). A clock set back before
 * the last notified instant also sets that instant back: the worker's first run (at install, before a test sets its
 * clock) counts from the real time, and the reminders between the test's clock and that real time must still fire.
 */
export function watchTestClock(): void {
  if (IS_TEST_BUILD) {
    browser.storage.onChanged.addListener((changes, area) => {
      if (area !== 'local' || !(TEST_CLOCK_KEY in changes)) return;
      void (async () => {
        const set = Date.parse(String(changes[TEST_CLOCK_KEY]?.newValue));
        const fired = await lastFired();
        if (Number.isFinite(set) && fired !== null && set < fired) await browser.storage.local.set({ [REMINDERS_LAST_FIRED_KEY]: set });
        await scheduleReminders();
      })().catch(() => undefined);
    });
  }
}
