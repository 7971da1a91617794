/**
 * The two CLIs on the saved copy of the stand-in's extract and SCB file (tests/fixtures/extens), and the comparison
 * against the stand-in's independently designed lists on other data sets and dates.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { main as extensDiff } from '../../../lib/extens/cli';
import { main as scbStats } from '../../../lib/stats/cli';
import { compare, readRegister } from '../../../lib/extens/compare';
import { readExtract } from '../../../lib/extens/extract';
import { halfYearStats } from '../../../lib/stats/stats';
import { generate, fixRed } from '../../fixtures/uka/data';
import { exportFile } from '../../fixtures/uka/scbfile';
import { EXTENS_MAP, extensExpected, extensFile, statsExpected } from '../../fixtures/uka/extens';
import type { IsoDate } from '../../../lib/domain/dates';

const dir = new URL('../../fixtures/extens/', import.meta.url);
const path = (f: string) => new URL(f, dir).pathname;
const expected = JSON.parse(readFileSync(path('expected.json'), 'utf8'));

function run(main: typeof extensDiff, args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(args, (s) => out.push(s), (s) => err.push(s));
  return { code, out: out.join('\n'), err: err.join('\n') };
}
const pnrs = (l: Array<{ personnummer: string }>) => l.map((e) => e.personnummer).sort();

describe('npm run extens-diff', () => {
  for (const which of ['today', 'later'] as const) {
    it(`gives exactly the stand-in's four lists (${which})`, () => {
      const e = expected[which];
      const r = run(extensDiff, [path('extract.csv'), '--map', path('map.json'), '--register', path('register.txt'), '--date', e.date, '--kommun', '2281', '--json']);
      expect(r.code).toBe(1); // rows that could not be read
      const json = JSON.parse(r.out);
      expect(Object.keys(json)).toEqual(['register', 'end', 'protected', 'missingContact', 'rowErrors']);
      expect(pnrs(json.register)).toEqual(e.register);
      expect(pnrs(json.end)).toEqual(e.end);
      expect(pnrs(json.protected)).toEqual(e.protected);
      expect(pnrs(json.missingContact)).toEqual(e.missingContact);
      expect(json.rowErrors.map((x: { row: number; column: string }) => ({ row: x.row, column: x.column }))).toEqual(e.rowErrors);
      for (const entry of [...json.register, ...json.end]) {
        expect(entry.personnummer).toMatch(/^\d{12}$/);
        expect(entry.reason.length).toBeGreaterThan(10);
      }
      expect(r.err).toContain('finns inte i utdraget');
    });
  }
  it('masks personnummer in text output unless asked', () => {
    const r = run(extensDiff, [path('extract.csv'), '--map', path('map.json'), '--register', path('register.txt'), '--date', '2026-11-23', '--kommun', '2281']);
    expect(r.out).not.toMatch(/\d{8}-?\d{4}/);
    expect(r.out).toMatch(/\d{8}-\*\*\*\*/);
  });
  it('exit codes: 2 for a missing file or a mapping that does not fit, 3 for bad arguments', () => {
    expect(run(extensDiff, ['nope.csv', '--map', path('map.json'), '--register', path('register.txt'), '--date', '2026-11-23', '--kommun', '2281']).code).toBe(2);
    expect(run(extensDiff, [path('register.txt'), '--map', path('map.json'), '--register', path('register.txt'), '--date', '2026-11-23', '--kommun', '2281']).code).toBe(2);
    expect(run(extensDiff, [path('extract.csv'), '--map', path('map.json'), '--register', path('register.txt'), '--date', '2026-02-30', '--kommun', '2281']).code).toBe(3);
  });
});

describe('npm run scb-stats', () => {
  it('prints exactly the documented shape with the stand-in\'s totals; blocking errors listed, exit 1', () => {
    const r = run(scbStats, [path('register.txt'), '--period', '2026H2', '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toEqual(expected.stats);
    expect(r.err).toMatch(/Blockerande fel/);
    expect(r.err).not.toMatch(/\d{8}-?\d{4}/);
  });
  it('--compare adds the second file', () => {
    const r = run(scbStats, [path('register.txt'), '--compare', path('register.txt'), '--period', '2026H2', '--json']);
    expect(JSON.parse(r.out).compare).toEqual(expected.stats);
  });
  it('a missing file exits 2; a bad period 3', () => {
    expect(run(scbStats, ['nope.txt', '--period', '2026H2']).code).toBe(2);
    expect(run(scbStats, [path('register.txt'), '--period', '2026H3']).code).toBe(3);
  });
});

describe('the comparison against the stand-in on other data sets', () => {
  for (const [youths, seed, today, dates] of [
    [300, 7, '2026-11-23', ['2026-11-23', '2027-01-15', '2027-06-30']],
    [60, 3, '2026-04-10', ['2026-04-10', '2026-05-20']],
  ] as const) {
    it(`${youths} youths, seed ${seed}, today ${today}`, () => {
      const { persons } = generate({ youths, seed, today });
      for (const p of persons) fixRed(p, today);
      const extract = readExtract(new Uint8Array(extensFile(persons, today, '2281')), { map: EXTENS_MAP, date: today as IsoDate });
      const register = readRegister(new Uint8Array(exportFile(persons, today, '2281', 'clean').bytes));
      for (const date of dates) {
        const c = compare(extract.persons, register, extract.rowErrors, { date: date as IsoDate, kommun: '2281' });
        const e = extensExpected(persons, today, '2281', date);
        expect(pnrs(c.register), date).toEqual(e.register);
        expect(pnrs(c.end), date).toEqual(e.end);
        expect(pnrs(c.protected), date).toEqual(e.protected);
        expect(pnrs(c.missingContact), date).toEqual(e.missingContact);
        expect(pnrs(c.notInExtract), date).toEqual(e.notInExtract);
      }
      const stats = halfYearStats(new Uint8Array(exportFile(persons, today, '2281', 'clean').bytes), { period: (today < `${today.slice(0, 4)}-07-01` ? `${today.slice(0, 4)}H1` : `${today.slice(0, 4)}H2`) as `${number}H1` });
      expect(stats.stats).toEqual(statsExpected(persons, today));
      expect(stats.blocking).toBe(0);
    });
  }
});
