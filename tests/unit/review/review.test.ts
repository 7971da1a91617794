import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  formatProgress,
  hasLabel,
  normaliseLabel,
  problemSections,
  reviewPersons,
  reviewProgress,
  reviewScope,
  shortSwedishDate,
  summariseReview,
} from '../../../lib/review';
import type { ExportList, ExportListGroup } from '../../../lib/uka/types';

// Skatteverket test numbers (shared/data/testpersonnummer).
const PNR = ['200801012386', '200801012394', '200801022393', '200801022385'] as const;

const row = (i: number, label: string | null, pnr: string | null = PNR[i % PNR.length] ?? null) => ({ name: `Person ${i}`, personnummer: pnr, label, href: `/person/${i}` });

function list(groups: ExportListGroup[]): ExportList {
  return { groups, exportButton: { enabled: false, href: null } };
}

const LIST = list([
  { colour: 'red', heading: 'Problem: Åtgärd avslutad utan GrundAtgSlut', kind: 'R3', rows: [row(1, 'Coach Anna'), row(2, 'Coach Omar')] },
  { colour: 'red', heading: 'Problem: SysEfter saknas', kind: 'R4', rows: [row(1, 'Coach Anna')] },
  { colour: 'yellow', heading: 'Potentiella problem: SysKontakt saknas', kind: 'Y4', rows: [row(3, ' coach  anna '), row(2, 'Coach Omar'), row(4, null)] },
  { colour: 'yellow', heading: 'Potentiella problem: Något nytt', kind: null, rows: [row(4, null)] },
  { colour: 'green', heading: 'Oavslutade åtgärder', kind: 'G1', rows: [row(5, 'Coach Anna'), row(1, 'Coach Anna')] },
]);

describe('labels', () => {
  it('compares etiketts without case or whitespace differences', () => {
    expect(normaliseLabel('  Coach   ANNA ')).toBe('coach anna');
    expect(hasLabel({ label: 'coach anna' }, 'Coach Anna')).toBe(true);
    expect(hasLabel({ label: 'Coach Annika' }, 'Coach Anna')).toBe(false);
    expect(hasLabel({ label: null }, 'Coach Anna')).toBe(false);
    expect(hasLabel({ label: '' }, '')).toBe(false);
    expect(hasLabel({ label: 'x' }, null)).toBe(false);
  });
});

describe('reviewPersons', () => {
  it('deduplicates persons by page path and keeps every section, red first', () => {
    const persons = reviewPersons(LIST);
    expect(persons.map((p) => p.href)).toEqual(['/person/1', '/person/2', '/person/3', '/person/4', '/person/5']);
    const p1 = persons[0]!;
    expect(p1.sections.map((s) => s.kind)).toEqual(['R3', 'R4', 'G1']);
    expect([p1.hasRed, p1.hasYellow, p1.hasGreen]).toEqual([true, false, true]);
    expect(problemSections(p1).map((s) => s.kind)).toEqual(['R3', 'R4']);
    const p4 = persons[3]!;
    expect(p4.sections.map((s) => s.kind)).toEqual(['Y4', null]);
    expect(problemSections(persons[4]!)).toEqual([]);
  });

  it('fills a missing personnummer or label from another listing of the same person', () => {
    const l = list([
      { colour: 'red', heading: 'R', kind: 'R1', rows: [{ name: 'A', personnummer: null, label: null, href: '/person/9' }] },
      { colour: 'yellow', heading: 'Y', kind: 'Y2', rows: [{ name: 'A', personnummer: PNR[0], label: 'Coach Anna', href: '/person/9' }] },
    ]);
    const [p] = reviewPersons(l);
    expect(p?.personnummer).toBe(PNR[0]);
    expect(p?.label).toBe('Coach Anna');
  });
});

describe('summariseReview', () => {
  it('counts every section and colour without a filter', () => {
    const s = summariseReview(LIST);
    expect(s.sections.map((x) => x.count)).toEqual([2, 1, 3, 1, 2]);
    expect(s.colours.red).toEqual({ persons: 2, listings: 3 });
    expect(s.colours.yellow).toEqual({ persons: 3, listings: 4 });
    expect(s.colours.green).toEqual({ persons: 2, listings: 2 });
    expect(s.persons).toHaveLength(5);
  });

  it('"bara mina" counts and lists only persons with my etikett, keeping every section row', () => {
    const s = summariseReview(LIST, 'Coach Anna');
    expect(s.sections.map((x) => x.count)).toEqual([1, 1, 1, 0, 2]);
    expect(s.colours.red).toEqual({ persons: 1, listings: 2 });
    expect(s.colours.yellow).toEqual({ persons: 1, listings: 1 });
    expect(s.persons.map((p) => p.href)).toEqual(['/person/1', '/person/3', '/person/5']);
  });

  it('an empty label means no filter', () => {
    expect(summariseReview(LIST, '  ').persons).toHaveLength(5);
    expect(summariseReview(LIST, null).persons).toHaveLength(5);
  });

  it('counts persons without grouping them: the counts equal those of the grouped persons, for any list and label, also the second summary of a list', () => {
    const label = fc.constantFrom('Coach Anna', 'coach  anna', 'Coach Bo', null);
    const row = fc.record({ n: fc.nat(6), label });
    const group = fc.record({ colour: fc.constantFrom('red', 'yellow', 'green') as fc.Arbitrary<'red' | 'yellow' | 'green'>, rows: fc.array(row, { maxLength: 6 }) });
    fc.assert(
      fc.property(fc.array(group, { maxLength: 5 }), label, (groups, only) => {
        const l = list(
          groups.map((g, i) => ({ colour: g.colour, heading: `G${i}`, kind: null, rows: g.rows.map((r) => ({ name: `P${r.n}`, personnummer: null, label: r.label, href: `/person/${r.n}` })) })),
        );
        // The unfiltered summary first, as the review feature does: the filtered one reuses its pass over the list.
        const unfiltered = summariseReview(l);
        expect(unfiltered.problemPersons).toBe(reviewPersons(l).filter((p) => p.hasRed || p.hasYellow).length);
        const s = summariseReview(l, only);
        const persons = reviewPersons(l).filter((p) => !normaliseLabel(only) || normaliseLabel(p.label) === normaliseLabel(only));
        expect(s.colours.red.persons).toBe(persons.filter((p) => p.hasRed).length);
        expect(s.colours.yellow.persons).toBe(persons.filter((p) => p.hasYellow).length);
        expect(s.colours.green.persons).toBe(persons.filter((p) => p.hasGreen).length);
        expect(s.problemPersons).toBe(persons.filter((p) => p.hasRed || p.hasYellow).length);
        expect(s.persons.map((p) => p.href)).toEqual(persons.map((p) => p.href));
      }),
    );
  });

  it('an empty list gives zero counts', () => {
    const s = summariseReview(list([]));
    expect(s.sections).toEqual([]);
    expect(s.colours.red).toEqual({ persons: 0, listings: 0 });
  });
});

describe('reviewScope', () => {
  it('takes red persons, with the label when given', () => {
    const persons = reviewPersons(LIST);
    expect(reviewScope(persons, null).map((p) => p.href)).toEqual(['/person/1', '/person/2']);
    expect(reviewScope(persons, 'Coach Omar').map((p) => p.href)).toEqual(['/person/2']);
    expect(reviewScope(persons, 'Coach Lena')).toEqual([]);
  });
});

describe('reviewProgress', () => {
  it('counts start persons that are no longer red on the current list', () => {
    expect(reviewProgress(['a', 'b', 'c'], ['b', 'x'])).toEqual({ total: 3, fixed: 2, stillRed: 1, unknown: 0 });
  });

  it('never counts more fixed than UKA shows: unknown current red persons count as still red', () => {
    expect(reviewProgress(['a', 'b', 'c'], ['b'], 1)).toEqual({ total: 3, fixed: 1, stillRed: 2, unknown: 1 });
    expect(reviewProgress(['a'], [], 5)).toEqual({ total: 1, fixed: 0, stillRed: 1, unknown: 5 });
  });

  it('ignores duplicate start keys and new red persons', () => {
    expect(reviewProgress(['a', 'a'], ['z'])).toEqual({ total: 1, fixed: 1, stillRed: 0, unknown: 0 });
    expect(reviewProgress([], ['z'])).toEqual({ total: 0, fixed: 0, stillRed: 0, unknown: 0 });
  });

  it('counts the persons red at the start without a kept key: fixed once fewer of them are red', () => {
    // 5 red at the start, 'a' and 'b' followed by key, 3 only counted.
    expect(reviewProgress(['a', 'b'], ['a', 'x', 'y', 'z'], 0, 5)).toEqual({ total: 5, fixed: 1, stillRed: 4, unknown: 0 });
    expect(reviewProgress(['a', 'b'], ['x', 'y'], 0, 5)).toEqual({ total: 5, fixed: 3, stillRed: 2, unknown: 0 });
    // More red persons without a kept key than at the start: none of them counts as fixed.
    expect(reviewProgress(['a', 'b'], ['a', 'b', 'w', 'x', 'y', 'z'], 0, 5)).toEqual({ total: 5, fixed: 0, stillRed: 5, unknown: 0 });
    // Nobody followed by key: the review's count alone.
    expect(reviewProgress([], ['x'], 0, 3)).toEqual({ total: 3, fixed: 2, stillRed: 1, unknown: 0 });
    expect(reviewProgress([], [], 2, 3)).toEqual({ total: 3, fixed: 1, stillRed: 2, unknown: 2 });
    // At the start of a review nothing is fixed.
    expect(reviewProgress(['a'], ['a', 'x', 'y'], 1, 4)).toEqual({ total: 4, fixed: 0, stillRed: 4, unknown: 1 });
  });

  it('invariants with counted persons: 0 ≤ fixed ≤ total, never more fixed than fewer red persons now', () => {
    const key = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f');
    fc.assert(
      fc.property(fc.array(key), fc.array(key), fc.nat(4), fc.nat(8), (start, current, unknown, extra) => {
        const total = new Set(start).size + extra;
        const p = reviewProgress(start, current, unknown, total);
        const redNow = new Set(current).size + unknown;
        return p.total === total && p.fixed >= 0 && p.fixed + p.stillRed === total && p.fixed <= Math.max(0, total - Math.min(total, redNow)) + new Set(start.filter((k) => !current.includes(k))).size;
      }),
    );
  });

  it('invariants: 0 ≤ fixed ≤ total, fixed + stillRed = total, fixed ≤ start keys absent from the current list', () => {
    const key = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f');
    fc.assert(
      fc.property(fc.array(key), fc.array(key), fc.nat(4), (start, current, unknown) => {
        const p = reviewProgress(start, current, unknown);
        const absent = new Set(start.filter((k) => !current.includes(k))).size;
        return p.fixed >= 0 && p.fixed <= p.total && p.fixed + p.stillRed === p.total && p.fixed <= absent;
      }),
    );
  });
});

describe('formatting', () => {
  it('writes short Swedish dates', () => {
    expect(shortSwedishDate('2026-11-03')).toBe('3 nov');
    expect(shortSwedishDate('2026-03-15', '2026-04-01')).toBe('15 mars');
    expect(shortSwedishDate('2025-12-30', '2026-01-02')).toBe('30 dec 2025');
  });

  it('writes the progress line', () => {
    expect(formatProgress({ total: 12, fixed: 7, stillRed: 5, unknown: 0 }, '2026-11-03')).toBe('7 av 12 röda rättade sedan 3 nov');
    expect(formatProgress({ total: 1, fixed: 0, stillRed: 1, unknown: 0 }, '2026-11-03')).toBe('0 av 1 röd rättad sedan 3 nov');
  });
});
