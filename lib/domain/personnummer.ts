/**
 * Swedish personnummer and samordningsnummer, through the well-kept `personnummer` package.
 * Pure: no DOM, no browser APIs. Never log or store what these functions receive.
 */
import Personnummer from 'personnummer';

export interface ParsedId {
  /** Normalised 12 digits, no separator. */
  digits12: string;
  /** Birth date as YYYY-MM-DD (for a samordningsnummer: the day minus 60). */
  birthDate: string;
  coordination: boolean;
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
    return null;
  }
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
