/**
 * What the half-year rules count: documented attempts (any entry of UKA's contact log, or a local note of a call,
 * letter or visit), ended half-years without any documented contact or attempt, and the latest date for the next
 * contact under the half-year minimum.
 */
import { addHalfYears, addMonths, halfYearEnd, halfYearOf, halfYearStart, isIsoDate, maxIso, minIso, type HalfYear, type IsoDate } from '../domain/dates';
import type { ContactEntry, MeasureEntry } from '../uka/types';
import type { Source } from './events';
import type { LocalNote } from './types';

const ATTEMPT_NOTES = new Set<LocalNote['step']>(['callFailed', 'letterSent', 'visitLetterSent', 'homeVisitDone']);
const DOCUMENTED_NOTES = new Set<LocalNote['step']>([...ATTEMPT_NOTES, 'reached', 'notInterested']);

/** The latest documented attempt on or after `from`: any entry of UKA's contact log, or a local attempt note. */
export function latestAttempt(contacts: ContactEntry[], notes: LocalNote[], from: IsoDate): { date: IsoDate; source: Source } | null {
  let best: { date: IsoDate; source: Source } | null = null;
  for (const c of contacts) if (c.date >= from && (!best || c.date >= best.date)) best = { date: c.date, source: 'uka' };
  for (const n of notes) {
    if (!ATTEMPT_NOTES.has(n.step) || !('date' in n) || !n.date || n.date < from) continue;
    if (!best || n.date > best.date) best = { date: n.date, source: 'local' };
  }
  return best;
}

/**
 * Ended calendar half-years without any documented contact or attempt: since registration, or within the last
 * twelve months, whichever is shorter; never from before the first documented entry when registration is unknown,
 * and none that start on or after the end of the duty.
 */
export function missedHalfYears(
  today: IsoDate,
  endDate: IsoDate,
  registeredFrom: unknown,
  contacts: ContactEntry[],
  measures: MeasureEntry[],
  notes: LocalNote[],
): HalfYear[] {
  const documented: IsoDate[] = contacts.map((c) => c.date);
  for (const n of notes) if (DOCUMENTED_NOTES.has(n.step) && 'date' in n && n.date) documented.push(n.date);
  let from: IsoDate | null = isIsoDate(registeredFrom) && registeredFrom <= today ? registeredFrom : null;
  if (!from) {
    const evidence = [...documented, ...measures.map((m) => m.start)];
    from = evidence.length ? minIso(...evidence) : null;
  }
  if (!from) return [];
  from = maxIso(from, addMonths(today, -12));
  const out: HalfYear[] = [];
  const current = halfYearOf(today);
  for (let h = halfYearOf(from); h < current && halfYearStart(h) < endDate; h = addHalfYears(h, 1)) {
    const start = halfYearStart(h);
    const end = halfYearEnd(h);
    if (!documented.some((d) => d >= start && d <= end)) out.push(h);
  }
  return out;
}

/**
 * Latest date for the next reached contact under the half-year minimum: by the end of the half-year after the one
 * of the last contact, but never earlier than the end of the current half-year (a half-year already missed cannot be
 * repaired; the current one can). `span` 2 allows skipping a half-year (used when the minimum is switched off).
 */
export function halfYearDue(lastContact: IsoDate | null, today: IsoDate, span = 1): IsoDate {
  const curEnd = halfYearEnd(addHalfYears(halfYearOf(today), span - 1));
  if (!lastContact) return curEnd;
  const fromLast = halfYearEnd(addHalfYears(halfYearOf(lastContact), span));
  return fromLast > curEnd ? fromLast : curEnd;
}
