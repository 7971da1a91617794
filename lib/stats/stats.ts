/**
 * Half-year statistics from one SCB file (KAA.md §6–§7): youths by gender and age (from the personnummer), by
 * registreringsorsak (SenSysReg), reached or not in the period, measures by kind (Atgard), outcomes after ended
 * measures (SysEfter) and registrations ended by reason (GrundRegSlut). Figures only; nothing is stored.
 * Pure: no DOM, no browser APIs.
 */
import { ageOn, halfYearEnd, halfYearStart, type HalfYear, type IsoDate } from '../domain/dates';
import { defaultProfile } from '../scb/profile-core';
import type { ScbProfile } from '../scb/profile';
import { validateScbFile, type Finding } from '../scb/validate';
import { cachedParseId, forEachScbLine, roleIndex } from './scb-lines';

export interface HalfYearStats {
  persons: number;
  byGender: { kvinna: number; man: number };
  byAge: Record<string, number>;
  bySenSysReg: Record<string, number>;
  reached: number;
  notReached: number;
  measuresByAtgard: Record<string, number>;
  outcomesBySysEfter: Record<string, number>;
  endedByGrundRegSlut: Record<string, number>;
}

export interface StatsResult {
  period: HalfYear;
  stats: HalfYearStats;
  /** Blocking findings of the SCB check (the file is counted anyway), and lines that could not be read at all. */
  errors: Finding[];
  blocking: number;
  unreadable: boolean;
  skippedLines: number[];
}

/** Key used for an empty code field. */
export const MISSING = 'saknas';

/** The contact code meaning "unknown / not reached" (SysKontakt 13 in profile kaa-scb-1). */
export const NOT_REACHED_CODE = '13';

const inc = (rec: Record<string, number>, key: string) => {
  rec[key] = (rec[key] ?? 0) + 1;
};

/** Sorted copy of a count record (codes in numeric order, "saknas" last). */
export function sortedCounts(rec: Record<string, number>): Record<string, number> {
  const keys = Object.keys(rec).sort((a, b) => (a === MISSING ? 1 : b === MISSING ? -1 : Number(a) - Number(b) || a.localeCompare(b)));
  return Object.fromEntries(keys.map((k) => [k, rec[k] as number]));
}

export interface StatsOptions {
  /** The collection period; when left out, the period the SCB check derives from the file (its latest event). */
  period?: HalfYear;
  profile?: ScbProfile;
  kommun?: string;
}

export function halfYearStats(bytes: Uint8Array, opts: StatsOptions): StatsResult {
  const profile = opts.profile ?? defaultProfile();
  const report = validateScbFile(bytes, { profile, period: opts.period, kommun: opts.kommun });
  const period = (opts.period ?? report.period ?? '1970H1') as HalfYear;
  const start = halfYearStart(period);
  const end = halfYearEnd(period);
  const R = roleIndex(profile);
  const parse = cachedParseId();
  const field = (f: string[], i: number) => (i < 0 ? '' : (f[i] as string));

  const persons = new Map<string, { birth: IsoDate; woman: boolean; reached: boolean }>();
  const regs = new Map<string, { sen: string; ended: boolean; reason: string }>();
  const stats: HalfYearStats = { persons: 0, byGender: { kvinna: 0, man: 0 }, byAge: {}, bySenSysReg: {}, reached: 0, notReached: 0, measuresByAtgard: {}, outcomesBySysEfter: {}, endedByGrundRegSlut: {} };
  const skipped = forEachScbLine(bytes, profile, (f) => {
    const id = parse(field(f, R.personnummer));
    if (!id) return;
    let p = persons.get(id.digits12);
    if (!p) {
      const woman = Number(id.digits12.charAt(10)) % 2 === 0;
      p = { birth: id.birthDate as IsoDate, woman, reached: false };
      persons.set(id.digits12, p);
    }
    const regKey = `${id.digits12}|${field(f, R.regStart)}`;
    if (!regs.has(regKey)) regs.set(regKey, { sen: field(f, R.studyLevel) || MISSING, ended: field(f, R.regEnd) !== '', reason: field(f, R.regEndReason) || MISSING });
    const cDate = field(f, R.contactDate);
    const occ = field(f, R.contactOccupation);
    if (occ && cDate.length === 10 && cDate >= start && cDate <= end && occ !== NOT_REACHED_CODE) p.reached = true;
    const measure = field(f, R.measure);
    if (measure) {
      inc(stats.measuresByAtgard, measure);
      if (field(f, R.measureEnd)) inc(stats.outcomesBySysEfter, field(f, R.occupationAfter) || MISSING);
    }
  });
  for (const p of persons.values()) {
    stats.persons++;
    if (p.woman) stats.byGender.kvinna++;
    else stats.byGender.man++;
    inc(stats.byAge, String(ageOn(p.birth, end)));
    if (p.reached) stats.reached++;
    else stats.notReached++;
  }
  for (const r of regs.values()) {
    inc(stats.bySenSysReg, r.sen);
    if (r.ended) inc(stats.endedByGrundRegSlut, r.reason);
  }
  stats.byAge = sortedCounts(stats.byAge);
  stats.bySenSysReg = sortedCounts(stats.bySenSysReg);
  stats.measuresByAtgard = sortedCounts(stats.measuresByAtgard);
  stats.outcomesBySysEfter = sortedCounts(stats.outcomesBySysEfter);
  stats.endedByGrundRegSlut = sortedCounts(stats.endedByGrundRegSlut);
  const errors = report.findings.filter((f) => f.severity === 'block');
  return { period, stats, errors, blocking: report.counts.block, unreadable: report.verdict === 'unreadable', skippedLines: skipped };
}

/** Change between two half-years per key (b − a), for the comparison view. */
export function diffCounts(a: Record<string, number>, b: Record<string, number>): Array<{ key: string; a: number; b: number; change: number }> {
  const keys = Object.keys(sortedCounts({ ...Object.fromEntries(Object.keys(a).map((k) => [k, 0])), ...Object.fromEntries(Object.keys(b).map((k) => [k, 0])) }));
  return keys.map((key) => ({ key, a: a[key] ?? 0, b: b[key] ?? 0, change: (b[key] ?? 0) - (a[key] ?? 0) }));
}
