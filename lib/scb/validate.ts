/**
 * Validator of the SCB file (profile-driven, see lib/scb/profiles). Pure: no DOM, no Node or browser APIs beyond
 * TextDecoder; runs in a page, a service worker and Node. `validateScbFile` never throws.
 *
 * Positions: `line` is the 1-based physical line of the file (the header is line 1); `column` is the 1-based
 * character (= byte, after a BOM) position in that line. Field findings also carry `field` (the variable name).
 */
import { luhn10, parseId } from '../domain/personnummer';
import { ageOn, halfYearEnd, halfYearOf, halfYearStart, addHalfYears, type HalfYear } from '../domain/dates';
import { decodeWindows1252, looksLikeUtf8, splitLines } from './decode';
import { defaultProfile, deadlineFor, profileAppliesTo, type ColumnRole } from './profile-core';
import type { ScbProfile } from './profile';
import { EXCEL_MESSAGE, isExcelRule, isUnreadableRule, ruleText, type Severity } from './rules';

export type { Severity } from './rules';

export interface Finding {
  severity: Severity;
  /** R1..R6, Y1..Y4, G1 (as SCB-FILE.md), S-* structural, X-* Excel damage, U-* unreadable. */
  ruleId: string;
  /** 1-based physical line (header = 1); null for file-level findings. */
  line: number | null;
  /** 1-based character position in the line (Windows-1252: also the byte position). */
  column?: number;
  /** Variable name of the field, e.g. "PersonNr". */
  field?: string;
  /** The row's 12-digit personnummer/samordningsnummer (mask it with maskId before display). */
  personKey?: string;
  /** Plain Swedish description of what is wrong. */
  message: string;
  /** Swedish: how to fix it. */
  fix: string;
}

export type Verdict = 'ok' | 'warn' | 'block' | 'unreadable';

export interface ScbReport {
  verdict: Verdict;
  profileId: string;
  profileVersion: string;
  /** Collection period checked against, e.g. '2026H2' (null only when unreadable and not given). */
  period: string | null;
  periodSource: 'option' | 'file' | 'today' | 'profile';
  /** Reporting deadline of the period under the profile, e.g. '2027-02-01'. */
  deadline: string | null;
  /** Kommunkod checked against (opts.kommun, or the most common one in the file). */
  kommun: string | null;
  /** Totals per severity, including findings left out by the per-rule cap. */
  counts: { block: number; warn: number; info: number };
  /** Data rows (lines after the header, blank lines excluded). */
  rows: number;
  /** Distinct youths (valid 12-digit PersonNr). */
  persons: number;
  /** Physical lines incl. header. */
  lines: number;
  excelDamage: boolean;
  lineEnding: 'CRLF' | 'LF' | 'CR' | 'mixed' | 'none';
  findings: Finding[];
  /** Per rule id: how many findings were left out of `findings` by the cap. */
  omitted: Record<string, number>;
}

export interface ValidateOptions {
  profile?: ScbProfile;
  /** Collection period '2026H2'; default derived from the file (latest event date), else from today. */
  period?: string;
  /** Expected kommunkod, e.g. '2281'. */
  kommun?: string;
  /** ISO date used for "date in the future" checks and the period default. */
  today?: string;
  /** Cap of findings kept per rule id (counts still include all). Default 500. */
  maxFindingsPerRule?: number;
}

const HALF_RE = /^\d{4}H[12]$/;
const ISO_RE = /^\d{4}-\d{2}-\d{2}$/;

// ---------------------------------------------------------------------------------------------- char-code checks

function isDigits(s: string, len: number): boolean {
  if (s.length !== len) return false;
  for (let i = 0; i < len; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function allDigits(s: string): boolean {
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

// ---------------------------------------------------------------------------------------------- compiled profile

const FMT_KOMMUN = 1;
const FMT_PNR = 2;
const FMT_DATE = 3;
const FMT_CODE = 4;
const FMT_YESNO = 5;
const FMT_TEXT = 6;

interface CompiledColumn {
  name: string;
  fmt: number;
  codes: Set<string> | null;
  codeList: string | null;
  requiredAlways: boolean;
  requiredWhen: number; // column index or -1
  requiredRule: string;
  onlyWhen: number; // column index or -1
}

interface Compiled {
  profile: ScbProfile;
  cols: CompiledColumn[];
  n: number;
  role: Record<ColumnRole, number>;
  level: Map<string, number>;
  sep: string;
  enabled: Set<string>;
  /** Leading columns that only hold person/registration fields (repeated on every line of a period). */
  prefixLen: number;
}

const compiledCache = new WeakMap<ScbProfile, Compiled>();

function compile(profile: ScbProfile): Compiled {
  const hit = compiledCache.get(profile);
  if (hit) return hit;
  const idx = new Map(profile.columns.map((c, i) => [c.name, i] as const));
  const fmtOf = { kommun: FMT_KOMMUN, personnummer: FMT_PNR, date: FMT_DATE, code: FMT_CODE, yesNo: FMT_YESNO, text: FMT_TEXT } as const;
  const cols: CompiledColumn[] = profile.columns.map((c) => {
    const req = c.required;
    return {
      name: c.name,
      fmt: fmtOf[c.format],
      codes: c.codeList ? new Set((profile.codeLists[c.codeList] ?? []).map((e) => e.code)) : null,
      codeList: c.codeList ?? null,
      requiredAlways: req === 'always',
      requiredWhen: typeof req === 'object' ? (idx.get(req.whenFilled) ?? -1) : -1,
      requiredRule: typeof req === 'object' && req.ruleId ? req.ruleId : 'S-REQUIRED',
      onlyWhen: c.onlyWhenFilled ? (idx.get(c.onlyWhenFilled) ?? -1) : -1,
    };
  });
  const role = {} as Record<ColumnRole, number>;
  profile.columns.forEach((c, i) => {
    if (c.role) role[c.role] = i;
  });
  if (role.regEndReason === undefined) role.regEndReason = -1;
  const level = new Map<string, number>();
  profile.studyLevels.order.forEach((codes, i) => codes.forEach((code) => level.set(code, i)));
  const PREFIX_ROLES = new Set<string>(['kommun', 'personnummer', 'regStart', 'regEnd', 'regEndReason', 'studyLevel', 'studiebevis']);
  let prefixLen = 0;
  while (prefixLen < cols.length && PREFIX_ROLES.has(profile.columns[prefixLen]?.role ?? '')) prefixLen++;
  const out: Compiled = { profile, cols, n: cols.length, role, level, sep: profile.separator, enabled: new Set(profile.rules.enabled), prefixLen };
  compiledCache.set(profile, out);
  return out;
}

// ---------------------------------------------------------------------------------------------- findings sink

const LOGICAL = new Set(['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'Y1', 'Y2', 'Y3', 'Y4', 'G1']);

class Sink {
  findings: Finding[] = [];
  counts = { block: 0, warn: 0, info: 0 };
  total = 0;
  perRule = new Map<string, number>();
  omitted: Record<string, number> = {};
  excel = false;
  unreadable = false;
  constructor(
    private cap: number,
    private enabled: Set<string>,
  ) {}

  add(ruleId: string, line: number | null, message: string, extra?: { column?: number; field?: string; personKey?: string }): void {
    if (LOGICAL.has(ruleId) && !this.enabled.has(ruleId)) return;
    const t = ruleText(ruleId);
    this.counts[t.severity]++;
    this.total++;
    if (isExcelRule(ruleId)) this.excel = true;
    if (isUnreadableRule(ruleId)) this.unreadable = true;
    const n = (this.perRule.get(ruleId) ?? 0) + 1;
    this.perRule.set(ruleId, n);
    if (n > this.cap) {
      this.omitted[ruleId] = (this.omitted[ruleId] ?? 0) + 1;
      return;
    }
    const f: Finding = { severity: t.severity, ruleId, line, message, fix: t.fix };
    if (extra?.column !== undefined) f.column = extra.column;
    if (extra?.field !== undefined) f.field = extra.field;
    if (extra?.personKey !== undefined) f.personKey = extra.personKey;
    this.findings.push(f);
  }
  has(ruleId: string): boolean {
    return this.perRule.has(ruleId);
  }
}

// ---------------------------------------------------------------------------------------------- per-person model

interface RegPeriod {
  start: string;
  end: string | null; // null = ongoing or invalid
  endValid: boolean;
  level: string;
  bevis: string;
  reason: string;
  firstLine: number;
  hasContact: boolean;
  firstMeasureLine: number; // 0 = none
}
interface Contact {
  line: number;
  date: string | null;
  occ: string;
}
interface Measure {
  line: number;
  code: string;
  start: string | null;
  end: string | null;
  ongoing: boolean;
}
interface Person {
  key: string;
  birth: string | null;
  firstLine: number;
  regs: Map<string, RegPeriod>;
  contacts: Contact[];
  measures: Measure[];
}

/** 1-based character position where field k (0-based) starts in the raw line. */
function fieldColumn(raw: string, sep: string, k: number): number {
  let pos = 0;
  for (let j = 0; j < k; j++) {
    const i = raw.indexOf(sep, pos);
    if (i === -1) return pos + 1;
    pos = i + 1;
  }
  return pos + 1;
}

/** Index just after the k-th separator (1-based k), or -1. */
function afterNthSep(raw: string, sep: string, k: number): number {
  let pos = 0;
  for (let j = 0; j < k; j++) {
    const i = raw.indexOf(sep, pos);
    if (i === -1) return -1;
    pos = i + 1;
  }
  return pos;
}

function short(value: string): string {
  const v = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return `"${v}"`;
}

// ---------------------------------------------------------------------------------------------- main

/** Validate the bytes of an SCB file against a profile. Never throws. */
export function validateScbFile(bytes: Uint8Array, opts: ValidateOptions = {}): ScbReport {
  const profile = opts.profile ?? defaultProfile();
  const cap = Math.max(1, opts.maxFindingsPerRule ?? 500);
  let sink = new Sink(cap, new Set(profile.rules?.enabled ?? []));
  const base: Omit<ScbReport, 'verdict' | 'counts' | 'findings' | 'omitted' | 'excelDamage'> = {
    profileId: String(profile.id),
    profileVersion: String(profile.version),
    period: opts.period ?? null,
    periodSource: opts.period ? 'option' : 'profile',
    deadline: null,
    kommun: opts.kommun ?? null,
    rows: 0,
    persons: 0,
    lines: 0,
    lineEnding: 'none',
  };
  try {
    run(bytes, opts, profile, sink, base);
    let xDamage = false;
    for (const id of sink.perRule.keys()) if (id.startsWith('X-')) xDamage = true;
    if (xDamage) sink.add('X-EXCEL', null, EXCEL_MESSAGE);
  } catch (e) {
    // Internal error: keep what was found and add one blocking finding.
    try {
      sink.add('S-INTERNAL', null, `Ett oväntat fel stoppade kontrollen (${e instanceof Error ? e.message : String(e)}).`);
    } catch {
      sink = new Sink(cap, new Set());
      sink.add('S-INTERNAL', null, 'Ett oväntat fel stoppade kontrollen.');
    }
  }
  sink.findings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  const verdict: Verdict = sink.unreadable ? 'unreadable' : sink.counts.block > 0 ? 'block' : sink.counts.warn > 0 ? 'warn' : 'ok';
  return { ...base, verdict, counts: sink.counts, findings: sink.findings, omitted: sink.omitted, excelDamage: sink.excel };
}

type Base = Omit<ScbReport, 'verdict' | 'counts' | 'findings' | 'omitted' | 'excelDamage'>;

function detectUnreadable(bytes: Uint8Array, sink: Sink): boolean {
  const n = bytes.length;
  const b0 = bytes[0];
  const b1 = bytes[1];
  const b2 = bytes[2];
  const b3 = bytes[3];
  if (n === 0) {
    sink.add('U-EMPTY', null, 'Filen innehåller ingenting.');
    return true;
  }
  if (b0 === 0x50 && b1 === 0x4b && (b2 === 3 || b2 === 5 || b2 === 7) && (b3 === 4 || b3 === 6 || b3 === 8)) {
    sink.add('U-ZIP', null, `${EXCEL_MESSAGE} Den här filen är en Excel-arbetsbok (xlsx) eller ett zip-arkiv, inte en textfil.`);
    return true;
  }
  if (b0 === 0xd0 && b1 === 0xcf && b2 === 0x11 && b3 === 0xe0) {
    sink.add('U-XLS', null, `${EXCEL_MESSAGE} Den här filen är en Excel-arbetsbok i det äldre formatet (xls).`);
    return true;
  }
  if (b0 === 0x25 && b1 === 0x50 && b2 === 0x44 && b3 === 0x46) {
    sink.add('U-PDF', null, 'Filen är en PDF och inte den textfil som UKA exporterar.');
    return true;
  }
  if (b0 === 0x1f && b1 === 0x8b) {
    sink.add('U-GZIP', null, 'Filen är komprimerad (gzip) och kan inte läsas som text.');
    return true;
  }
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
    sink.add('U-UTF16', null, `${EXCEL_MESSAGE} Den här filen är sparad som "Unicode-text" (UTF-16).`);
    return true;
  }
  // Binary: many NULs or control bytes.
  let nul = 0;
  let ctrl = 0;
  let printable = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] as number;
    if (b === 0) nul++;
    else if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 26) ctrl++;
    else if (b !== 32 && b !== 9 && b !== 10 && b !== 13) printable++;
  }
  if (printable === 0) {
    sink.add('U-EMPTY', null, nul + ctrl > 0 ? 'Filen innehåller bara nolltecken eller styrtecken.' : 'Filen innehåller bara blanksteg och tomma rader.');
    return true;
  }
  if (nul > Math.max(8, n / 100) || ctrl > Math.max(16, n / 20)) {
    sink.add('U-BINARY', null, 'Filen innehåller många nolltecken eller styrtecken och är inte en textfil.');
    return true;
  }
  return false;
}

const PROBLEM_CHAR_RE = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x81\x8d\x8f\x90\x9d]/;

function run(bytes: Uint8Array, opts: ValidateOptions, profile: ScbProfile, sink: Sink, base: Base): void {
  if (opts.period !== undefined && !HALF_RE.test(opts.period)) {
    sink.add('S-FORMAT', null, `Insamlingsperioden ${short(opts.period)} ska skrivas som 2026H1 eller 2026H2.`);
    base.period = null;
    base.periodSource = 'profile';
  }
  if (detectUnreadable(bytes, sink)) return;
  const C = compile(profile);

  // ---- decode
  let bom = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    bom = 3;
    sink.add('X-BOM', null, 'Filen börjar med ett osynligt byte-ordningsmärke (BOM), som kalkylprogram och vissa editorer lägger till.');
  }
  const body = bom ? bytes.subarray(bom) : bytes;
  const text = decodeWindows1252(body);
  if (profile.encoding === 'windows-1252' && /[^\x00-\x7f]/.test(text) && looksLikeUtf8(body)) {
    sink.add('S-ENCODING', null, 'Filen verkar vara sparad som UTF-8. SCB-filen ska vara kodad som Windows-1252 (å, ä och ö som en byte var).');
  }
  const split = splitLines(text);
  const lines = split.lines;
  base.lines = lines.length;
  base.lineEnding = split.lineEnding;

  // ---- byte/char problems with line and column
  if (PROBLEM_CHAR_RE.test(text)) {
    for (let li = 0; li < lines.length; li++) {
      const l = lines[li] as string;
      if (!PROBLEM_CHAR_RE.test(l)) continue;
      for (let ci = 0; ci < l.length; ci++) {
        const c = l.charCodeAt(ci);
        if (c === 0) sink.add('S-NUL', li + 1, `Raden innehåller ett nolltecken (byte 0x00) på position ${ci + 1}.`, { column: ci + 1 });
        else if (c === 0x81 || c === 0x8d || c === 0x8f || c === 0x90 || c === 0x9d)
          sink.add('S-BYTE', li + 1, `Byten 0x${c.toString(16).toUpperCase()} på position ${ci + 1} är inget tecken i Windows-1252.`, { column: ci + 1 });
        else if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0x7f)
          sink.add('S-CONTROL', li + 1, `Raden innehåller ett styrtecken (0x${c.toString(16).toUpperCase().padStart(2, '0')}) på position ${ci + 1}.`, { column: ci + 1 });
      }
    }
  }

  // ---- separator detection on the first non-blank line
  let first = 0;
  while (first < lines.length && (lines[first] as string).trim() === '') first++;
  const headLine = lines[first] ?? '';
  let sep = C.sep;
  const count = (s: string, ch: string) => {
    let k = 0;
    for (let i = s.indexOf(ch); i !== -1; i = s.indexOf(ch, i + 1)) k++;
    return k;
  };
  if (count(headLine, sep) === 0) {
    const commas = count(headLine, ',');
    const tabs = count(headLine, '\t');
    if (tabs >= C.n - 1 && tabs >= commas) {
      sep = '\t';
      sink.add('X-TAB', first + 1, 'Fälten skiljs åt med tabbar i stället för semikolon, så som kalkylprogram sparar "text (tabbavgränsad)".');
    } else if (commas >= C.n - 1) {
      sep = ',';
      sink.add('X-COMMA', first + 1, 'Fälten skiljs åt med kommatecken i stället för semikolon, så som kalkylprogram sparar CSV.');
    } else if (tabs === 0 && commas === 0) {
      sink.add('U-NOT-SCB', null, 'Filen har inga fältavgränsare och liknar inte en SCB-fil.');
      return;
    }
  }

  // ---- header
  let dataFrom = first;
  if (profile.header) {
    const hf = headLine.split(sep).map((f) => (f.length >= 2 && f.charCodeAt(0) === 34 && f.charCodeAt(f.length - 1) === 34 ? f.slice(1, -1) : f));
    while (hf.length > C.n && hf[hf.length - 1] === '') hf.pop();
    const names = C.cols.map((c) => c.name);
    const looksLikeData = hf.length > 1 && /^\s*"?\d/.test(headLine);
    if (looksLikeData) {
      sink.add('S-HEADER', null, `Rubrikraden saknas. Filen ska börja med raden ${names.join(sep)}.`);
    } else {
      dataFrom = first + 1;
      if (hf.length !== C.n || hf.some((h, i) => h !== names[i])) {
        const same = hf.length === C.n && [...hf].sort().join() === [...names].sort().join();
        const ci = hf.length === C.n && hf.every((h, i) => h.toLowerCase() === (names[i] as string).toLowerCase());
        const why = ci
          ? 'Variabelnamnen har fel stora eller små bokstäver.'
          : same
            ? 'Kolumnerna står i fel ordning.'
            : hf.length !== C.n
              ? `Rubrikraden har ${hf.length} fält, men ska ha ${C.n}.`
              : `Rubrikraden har andra variabelnamn än profilen ${profile.id}.`;
        sink.add('S-HEADER', first + 1, `${why} Förväntad rubrikrad: ${names.join(sep)}.`);
      }
    }
  }
  if (first > 0) for (let i = 0; i < first; i++) sink.add('S-BLANK', i + 1, 'Tom rad före rubrikraden.');

  // ---- line endings
  const wantCrlf = profile.lineEnding === 'CRLF';
  if (split.lineEnding === 'CR') sink.add('S-EOL-CR', null, 'Raderna slutar bara med CR (vagnretur) och kan inte läsas som rader.');

  // ---- rows
  const n = C.n;
  const R = C.role;
  const iK = R.kommun;
  const iP = R.personnummer;
  const iRS = R.regStart;
  const iRE = R.regEnd;
  const iRR = R.regEndReason;
  const iSL = R.studyLevel;
  const iSB = R.studiebevis;
  const iCD = R.contactDate;
  const iCO = R.contactOccupation;
  const iM = R.measure;
  const iMS = R.measureStart;
  const iME = R.measureEnd;
  const iAF = R.occupationAfter;
  const yes = profile.codes.yes;
  const no = profile.codes.no;
  const today = opts.today && ISO_RE.test(opts.today) ? opts.today : null;

  const persons = new Map<string, Person>();
  const pnrCache = new Map<string, ReturnType<typeof parseId>>();
  const seen = new Map<string, number>();
  const kommunLines = new Map<string, { lines: number[]; keys: (string | undefined)[]; col: number }>();
  let kommunEntry: { lines: number[]; keys: (string | undefined)[]; col: number } | undefined;
  let kommunValue = '';
  // Per-person cache: consecutive lines of one registration period repeat the same prefix (person + registration
  // fields); when the prefix is byte-identical to a previous clean one, its checks are not repeated.
  let cachePrefix = '';
  let cacheKey: string | undefined;
  let cacheParsed: ReturnType<typeof parseId> = null;
  const prefixLen = C.prefixLen;
  let trailingLines = 0;
  let quotedLines = 0;
  let rows = 0;
  let latest = '';
  const blankLines: number[] = [];

  for (let li = dataFrom; li < lines.length; li++) {
    const lineNo = li + 1;
    const raw = lines[li] as string;
    if (raw.length === 0 || ((raw.charCodeAt(0) <= 32 || raw.charCodeAt(raw.length - 1) <= 32) && raw.trim() === '')) {
      blankLines.push(lineNo);
      continue;
    }
    rows++;
    // duplicates (identical lines)
    const prev = seen.get(raw);
    if (prev !== undefined) {
      sink.add('S-DUPLICATE', lineNo, `Raden är en exakt kopia av rad ${prev}.`);
      continue;
    }
    seen.set(raw, lineNo);

    let f = raw.split(sep);
    if (raw.indexOf('"') !== -1) {
      let q = false;
      for (let k = 0; k < f.length; k++) {
        const v = f[k] as string;
        if (v.length >= 2 && v.charCodeAt(0) === 34 && v.charCodeAt(v.length - 1) === 34) {
          f[k] = v.slice(1, -1).replace(/""/g, '"');
          q = true;
        }
      }
      if (q) quotedLines++;
    }
    if (f.length > n) {
      let extraEmpty = true;
      for (let k = n; k < f.length; k++) if (f[k] !== '') extraEmpty = false;
      if (extraEmpty) {
        trailingLines++;
        f = f.slice(0, n);
      }
    }
    if (f.length !== n) {
      sink.add('S-COLUMNS', lineNo, `Raden har ${f.length} fält, men ska ha ${n}. Fälten hamnar då i fel kolumner.`);
      continue;
    }

    // --- personnummer
    const pRaw = f[iP] as string;
    let key: string | undefined;
    let parsed: ReturnType<typeof parseId> = null;
    const cached = cachePrefix !== '' && raw.startsWith(cachePrefix);
    const totalBefore = sink.total;
    if (cached) {
      key = cacheKey;
      parsed = cacheParsed;
    } else if (isDigits(pRaw, 12)) {
      key = pRaw;
      if (pnrCache.has(pRaw)) parsed = pnrCache.get(pRaw) ?? null;
      else {
        parsed = luhn10(pRaw) ? parseId(pRaw) : null;
        pnrCache.set(pRaw, parsed);
      }
      if (!parsed) sink.add('S-PNR', lineNo, luhn10(pRaw) ? 'Personnumret innehåller inget giltigt födelsedatum.' : 'Personnumrets kontrollsiffra stämmer inte.', { column: fieldColumn(raw, sep, iP), field: C.cols[iP]!.name, personKey: key });
    } else if (/^\d+([.,]\d+)?[eE]\+?\d+$/.test(pRaw)) {
      sink.add('X-PNR-SCI', lineNo, `Personnumret står i exponentform (${short(pRaw)}), som kalkylprogram visar stora tal. Siffrorna på slutet har gått förlorade.`, { column: fieldColumn(raw, sep, iP), field: C.cols[iP]!.name });
    } else if (allDigits(pRaw) && pRaw.length < 12) {
      sink.add('X-PNR-SHORT', lineNo, `Personnumret har bara ${pRaw.length} siffror (${short(pRaw)}); det ska ha 12 (ÅÅÅÅMMDDNNNN).`, { column: fieldColumn(raw, sep, iP), field: C.cols[iP]!.name });
    } else {
      sink.add('S-PNR', lineNo, pRaw === '' ? 'Personnummer saknas.' : `Personnumret ${short(pRaw)} ska skrivas med 12 siffror utan bindestreck (ÅÅÅÅMMDDNNNN).`, { column: fieldColumn(raw, sep, iP), field: C.cols[iP]!.name });
    }

    // --- every column: format, code list, required/only-when
    let rowOk = parsed !== null;
    if (cached && kommunEntry) {
      kommunEntry.lines.push(lineNo);
      kommunEntry.keys.push(key);
    }
    for (let c = cached ? prefixLen : 0; c <= n; c++) {
      if (c === prefixLen && !cached) {
        // end of the prefix: registration date order, then decide whether this prefix can be cached
        const rs0 = f[iRS] as string;
        const re0 = f[iRE] as string;
        if (re0 !== '' && re0 < rs0 && isRealIsoDate(re0) && isRealIsoDate(rs0))
          sink.add('S-DATE-ORDER', lineNo, `Registreringsperioden slutar (${re0}) före den börjar (${rs0}).`, { column: fieldColumn(raw, sep, iRE), field: C.cols[iRE]!.name, personKey: key });
        if (rowOk && sink.total === totalBefore && prefixLen > 0) {
          const end = afterNthSep(raw, sep, prefixLen);
          if (end > 0 && raw.indexOf('"') === -1) {
            cachePrefix = raw.slice(0, end);
            cacheKey = key;
            cacheParsed = parsed;
          } else cachePrefix = '';
        } else cachePrefix = '';
      }
      if (c === n) break;
      if (c === iP) continue;
      const col = C.cols[c] as CompiledColumn;
      const v = f[c] as string;
      if (v === '') {
        if (col.requiredAlways) {
          sink.add('S-REQUIRED', lineNo, `${col.name} saknas.`, { column: fieldColumn(raw, sep, c), field: col.name, personKey: key });
          rowOk = false;
        } else if (col.requiredWhen >= 0 && f[col.requiredWhen] !== '') {
          const other = C.cols[col.requiredWhen]!.name;
          const msg =
            col.requiredRule === 'R3'
              ? 'Åtgärden har ett slutdatum men ingen orsak till att den avslutades (GrundAtgSlut).'
              : col.requiredRule === 'R4'
                ? 'Åtgärden har ett slutdatum men ingen sysselsättning efter åtgärden (SysEfter).'
                : `${col.name} saknas fast ${other} är ifyllt.`;
          sink.add(col.requiredRule, lineNo, msg, { column: fieldColumn(raw, sep, c), field: col.name, personKey: key });
        }
        continue;
      }
      if (col.onlyWhen >= 0 && f[col.onlyWhen] === '') {
        sink.add('S-NOT-ALLOWED', lineNo, `${col.name} är ifyllt fast ${C.cols[col.onlyWhen]!.name} är tomt.`, { column: fieldColumn(raw, sep, c), field: col.name, personKey: key });
      }
      switch (col.fmt) {
        case FMT_DATE:
          if (!isRealIsoDate(v)) {
            if (c === iRS) rowOk = false;
            const extra = { column: fieldColumn(raw, sep, c), field: col.name, personKey: key };
            if (/^\d{4}-\d{1,2}-\d{1,2}[ T]\d{1,2}:\d{2}(:\d{2})?/.test(v))
              sink.add('X-DATETIME', lineNo, `${col.name} har fått ett klockslag (${short(v)}), så som kalkylprogram sparar datum.`, extra);
            else if (/^\d{1,4}[/.]\d{1,2}[/.]\d{1,4}$/.test(v))
              sink.add('X-DATE-SLASH', lineNo, `${col.name} är skrivet ${short(v)} i stället för ÅÅÅÅ-MM-DD, så som kalkylprogram sparar datum.`, extra);
            else if (/^\d{4}-\d{1,2}-\d{1,2}$/.test(v) && !ISO_RE.test(v))
              sink.add('X-DATE-NOPAD', lineNo, `${col.name} saknar inledande nollor (${short(v)}); det ska vara ÅÅÅÅ-MM-DD.`, extra);
            else
              sink.add('S-DATE', lineNo, ISO_RE.test(v) ? `${col.name} ${short(v)} är inget riktigt datum.` : `${col.name} ${short(v)} ska skrivas ÅÅÅÅ-MM-DD.`, extra);
          } else {
            if (today && v > today) sink.add('S-FUTURE', lineNo, `${col.name} ${v} ligger efter dagens datum.`, { column: fieldColumn(raw, sep, c), field: col.name, personKey: key });
            if (v > latest && (c === iCD || c === iMS || c === iRS) && (!today || v <= today)) latest = v;
          }
          break;
        case FMT_CODE:
          if (!col.codes!.has(v)) {
            sink.add('S-CODE', lineNo, `${col.name} har koden ${short(v)}, som inte finns i kodlistan ${col.codeList}.`, { column: fieldColumn(raw, sep, c), field: col.name, personKey: key });
          }
          break;
        case FMT_YESNO:
          if (v !== yes && v !== no) sink.add('S-FORMAT', lineNo, `${col.name} ska vara ${yes} eller ${no}, men är ${short(v)}.`, { column: fieldColumn(raw, sep, c), field: col.name, personKey: key });
          break;
        case FMT_KOMMUN:
          if (isDigits(v, 4)) {
            if (v !== kommunValue || !kommunEntry) {
              kommunValue = v;
              kommunEntry = kommunLines.get(v);
              if (!kommunEntry) {
                kommunEntry = { lines: [], keys: [], col: fieldColumn(raw, sep, c) };
                kommunLines.set(v, kommunEntry);
              }
            }
            kommunEntry.lines.push(lineNo);
            kommunEntry.keys.push(key);
          } else if (isDigits(v, 3)) {
            sink.add('X-KOMMUN3', lineNo, `Kommunkoden ${short(v)} har tappat sin inledande nolla, så som kalkylprogram gör med tal.`, { column: fieldColumn(raw, sep, c), field: col.name, personKey: key });
          } else sink.add('S-FORMAT', lineNo, `Kommunkoden ${short(v)} ska vara fyra siffror.`, { column: fieldColumn(raw, sep, c), field: col.name, personKey: key });
          break;
        default:
          break;
      }
    }
    if ((f[iCD] !== '' || f[iCO] !== '') && (f[iM] !== '' || f[iMS] !== '')) {
      sink.add('S-LINE-KIND', lineNo, 'Raden har både en kontakt och en åtgärd. Varje kontakt och varje åtgärd ska stå på en egen rad.', { personKey: key });
    }

    const rs = f[iRS] as string;
    const re = f[iRE] as string;
    const reValid = re !== '' && (cached || isRealIsoDate(re));
    const ms = f[iMS] as string;
    const me = f[iME] as string;
    const msValid = ms !== '' && isRealIsoDate(ms);
    const meValid = me !== '' && isRealIsoDate(me);
    if (msValid && meValid && me < ms)
      sink.add('S-DATE-ORDER', lineNo, `Åtgärden slutar (${me}) före den börjar (${ms}).`, { column: fieldColumn(raw, sep, iME), field: C.cols[iME]!.name, personKey: key });
    const mCode = f[iM] as string;
    const after = f[iAF] as string;
    if (mCode !== '' && after !== '' && mCode === after)
      sink.add('R5', lineNo, `Åtgärden och sysselsättningen efter åtgärden har samma kod (${mCode}).`, { column: fieldColumn(raw, sep, iAF), field: C.cols[iAF]!.name, personKey: key });

    if (!rowOk || !key || !parsed) continue;

    // --- group per person and registration period
    let p = persons.get(key);
    if (!p) {
      p = { key, birth: parsed.birthDate, firstLine: lineNo, regs: new Map(), contacts: [], measures: [] };
      persons.set(key, p);
    }
    let reg = p.regs.get(rs);
    const lvl = f[iSL] as string;
    const bev = f[iSB] as string;
    const reason = iRR >= 0 ? (f[iRR] as string) : '';
    if (!reg) {
      reg = { start: rs, end: reValid ? re : null, endValid: re === '' || reValid, level: lvl, bevis: bev, reason, firstLine: lineNo, hasContact: false, firstMeasureLine: 0 };
      p.regs.set(rs, reg);
    } else if ((reg.end ?? '') !== (reValid ? re : '') || reg.level !== lvl || reg.bevis !== bev || reg.reason !== reason) {
      sink.add('S-REG-CONFLICT', lineNo, `Registreringsperioden som börjar ${rs} har andra uppgifter här än på rad ${reg.firstLine}.`, { personKey: key });
    }
    const co = f[iCO] as string;
    const cd = f[iCD] as string;
    if (co !== '') {
      reg.hasContact = true;
      p.contacts.push({ line: lineNo, date: cd !== '' && isRealIsoDate(cd) ? cd : null, occ: co });
    } else if (cd !== '' && isRealIsoDate(cd)) {
      p.contacts.push({ line: lineNo, date: cd, occ: '' });
    }
    if (mCode !== '' || ms !== '') {
      if (reg.firstMeasureLine === 0) reg.firstMeasureLine = lineNo;
      p.measures.push({ line: lineNo, code: mCode, start: msValid ? ms : null, end: meValid ? me : null, ongoing: me === '' });
    }
  }
  base.rows = rows;
  base.persons = persons.size;

  // ---- file-level line findings
  for (const b of blankLines) sink.add('S-BLANK', b, b === lines.length ? 'Tom rad i slutet av filen.' : 'Tom rad mitt i filen.');
  if (rows === 0) sink.add('S-NO-ROWS', null, 'Filen har inga rader med ungdomar, bara rubrik eller tomma rader.');
  if (quotedLines > 0) sink.add('X-QUOTES', null, `Fält står inom citattecken på ${quotedLines} rader, så som kalkylprogram sparar text.`);
  if (trailingLines > 0 && trailingLines >= rows && rows > 0)
    sink.add('X-TRAILING-SEP', null, 'Varje rad slutar med en extra avgränsare (tomma kolumner), så som kalkylprogram sparar tabeller.');
  else if (trailingLines > 0) sink.add('S-COLUMNS', null, `${trailingLines} rader slutar med extra tomma fält.`);
  const excelSoFar = sink.excel;
  if (wantCrlf && (split.lineEnding === 'LF' || split.lineEnding === 'mixed')) {
    if (excelSoFar) sink.add('X-LF', null, 'Radsluten har ändrats från CRLF till bara LF, vilket tillsammans med övriga spår tyder på att filen sparats om.');
    else if (split.lineEnding === 'LF') sink.add('S-EOL-LF', null, 'Raderna slutar med bara LF; filen ska ha CRLF (Windows-radslut).');
    else sink.add('S-EOL-MIXED', null, `Filen blandar radslut: ${split.crlf} rader med CRLF och ${split.lf} med bara LF.`);
  }
  if (!split.finalNewline && lines.length > 0 && split.lineEnding !== 'CR') sink.add('S-EOF', lines.length, 'Sista raden saknar radslut.');

  // ---- kommun
  let kommun = opts.kommun ?? null;
  if (kommun !== null && !/^\d{4}$/.test(kommun)) {
    sink.add('S-FORMAT', null, `Den inställda kommunkoden ${short(kommun)} ska vara fyra siffror.`);
    kommun = null;
  }
  if (kommun === null) {
    let best = 0;
    for (const [k, e] of kommunLines) if (e.lines.length > best) [kommun, best] = [k, e.lines.length];
  }
  base.kommun = kommun;
  if (kommun !== null) {
    for (const [value, e] of kommunLines) {
      if (value === kommun) continue;
      for (let i = 0; i < e.lines.length; i++)
        sink.add('S-KOMMUN', e.lines[i] as number, opts.kommun ? `Kommunkoden ${value} är inte er kommun (${kommun}).` : `Kommunkoden ${value} skiljer sig från filens övriga rader (${kommun}).`, { column: e.col, field: C.cols[iK]!.name, personKey: e.keys[i] });
    }
  }

  // ---- period
  let period: string | null = base.period;
  if (!period) {
    if (latest) {
      period = halfYearOf(latest);
      base.periodSource = 'file';
    } else if (today) {
      period = addHalfYears(halfYearOf(today), -1);
      base.periodSource = 'today';
    } else {
      period = profile.periods.from;
      base.periodSource = 'profile';
    }
  }
  base.period = period;
  base.deadline = deadlineFor(profile, period);
  if (!profileAppliesTo(profile, period))
    sink.add('S-PROFILE-PERIOD', null, `Filprofilen ${profile.id} (version ${profile.version}) gäller inte insamlingsperioden ${period}.`);
  const pStart = halfYearStart(period as HalfYear);
  const pEnd = halfYearEnd(period as HalfYear);

  // ---- per person
  const noOcc = profile.codes.noOccupation;
  const bevisLevel = profile.codes.studiebevisLevel;
  const unknown = new Set(profile.studyLevels.unknown);
  for (const p of persons.values()) checkPerson(p, C, sink, { pStart, pEnd, noOcc, bevisLevel, unknown, yes, no, period });
}

interface PersonCtx {
  pStart: string;
  pEnd: string;
  noOcc: string;
  bevisLevel: string;
  unknown: Set<string>;
  yes: string;
  no: string;
  period: string;
}

function checkPerson(p: Person, C: Compiled, sink: Sink, x: PersonCtx): void {
  const key = p.key;
  const regs = p.regs.size === 1 ? [...p.regs.values()] : [...p.regs.values()].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  let prev: RegPeriod | null = null;
  let maxLevel = -1;
  let maxLevelCode = '';
  for (const r of regs) {
    // age on RegStart
    if (p.birth && ageOn(p.birth, r.start) >= C.profile.youthMaxAge)
      sink.add('S-AGE', r.firstLine, `Ungdomen hade fyllt ${C.profile.youthMaxAge} år när registreringsperioden började (${r.start}).`, { personKey: key });
    // overlap with the collection period
    if (r.start > x.pEnd || (r.end !== null && r.end < x.pStart))
      sink.add('S-PERIOD', r.firstLine, `Registreringsperioden ${r.start}–${r.end ?? ''} ligger utanför insamlingsperioden ${x.period}.`, { personKey: key });
    // overlapping registration periods
    if (prev && (prev.end === null || r.start <= prev.end))
      sink.add('S-REG-OVERLAP', r.firstLine, `Registreringsperioden som börjar ${r.start} överlappar perioden som började ${prev.start} (rad ${prev.firstLine}).`, { personKey: key });
    prev = r;
    // R2
    if (r.firstMeasureLine > 0 && !r.hasContact)
      sink.add('R2', r.firstMeasureLine, `Registreringsperioden som börjar ${r.start} har en åtgärd men ingen kontakt med sysselsättning.`, { personKey: key });
    // R6
    const lv = r.level !== '' && !x.unknown.has(r.level) ? C.level.get(r.level) : undefined;
    if (lv !== undefined) {
      if (lv < maxLevel)
        sink.add('R6', r.firstLine, `Senaste studier vid registrering (${r.level}) är en lägre nivå än i en tidigare registreringsperiod (${maxLevelCode}).`, { personKey: key });
      if (lv > maxLevel) {
        maxLevel = lv;
        maxLevelCode = r.level;
      }
    }
    // Y1
    if ((r.level === x.bevisLevel && r.bevis === x.no) || (r.bevis === x.yes && r.level !== x.bevisLevel))
      sink.add('Y1', r.firstLine, r.bevis === x.no ? 'Senaste studier är studiebevis, men uppgiften om studiebevis är N.' : `Ungdomen har studiebevis (J), men senaste studier är ${r.level === '' ? 'tomt' : r.level} och inte ${x.bevisLevel}.`, { personKey: key });
    // Y2
    if (r.level === '' || x.unknown.has(r.level))
      sink.add('Y2', r.firstLine, r.level === '' ? 'Senaste studier vid registrering (SenSysReg) är tomt.' : `Senaste studier vid registrering är ${r.level} (uppgift saknas).`, { personKey: key });
  }
  // measures: R1, Y3, G1, period
  let contactInPeriod = false;
  for (const c of p.contacts) {
    if (c.date === null) continue;
    if (c.date >= x.pStart && c.date <= x.pEnd) contactInPeriod = true;
    if (c.date > x.pEnd) sink.add('S-CONTACT-LATE', c.line, `Kontakten ${c.date} ligger efter insamlingsperiodens slut (${x.pEnd}).`, { personKey: key });
    if (c.occ === x.noOcc) {
      for (const m of p.measures) {
        if (m.start !== null && m.start <= c.date && (m.ongoing || (m.end !== null && c.date <= m.end))) {
          sink.add('R1', c.line, `Kontakten ${c.date} anger ingen sysselsättning (InSys) fast ungdomen har en åtgärd som pågår då (rad ${m.line}).`, { personKey: key });
          break;
        }
      }
    }
  }
  for (const m of p.measures) {
    if (m.ongoing) sink.add('G1', m.line, `Åtgärden ${m.code}${m.start ? ` från ${m.start}` : ''} pågår fortfarande.`, { personKey: key });
    if (m.start === null) continue;
    let inside = false;
    for (const r of regs) if (r.start <= m.start && (r.end === null || m.start <= r.end)) inside = true;
    if (!inside) sink.add('Y3', m.line, `Åtgärden börjar ${m.start}, utanför alla ungdomens registreringsperioder.`, { personKey: key });
    if (m.start > x.pEnd || (m.end !== null && m.end < x.pStart))
      sink.add('S-PERIOD', m.line, `Åtgärden ${m.start}–${m.end ?? ''} ligger utanför insamlingsperioden ${x.period}.`, { personKey: key });
  }
  if (!contactInPeriod) sink.add('Y4', p.firstLine, `Ungdomen har ingen kontakt daterad inom insamlingsperioden ${x.period}.`, { personKey: key });
}

export { groupFindingsByPerson, mapScbErrorList, type PersonFindings, type ScbErrorEntry, type MapErrorOptions } from './report';
