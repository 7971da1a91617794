/**
 * Validator of the SCB file (profile-driven, see lib/scb/profiles). Pure: no DOM, no Node or browser APIs beyond
 * TextDecoder; runs in a page, a service worker and Node. `validateScbFile` never throws.
 *
 * Positions: `line` is the 1-based physical line of the file (the header is line 1); `column` is the 1-based
 * character (= byte, after a BOM) position in that line. Field findings also carry `field` (the variable name).
 *
 * The steps, one file each: bytes.ts (not text at all, BOM, encoding, lines, bad bytes), header.ts (separator and
 * header line), rows.ts (every field of every row), person.ts (rules on one youth), file.ts (the file as a whole).
 *
 * Cause first: a file-level finding that explains findings on rows (spreadsheet damage, encoding, header, line
 * endings) comes first in `findings`, with `consequences` (how many it explains); each explained finding has `cause`
 * (the cause's `id`).
 */
import type { ScbProfile } from '../profile-core';
import { defaultProfile } from '../profile-core';
import { CAUSE_RULES, EXCEL_MESSAGE } from '../rules';
import { checkText, decodeBody, detectUnreadable } from './bytes';
import { compile } from './compile';
import { checkFileLines, checkKommun, checkLineEndingsFirst, choosePeriod } from './file';
import { checkHeader } from './header';
import { LineReader } from './lines';
import { checkPerson } from './person';
import { checkRows } from './rows';
import { Sink } from './sink';
import { HALF_RE, short } from './text';
import type { Finding, ReportBase, ScbReport, ValidateOptions, Verdict } from './types';

export type { Finding, ScbReport, ValidateOptions, Verdict, Severity } from './types';
export { isRealIsoDate } from './text';

/** Validate the bytes of an SCB file against a profile. Never throws. */
export function validateScbFile(bytes: Uint8Array, opts: ValidateOptions = {}): ScbReport {
  const profile = opts.profile ?? defaultProfile();
  const cap = Math.max(1, opts.maxFindingsPerRule ?? 500);
  let sink = new Sink(cap, new Set(profile.rules?.enabled ?? []));
  const base: ReportBase = {
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
    run(bytes, opts, profile, sink, base, cap);
    if (sink.xEvidence) sink.add('X-EXCEL', null, EXCEL_MESSAGE);
  } catch (e) {
    // Internal error: keep what was found and add one blocking finding.
    try {
      sink.add('S-INTERNAL', null, `Ett oväntat fel stoppade kontrollen (${e instanceof Error ? e.message : String(e)}).`);
    } catch {
      sink = new Sink(cap, new Set());
      sink.add('S-INTERNAL', null, 'Ett oväntat fel stoppade kontrollen.');
    }
  }
  const findings = orderByCause(sink);
  const verdict: Verdict = sink.unreadable ? 'unreadable' : sink.counts.block > 0 ? 'block' : sink.counts.warn > 0 ? 'warn' : 'ok';
  return { ...base, verdict, counts: sink.counts, findings, omitted: sink.omitted, excelDamage: sink.excel };
}

const CAUSE_ORDER: readonly string[] = CAUSE_RULES;

/**
 * Resolve each finding's cause to the finding that leads (an X-* trace to X-EXCEL when the file met a spreadsheet),
 * put the causes first, then the other findings by line, and number them.
 */
function orderByCause(sink: Sink): Finding[] {
  const fs = sink.findings;
  const hasExcel = sink.perRule.has('X-EXCEL');
  const rootRule = (rule: string) => (hasExcel && rule.startsWith('X-') ? 'X-EXCEL' : rule);
  const firstOf = new Map<string, Finding>();
  for (const f of fs) if (!firstOf.has(f.ruleId)) firstOf.set(f.ruleId, f);
  const consequences = new Map<Finding, number>();
  const bump = (root: Finding | undefined, n: number) => {
    if (root && n > 0) consequences.set(root, (consequences.get(root) ?? 0) + n);
  };
  for (const [rule, n] of sink.causeCounts) bump(firstOf.get(rootRule(rule)), n);
  if (hasExcel) bump(firstOf.get('X-EXCEL'), sink.excelTraces);
  const rootOf = new Map<Finding, Finding>();
  for (const f of fs) {
    let c = sink.causeOf.get(f);
    if (!c && hasExcel && f.ruleId.startsWith('X-') && f.ruleId !== 'X-EXCEL') c = 'X-EXCEL';
    const root = c ? firstOf.get(rootRule(c)) : undefined;
    if (root && root !== f) rootOf.set(f, root);
  }
  const causeRank = (f: Finding): number => {
    if (rootOf.has(f)) return -1;
    const i = CAUSE_ORDER.indexOf(f.ruleId);
    if (i >= 0 && (f.line === null || consequences.has(f) || f.ruleId.startsWith('S-HEADER'))) return i;
    return consequences.has(f) ? CAUSE_ORDER.length : -1;
  };
  const keyed = fs.map((f, i) => ({ f, i, rank: causeRank(f) }));
  keyed.sort((a, b) => {
    const ra = a.rank < 0 ? 1000 : a.rank;
    const rb = b.rank < 0 ? 1000 : b.rank;
    return ra - rb || (a.f.line ?? 0) - (b.f.line ?? 0) || a.i - b.i;
  });
  const out = keyed.map((k) => k.f);
  out.forEach((f, i) => {
    f.id = i + 1;
  });
  for (const f of out) {
    const root = rootOf.get(f);
    if (root) f.cause = root.id;
    const n = consequences.get(f);
    if (n) f.consequences = n;
  }
  return out;
}

function run(bytes: Uint8Array, opts: ValidateOptions, profile: ScbProfile, sink: Sink, base: ReportBase, cap: number): void {
  if (opts.period !== undefined && !HALF_RE.test(opts.period)) {
    sink.add('S-FORMAT', null, `Insamlingsperioden ${short(opts.period)} ska skrivas som 2026H1 eller 2026H2.`);
    base.period = null;
    base.periodSource = 'profile';
  }
  const decoded = decodeBody(bytes);
  if (detectUnreadable(bytes, decoded.text, decoded.bom, sink)) return;
  const C = compile(profile);
  const text = decoded.text;
  const scan = checkText(bytes, decoded, profile, sink, base);
  const reader = new LineReader(text, scan.crOnly);
  const head = checkHeader(reader, C, sink);
  if (!head) return;
  checkLineEndingsFirst(scan, sink);
  const rows = checkRows(text, reader, C, { sep: head.sep, perm: head.perm, today: opts.today, headerCause: head.headerCause ? 'S-HEADER' : null, encodingCause: sink.has('S-ENCODING'), onRecord: opts.onRecord }, sink);
  base.rows = rows.rows;
  base.persons = rows.persons.size;
  checkFileLines(scan, head, C, rows, sink, cap);
  checkKommun(opts, C, rows, sink, base);
  const { period, pStart, pEnd } = choosePeriod(opts, C, rows, sink, base);
  const ctx = {
    pStart,
    pEnd,
    noOcc: profile.codes.noOccupation,
    bevisLevel: profile.codes.studiebevisLevel,
    unknown: new Set(profile.studyLevels.unknown),
    yes: profile.codes.yes,
    no: profile.codes.no,
    period,
  };
  for (const p of rows.persons.values()) checkPerson(p, C, sink, ctx);
}
