/**
 * Reminders over the local store: each stored pseudonymous person's ladder recomputed for today from the kept
 * snapshot (dates, kinds and codes only), UKA's SCB deadlines and the monthly review, then derived by ./reminders.ts.
 */
import { todayInStockholm, type IsoDate } from '../domain/dates';
import { evaluateLadder } from '../ladder';
import { loadSettings } from '../settings';
import { loadEffective } from '../platform/effective';
import { today as clockToday } from '../platform/clock';
import { getStore } from '../store';
import { sessionNames } from '../platform/session-names';
import { lastReviewDate } from '../review/records';
import { snapshotInput } from '../ladder/snapshot';
import { deriveReminders } from './reminders';
import { toIcs } from './ics';
import { renderReminderDetail, renderReminderTitle } from './texts';
import type { LadderSummary, Reminder, ReminderPerson, ReminderView } from './types';
import { ukaUrl } from '../platform/links';


/** Every youth known to KAA-lotsen with the ladder for today (null when the person page has not been read). */
export async function persons(today: IsoDate): Promise<ReminderPerson[]> {
  const store = await getStore();
  const { routine } = await loadEffective();
  const out: ReminderPerson[] = [];
  for (const p of await store.listPersons()) {
    // The summary was checked by its strict schema when read (lib/store/persons.ts).
    const snapshot = p.ladder?.snapshot;
    let ladder = null;
    if (snapshot) {
      const notes = (await store.listNotes(p.key)).map(({ id: _id, personKey: _k, createdAt: _c, ...note }) => note);
      // evaluateLadder never throws: a bad date is reported and left out, and a ladder that cannot be computed at all
      // comes back 'unavailable', which the reminders show ("kunde inte räknas fram") instead of dropping the person.
      ladder = evaluateLadder({
        today,
        birthDate: snapshot.birthDate ?? p.birthDate,
        ...snapshotInput(snapshot),
        localNotes: notes as never,
        settings: routine,
      });
    }
    const lastContact = p.ladder?.lastContact ?? undefined;
    out.push({ key: p.key, path: p.path ?? '/', birthDate: p.birthDate, ladder, ...(lastContact ? { lastContact } : {}) });
  }
  return out;
}

/** Every current reminder, for today on the extension's clock. */
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
    scb: settings.scbDeadlines,
    ...(lastMonthlyReview ? { lastMonthlyReview } : {}),
    monthlyReviewPath: '/export',
    // Saved files for a half-year close its deadline reminders (a file saved despite blocking errors does not).
    exportedPeriods: (await store.listExports()).filter((e) => e.verdict !== 'block' && e.verdict !== 'unreadable').map((e) => e.period),
    snoozed,
    done,
  });
}

/** The reminders the popup lists (snoozed ones left out), with their texts and UKA links. */
/** How many youths missed a half-year, have a date the ladder could not use, or a ladder it could not compute. */
export async function ladderSummary(): Promise<LadderSummary> {
  const out: LadderSummary = { missedPersons: 0, missedHalfYears: 0, withDateProblems: 0, unavailable: 0 };
  for (const p of await persons(await clockToday())) {
    if (!p.ladder) continue;
    if (p.ladder.missedHalfYears.length) {
      out.missedPersons += 1;
      out.missedHalfYears += p.ladder.missedHalfYears.length;
    }
    if (p.ladder.problems.length) out.withDateProblems += 1;
    if (p.ladder.unavailable) out.unavailable += 1;
  }
  return out;
}

export async function reminderViews(): Promise<ReminderView[]> {
  const { settings } = await loadSettings();
  // Names seen in UKA this browser session (memory only), so that each entry says whom it is about.
  const names = await sessionNames();
  return (await computeReminders())
    .filter((r) => !r.snoozedUntil)
    .map((r) => ({
      id: r.id,
      kind: r.kind,
      state: r.state,
      dueDate: r.dueDate,
      title: renderReminderTitle(r),
      detail: renderReminderDetail(r),
      url: ukaUrl(settings.ukaOrigin, r.path ?? (r.kind === 'monthlyReview' ? '/export' : undefined)),
      ...(r.personKey ? { personKey: r.personKey } : {}),
      ...(r.personKey && names.has(r.personKey) ? { name: names.get(r.personKey) } : {}),
    }));
}

/** The reminders as an .ics calendar file (without the ones dated from birth dates unless asked for). */
export async function remindersIcs(options: { includeBirthDates?: boolean } = {}): Promise<string> {
  const { settings } = await loadSettings();
  return toIcs(await computeReminders(), settings.ukaOrigin ?? 'https://uka.invalid', { includeBirthDates: options.includeBirthDates ?? false });
}
