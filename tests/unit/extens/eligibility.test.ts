/** Eligibility (Skollagen 29:9 with Skolverket's reading), every rule at its boundary date. */
import { describe, expect, it } from 'vitest';
import { judge, type EndCause } from '../../../lib/extens/eligibility';
import type { ExtractPerson } from '../../../lib/extens/extract';
import { readPersonnummer } from '../../../lib/extens/values';
import type { IsoDate } from '../../../lib/domain/dates';

// Skatteverket test personnummer: born 2008-01-23 (20th birthday 2028-01-23), and 2008-02-29 … not in the list, so
// the leap-day rule is tested through lib/domain (ageOn); here a 2004-02-29 number would be needed.
const PNR = '200801232380';
const KOMMUN = '2281';

function person(patch: Partial<ExtractPerson> = {}): ExtractPerson {
  const id = readPersonnummer(PNR);
  if (!id.ok) throw new Error('bad test number');
  return {
    id: id.value,
    rows: [2],
    name: 'Test Testsson',
    kommuner: [KOMMUN],
    enrolments: [],
    examen: null,
    gymnasieintyg: null,
    studiebevis: null,
    sarskolebevis: null,
    protectedIdentity: false,
    phone: '070-000 00 00',
    address: '',
    unreadable: false,
    ...patch,
  };
}
const at = (p: ExtractPerson, date: string) => judge(p, { date: date as IsoDate, kommun: KOMMUN });
const causes = (p: ExtractPerson, date: string): EndCause[] => at(p, date).causes;

describe('age: covered until the day before the 20th birthday', () => {
  it('the day before the 20th birthday: covered', () => {
    expect(at(person(), '2028-01-22').covered).toBe(true);
  });
  it('on the 20th birthday: not covered, reason names the birthday', () => {
    const v = at(person(), '2028-01-23');
    expect(v.covered).toBe(false);
    expect(v.causes).toEqual(['age']);
    expect(v.reason).toContain('fyllde 20 år 2028-01-23');
  });
});

describe('enrolment in gymnasieskola / anpassad gymnasieskola (from ≤ date ≤ to; empty to = ongoing)', () => {
  const enrolled = (form: 'GY' | 'GYS', from: string | null, to: string | null, programme: ExtractPerson['enrolments'][number]['programme'] = { kind: 'national', code: 'NA' }) =>
    person({ enrolments: [{ row: 2, form, programme, from: from as IsoDate | null, to: to as IsoDate | null }] });
  it('the day before the start: covered; on the start day: not covered', () => {
    expect(at(enrolled('GY', '2026-08-17', null), '2026-08-16').covered).toBe(true);
    expect(causes(enrolled('GY', '2026-08-17', null), '2026-08-17')).toEqual(['enrolled']);
  });
  it('on the last day: not covered; the day after: covered again', () => {
    expect(causes(enrolled('GY', '2025-08-17', '2026-06-12'), '2026-06-12')).toEqual(['enrolled']);
    expect(at(enrolled('GY', '2025-08-17', '2026-06-12'), '2026-06-13').covered).toBe(true);
  });
  it('empty "to" is ongoing', () => {
    expect(causes(enrolled('GY', '2025-08-17', null), '2027-12-01')).toEqual(['enrolled']);
  });
  it('introduktionsprogram: not covered while enrolled (since 1 July 2018), covered after it ends', () => {
    const im = enrolled('GY', '2026-01-10', '2026-10-31', { kind: 'im', code: 'IMA' });
    const v = at(im, '2026-10-31');
    expect(v.covered).toBe(false);
    expect(v.reason).toContain('introduktionsprogram IMA');
    expect(at(im, '2026-11-01').covered).toBe(true);
  });
  it('anpassad gymnasieskola (GYS) counts as enrolled', () => {
    expect(at(enrolled('GYS', '2026-08-01', null), '2026-09-01').reason).toContain('anpassad gymnasieskola');
  });
  it('komvux and other school forms do not end the coverage', () => {
    expect(at(person({ enrolments: [{ row: 2, form: 'OTHER', programme: { kind: 'none' }, from: null, to: null }] }), '2026-09-01').covered).toBe(true);
  });
  it('grundskola: not covered (skolplikt not completed)', () => {
    expect(causes(person({ enrolments: [{ row: 2, form: 'GR', programme: { kind: 'none' }, from: null, to: null }] }), '2026-09-01')).toEqual(['compulsory']);
  });
});

describe('examen, gymnasiesärskolebevis, studiebevis, gymnasieintyg', () => {
  it('gymnasieexamen: not covered', () => {
    expect(causes(person({ examen: { has: true, date: null, text: null } }), '2026-09-01')).toEqual(['examen']);
  });
  it('a dated examen counts from its date', () => {
    const p = person({ examen: { has: true, date: '2026-06-12' as IsoDate, text: null } });
    expect(at(p, '2026-06-11').covered).toBe(true);
    expect(causes(p, '2026-06-12')).toEqual(['examen']);
  });
  it('equivalent education with a pass (IB, foreign examen): not covered, reason names it', () => {
    const v = at(person({ examen: { has: true, date: null, text: 'IB-examen' } }), '2026-09-01');
    expect(v.covered).toBe(false);
    expect(v.reason).toContain('IB-examen');
  });
  it('studiebevis alone: still covered (Skolverket)', () => {
    const v = at(person({ studiebevis: { has: true, date: null, text: null } }), '2026-09-01');
    expect(v.covered).toBe(true);
    expect(v.reason).toContain('studiebevis');
  });
  it('examen against studiebevis: the examen decides', () => {
    expect(causes(person({ studiebevis: { has: true, date: null, text: null }, examen: { has: true, date: null, text: null } }), '2026-09-01')).toEqual(['examen']);
  });
  it('gymnasieintyg alone: still covered', () => {
    expect(at(person({ gymnasieintyg: { has: true, date: null, text: null } }), '2026-09-01').covered).toBe(true);
  });
  it('gymnasiesärskolebevis: not covered', () => {
    expect(causes(person({ sarskolebevis: { has: true, date: null, text: null } }), '2026-09-01')).toEqual(['sarskolebevis']);
  });
});

describe('folkbokföringskommun, protected identity, contact', () => {
  it('moved out: folkbokförd in another kommun', () => {
    const v = at(person({ kommuner: ['0180'] }), '2026-09-01');
    expect(v.causes).toEqual(['movedOut']);
    expect(v.reason).toContain('0180');
  });
  it('no kommun column: the extract is the kommun\'s own selection', () => {
    expect(at(person({ kommuner: [] }), '2026-09-01').covered).toBe(true);
  });
  it('protected identity: covered, but flagged (never registered in UKA)', () => {
    const v = at(person({ protectedIdentity: true }), '2026-09-01');
    expect(v.covered).toBe(true);
    expect(v.protectedIdentity).toBe(true);
  });
  it('missing contact: neither phone nor address', () => {
    expect(at(person({ phone: '', address: '' }), '2026-09-01').missingContact).toBe(true);
    expect(at(person({ phone: '', address: 'Storgatan 1' }), '2026-09-01').missingContact).toBe(false);
  });
  it('several causes are all named, age first', () => {
    expect(causes(person({ kommuner: ['0180'], examen: { has: true, date: null, text: null } }), '2028-02-01')).toEqual(['age', 'examen', 'movedOut']);
  });
});
