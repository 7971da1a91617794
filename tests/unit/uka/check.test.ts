import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { personPageIssue } from '../../../lib/uka/check';
import { PersonPage } from '../../../lib/uka/types';
import { WARNING_KINDS } from '../../../lib/domain/warnings';

/** A value that is right for the field most of the time, and wrong in one of the ways a page read can be wrong. */
const field = <T,>(good: fc.Arbitrary<T>, ...bad: fc.Arbitrary<unknown>[]) => fc.oneof({ weight: 60, arbitrary: good as fc.Arbitrary<unknown> }, ...bad.map((arbitrary) => ({ weight: 1, arbitrary })));
const isoDate = fc.date({ min: new Date('1990-01-01'), max: new Date('2040-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const badDate = fc.constantFrom('', '2026-1-05', '05/01/2026', 'i går', '2026-01-05 10:00', ' 2026-01-05');
const text = fc.string({ maxLength: 12 });
const wrong = fc.constantFrom<unknown>(undefined, 7, true, {}, []);
const nullableText = field(fc.option(text, { nil: null }), wrong);
const list = <T,>(item: fc.Arbitrary<T>) => field(fc.array(item, { maxLength: 3 }), fc.constant(null), fc.constant('x'));

const page = fc.record({
  header: fc.record({
    name: field(fc.string({ minLength: 1, maxLength: 10 }), fc.constant(''), wrong),
    personnummer: field(fc.constantFrom('20080101-1234', '200801011234', '0801011234'), fc.constantFrom('', '0801', '123456789'), wrong),
    kon: nullableText,
    alder: field(fc.option(fc.nat(30), { nil: null }), fc.constantFrom(-1, 16.5, Number.NaN), fc.constant('17')),
  }),
  label: nullableText,
  sections: list(
    fc.record({
      colour: field(fc.constantFrom('red', 'yellow', 'green'), fc.constantFrom('blue', 'Red', '')),
      heading: field(text, wrong),
      kind: field(fc.option(fc.constantFrom(...WARNING_KINDS), { nil: null }), fc.constantFrom('R9', 'r1', '')),
      items: list(field(text, wrong)),
    }),
  ),
  contacts: list(
    fc.record({
      date: field(isoDate, badDate, wrong),
      kind: field(fc.constantFrom('telefon', 'brev', 'vykort', 'hembesok', 'mote', 'sms', 'annat'), fc.constantFrom('besök', '')),
      reached: field(fc.boolean(), fc.constantFrom('ja', 1, null)),
      target: field(fc.constantFrom('ungdom', 'vardnadshavare', 'annan'), fc.constantFrom('mamma', '')),
      note: field(text, wrong),
    }),
  ),
  measures: list(
    fc.record({
      atgardCode: nullableText,
      atgardText: field(text, wrong),
      start: field(isoDate, badDate, wrong),
      end: field(fc.option(isoDate, { nil: null }), badDate),
      grundAtgSlut: nullableText,
      sysEfter: nullableText,
    }),
  ),
  occupations: list(fc.record({ date: field(isoDate, badDate), sysKontakt: nullableText, text: field(text, wrong) })),
  registrations: list(fc.record({ start: field(isoDate, badDate), end: field(fc.option(isoDate, { nil: null }), badDate), senSysReg: nullableText })),
  bevakningar: list(fc.record({ date: field(isoDate, badDate), text: field(text, wrong) })),
});

describe('personPageIssue (the person page check without zod)', () => {
  it('gives the PersonPage schema’s verdict, and the path of its first issue', () => {
    fc.assert(
      fc.property(page, (value) => {
        const zod = PersonPage.safeParse(value);
        const ours = personPageIssue(value);
        expect(ours === null).toBe(zod.success);
        if (!zod.success && ours) expect(ours.path).toEqual(zod.error.issues[0]!.path);
      }),
      { numRuns: 2000 },
    );
  });

  it('finds both valid and invalid reads among the generated ones (the property above tests both sides)', () => {
    const samples = fc.sample(page, { numRuns: 400, seed: 20261123 }).map((v) => personPageIssue(v) === null);
    expect(samples.filter(Boolean).length).toBeGreaterThan(40);
    expect(samples.filter((ok) => !ok).length).toBeGreaterThan(40);
  });

  it('names the field and what is wrong with it', () => {
    const issue = personPageIssue({
      header: { name: 'Test Testsson', personnummer: '200801011234', kon: null, alder: 18 },
      label: null,
      sections: [],
      contacts: [],
      measures: [],
      occupations: [{ date: '5 jan', sysKontakt: null, text: '' }],
      registrations: [],
      bevakningar: [],
    });
    expect(issue).toEqual({ path: ['occupations', 0, 'date'], message: 'ska vara ett datum ÅÅÅÅ-MM-DD' });
  });
  it('lets a contact or measure date through as shown: the ladder names a bad one and carries on (#18)', () => {
    const issue = personPageIssue({
      header: { name: 'Test Testsson', personnummer: '200801011234', kon: null, alder: 18 },
      label: null,
      sections: [],
      contacts: [{ date: '18 nov 2026', kind: 'telefon', reached: true, target: 'ungdom', note: '' }],
      measures: [{ atgardCode: '16', atgardText: '', start: '2026-10-xx', end: '2026-1x-01', grundAtgSlut: null, sysEfter: null }],
      occupations: [],
      registrations: [],
      bevakningar: [],
    });
    expect(issue).toBeNull();
  });
});
