/** Half-year statistics counted in the SCB check's own pass, and the SCB line reader used by the comparison. */
import { describe, expect, it } from 'vitest';
import { halfYearStats } from '../../../lib/stats/stats';
import { defaultProfile, forEachScbLine } from '../../../lib/stats/scb-lines';
import { buildFile, buildText, cp1252, pickYouths, type YouthSpec } from '../scb/build-file';

// Skatteverket test numbers of youths 16-19 on 2026-12-31.
const [P1, P2, P3] = pickYouths('2026-12-31', 3) as [string, string, string];

const youths: YouthSpec[] = [
  // reached in 2026H2 (05), a finished measure without SysEfter (R4: blocking), an earlier ended registration
  {
    pnr: P1,
    regs: [
      { start: '2025-09-01', end: '2026-01-31', endReason: '2', level: '2', bevis: 'N', contacts: [{ date: '2025-10-01', occ: '05' }] },
      { start: '2026-03-01', level: '2', bevis: 'N', contacts: [{ date: '2026-09-15', occ: '05' }], measures: [{ code: '16', start: '2026-09-01', end: '2026-10-31', reason: '1', after: '' }] },
    ],
  },
  // only "okänd / ej nådd" (13) in the period: not reached; reached in H1 does not count for H2
  { pnr: P2, regs: [{ start: '2026-02-01', level: '4', bevis: 'J', contacts: [{ date: '2026-03-10', occ: '05' }, { date: '2026-08-10', occ: '13' }] }] },
  // a contact in the period
  { pnr: P3, regs: [{ start: '2026-02-01', level: '5', bevis: 'N', contacts: [{ date: '2026-11-02', occ: '01' }], measures: [{ code: '15', start: '2026-10-01' }] }] },
];

describe('half-year statistics', () => {
  it('counts youths, periods, measures and outcomes, and lists the blocking errors of a file it counts anyway', () => {
    const r = halfYearStats(buildFile(youths), { period: '2026H2', kommun: '2281' });
    expect(r.stats.persons).toBe(3);
    expect(r.stats.reached).toBe(2);
    expect(r.stats.notReached).toBe(1);
    expect(r.stats.bySenSysReg).toEqual({ '2': 2, '4': 1, '5': 1 });
    expect(r.stats.endedByGrundRegSlut).toEqual({ '2': 1 });
    expect(r.stats.measuresByAtgard).toEqual({ '15': 1, '16': 1 });
    expect(r.stats.outcomesBySysEfter).toEqual({ saknas: 1 });
    expect(r.stats.byGender.kvinna + r.stats.byGender.man).toBe(3);
    expect(r.blocking).toBeGreaterThan(0);
    expect(r.errors.map((e) => e.ruleId)).toContain('R4');
    expect(r.unreadable).toBe(false);
  });
  it('the period derived from the file when none is given; an exact copy of a line is not counted twice', () => {
    const text = buildText(youths);
    const lines = text.split('\r\n');
    const copy = lines.find((l) => l.includes(';16;')) as string;
    const r = halfYearStats(cp1252(`${text}${copy}\r\n`), { kommun: '2281' });
    expect(r.period).toBe('2026H2');
    expect(r.stats.measuresByAtgard).toEqual({ '15': 1, '16': 1 });
    expect(r.errors.map((e) => e.ruleId)).toContain('S-DUPLICATE');
  });
  it('a file that is no SCB file is unreadable, with nothing counted', () => {
    const r = halfYearStats(new TextEncoder().encode('hej\r\nhopp\r\n'), { period: '2026H2' });
    expect(r.unreadable).toBe(true);
    expect(r.stats.persons).toBe(0);
  });
});

describe('forEachScbLine', () => {
  const profile = defaultProfile();
  const visit = (text: string) => {
    const seen: Array<[number, string, string]> = [];
    const skipped = forEachScbLine(cp1252(text), profile, (f, line) => seen.push([line, f[1] as string, f[13] as string]));
    return { seen, skipped };
  };
  const head = profile.columns.map((c) => c.name).join(';');
  const row = (pnr: string, last = '') => `2281;${pnr};2026-01-10;;;2;N;2026-07-01;05;;;;;${last}`;
  it('CRLF, LF and CR-only files; blank lines skipped; fields trimmed', () => {
    for (const eol of ['\r\n', '\n', '\r']) {
      const r = visit([head, row(P1, ' 05 '), '', '   ', row(P2), ''].join(eol));
      expect(r.seen, JSON.stringify(eol)).toEqual([
        [2, P1, '05'],
        [5, P2, ''],
      ]);
      expect(r.skipped).toEqual([]);
    }
  });
  it('trailing empty fields are accepted; too few fields or extra values are reported', () => {
    const r = visit([head, `${row(P1)};;`, row(P2).slice(0, -3), `${row(P3)};x`].join('\r\n'));
    expect(r.seen.map((s) => s[0])).toEqual([2]);
    expect(r.skipped).toEqual([3, 4]);
  });
});
