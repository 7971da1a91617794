/**
 * Validator of the SCB file (profile-driven, see lib/scb/profiles). Pure: no DOM, no Node or browser APIs beyond
 * TextDecoder; runs in a page, a service worker and Node. `validateScbFile` never throws.
 *
 * Positions: `line` is the 1-based physical line of the file (the header is line 1); `column` is the 1-based
 * character (= byte, after a BOM) position in that line. Field findings also carry `field` (the variable name).
 *
 * The steps, one file each: bytes.ts (not text at all, BOM, encoding, lines, bad bytes), header.ts (separator and
 * header line), rows.ts (every field of every row), person.ts (rules on one youth), file.ts (the file as a whole).
 */
import type { ScbProfile } from '../profile-core';
import { defaultProfile } from '../profile-core';
import { EXCEL_MESSAGE } from '../rules';
import { detectUnreadable, decodeText } from './bytes';
import { compile } from './compile';
import { checkCrOnly, checkFileLines, checkKommun, choosePeriod } from './file';
import { checkHeader } from './header';
import { checkPerson } from './person';
import { checkRows } from './rows';
import { Sink } from './sink';
import { HALF_RE, short } from './text';
import type { ReportBase, ScbReport, ValidateOptions, Verdict } from './types';

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

function run(bytes: Uint8Array, opts: ValidateOptions, profile: ScbProfile, sink: Sink, base: ReportBase): void {
  if (opts.period !== undefined && !HALF_RE.test(opts.period)) {
    sink.add('S-FORMAT', null, `Insamlingsperioden ${short(opts.period)} ska skrivas som 2026H1 eller 2026H2.`);
    base.period = null;
    base.periodSource = 'profile';
  }
  if (detectUnreadable(bytes, sink)) return;
  const C = compile(profile);
  const split = decodeText(bytes, profile, sink, base);
  const head = checkHeader(split, C, sink);
  if (!head) return;
  checkCrOnly(split, sink);
  const rows = checkRows(split.lines, head.dataFrom, head.sep, C, opts.today, sink);
  base.rows = rows.rows;
  base.persons = rows.persons.size;
  checkFileLines(split, C, rows, sink);
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
