/**
 * Calendar-date helpers on ISO 'YYYY-MM-DD' strings. Pure: no DOM, no browser APIs, and no `Date` arithmetic with
 * times of day (a calendar date is converted to a day number and back, so DST and the host time zone never matter).
 *
 * Conventions (documented here once, relied on everywhere):
 * - addMonths clamps to the end of the month: 31 Jan + 1 month = 28 Feb (29 Feb in a leap year); 31 Mar − 1 month =
 *   28/29 Feb. The day is never carried into the following month.
 * - A person born on 29 February has their birthday on 1 March in a common year (Swedish legal practice: the age is
 *   reached when the day after 28 February begins). ageOn and birthdayOn follow this rule.
 * - Half-years are calendar half-years: H1 = 1 Jan–30 Jun, H2 = 1 Jul–31 Dec, written '2026H1' / '2026H2'.
 */
import type { IsoDate } from '../uka/types';

export type { IsoDate };

/** A calendar half-year, e.g. '2026H1'. */
export type HalfYear = `${number}H${1 | 2}`;

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(s: unknown): s is IsoDate {
  if (typeof s !== 'string') return false;
  const m = ISO_RE.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/** Split an ISO date; throws on anything that is not a real calendar date (a programming error upstream). */
export function parseIso(s: IsoDate): Ymd {
  if (!isIsoDate(s)) throw new RangeError(`Not an ISO calendar date: ${JSON.stringify(s)}`);
  return { y: Number(s.slice(0, 4)), m: Number(s.slice(5, 7)), d: Number(s.slice(8, 10)) };
}

export function toIso(y: number, m: number, d: number): IsoDate {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Days since 1970-01-01 for a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function toDayNumber(date: IsoDate): number {
  const { y: y0, m, d } = parseIso(date);
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of toDayNumber. */
export function fromDayNumber(n: number): IsoDate {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return toIso(y, m, d);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Whole days from `from` to `to` (positive when `to` is later). diffDays('2026-01-01', '2026-01-31') === 30. */
export function diffDays(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/**
 * Add (or subtract) calendar months, clamping the day to the last day of the target month:
 * addMonths('2026-01-31', 1) === '2026-02-28', addMonths('2028-01-31', 1) === '2028-02-29'.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { y, m, d } = parseIso(date);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12 + 1;
  return toIso(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

/** Add years with the same clamping as addMonths (29 Feb + 1 year = 28 Feb). Birthdays use birthdayOn instead. */
export function addYears(date: IsoDate, years: number): IsoDate {
  return addMonths(date, years * 12);
}

/** ISO dates compare correctly as strings; these helpers only make intent explicit. */
export function compareIso(a: IsoDate, b: IsoDate): number {
  return compareCodePoints(a, b);
}

/**
 * Plain string order (UTF-16 code units): for ISO dates and ASCII ids, where it is the order people expect. Unlike
 * String.prototype.localeCompare, it needs no ICU collator: the first localeCompare in a page starts one, a stall of
 * about 10 ms in Chromium, on every UKA page that sorts dates.
 */
export function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
export function minIso(...dates: IsoDate[]): IsoDate {
  if (dates.length === 0) throw new RangeError('minIso of nothing');
  return dates.reduce((a, b) => (b < a ? b : a));
}
export function maxIso(...dates: IsoDate[]): IsoDate {
  if (dates.length === 0) throw new RangeError('maxIso of nothing');
  return dates.reduce((a, b) => (b > a ? b : a));
}

// Made on first use: building a formatter with a time zone costs several milliseconds (ICU), which every bundle
// that imports this module would otherwise pay when it loads.
let stockholmFormat: Intl.DateTimeFormat | undefined;
const STOCKHOLM_OPTIONS: Intl.DateTimeFormatOptions = {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
};

interface LocalParts {
  date: IsoDate;
  hour: number;
  minute: number;
  second: number;
}

function stockholmParts(instant: Date): LocalParts {
  const parts: Record<string, string> = {};
  stockholmFormat ??= new Intl.DateTimeFormat('en-CA', STOCKHOLM_OPTIONS);
  for (const p of stockholmFormat.formatToParts(instant)) parts[p.type] = p.value;
  return {
    date: toIso(Number(parts.year), Number(parts.month), Number(parts.day)),
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** The calendar date in Sweden (Europe/Stockholm, DST-correct) at the given instant. */
export function todayInStockholm(now: Date): IsoDate {
  return stockholmParts(now).date;
}

/**
 * The instant (epoch ms) of a wall-clock time in Stockholm on a date. Times that do not exist (the skipped hour at
 * the start of summer time) move forward by the gap; ambiguous times (the repeated hour in October) take the first.
 */
export function stockholmInstant(date: IsoDate, hour = 0, minute = 0): number {
  const wanted = toDayNumber(date) * 1440 + hour * 60 + minute;
  // Sweden is UTC+1 or UTC+2. Try both offsets; take the earliest instant that shows the wanted wall time.
  const candidates: number[] = [];
  for (const offsetH of [2, 1]) {
    const ms = (wanted - offsetH * 60) * 60_000;
    const p = stockholmParts(new Date(ms));
    if (toDayNumber(p.date) * 1440 + p.hour * 60 + p.minute === wanted) candidates.push(ms);
  }
  if (candidates.length > 0) return Math.min(...candidates);
  // Non-existent local time (02:xx on the last Sunday of March): standard-time offset gives the moment after the gap.
  return (wanted - 60) * 60_000;
}

/**
 * Whole years of age on `date`. A 29 February birth date reaches each new age on 1 March in common years
 * (and on 29 February in leap years).
 */
export function ageOn(birthDate: IsoDate, date: IsoDate): number {
  const b = parseIso(birthDate);
  const t = parseIso(date);
  let age = t.y - b.y;
  // Comparing (month, day) pairs gives the 1 March rule for free: 28 Feb < 29 Feb (not yet), 1 Mar > 29 Feb (done).
  if (t.m < b.m || (t.m === b.m && t.d < b.d)) age -= 1;
  return age;
}

/** The date on which a person born on `birthDate` turns `age` (29 Feb → 1 Mar in common years). */
export function birthdayOn(birthDate: IsoDate, age: number): IsoDate {
  const b = parseIso(birthDate);
  const y = b.y + age;
  if (b.m === 2 && b.d === 29 && !isLeapYear(y)) return toIso(y, 3, 1);
  return toIso(y, b.m, b.d);
}

export function halfYearOf(date: IsoDate): HalfYear {
  const { y, m } = parseIso(date);
  return `${y}H${m <= 6 ? 1 : 2}` as HalfYear;
}

export function parseHalfYear(h: HalfYear): { year: number; half: 1 | 2 } {
  const m = /^(\d{4})H([12])$/.exec(h);
  if (!m) throw new RangeError(`Not a half-year: ${JSON.stringify(h)}`);
  return { year: Number(m[1]), half: m[2] === '1' ? 1 : 2 };
}

export function halfYearStart(h: HalfYear): IsoDate {
  const { year, half } = parseHalfYear(h);
  return half === 1 ? toIso(year, 1, 1) : toIso(year, 7, 1);
}

export function halfYearEnd(h: HalfYear): IsoDate {
  const { year, half } = parseHalfYear(h);
  return half === 1 ? toIso(year, 6, 30) : toIso(year, 12, 31);
}

/** The half-year `n` steps after `h` (negative for earlier). */
export function addHalfYears(h: HalfYear, n: number): HalfYear {
  const { year, half } = parseHalfYear(h);
  const idx = year * 2 + (half - 1) + n;
  const ny = Math.floor(idx / 2);
  return `${ny}H${idx - ny * 2 + 1}` as HalfYear;
}

export function startOfMonth(date: IsoDate): IsoDate {
  const { y, m } = parseIso(date);
  return toIso(y, m, 1);
}

export function endOfMonth(date: IsoDate): IsoDate {
  const { y, m } = parseIso(date);
  return toIso(y, m, daysInMonth(y, m));
}

/** 'YYYYMMDD', the compact form used by iCalendar DATE values. */
export function compactDate(date: IsoDate): string {
  return date.replace(/-/g, '');
}
