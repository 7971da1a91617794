/**
 * Lines of the decoded text without an array of every line: a scan that counts the line endings, and a reader that
 * hands out one line at a time (its terminator removed, and any CR before an LF with it, so that CR CR LF endings
 * do not leave a hidden CR in the last field). Memory stays proportional to the text, whatever the file holds.
 */
import type { LineEndingKind } from '../decode';

export interface LineScan {
  /** Physical lines (an empty piece after the final line break is not a line). */
  lines: number;
  crlf: number;
  lf: number;
  cr: number;
  /** Lines ending in CR CR LF (counted in crlf too). */
  crcr: number;
  /** First line (1-based) ending in CR CR LF, 0 = none. */
  firstCrcr: number;
  /** The end of that line as written (its last characters and terminator), '' = none. */
  firstCrcrTail: string;
  lineEnding: LineEndingKind;
  finalNewline: boolean;
  /** True when the lines are separated by CR alone (no LF in the file). */
  crOnly: boolean;
}

export function scanLines(text: string): LineScan {
  const n = text.length;
  let lines = 0;
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  let crcr = 0;
  let firstCrcr = 0;
  let firstCrcrTail = '';
  if (text.indexOf('\n') === -1 && text.indexOf('\r') !== -1) {
    for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) cr++;
    lines = text.charCodeAt(n - 1) === 13 ? cr : cr + 1;
    return { lines, crlf, lf, cr, crcr, firstCrcr, firstCrcrTail, lineEnding: 'CR', finalNewline: text.charCodeAt(n - 1) === 13, crOnly: true };
  }
  let pos = 0;
  while (pos < n) {
    const i = text.indexOf('\n', pos);
    lines++;
    if (i === -1) break;
    if (i > pos && text.charCodeAt(i - 1) === 13) {
      crlf++;
      if (i - 1 > pos && text.charCodeAt(i - 2) === 13) {
        crcr++;
        if (firstCrcr === 0) {
          firstCrcr = lines;
          firstCrcrTail = text.slice(Math.max(pos, i - 7), i + 1);
        }
      }
    } else lf++;
    pos = i + 1;
  }
  const lineEnding: LineEndingKind = crlf > 0 && lf > 0 ? 'mixed' : crlf > 0 ? 'CRLF' : lf > 0 ? 'LF' : 'none';
  return { lines, crlf, lf, cr, crcr, firstCrcr, firstCrcrTail, lineEnding, finalNewline: n > 0 && text.charCodeAt(n - 1) === 10, crOnly: false };
}

/** One line at a time; `no` is the 1-based number of the line last returned. */
export class LineReader {
  pos = 0;
  no = 0;
  private prevPos = 0;
  private prevNo = 0;
  constructor(
    private readonly text: string,
    private readonly crOnly: boolean,
  ) {}

  next(): string | null {
    const t = this.text;
    const n = t.length;
    if (this.pos >= n) return null;
    this.prevPos = this.pos;
    this.prevNo = this.no;
    const i = t.indexOf(this.crOnly ? '\r' : '\n', this.pos);
    const end = i === -1 ? n : i;
    let e = end;
    if (!this.crOnly) while (e > this.pos && t.charCodeAt(e - 1) === 13) e--;
    const line = t.slice(this.pos, e);
    this.pos = i === -1 ? n : i + 1;
    this.no++;
    return line;
  }

  /** Where the line last returned starts in the text. */
  get lineStart(): number {
    return this.prevPos;
  }

  /** Go back to `pos` (just after line `no`). */
  seek(pos: number, no: number): void {
    this.pos = pos;
    this.no = no;
  }

  /** Give the line last returned back (read again by the next `next()`). */
  unread(): void {
    this.pos = this.prevPos;
    this.no = this.prevNo;
  }

}

const VISIBLE: Record<number, string> = { 0: '␀', 9: '␉', 10: '␊', 13: '␍', 32: ' ' };
/** Control characters shown as visible symbols ("02\r" → "02␍"), so that a message can show what hides in a field. */
export function showInvisible(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += c < 32 ? (VISIBLE[c] ?? String.fromCharCode(0x2400 + c)) : c === 0x7f ? '␡' : s[i];
  }
  return out;
}
