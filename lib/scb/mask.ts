/**
 * Masking of personnummer and samordningsnummer in any text the command-line checker prints: 12 or 10 digits,
 * with '-', '+', spaces or no separator between the date and the last four ("20070313-2381", "070313 2381",
 * "200703132381", "20070313 - 2381"). The last four digits become ****; the date part stays for orientation.
 */

/**
 * A personnummer-like number in any of those forms, as regular-expression source with three groups (date part,
 * separator, last four), not anchored. Shared with the masking of stored free text (lib/store/redact.ts).
 */
export const PERSONNUMMER_LIKE = String.raw`((?:\d{2})?\d{6})(\s*[-+]\s*|\s+)?(\d{4})`;
const ID_RE = new RegExp(String.raw`(?<!\d)${PERSONNUMMER_LIKE}(?!\d)`, 'g');

export function maskPersonnummer(text: string): string {
  return text.replace(ID_RE, (_m, date: string, sep: string | undefined) => `${date}${sep && sep.includes('+') ? '+' : '-'}****`);
}
