/**
 * The row loop: each data record split into fields, every field checked against its column (format, code list,
 * required / only-when), and the records grouped per youth and registration period for the person rules.
 * Records are read one at a time from the text (no array of all lines); memory grows with the youths, not the bytes.
 */
import { FMT_CODE, FMT_DATE, FMT_KOMMUN, FMT_YESNO, type Compiled, type CompiledColumn } from './compile';
import { LineSet, sameAt } from './dedup';
import { splitInto, splitQuoted, type SplitOut } from './fields';
import type { LineReader } from './lines';
import type { Born, Person } from './person';
import { addEvents, personOf } from './rowgroup';
import { badCode, badDate, badKommun, colAt, emptyField, noteQuoted, parsePnr, pnrProblem, type CodeZero, type QuotedBreak, type QuotedSep } from './rowfields';
import type { Sink } from './sink';
import { isDigits, isRealIsoDate, ISO_RE, short } from './text';

export interface KommunLines {
  lines: number[];
  keys: (string | undefined)[];
  col: number;
}

export interface RowsResult {
  persons: Map<string, Person>;
  kommunLines: Map<string, KommunLines>;
  /** Blank lines after the header, as [from, to] runs of line numbers. */
  blankRuns: [number, number][];
  /** Line number of the last line that is not blank (0 = none). */
  lastNonBlank: number;
  /** Rows that hold only separators (";;;;;;;;;;;;;"), as a spreadsheet program writes empty rows. */
  emptyRows: { count: number; first: number; last: number; example: string };
  trailingLines: number;
  quotedLines: number;
  /** Records with a quoted field holding the separator, or a line break. */
  quotedSep: QuotedSep;
  quotedBreak: QuotedBreak;
  /** Codes found without their leading zero ("5" for "05"). */
  codeZero: CodeZero;
  rows: number;
  /** Latest valid event date not after today ('' = none). */
  latest: string;
}

export interface RowOptions {
  sep: string;
  /** Profile column → index in the file (columns in another order), or null. */
  perm: number[] | null;
  today: string | undefined;
  /** Cause given to every row finding (a header that does not match), or null. */
  headerCause: string | null;
  /** The file is UTF-8: findings on rows with non-ASCII characters are its consequences. */
  encodingCause: boolean;
  /** See ValidateOptions.onRecord. */
  onRecord?: ((fields: readonly string[], line: number) => void) | undefined;
}

const MAX_JOINED_LINES = 20;
const NON_ASCII_RE = /[^\x00-\x7f]/;

export function checkRows(text: string, reader: LineReader, C: Compiled, o: RowOptions, sink: Sink): RowsResult {
  const profile = C.profile;
  const sep = o.sep;
  const sepCode = sep.charCodeAt(0);
  const n = C.n;
  const R = C.role;
  const iP = R.personnummer;
  const iRS = R.regStart;
  const iRE = R.regEnd;
  const iCD = R.contactDate;
  const iCO = R.contactOccupation;
  const iM = R.measure;
  const iMS = R.measureStart;
  const iME = R.measureEnd;
  const iAF = R.occupationAfter;
  const yes = profile.codes.yes;
  const no = profile.codes.no;
  const today = o.today && ISO_RE.test(o.today) ? o.today : null;
  const perm = o.perm;

  const res: RowsResult = {
    persons: new Map<string, Person>(),
    kommunLines: new Map<string, KommunLines>(),
    blankRuns: [],
    lastNonBlank: 0,
    emptyRows: { count: 0, first: 0, last: 0, example: '' },
    trailingLines: 0,
    quotedLines: 0,
    quotedSep: { count: 0, first: 0, field: '', value: '' },
    quotedBreak: { count: 0, first: 0, last: 0, field: '' },
    codeZero: { count: 0, first: 0, example: '', field: '' },
    rows: 0,
    latest: '',
  };
  const persons = res.persons;
  const pnrCache = new Map<string, Born | null>();
  // Contact dates repeat (a half-year has some 180 days): one string per date, not one per line.
  const dates = new Map<string, string>();
  // Duplicates: each distinct line is remembered by its place in the text (see dedup.ts), not as a string.
  const seen = new LineSet(text);
  let joinedSeen: Map<string, number> | null = null;
  let kommunEntry: KommunLines | undefined;
  let kommunValue = '';
  // Per-person cache: consecutive lines of one registration period repeat the same prefix (person + registration
  // fields); when the prefix is byte-identical to a previous clean one, its checks are not repeated.
  let cachePrefix = '';
  let cacheAt = 0; // where the line that set cachePrefix starts in the text
  let cacheKey: string | undefined;
  let cacheParsed: Born | null = null;
  let lastPerson: Person | null = null;
  let lastPrefix = '';
  const prefixLen = perm ? 0 : C.prefixLen;
  const out: SplitOut = { fields: new Array<string>(n).fill(''), starts: new Array<number>(n).fill(0) };
  const permuted: string[] = new Array<string>(n).fill('');
  const flags = { trailingEmpty: false };
  let latest = '';
  let rows = 0;

  for (let raw = reader.next(); raw !== null; raw = reader.next()) {
    const lineNo = reader.no;
    const recStart = reader.lineStart;
    // blank lines
    if (raw.length === 0 || ((raw.charCodeAt(0) <= 32 || raw.charCodeAt(raw.length - 1) <= 32) && raw.trim() === '')) {
      const last = res.blankRuns[res.blankRuns.length - 1];
      if (last && last[1] === lineNo - 1) last[1] = lineNo;
      else res.blankRuns.push([lineNo, lineNo]);
      continue;
    }
    // rows of separators only (an empty spreadsheet row)
    if (raw.charCodeAt(0) === sepCode) {
      let onlySeps = true;
      for (let i = 1; i < raw.length; i++) {
        const ch = raw.charCodeAt(i);
        if (ch !== sepCode && ch !== 32) {
          onlySeps = false;
          break;
        }
      }
      if (onlySeps) {
        const e = res.emptyRows;
        if (e.count === 0) {
          e.first = lineNo;
          e.example = raw.length > 20 ? `${raw.slice(0, 20)}…` : raw;
        }
        e.count++;
        e.last = lineNo;
        res.lastNonBlank = lineNo;
        continue;
      }
    }
    res.lastNonBlank = lineNo;
    rows++;

    // quoted records: a quoted field may go on over the next lines
    let rec = raw;
    const afterFirst = reader.pos;
    let quoted = false;
    let qinfo: ReturnType<typeof splitQuoted> | null = null;
    if (raw.indexOf('"') !== -1) {
      qinfo = splitQuoted(rec, sep, n, out);
      let joined = 0;
      while (qinfo.open && joined < MAX_JOINED_LINES) {
        const more = reader.next();
        if (more === null) break;
        rec += `\n${more}`;
        joined++;
        qinfo = splitQuoted(rec, sep, n, out);
      }
      if (joined > 0 && qinfo.open) {
        // No closing quote: read the first line alone again.
        reader.seek(afterFirst, lineNo);
        rec = raw;
        qinfo = splitQuoted(rec, sep, n, out);
      }
      quoted = qinfo.quoted > 0;
      if (quoted) {
        res.quotedLines++;
        noteQuoted(qinfo, out.fields, C, perm, lineNo, reader.no, res.quotedSep, res.quotedBreak);
      }
      cachePrefix = '';
    }
    sink.rowCause = quoted ? 'X-QUOTES' : o.headerCause ?? (o.encodingCause && NON_ASCII_RE.test(rec) ? 'S-ENCODING' : null);

    // duplicates (identical records)
    const cached = !quoted && cachePrefix !== '' && rec.length >= cachePrefix.length && sameAt(text, recStart, cacheAt, cachePrefix.length);
    let dupOf = 0;
    if (rec !== raw) {
      // a record over several lines: compared as a whole
      joinedSeen ??= new Map();
      dupOf = joinedSeen.get(rec) ?? 0;
      if (dupOf === 0) joinedSeen.set(rec, lineNo);
    } else dupOf = seen.firstOf(recStart, rec.length, lineNo);
    if (dupOf > 0) {
      sink.add('S-DUPLICATE', lineNo, `Raden är en exakt kopia av rad ${dupOf}.`);
      continue;
    }

    // --- fields (in the profile's order)
    let count: number;
    let trailingEmpty: boolean;
    if (qinfo) {
      count = qinfo.count;
      trailingEmpty = qinfo.trailingEmpty;
    } else {
      count = cached ? splitInto(rec, sep, cachePrefix.length, prefixLen, n, out, flags) : splitInto(rec, sep, 0, 0, n, out, flags);
      trailingEmpty = flags.trailingEmpty;
    }
    if (count > n && trailingEmpty) {
      res.trailingLines++;
      count = n;
    }
    if (count !== n) {
      sink.add('S-COLUMNS', lineNo, `Raden har ${count} fält, men ska ha ${n}. Fälten hamnar då i fel kolumner.`);
      cachePrefix = '';
      continue;
    }
    let f = out.fields;
    if (perm) {
      for (let k = 0; k < n; k++) permuted[k] = out.fields[perm[k] as number] as string;
      f = permuted;
    }

    // --- personnummer or samordningsnummer
    const pRaw = f[iP] as string;
    let key: string | undefined;
    let parsed: Born | null = null;
    const totalBefore = sink.total;
    if (cached) {
      key = cacheKey;
      parsed = cacheParsed;
    } else if (isDigits(pRaw, 12)) {
      key = pRaw;
      parsed = parsePnr(pRaw, pnrCache, sink, lineNo, C, out.starts, perm);
    } else pnrProblem(pRaw, sink, lineNo, C, out.starts, perm);

    // --- every column: format, code list, required/only-when
    let rowOk = parsed !== null;
    if (cached && kommunEntry) {
      kommunEntry.lines.push(lineNo);
      kommunEntry.keys.push(key);
    }
    let csValid = false;
    let msValid = false;
    let meValid = false;
    let reValid = false;
    for (let c = cached ? prefixLen : 0; c <= n; c++) {
      if (c === prefixLen && !cached) {
        // end of the prefix: registration date order, then decide whether this prefix can be cached
        const rs0 = f[iRS] as string;
        const re0 = f[iRE] as string;
        if (re0 !== '' && re0 < rs0 && isRealIsoDate(re0) && isRealIsoDate(rs0))
          sink.add('S-DATE-ORDER', lineNo, `Registreringsperioden slutar (${re0}) före den börjar (${rs0}).`, { column: colAt(out.starts, perm, iRE), field: C.cols[iRE]!.name, personKey: key });
        if (rowOk && sink.total === totalBefore && prefixLen > 0 && !quoted) {
          const end = out.starts[prefixLen] as number;
          cachePrefix = rec.slice(0, end);
          cacheAt = recStart;
          cacheKey = key;
          cacheParsed = parsed;
        } else cachePrefix = '';
      }
      if (c === n) break;
      if (c === iP) continue;
      const col = C.cols[c] as CompiledColumn;
      const v = f[c] as string;
      if (v === '') {
        if ((col.requiredAlways || col.requiredWhen >= 0) && !emptyField(col, c, f, sink, lineNo, C, out.starts, perm, key)) rowOk = false;
        continue;
      }
      if (col.onlyWhen >= 0 && f[col.onlyWhen] === '') {
        sink.add('S-NOT-ALLOWED', lineNo, `${col.name} är ifyllt fast ${C.cols[col.onlyWhen]!.name} är tomt.`, { column: colAt(out.starts, perm, c), field: col.name, personKey: key });
      }
      switch (col.fmt) {
        case FMT_DATE:
          if (!isRealIsoDate(v)) {
            if (c === iRS) rowOk = false;
            badDate(v, col, c, sink, lineNo, out.starts, perm, key);
          } else {
            if (c === iCD) csValid = true;
            else if (c === iMS) msValid = true;
            else if (c === iME) meValid = true;
            else if (c === iRE) reValid = true;
            if (today && v > today) sink.add('S-FUTURE', lineNo, `${col.name} ${v} ligger efter dagens datum.`, { column: colAt(out.starts, perm, c), field: col.name, personKey: key });
            if (v > latest && (c === iCD || c === iMS || c === iRS) && (!today || v <= today)) latest = v;
          }
          break;
        case FMT_CODE:
          if (!col.codes!.has(v)) badCode(v, col, c, res.codeZero, quoted, sink, lineNo, out.starts, perm, key);
          break;
        case FMT_YESNO:
          if (v !== yes && v !== no) sink.add('S-FORMAT', lineNo, `${col.name} ska vara ${yes} eller ${no}, men är ${short(v)}.`, { column: colAt(out.starts, perm, c), field: col.name, personKey: key });
          break;
        case FMT_KOMMUN:
          if (isDigits(v, 4)) {
            if (v !== kommunValue || !kommunEntry) {
              kommunValue = v;
              kommunEntry = res.kommunLines.get(v);
              if (!kommunEntry) {
                kommunEntry = { lines: [], keys: [], col: colAt(out.starts, perm, c) };
                res.kommunLines.set(v, kommunEntry);
              }
            }
            kommunEntry.lines.push(lineNo);
            kommunEntry.keys.push(key);
          } else badKommun(v, col, c, sink, lineNo, out.starts, perm, key);
          break;
        default:
          break;
      }
    }
    const cd = f[iCD] as string;
    const co = f[iCO] as string;
    const mCode = f[iM] as string;
    const ms = f[iMS] as string;
    if ((cd !== '' || co !== '') && (mCode !== '' || ms !== '')) {
      sink.add('S-LINE-KIND', lineNo, 'Raden har både en kontakt och en åtgärd. Varje kontakt och varje åtgärd ska stå på en egen rad.', { personKey: key });
    }

    if (cached) reValid = (f[iRE] as string) !== '';
    const me = f[iME] as string;
    if (msValid && meValid && me < ms)
      sink.add('S-DATE-ORDER', lineNo, `Åtgärden slutar (${me}) före den börjar (${ms}).`, { column: colAt(out.starts, perm, iME), field: C.cols[iME]!.name, personKey: key });
    const after = f[iAF] as string;
    if (mCode !== '' && after !== '' && mCode === after)
      sink.add('R5', lineNo, `Åtgärden och sysselsättningen efter åtgärden har samma kod (${mCode}).`, { column: colAt(out.starts, perm, iAF), field: C.cols[iAF]!.name, personKey: key });

    if (o.onRecord) o.onRecord(f, lineNo);
    if (!rowOk || !key || !parsed) continue;

    // --- group per person and registration period (a line with the cached prefix belongs where the last one did)
    // (lastPerson is set together with its registration period, so a cached line's period is lastPerson's last one)
    let p: Person;
    if (cached && lastPerson && lastPrefix === cachePrefix) {
      p = lastPerson;
    } else {
      p = personOf(persons, key, parsed, f, R, reValid, sink, lineNo);
      lastPerson = p;
      lastPrefix = cachePrefix;
    }
    addEvents(p, lineNo, cd, co, csValid, mCode, ms, me, msValid, meValid, dates);
  }
  sink.rowCause = null;
  res.rows = rows;
  res.latest = latest;
  return res;
}
