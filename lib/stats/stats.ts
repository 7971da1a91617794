/**
 * Half-year statistics from one SCB file (KAA.md §6–§7): youths by gender and age (from the personnummer), by
 * registreringsorsak (SenSysReg), reached or not in the period, measures by kind (Atgard), outcomes after ended
 * measures (SysEfter) and registrations ended by reason (GrundRegSlut). Figures only; nothing is stored.
 *
 * Counted in the SCB check's own pass over the file (validateScbFile's onRecord): each record is seen once, as the
 * check reads it (its columns, header and separator handling included), and only the figures and the check's
 * findings are kept, never the rows. A file with blocking findings is counted anyway, with the findings listed.
 * Pure: no DOM, no browser APIs.
 */
import { ageOn, halfYearEnd, type HalfYear, type IsoDate } from '../domain/dates';
import { defaultProfile } from '../scb/profile-core';
import type { ScbProfile } from '../scb/profile';
import { validateScbFile, type Finding } from '../scb/validate';
import { cachedParseId, roleIndex } from './scb-lines';

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
  /** Blocking findings of the SCB check (the file is counted anyway). */
  errors: Finding[];
  /** Blocking findings in all, including those left out of `errors` by the check's cap per rule. */
  blocking: number;
  /** The file could not be read as an SCB file at all (the figures hold what could be read, often nothing). */
  unreadable: boolean;
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

/** The half-year of a YYYY-MM-DD date as a number (year × 2, + 1 for H2), read without making strings; -1 if not a date. */
function halfOf(d: string): number {
  if (d.length !== 10 || d.charCodeAt(4) !== 45 || d.charCodeAt(7) !== 45) return -1;
  let year = 0;
  for (let i = 0; i < 4; i++) {
    const c = d.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    year = year * 10 + c;
  }
  const m1 = d.charCodeAt(5) - 48;
  const m2 = d.charCodeAt(6) - 48;
  if (m1 < 0 || m1 > 9 || m2 < 0 || m2 > 9) return -1;
  return year * 2 + (m1 * 10 + m2 > 6 ? 1 : 0);
}

interface PersonAcc {
  birth: IsoDate;
  woman: boolean;
  /** Half-years (see halfOf) with a contact that reached the youth: usually one or two. */
  reachedIn: number[];
}

export function halfYearStats(bytes: Uint8Array, opts: StatsOptions): StatsResult {
  const profile = opts.profile ?? defaultProfile();
  const R = roleIndex(profile);
  const parse = cachedParseId();
  const field = (f: readonly string[], i: number) => (i < 0 ? '' : (f[i] as string).trim());
  const persons = new Map<string, PersonAcc>();
  // One entry per registration period: SenSysReg, then GrundRegSlut when it ended (null = ongoing).
  const regs = new Map<string, [string, string | null]>();
  const measuresByAtgard: Record<string, number> = {};
  const outcomesBySysEfter: Record<string, number> = {};
  let last: PersonAcc | undefined;
  let lastRaw = '';
  let lastKey = '';
  let lastRegOf: PersonAcc | undefined;
  let lastRegStart = '';

  const report = validateScbFile(bytes, {
    profile,
    period: opts.period,
    kommun: opts.kommun,
    onRecord: (f) => {
      const raw = field(f, R.personnummer);
      // Consecutive lines are mostly the same youth's: the number is parsed and looked up once per run of lines.
      if (raw !== lastRaw || !last) {
        const id = parse(raw);
        if (!id) return;
        let found = persons.get(id.digits12);
        if (!found) {
          found = { birth: id.birthDate as IsoDate, woman: Number(id.digits12.charAt(10)) % 2 === 0, reachedIn: [] };
          persons.set(id.digits12, found);
        }
        last = found;
        lastRaw = raw;
        lastKey = id.digits12;
      }
      const p = last;
      // Each registration period once (youth + RegStart); a run of lines of one period is looked up once.
      const regStart = field(f, R.regStart);
      if (p !== lastRegOf || regStart !== lastRegStart) {
        lastRegOf = p;
        lastRegStart = regStart;
        const regKey = `${lastKey}|${regStart}`;
        if (!regs.has(regKey)) regs.set(regKey, [field(f, R.studyLevel) || MISSING, field(f, R.regEnd) !== '' ? field(f, R.regEndReason) || MISSING : null]);
      }
      const occ = field(f, R.contactOccupation);
      if (occ !== '' && occ !== NOT_REACHED_CODE) {
        const h = halfOf(field(f, R.contactDate));
        if (h >= 0 && !p.reachedIn.includes(h)) p.reachedIn.push(h);
      }
      const measure = field(f, R.measure);
      if (measure) {
        inc(measuresByAtgard, measure);
        if (field(f, R.measureEnd)) inc(outcomesBySysEfter, field(f, R.occupationAfter) || MISSING);
      }
    },
  });
  const period = (opts.period ?? report.period ?? '1970H1') as HalfYear;
  const end = halfYearEnd(period);
  const periodHalf = Number(period.slice(0, 4)) * 2 + (period.endsWith('H2') ? 1 : 0);
  const stats: HalfYearStats = { persons: 0, byGender: { kvinna: 0, man: 0 }, byAge: {}, bySenSysReg: {}, reached: 0, notReached: 0, measuresByAtgard: {}, outcomesBySysEfter: {}, endedByGrundRegSlut: {} };
  for (const p of persons.values()) {
    stats.persons++;
    if (p.woman) stats.byGender.kvinna++;
    else stats.byGender.man++;
    inc(stats.byAge, String(ageOn(p.birth, end)));
    if (p.reachedIn.includes(periodHalf)) stats.reached++;
    else stats.notReached++;
  }
  for (const [sen, reason] of regs.values()) {
    inc(stats.bySenSysReg, sen);
    if (reason !== null) inc(stats.endedByGrundRegSlut, reason);
  }
  stats.byAge = sortedCounts(stats.byAge);
  stats.bySenSysReg = sortedCounts(stats.bySenSysReg);
  stats.measuresByAtgard = sortedCounts(measuresByAtgard);
  stats.outcomesBySysEfter = sortedCounts(outcomesBySysEfter);
  stats.endedByGrundRegSlut = sortedCounts(stats.endedByGrundRegSlut);
  const errors = report.findings.filter((f) => f.severity === 'block');
  return { period, stats, errors, blocking: report.counts.block, unreadable: report.verdict === 'unreadable' };
}

/** Change between two half-years per key (b − a), for the comparison view. */
export function diffCounts(a: Record<string, number>, b: Record<string, number>): Array<{ key: string; a: number; b: number; change: number }> {
  const keys = Object.keys(sortedCounts({ ...Object.fromEntries(Object.keys(a).map((k) => [k, 0])), ...Object.fromEntries(Object.keys(b).map((k) => [k, 0])) }));
  return keys.map((key) => ({ key, a: a[key] ?? 0, b: b[key] ?? 0, change: (b[key] ?? 0) - (a[key] ?? 0) }));
}
