/**
 * The ladder's input checks: everything read from UKA (or stored) is untrusted. Pure; never throws.
 *
 * - Every date of the contact log, the measures and the local notes is checked. A value that is not a real calendar
 *   date ('2026-02-30', '2026-13-01', '18 nov 2026', '2026-10-xx', '') or that records something done after today
 *   (a typo such as 2062) is left out of the ladder's reasoning and reported as a DateProblem. Dates that may lie
 *   ahead by nature are not "in the future" problems: a measure's end, a planned home visit, an agreed follow-up.
 * - A measure is left out when its start is bad, or its end is given but is not a date (it cannot be told ongoing).
 * - The birth date may be partly unknown (samordningsnummer with month and/or day 00): it becomes a range.
 */
import { ageOn, birthdayOn, daysInMonth, isIsoDate, toIso, type IsoDate } from '../domain/dates';
import type { ContactEntry, MeasureEntry } from '../uka/types';
import type { DateProblem, LocalNote } from './types';

/** Notes that record something already done: their date may not lie after today. */
const DONE_NOTES = new Set<string>([
  'callFailed',
  'letterSent',
  'visitLetterSent',
  'homeVisitDone',
  'reached',
  'notInterested',
  'notLivingAtAddress',
  'skatteverketReported',
  'orosanmalanDone',
  'handoverDone',
]);
/** Notes whose date is optional ("done, whenever"). */
const OPTIONAL_DATE_NOTES = new Set<string>(['skatteverketReported', 'orosanmalanDone', 'handoverDone']);
const KNOWN_NOTES = new Set<string>([...DONE_NOTES, 'homeVisitPlanned', 'followUpAgreed']);

export interface Indexed<T> {
  value: T;
  index: number;
}

export interface CheckedInput {
  contacts: Indexed<ContactEntry>[];
  measures: Indexed<MeasureEntry>[];
  notes: Indexed<LocalNote>[];
  problems: DateProblem[];
}

function shown(v: unknown): string {
  const s = typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v);
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
}

/** The verdict on one date: null when usable. `mayBeAhead` for dates that may lie after today. */
export function dateVerdict(v: unknown, today: IsoDate, mayBeAhead = false): DateProblem['problem'] | null {
  if (!isIsoDate(v)) return 'not-a-date';
  return !mayBeAhead && v > today ? 'in-the-future' : null;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/** Split the input into what the ladder may reason on and the problems to report. `today` must be a real date. */
export function checkInput(
  today: IsoDate,
  contacts: readonly unknown[] | undefined,
  measures: readonly unknown[] | undefined,
  notes: readonly unknown[] | undefined,
): CheckedInput {
  const out: CheckedInput = { contacts: [], measures: [], notes: [], problems: [] };
  const problem = (source: DateProblem['source'], index: number, field: DateProblem['field'], value: unknown, kind: DateProblem['problem']) =>
    out.problems.push({ source, index, field, value: shown(value), problem: kind });

  (Array.isArray(contacts) ? contacts : []).forEach((c, index) => {
    if (!isObject(c)) return;
    const verdict = dateVerdict(c.date, today);
    if (verdict) problem('contact', index, 'date', c.date, verdict);
    else out.contacts.push({ value: { ...(c as ContactEntry), note: typeof c.note === 'string' ? c.note : '' }, index });
  });

  (Array.isArray(measures) ? measures : []).forEach((m, index) => {
    if (!isObject(m)) return;
    const start = dateVerdict(m.start, today);
    const end = m.end === null || m.end === undefined ? null : dateVerdict(m.end, today, true);
    if (start) problem('measure', index, 'start', m.start, start);
    if (end) problem('measure', index, 'end', m.end, end);
    if (!start && !end) out.measures.push({ value: { ...(m as MeasureEntry), end: (m.end as IsoDate | null | undefined) ?? null }, index });
  });

  (Array.isArray(notes) ? notes : []).forEach((n, index) => {
    if (!isObject(n) || typeof n.step !== 'string' || !KNOWN_NOTES.has(n.step)) return;
    if (n.date === undefined && OPTIONAL_DATE_NOTES.has(n.step)) {
      out.notes.push({ value: n as LocalNote, index });
      return;
    }
    const verdict = dateVerdict(n.date, today, !DONE_NOTES.has(n.step));
    if (verdict) problem('note', index, 'date', n.date, verdict);
    else out.notes.push({ value: n as LocalNote, index });
  });
  return out;
}

/**
 * A birth date as the ladder knows it. For a samordningsnummer with month or day 00 it is a range: every possible
 * birth date lies between `earliest` and `latest`, and since age never grows with a later birth date, the age on any
 * day lies between the age of `latest` and the age of `earliest` on that day.
 */
export interface BirthRange {
  earliest: IsoDate;
  latest: IsoDate;
  exact: boolean;
}

export function birthRange(v: unknown): BirthRange | null {
  if (isIsoDate(v)) return { earliest: v, latest: v, exact: true };
  if (typeof v !== 'string') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo > 12 || d > 31) return null;
  if (mo === 0 && d === 0) return { earliest: toIso(y, 1, 1), latest: toIso(y, 12, 31), exact: false };
  if (mo === 0) {
    // The day is known, the month is not: the first and the last month that have that day.
    const months = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].filter((k) => d <= daysInMonth(y, k));
    return { earliest: toIso(y, months[0]!, d), latest: toIso(y, months[months.length - 1]!, d), exact: false };
  }
  if (d === 0) return { earliest: toIso(y, mo, 1), latest: toIso(y, mo, daysInMonth(y, mo)), exact: false };
  return null;
}

/** Lowest and highest possible age on `date`. */
export function ageRange(b: BirthRange, date: IsoDate): { min: number; max: number } {
  return { min: ageOn(b.latest, date), max: ageOn(b.earliest, date) };
}

/** The birthday on which the age `age` is certainly reached (the latest possible), and the earliest possible. */
export function birthdayRange(b: BirthRange, age: number): { earliest: IsoDate; latest: IsoDate } {
  return { earliest: birthdayOn(b.earliest, age), latest: birthdayOn(b.latest, age) };
}
