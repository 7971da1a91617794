/**
 * Swedish personnummer and samordningsnummer, through the well-kept `personnummer` package.
 * Pure: no DOM, no browser APIs. Never log or store what these functions receive.
 */
import Personnummer from 'personnummer';
import { daysInMonth } from './dates';

export interface ParsedId {
  /** Normalised 12 digits, no separator. */
  digits12: string;
  /**
   * Birth date as YYYY-MM-DD, always a real calendar date (for a samordningsnummer: the day minus 60). When the
   * birth date is partly unknown (see birthDatePartial) this is the LATEST possible date, so that anything counted
   * from it (the end of KAA at 20, how long data is kept) never comes too early.
   */
  birthDate: string;
  coordination: boolean;
  /**
   * Only for a samordningsnummer whose month and/or day is 00 (Skatteverket issues these when the birth date is
   * partly unknown): the date as issued, with 00 for the unknown parts ('2008-00-06', '2007-06-00'). The contact
   * ladder takes this form and works with the range of possible dates.
   */
  birthDatePartial?: string;
}

const OPTIONS = { allowCoordinationNumber: true, allowInterimNumber: false };

/** Parse a personnummer or samordningsnummer (10 or 12 digits, optional - or +). Null when invalid. */
export function parseId(raw: string): ParsedId | null {
  const text = raw.trim();
  if (!/^(\d{6}|\d{8})[-+]?\d{4}$/.test(text)) return null;
  try {
    const p = Personnummer.parse(text, OPTIONS);
    const coordination = p.isCoordinationNumber();
    const day = Number(p.day) - (coordination ? 60 : 0);
    const birthDate = `${p.fullYear}-${p.month}-${String(day).padStart(2, '0')}`;
    return { digits12: `${p.fullYear}${p.month}${p.day}${p.num}${p.check}`, birthDate, coordination };
  } catch {
    return parsePartlyUnknown(text);
  }
}

/**
 * A samordningsnummer with month and/or day 00 (the `personnummer` package rejects them). Checked digit by digit:
 * day 60–91 (a samordningsnummer), month 00–12, 00 in at least one of them, and a valid check digit. A 10-digit
 * number gets its century as the package does (the most recent year not in the future; '+' a hundred years more).
 */
function parsePartlyUnknown(text: string, now: Date = new Date()): ParsedId | null {
  const m = /^(\d{2})?(\d{2})(\d{2})(\d{2})([-+])?(\d{4})$/.exec(text);
  if (!m) return null;
  const [, cc, yy, mm, dd, sep, last4] = m as unknown as [string, string | undefined, string, string, string, string | undefined, string];
  const month = Number(mm);
  const day = Number(dd) - 60;
  if (day < 0 || day > 31 || month > 12 || (month !== 0 && day !== 0)) return null;
  let year: number;
  if (cc !== undefined) year = Number(cc + yy);
  else {
    const current = now.getFullYear();
    year = current - ((current - Number(yy)) % 100 + 100) % 100 - (sep === '+' ? 100 : 0);
  }
  const digits12 = `${String(year).padStart(4, '0')}${mm}${dd}${last4}`;
  if (!luhn10(digits12)) return null;
  // The latest possible birth date: December for an unknown month (it has every day), the month's end for a day.
  const latestMonth = month === 0 ? 12 : month;
  const latestDay = day === 0 ? daysInMonth(year, latestMonth) : day;
  return {
    digits12,
    birthDate: `${String(year).padStart(4, '0')}-${String(latestMonth).padStart(2, '0')}-${String(latestDay).padStart(2, '0')}`,
    coordination: true,
    birthDatePartial: `${String(year).padStart(4, '0')}-${mm}-${String(day).padStart(2, '0')}`,
  };
}

/** Luhn check over the last ten digits of a 12-digit number (fast path for large files). */
export function luhn10(digits12: string): boolean {
  if (!/^\d{12}$/.test(digits12)) return false;
  let sum = 0;
  for (let i = 2; i < 12; i++) {
    let d = digits12.charCodeAt(i) - 48;
    if ((i - 2) % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Mask for display in reports: keeps the birth date, hides the last four digits ("20050612-****"). */
export function maskId(raw: string): string {
  const digits = raw.replace(/\D/g, '');
  if (digits.length === 12) return `${digits.slice(0, 8)}-****`;
  if (digits.length === 10) return `${digits.slice(0, 6)}-****`;
  return '****';
}
