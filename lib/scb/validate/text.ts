/** Small string checks of the validator, written as char-code loops (they run for every field of large files). */

export const HALF_RE = /^\d{4}H[12]$/;
export const ISO_RE = /^\d{4}-\d{2}-\d{2}$/;

export function isDigits(s: string, len: number): boolean {
  if (s.length !== len) return false;
  for (let i = 0; i < len; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

export function allDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** Real calendar date written YYYY-MM-DD (char-code loop, no regex). */
export function isRealIsoDate(s: string): boolean {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
  let y = 0;
  for (let i = 0; i < 4; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return false;
    y = y * 10 + c;
  }
  const m1 = s.charCodeAt(5) - 48;
  const m2 = s.charCodeAt(6) - 48;
  const d1 = s.charCodeAt(8) - 48;
  const d2 = s.charCodeAt(9) - 48;
  if (m1 < 0 || m1 > 9 || m2 < 0 || m2 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return false;
  const m = m1 * 10 + m2;
  const d = d1 * 10 + d2;
  if (m < 1 || m > 12 || d < 1 || y < 1) return false;
  const max = m === 2 && ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0) ? 29 : (DAYS[m] as number);
  return d <= max;
}

/** 1-based character position where field k (0-based) starts in the raw line. */
export function fieldColumn(raw: string, sep: string, k: number): number {
  let pos = 0;
  for (let j = 0; j < k; j++) {
    const i = raw.indexOf(sep, pos);
    if (i === -1) return pos + 1;
    pos = i + 1;
  }
  return pos + 1;
}

/** A value quoted for a message, cut at 40 characters. */
export function short(value: string): string {
  const v = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return `"${v}"`;
}
