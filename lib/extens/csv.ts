/**
 * CSV that opens correctly in Swedish Excel: UTF-8 with a BOM (so å ä ö survive), semicolons (the Swedish list
 * separator), CRLF, every field quoted when needed, and personnummer written YYYYMMDD-NNNN so that Excel keeps them
 * as text (a bare 12-digit number becomes 1,99901E+11). Fields that Excel would run as a formula get a leading
 * apostrophe. Pure: no DOM, no browser APIs.
 */
import type { ListEntryView } from './compare';

const BOM = '\ufeff';

/** One field, quoted when it holds a separator, a quote or a line break; formula starters neutralised. */
export function csvField(value: string): string {
  let v = value;
  if (/^[=+\-@\t\r]/.test(v)) v = `'${v}`;
  if (/[;"\r\n]/.test(v)) v = `"${v.replace(/"/g, '""')}"`;
  return v;
}

/** Personnummer as text for Excel: YYYYMMDD-NNNN. */
export function pnrAsText(digits12: string): string {
  return /^\d{12}$/.test(digits12) ? `${digits12.slice(0, 8)}-${digits12.slice(8)}` : digits12;
}

/** Rows to CSV text (BOM included); the caller encodes it as UTF-8. */
export function toExcelCsv(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const lines = [header, ...rows].map((r) => r.map(csvField).join(';'));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

export const LIST_CSV_HEADER = ['Personnummer', 'Namn', 'Skäl', 'Telefon', 'Adress'] as const;

/** One of the comparison's lists as CSV for Excel. */
export function listToCsv(entries: readonly ListEntryView[]): string {
  return toExcelCsv(
    LIST_CSV_HEADER,
    entries.map((e) => [pnrAsText(e.personnummer), e.name, e.reason, e.phone, e.address]),
  );
}
