/**
 * Reading an Extens extract file: encoding (UTF-8 with or without BOM, or Windows-1252), separator (comma, semicolon
 * or tab), header row or not, and the rows themselves through papaparse (streamed row by row, so a 50,000-row
 * extract is never held as a second copy). Pure: no DOM; runs in a page, a Web Worker and Node.
 */
import Papa from 'papaparse';
import { decodeWindows1252 } from '../scb/decode';
import { looksLikeUtf8 } from '../scb/decode';

export type Encoding = 'utf-8' | 'utf-8-bom' | 'windows-1252';
export type Separator = ';' | ',' | '\t';

export interface DecodedText {
  text: string;
  encoding: Encoding;
}

/** Decode the bytes: a UTF-8 BOM or valid UTF-8 with non-ASCII characters is UTF-8, anything else Windows-1252. */
export function decodeExtract(bytes: Uint8Array): DecodedText {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (looksLikeUtf8(bytes)) return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' };
  return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
}

/** The separator of the first non-empty line (outside quotes): the most frequent of ; tab and , (ties: ; first). */
export function detectSeparator(text: string): Separator {
  let start = 0;
  let line = '';
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    line = text.slice(start, end).replace(/\r$/, '');
    if (line.trim() !== '') break;
    start = end + 1;
  }
  const counts: Record<Separator, number> = { ';': 0, '\t': 0, ',': 0 };
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ';' || ch === '\t' || ch === ',')) counts[ch]++;
  }
  const order: Separator[] = [';', '\t', ','];
  let best: Separator = ';';
  for (const s of order) if (counts[s] > counts[best]) best = s;
  return best;
}

const PNR_LIKE = /^(\d{6}|\d{8})[-+ ]?\d{4}$|^[+-]?\d+(?:[.,]\d+)?[eE][+-]?\d+$|^\d{5,}$/;
const DATE_LIKE = /^\d{4}-\d{2}-\d{2}/;

/** A first row is a header when some cell has letters and none looks like a personnummer, a number or a date. */
export function looksLikeHeader(cells: readonly string[]): boolean {
  const trimmed = cells.map((c) => c.trim());
  if (!trimmed.some((c) => /\p{L}/u.test(c))) return false;
  return !trimmed.some((c) => PNR_LIKE.test(c) || DATE_LIKE.test(c));
}

export interface RowSink {
  /** Called once per record; `row` is the 1-based record number in the file (a header row is row 1). */
  (cells: string[], row: number): void;
}

export interface ParseOptions {
  separator?: Separator;
  /** Called about every 1,000 rows with the share of the text read (0..1). Return false to stop. */
  onProgress?: (share: number) => boolean | void;
}

export interface ParseSummary {
  separator: Separator;
  rows: number;
  /** Papaparse's own complaints (an unterminated quote …), with record numbers. */
  problems: Array<{ row: number; message: string }>;
  cancelled: boolean;
}

/** True when every cell is empty (such rows, e.g. Excel's trailing ";;;;" lines, are skipped). */
export function isEmptyRow(cells: readonly string[]): boolean {
  for (const c of cells) if (c.trim() !== '') return false;
  return true;
}

/** Stream the records of the text to `sink`, one array of cells per record (quotes and CRLF/LF handled by papaparse). */
export function streamRows(text: string, sink: RowSink, opts: ParseOptions = {}): ParseSummary {
  const separator = opts.separator ?? detectSeparator(text);
  const problems: ParseSummary['problems'] = [];
  let row = 0;
  let cancelled = false;
  const total = Math.max(1, text.length);
  Papa.parse<string[]>(text, {
    delimiter: separator,

    quoteChar: '"',
    skipEmptyLines: false,
    step: (results, parser) => {
      row++;
      for (const e of results.errors) problems.push({ row, message: papaMessage(e) });
      sink(results.data, row);
      if (opts.onProgress && row % 1000 === 0) {
        if (opts.onProgress(Math.min(1, results.meta.cursor / total)) === false) {
          cancelled = true;
          parser.abort();
        }
      }
    },
  });
  return { separator, rows: row, problems, cancelled };
}

function papaMessage(e: Papa.ParseError): string {
  if (e.code === 'MissingQuotes') return 'ett citattecken avslutas aldrig; raden kan ha slagits ihop med följande rader';
  if (e.code === 'InvalidQuotes') return 'felaktiga citattecken i ett fält';
  if (e.code === 'UndetectableDelimiter') return 'avgränsaren gick inte att avgöra';
  return e.message;
}
