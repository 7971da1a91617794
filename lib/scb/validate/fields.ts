/**
 * Splitting one record into fields without allocating an array per line: the fields (and where each starts) are
 * written into arrays that the row loop reuses. Quoted records (as spreadsheet programs write them) have their own
 * parser that knows separators and line breaks inside quotes.
 */

export interface SplitOut {
  /** Fields of the record, in file order (only the first `n` are kept). */
  fields: string[];
  /** 0-based position in the record where each kept field starts. */
  starts: number[];
}

/**
 * Split `raw` from position `pos` (the start of field `col`) on `sep`. Keeps fields col..n-1 in `out` and returns
 * the record's total field count; `trailingEmpty` is set when every field beyond n is empty.
 */
export function splitInto(raw: string, sep: string, pos: number, col: number, n: number, out: SplitOut, flags: { trailingEmpty: boolean }): number {
  const { fields, starts } = out;
  let k = col;
  flags.trailingEmpty = false;
  for (;;) {
    const j = raw.indexOf(sep, pos);
    starts[k] = pos;
    fields[k] = j === -1 ? raw.slice(pos) : raw.slice(pos, j);
    k++;
    if (j === -1) return k;
    pos = j + 1;
    if (k === n) {
      // Beyond the last column: count the remaining fields and whether they are all empty.
      let extra = 1;
      let empty = true;
      for (let i = pos; i < raw.length; i++) {
        if (raw.charCodeAt(i) === sep.charCodeAt(0)) extra++;
        else empty = false;
      }
      flags.trailingEmpty = empty;
      return n + extra;
    }
  }
}

export interface QuotedInfo {
  /** Total field count of the record. */
  count: number;
  /** A quoted field is still open at the end of the record (its closing quote is on a later line). */
  open: boolean;
  /** Index of the first quoted field holding the separator, or -1. */
  sepInside: number;
  /** Index of the first quoted field holding a line break, or -1. */
  breakInside: number;
  /** How many fields were quoted. */
  quoted: number;
  /** Every field beyond n is empty. */
  trailingEmpty: boolean;
}

/** Split a record that contains quotes: "a;b" is one field, "" inside quotes is one quote, a quoted field may span lines. */
export function splitQuoted(rec: string, sep: string, n: number, out: SplitOut): QuotedInfo {
  const info: QuotedInfo = { count: 0, open: false, sepInside: -1, breakInside: -1, quoted: 0, trailingEmpty: true };
  const s = sep.charCodeAt(0);
  const len = rec.length;
  let pos = 0;
  let k = 0;
  for (;;) {
    let value: string;
    const start = pos;
    if (pos < len && rec.charCodeAt(pos) === 34) {
      info.quoted++;
      let v = '';
      let i = pos + 1;
      let closed = false;
      while (i < len) {
        const q = rec.indexOf('"', i);
        if (q === -1) {
          v += rec.slice(i);
          i = len;
          break;
        }
        v += rec.slice(i, q);
        if (rec.charCodeAt(q + 1) === 34) {
          v += '"';
          i = q + 2;
          continue;
        }
        i = q + 1;
        closed = true;
        break;
      }
      if (!closed) info.open = true;
      // Text after the closing quote up to the separator belongs to the field as written.
      let j = i;
      while (j < len && rec.charCodeAt(j) !== s) j++;
      value = v + rec.slice(i, j);
      if (value.indexOf(sep) !== -1 && info.sepInside === -1) info.sepInside = k;
      if ((value.indexOf('\n') !== -1 || value.indexOf('\r') !== -1) && info.breakInside === -1) info.breakInside = k;
      pos = j;
    } else {
      let j = rec.indexOf(sep, pos);
      if (j === -1) j = len;
      value = rec.slice(pos, j);
      pos = j;
    }
    if (k < n) {
      out.fields[k] = value;
      out.starts[k] = start;
    } else if (value !== '') info.trailingEmpty = false;
    k++;
    if (pos >= len) break;
    pos++; // the separator
    if (pos === len) {
      // record ends with a separator: one more, empty field
      if (k < n) {
        out.fields[k] = '';
        out.starts[k] = pos;
      }
      k++;
      break;
    }
  }
  info.count = k;
  return info;
}
