/**
 * Reminders in the background: derived from the stored pseudonymous person records (recomputing each person's
 * ladder for today), UKA's SCB deadlines and the monthly review; delivered by browser alarms, notifications and the
 * badge. Alarms survive the MV3 service worker being stopped; on every start the schedule is rebuilt.
 */
import { browser } from 'wxt/browser';
import { addDays, type IsoDate } from '../../lib/domain/dates';
import { evaluateLadder } from '../../lib/ladder';
import { deriveReminders, nextAlarmTime, remindersFiringBetween, renderReminderDetail, renderReminderTitle, toIcs, type Reminder, type ReminderPerson } from '../../lib/reminders';
import { loadSettings } from '../../lib/settings';
import { getStore } from '../../lib/store';
import { now as clockNow, today as clockToday, IS_TEST_BUILD, TEST_CLOCK_KEY } from '../../lib/platform/clock';
import type { ContactEntry, MeasureEntry } from '../../lib/uka/types';

export const ALARM_NEXT = 'kaa-reminder-next';
export const ALARM_TICK = 'kaa-reminder-tick';
const LAST_FIRED_KEY = 'remindersLastFired';

/** What the ladder needs from UKA's page, without free text: kept in the person record by 'ladder-updated'. */
export interface LadderSnapshot {
  contacts: Pick<ContactEntry, 'date' | 'kind' | 'reached' | 'target'>[];
  measures: Pick<MeasureEntry, 'atgardCode' | 'start' | 'end'>[];
}

export interface ReminderView {
  id: string;
  kind: Reminder['kind'];
  state: Reminder['state'];
  dueDate: IsoDate;
  title: string;
  detail: string;
  url: string | null;
  personKey?: string;
}

async function persons(today: IsoDate): Promise<ReminderPerson[]> {
  const store = await getStore();
  const { settings } = await loadSettings();
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
          settings: settings.ladder,
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
  const lastMonthlyReview = review ? (new Date(review.startedAt).toISOString().slice(0, 10) as IsoDate) : undefined;
  return deriveReminders({
    today,
    persons: await persons(today),
    scb: { h1: settings.scbDeadlines.H1, h2: settings.scbDeadlines.H2 },
    ...(lastMonthlyReview ? { lastMonthlyReview } : {}),
    monthlyReviewPath: '/export',
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

/** Rebuild the alarm schedule (and the badge). Called on start, on every change, and by the alarms themselves. */
export async function scheduleReminders(): Promise<void> {
  const reminders = await computeReminders();
  await updateBadge(reminders);
  const now = await clockNow();
  const next = nextAlarmTime(reminders, now);
  await browser.alarms.clear(ALARM_NEXT);
  if (next !== null) {
    // The schedule is computed on the extension's clock; the alarm is set on the real one.
    const delay = Math.max(1000, next - now.getTime());
    await browser.alarms.create(ALARM_NEXT, { when: Date.now() + delay });
  }
  const tick = await browser.alarms.get(ALARM_TICK);
  if (!tick) await browser.alarms.create(ALARM_TICK, { periodInMinutes: 60 });
}

/** An alarm went off: notify what became due since the last time, then reschedule. */
export async function onReminderAlarm(): Promise<void> {
  const reminders = await computeReminders();
  const now = await clockNow();
  const got = await browser.storage.local.get(LAST_FIRED_KEY);
  const since = typeof got[LAST_FIRED_KEY] === 'number' ? new Date(got[LAST_FIRED_KEY] as number) : new Date(now.getTime() - 24 * 3600 * 1000);
  const firing = remindersFiringBetween(reminders, since, now).filter((r) => !r.snoozedUntil);
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
  await browser.storage.local.set({ [LAST_FIRED_KEY]: now.getTime() });
  const log = ((await browser.storage.session.get('firedLog')).firedLog as string[] | undefined) ?? [];
  await browser.storage.session.set({ firedLog: [...log, ...firing.map((r) => r.id)].slice(-200) });
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

/** Test builds: moving the test clock reschedules at once (so an e2e test can "advance time"). */
export function watchTestClock(): void {
  if (!IS_TEST_BUILD) return;
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && TEST_CLOCK_KEY in changes) void scheduleReminders();
  });
}

