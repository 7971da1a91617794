/**
 * The stand-in's own R2 (tests/fixtures/uka/data.ts computeWarnings, fixRed): a measure period with no occupation at
 * contact (SysKontakt) dated inside it, as SCB-FILE.md states it. The product's validator is held to the same rule by
 * scb-crosscheck.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { computeWarnings, fixRed, type Measure, type Person } from '../../fixtures/uka/data';
import { testPersonnummer } from '../../fixtures/testpersonnummer';

const TODAY = '2026-11-23'; // collection period 2026-07-01 – 2026-12-31

function person(occupations: string[], measures: Partial<Measure>[]): Person {
  return {
    id: 1,
    firstName: 'Test',
    lastName: 'Testsson',
    personnummer: testPersonnummer()[0]!,
    birthDate: '2008-01-01', // not read by the warnings
    kon: 'Kvinna',
    label: 'Coach Anna',
    studiebevis: false,
    ladder: 'i-atgard',
    demonstrates: '',
    registrations: [{ start: '2026-02-01', end: null, grundRegSlut: null, senSysReg: '2' }],
    contacts: [],
    occupations: occupations.map((date) => ({ date, sysKontakt: '05', text: 'Arbete' })),
    measures: measures.map((m) => ({ atgard: '16', start: '2026-09-01', end: null, grundAtgSlut: null, sysEfter: null, ...m })),
    bevakningar: [],
  };
}
const r2 = (p: Person) => computeWarnings(p, TODAY).find((w) => w.kind === 'R2')?.items ?? [];
const ENDED = { start: '2026-09-01', end: '2026-10-31', grundAtgSlut: '1', sysEfter: '05' };

describe('stand-in R2 per measure period', () => {
  it('a contact in September and a measure from October with no contact since: R2', () => {
    expect(r2(person(['2026-09-15'], [{ start: '2026-10-01' }]))).toHaveLength(1);
    expect(r2(person(['2026-09-15', '2026-10-01'], [{ start: '2026-10-01' }]))).toEqual([]);
    expect(r2(person(['2026-12-31'], [{ start: '2026-10-01' }]))).toEqual([]);
  });
  it('ended measure: first and last day count, before and after do not', () => {
    expect(r2(person(['2026-08-31'], [ENDED]))).toHaveLength(1);
    expect(r2(person(['2026-09-01'], [ENDED]))).toEqual([]);
    expect(r2(person(['2026-10-31'], [ENDED]))).toEqual([]);
    expect(r2(person(['2026-11-01'], [ENDED]))).toHaveLength(1);
  });
  it('two measures, one with a contact: one item, naming the other measure', () => {
    const items = r2(person(['2026-07-20'], [{ start: '2026-07-15', end: '2026-07-31', grundAtgSlut: '1', sysEfter: '05' }, ENDED]));
    expect(items).toHaveLength(1);
    expect(items[0]).toContain('2026-09-01 – 2026-10-31');
  });
  it('fixRed adds an occupation inside every measure period that lacks one', () => {
    const p = person(['2026-08-01'], [{ start: '2026-10-01' }, ENDED]);
    expect(r2(p)).toHaveLength(2);
    fixRed(p, TODAY);
    expect(computeWarnings(p, TODAY).filter((w) => w.kind.startsWith('R'))).toEqual([]);
  });
});
