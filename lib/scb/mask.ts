/**
 * Masking of personnummer and samordningsnummer in any text the command-line checker prints: 12 or 10 digits,
 * with '-', '+', spaces or no separator between the date and the last four ("20070313-2381", "070313 2381",
 * "200703132381", "20070313 - 2381"). The last four digits become ****; the date part stays for orientation.
 */
const ID_RE = /(?<![\d])((?:\d{2})?\d{6})(\s*[-+]\s*|\s+)?(\d{4})(?![\d])/g;

export function maskPersonnummer(text: string): string {
  return text.replace(ID_RE, (_m, date: string, sep: string | undefined) => `${date}${sep && sep.includes('+') ? '+' : '-'}****`);
}
