import { describe, expect, it } from 'vitest';
import { validateScbFile, type ScbReport } from '../../../lib/scb/validate';
import { parseId } from '../../../lib/domain/personnummer';
import { ageOn, addDays } from '../../../lib/domain/dates';
import { buildFile, buildText, cp1252, pickYouths, pickAged, testSamordningsnummer, validYouth, withField, PERIOD, TODAY, type YouthSpec, type RegSpec } from './build-file';

const [P1, P2, P3] = pickYouths(TODAY, 3) as [string, string, string];
const OPTS = { kommun: '2281', period: PERIOD, today: TODAY };

function check(input: Uint8Array | string, opts: Parameters<typeof validateScbFile>[1] = OPTS): ScbReport {
  return validateScbFile(typeof input === 'string' ? cp1252(input) : input, opts);
}
const ids = (r: ScbReport) => new Set(r.findings.map((f) => f.ruleId));
function one(reg: Partial<RegSpec>, pnr = P1): ScbReport {
  return check(buildFile([validYouth(pnr, reg), validYouth(P2)]));
}
function youths(...ys: YouthSpec[]): ScbReport {
  return check(buildFile(ys));
}
/** positive: the rule fires; negative: it does not. */
function expectRule(r: ScbReport, rule: string, present: boolean) {
  if (present) expect([...ids(r)], JSON.stringify(r.findings.slice(0, 6))).toContain(rule);
  else expect([...ids(r)], JSON.stringify(r.findings.filter((f) => f.ruleId === rule).slice(0, 3))).not.toContain(rule);
}

describe('baseline', () => {
  it('a valid file is ok, with counts, rows and persons', () => {
    const r = check(buildFile([validYouth(P1), validYouth(P2), validYouth(P3)]));
    expect(r.verdict).toBe('ok');
    expect(r.findings).toEqual([]);
    expect(r).toMatchObject({ profileId: 'kaa-scb-1', period: '2026H2', rows: 6, persons: 3, lines: 7, counts: { block: 0, warn: 0, info: 0 }, deadline: '2027-02-01', excelDamage: false, lineEnding: 'CRLF' });
  });
  it('derives the period from the file and the kommun from its rows when not given', () => {
    const r = check(buildFile([validYouth(P1)]), {});
    expect(r).toMatchObject({ verdict: 'ok', period: '2026H2', periodSource: 'file', kommun: '2281' });
  });
  it('findings carry line, column, field and personKey', () => {
    const text = withField(buildText([validYouth(P1)]), 0, 8, '99');
    const f = check(text).findings.find((x) => x.ruleId === 'S-CODE');
    expect(f).toMatchObject({ severity: 'block', line: 2, field: 'SysKontakt', personKey: P1 });
    expect(f!.column).toBe(text.split('\r\n')[1]!.split(';').slice(0, 8).join(';').length + 2);
    expect(f!.message).toMatch(/kodlistan/);
    expect(f!.fix.length).toBeGreaterThan(10);
  });
});

describe('red rules R1..R6', () => {
  it('R1: InSys dated inside a measure (start and end inclusive), not outside', () => {
    const m = [{ code: '16', start: '2026-09-01', end: '2026-10-31', reason: '1', after: '05' }];
    expectRule(one({ contacts: [{ date: '2026-09-01', occ: '11' }], measures: m }), 'R1', true);
    expectRule(one({ contacts: [{ date: '2026-10-31', occ: '11' }], measures: m }), 'R1', true);
    expectRule(one({ contacts: [{ date: '2026-11-01', occ: '11' }], measures: m }), 'R1', false);
    expectRule(one({ contacts: [{ date: '2026-08-31', occ: '11' }], measures: m }), 'R1', false);
    expectRule(one({ contacts: [{ date: '2026-10-01', occ: '05' }], measures: m }), 'R1', false);
    // ongoing measure covers every later contact
    const r = one({ contacts: [{ date: '2026-12-30', occ: '11' }], measures: [{ code: '16', start: '2026-09-01' }] });
    expectRule(r, 'R1', true);
    expect(r.verdict).toBe('block');
  });
  it('R2: a measure with no contact at all', () => {
    expectRule(one({ contacts: [] }), 'R2', true);
    expectRule(one({}), 'R2', false);
  });
  it('R3: ended measure without GrundAtgSlut', () => {
    expectRule(one({ measures: [{ code: '16', start: '2026-09-01', end: '2026-10-01', reason: '', after: '05' }] }), 'R3', true);
    expectRule(one({ measures: [{ code: '16', start: '2026-09-01', end: '2026-10-01', reason: '1', after: '05' }] }), 'R3', false);
  });
  it('R4: ended measure without SysEfter', () => {
    expectRule(one({ measures: [{ code: '16', start: '2026-09-01', end: '2026-10-01', reason: '1', after: '' }] }), 'R4', true);
    expectRule(one({}), 'R4', false);
  });
  it('R5: Atgard equals SysEfter', () => {
    expectRule(one({ measures: [{ code: '06', start: '2026-09-01', end: '2026-10-01', reason: '1', after: '06' }] }), 'R5', true);
    expectRule(one({ measures: [{ code: '06', start: '2026-09-01', end: '2026-10-01', reason: '1', after: '05' }] }), 'R5', false);
  });
  it('R6: study level regression between registration periods, 9 never compared, 2 = 3', () => {
    const two = (a: string, b: string) =>
      youths({ pnr: P1, regs: [{ start: '2026-01-10', end: '2026-07-05', endReason: '7', level: a, contacts: [{ date: '2026-07-02', occ: '05' }] }, { start: '2026-07-06', level: b, contacts: [{ date: '2026-08-01', occ: '05' }] }] });
    expectRule(two('4', '1'), 'R6', true);
    expectRule(two('1', '5'), 'R6', true);
    expectRule(two('1', '4'), 'R6', false);
    expectRule(two('2', '3'), 'R6', false);
    expectRule(two('3', '2'), 'R6', false);
    expectRule(two('4', '9'), 'R6', false);
  });
});

describe('R2 per measure period (AtgStart to AtgSlut, or to the end of the collection period while ongoing)', () => {
  const ENDED = { code: '16', start: '2026-09-01', end: '2026-10-31', reason: '1', after: '05' };
  const ONGOING = { code: '17', start: '2026-10-01' };
  const r2 = (r: ScbReport) => r.findings.filter((f) => f.ruleId === 'R2');
  const at = (date: string, measures: RegSpec['measures'], occ = '05') => one({ contacts: [{ date, occ }], measures });

  it('ended measure: a contact on the first day, inside or on the last day counts; before or after does not', () => {
    expectRule(at('2026-08-31', [ENDED]), 'R2', true);
    expectRule(at('2026-09-01', [ENDED]), 'R2', false);
    expectRule(at('2026-10-01', [ENDED]), 'R2', false);
    expectRule(at('2026-10-31', [ENDED]), 'R2', false);
    expectRule(at('2026-11-01', [ENDED]), 'R2', true);
  });
  it('ongoing measure: the period runs to the end of the collection period', () => {
    expectRule(at('2026-09-30', [ONGOING]), 'R2', true);
    expectRule(at('2026-10-01', [ONGOING]), 'R2', false);
    expectRule(at('2026-11-15', [ONGOING]), 'R2', false);
    expectRule(at('2026-12-31', [ONGOING]), 'R2', false);
    const late = at('2027-01-02', [ONGOING]);
    expectRule(late, 'R2', true);
    expectRule(late, 'S-CONTACT-LATE', true);
  });
  it('a contact in September and a measure from October with no contact since: R2 on the measure line', () => {
    const r = at('2026-09-15', [ONGOING]);
    expect(r.verdict).toBe('block');
    const f = r2(r);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: 'block', line: 3, personKey: P1 });
    expect(f[0]!.message).toContain('2026-10-01');
    expect(f[0]!.message).toContain('insamlingsperiodens slut 2026-12-31');
    expect(f[0]!.fix).toMatch(/åtgärdsperioden/);
    expect(r2(at('2026-08-31', [ENDED]))[0]!.message).toContain('från 2026-09-01 till 2026-10-31');
  });
  it('two measures, only one with a contact inside: R2 once, on the other measure', () => {
    const r = one({ contacts: [{ date: '2026-07-20', occ: '05' }], measures: [{ code: '15', start: '2026-07-15', end: '2026-07-31', reason: '1', after: '02' }, ENDED] });
    const f = r2(r);
    expect(f.map((x) => x.line)).toEqual([4]);
    expect(f[0]!.message).toContain('2026-09-01');
    // one contact can serve two overlapping measures
    expectRule(one({ contacts: [{ date: '2026-09-10', occ: '05' }], measures: [ENDED, { ...ONGOING, start: '2026-09-05' }] }), 'R2', false);
  });
  it('a contact without an occupation does not count; InSys does (and is R1 during the measure)', () => {
    expectRule(at('2026-09-10', [ENDED], ''), 'R2', true);
    const insys = at('2026-09-10', [ENDED], '11');
    expectRule(insys, 'R2', false);
    expectRule(insys, 'R1', true);
  });
  it('a contact in another registration period counts when it is dated inside the measure period', () => {
    const r = youths({
      pnr: P1,
      regs: [
        { start: '2026-02-01', end: '2026-09-30', endReason: '7', contacts: [], measures: [ENDED] },
        { start: '2026-10-01', contacts: [{ date: '2026-10-15', occ: '05' }] },
      ],
    });
    expectRule(r, 'R2', false);
  });
  it('an unusable date is reported and R2 does not guess around it', () => {
    // AtgStart not a real date: the period is unknown
    const badStart = check(withField(buildText([validYouth(P1, { contacts: [{ date: '2026-08-01', occ: '05' }] })]), 1, 10, '2026-09-31'));
    expectRule(badStart, 'S-DATE', true);
    expectRule(badStart, 'R2', false);
    // AtgSlut not a real date
    const badEnd = check(withField(buildText([validYouth(P1, { contacts: [{ date: '2026-12-01', occ: '05' }] })]), 1, 11, '2026-10-32'));
    expectRule(badEnd, 'S-DATE', true);
    expectRule(badEnd, 'R2', false);
    // a contact whose date cannot be read could lie inside the measure
    const badContact = check(withField(buildText([validYouth(P1)]), 0, 7, '2026-09-31'));
    expectRule(badContact, 'S-DATE', true);
    expectRule(badContact, 'R2', false);
    // an end before the start: the date order is the cause
    const order = one({ contacts: [{ date: '2026-08-01', occ: '05' }], measures: [{ ...ENDED, start: '2026-10-31', end: '2026-09-01' }] });
    expectRule(order, 'S-DATE-ORDER', true);
    expectRule(order, 'R2', false);
  });
  it('a measure outside the collection period is S-PERIOD, not R2', () => {
    const after = one({ contacts: [{ date: '2026-09-15', occ: '05' }], measures: [ENDED, { code: '16', start: '2027-01-05' }] });
    expectRule(after, 'S-PERIOD', true);
    expect(r2(after)).toEqual([]);
    const before = one({ contacts: [{ date: '2026-09-15', occ: '05' }], measures: [ENDED, { code: '16', start: '2026-03-01', end: '2026-05-31', reason: '1', after: '05' }] });
    expectRule(before, 'S-PERIOD', true);
    expect(r2(before)).toEqual([]);
  });
});

describe('yellow rules Y1..Y4 and green G1', () => {
  it('Y1: studiebevis level and flag disagree', () => {
    expectRule(one({ level: '4', bevis: 'N' }), 'Y1', true);
    expectRule(one({ level: '2', bevis: 'J' }), 'Y1', true);
    expectRule(one({ level: '4', bevis: 'J' }), 'Y1', false);
    expectRule(one({ level: '2', bevis: 'N' }), 'Y1', false);
  });
  it('Y2: SenSysReg 9 or empty', () => {
    const r = one({ level: '9' });
    expectRule(r, 'Y2', true);
    expect(r.verdict).toBe('warn');
    expectRule(one({ level: '' }), 'Y2', true);
    expectRule(one({ level: '5' }), 'Y2', false);
  });
  it('Y3: measure starting outside every registration period (boundaries inside)', () => {
    expectRule(one({ start: '2026-07-10', contacts: [{ date: '2026-08-01', occ: '05' }], measures: [{ code: '16', start: '2026-07-09', end: '2026-08-01', reason: '1', after: '05' }] }), 'Y3', true);
    expectRule(one({ start: '2026-07-10', contacts: [{ date: '2026-08-01', occ: '05' }], measures: [{ code: '16', start: '2026-07-10', end: '2026-08-01', reason: '1', after: '05' }] }), 'Y3', false);
    const ended = (s: string) => one({ start: '2026-02-01', end: '2026-10-01', endReason: '7', contacts: [{ date: '2026-08-01', occ: '05' }], measures: [{ code: '16', start: s, end: '2026-10-20', reason: '1', after: '05' }] });
    expectRule(ended('2026-10-02'), 'Y3', true);
    expectRule(ended('2026-10-01'), 'Y3', false);
  });
  it('Y4: no contact dated in the collection period (1 July boundary)', () => {
    expectRule(one({ contacts: [{ date: '2026-06-30', occ: '05' }], measures: [] }), 'Y4', true);
    expectRule(one({ contacts: [{ date: '2026-07-01', occ: '05' }], measures: [] }), 'Y4', false);
    expectRule(one({ contacts: [{ date: '2026-12-31', occ: '05' }], measures: [] }), 'Y4', false);
  });
  it('G1: ongoing measure is info only', () => {
    const r = one({ contacts: [{ date: '2026-09-10', occ: '05' }], measures: [{ code: '17', start: '2026-09-01' }] });
    expectRule(r, 'G1', true);
    expect(r.verdict).toBe('ok');
    expect(r.counts.info).toBe(1);
    expectRule(one({}), 'G1', false);
  });
  it('disabled rules in the profile are not reported', async () => {
    const DEFAULT_PROFILE = (await import('../../../lib/scb/profile')).defaultProfile();
    const profile = { ...DEFAULT_PROFILE, rules: { enabled: DEFAULT_PROFILE.rules.enabled.filter((x) => x !== 'Y2') } };
    expectRule(validateScbFile(buildFile([validYouth(P1, { level: '9' })]), { ...OPTS, profile }), 'Y2', false);
  });
});

describe('structural rules', () => {
  const valid = () => buildText([validYouth(P1), validYouth(P2)]);
  it('S-HEADER: wrong, reordered or missing header', () => {
    expectRule(check(valid().replace('SysEfter', 'SysEfteer')), 'S-HEADER', true);
    expectRule(check(valid().replace('Kommun;PersonNr', 'PersonNr;Kommun')), 'S-HEADER', true);
    expectRule(check(buildText([validYouth(P1)], { header: false })), 'S-HEADER', true);
    expectRule(check(valid()), 'S-HEADER', false);
  });
  it('S-COLUMNS: a line with too few or too many fields', () => {
    const lines = valid().split('\r\n');
    lines[1] = lines[1]!.replace(/;$/, '');
    expectRule(check(lines.join('\r\n')), 'S-COLUMNS', true);
    lines[1] = `${lines[1]};x;`;
    expectRule(check(lines.join('\r\n')), 'S-COLUMNS', true);
    expectRule(check(valid()), 'S-COLUMNS', false);
  });
  it('S-FORMAT: Studiebevis not J/N, kommun not digits', () => {
    expectRule(check(withField(valid(), 0, 6, 'Ja')), 'S-FORMAT', true);
    expectRule(check(withField(valid(), 0, 0, '22A1')), 'S-FORMAT', true);
    expectRule(check(valid()), 'S-FORMAT', false);
  });
  it('S-REQUIRED: RegStart missing; GrundRegSlut missing with RegSlut; DatKontakt missing with SysKontakt', () => {
    expectRule(check(withField(valid(), 0, 2, '')), 'S-REQUIRED', true);
    expectRule(check(withField(valid(), 0, 7, '')), 'S-REQUIRED', true);
    expectRule(youths({ pnr: P1, regs: [{ start: '2026-02-01', end: '2026-10-01', endReason: '', contacts: [{ date: '2026-08-01', occ: '05' }] }] }), 'S-REQUIRED', true);
    expectRule(youths({ pnr: P1, regs: [{ start: '2026-02-01', end: '2026-10-01', endReason: '4', contacts: [{ date: '2026-08-01', occ: '05' }] }] }), 'S-REQUIRED', false);
  });
  it('S-NOT-ALLOWED: measure end on a contact line', () => {
    expectRule(check(withField(valid(), 0, 11, '2026-10-01')), 'S-NOT-ALLOWED', true);
    expectRule(check(valid()), 'S-NOT-ALLOWED', false);
  });
  it('S-LINE-KIND: contact and measure on one line', () => {
    expectRule(check(withField(withField(valid(), 0, 9, '16'), 0, 10, '2026-09-01')), 'S-LINE-KIND', true);
    expectRule(check(valid()), 'S-LINE-KIND', false);
  });
  it('S-CODE: codes outside the lists (leading zero matters)', () => {
    expectRule(check(withField(valid(), 0, 8, '99')), 'S-CODE', true);
    expectRule(check(withField(valid(), 0, 8, '5')), 'S-CODE', true);
    expectRule(check(withField(valid(), 1, 9, '05')), 'S-CODE', true);
    expectRule(check(withField(valid(), 0, 8, '14')), 'S-CODE', false);
  });
  it('S-PNR: Luhn, dash, letters; samordningsnummer accepted', () => {
    const bad = P1.slice(0, 11) + String((Number(P1[11]) + 1) % 10);
    expectRule(check(withField(valid(), 0, 1, bad)), 'S-PNR', true);
    expectRule(check(withField(valid(), 0, 1, `${P1.slice(0, 8)}-${P1.slice(8)}`)), 'S-PNR', true);
    expectRule(check(withField(valid(), 0, 1, '')), 'S-PNR', true);
    const samord = testSamordningsnummer().find((s) => {
      const p = parseId(s);
      return p && !p.birthDatePartial && ageOn(p.birthDate, '2026-02-01') < 20 && ageOn(p.birthDate, '2026-02-01') >= 10;
    });
    expect(samord).toBeDefined();
    const r = youths(validYouth(samord!));
    expectRule(r, 'S-PNR', false);
    expect(r.verdict).toBe('ok');
  });
  it('S-KOMMUN: another kommun than configured, or mixed codes', () => {
    expectRule(check(buildFile([validYouth(P1)], { kommun: '0180' })), 'S-KOMMUN', true);
    expectRule(check(buildFile([validYouth(P1)], { kommun: '0180' }), { period: PERIOD }), 'S-KOMMUN', false);
    expectRule(check(buildFile([validYouth(P1), validYouth(P2), { ...validYouth(P3), kommun: '0180' }]), { period: PERIOD }), 'S-KOMMUN', true);
  });
  it('S-DATE: impossible dates (leap years)', () => {
    expectRule(one({ start: '2025-02-29' }), 'S-DATE', true);
    expectRule(one({ start: '2024-02-29' }), 'S-DATE', false);
    expectRule(one({ contacts: [{ date: '2026-09-31', occ: '05' }] }), 'S-DATE', true);
    expectRule(one({ contacts: [{ date: '2026-13-01', occ: '05' }] }), 'S-DATE', true);
  });
  it('S-DATE-ORDER: RegSlut before RegStart, AtgSlut before AtgStart; equal is fine', () => {
    expectRule(one({ start: '2026-08-01', end: '2026-07-31', endReason: '7', contacts: [{ date: '2026-07-31', occ: '05' }], measures: [] }), 'S-DATE-ORDER', true);
    expectRule(one({ start: '2026-08-01', end: '2026-08-01', endReason: '7', contacts: [{ date: '2026-08-01', occ: '05' }], measures: [] }), 'S-DATE-ORDER', false);
    expectRule(one({ measures: [{ code: '16', start: '2026-09-02', end: '2026-09-01', reason: '1', after: '05' }] }), 'S-DATE-ORDER', true);
    expectRule(one({ measures: [{ code: '16', start: '2026-09-01', end: '2026-09-01', reason: '1', after: '05' }] }), 'S-DATE-ORDER', false);
  });
  it('S-PERIOD: registration or measure not overlapping the collection period', () => {
    expectRule(one({ start: '2026-01-10', end: '2026-06-30', endReason: '7', contacts: [{ date: '2026-03-01', occ: '05' }], measures: [] }), 'S-PERIOD', true);
    expectRule(one({ start: '2026-01-10', end: '2026-07-01', endReason: '7', contacts: [{ date: '2026-07-01', occ: '05' }], measures: [] }), 'S-PERIOD', false);
    expectRule(one({ start: '2026-01-10', measures: [{ code: '16', start: '2026-03-01', end: '2026-06-30', reason: '1', after: '05' }] }), 'S-PERIOD', true);
    expectRule(one({ start: '2026-01-10', measures: [{ code: '16', start: '2026-03-01', end: '2026-07-01', reason: '1', after: '05' }] }), 'S-PERIOD', false);
  });
  it('S-CONTACT-LATE and S-FUTURE are warnings', () => {
    const late = one({ contacts: [{ date: '2026-09-15', occ: '05' }, { date: '2027-01-02', occ: '05' }] });
    expectRule(late, 'S-CONTACT-LATE', true);
    expect(late.verdict).toBe('warn');
    expectRule(one({ contacts: [{ date: '2026-09-15', occ: '05' }, { date: '2027-01-16', occ: '05' }] }), 'S-FUTURE', true);
    expectRule(one({ contacts: [{ date: '2026-09-15', occ: '05' }, { date: '2027-01-15', occ: '05' }] }), 'S-FUTURE', false);
  });
  it('S-AGE: 20 on RegStart blocks, the day before the 20th birthday does not', () => {
    const p = pickAged('2026-08-01', 20);
    const birth = parseId(p)!.birthDate;
    const twentieth = `${Number(birth.slice(0, 4)) + 20}${birth.slice(4)}`;
    const reg = (start: string) => youths({ pnr: p, regs: [{ start, contacts: [{ date: '2026-08-15', occ: '05' }] }] });
    expectRule(reg(twentieth), 'S-AGE', true);
    expectRule(reg(addDays(twentieth, -1)), 'S-AGE', false);
  });
  it('S-DUPLICATE: identical lines', () => {
    const lines = valid().split('\r\n');
    lines.splice(2, 0, lines[1]!);
    const r = check(lines.join('\r\n'));
    expectRule(r, 'S-DUPLICATE', true);
    expect(r.findings.find((f) => f.ruleId === 'S-DUPLICATE')!.line).toBe(3);
    expectRule(check(valid()), 'S-DUPLICATE', false);
  });
  it('S-REG-OVERLAP: registration periods of one youth overlapping (equal day overlaps)', () => {
    const regs = (secondStart: string) =>
      youths({ pnr: P1, regs: [{ start: '2026-01-10', end: '2026-08-01', endReason: '7', contacts: [{ date: '2026-07-15', occ: '05' }] }, { start: secondStart, contacts: [{ date: '2026-09-01', occ: '05' }] }] });
    expectRule(regs('2026-08-01'), 'S-REG-OVERLAP', true);
    expectRule(regs('2026-08-02'), 'S-REG-OVERLAP', false);
    const ongoingFirst = youths({ pnr: P1, regs: [{ start: '2026-01-10', contacts: [{ date: '2026-07-15', occ: '05' }] }, { start: '2026-09-01', contacts: [{ date: '2026-09-02', occ: '05' }] }] });
    expectRule(ongoingFirst, 'S-REG-OVERLAP', true);
  });
  it('S-REG-CONFLICT: one registration period with different values on its lines', () => {
    expectRule(check(withField(valid(), 1, 5, '3')), 'S-REG-CONFLICT', true);
    expectRule(check(valid()), 'S-REG-CONFLICT', false);
  });
  it('S-ENCODING: UTF-8 re-save detected, Windows-1252 å is not', () => {
    const utf8 = new TextEncoder().encode(withField(valid(), 0, 8, 'å'));
    expectRule(check(utf8), 'S-ENCODING', true);
    const r = check(cp1252(withField(valid(), 0, 8, 'å')));
    expectRule(r, 'S-ENCODING', false);
    expectRule(r, 'S-CODE', true);
  });
  it('S-NUL, S-CONTROL, S-BYTE with line and column', () => {
    for (const [byte, rule] of [[0x00, 'S-NUL'], [0x07, 'S-CONTROL'], [0x81, 'S-BYTE']] as const) {
      const bytes = buildFile([validYouth(P1)]);
      const start = bytes.indexOf(0x0a) + 1; // line 2
      bytes[start + 4] = byte;
      const f = check(bytes).findings.find((x) => x.ruleId === rule);
      expect(f, rule).toMatchObject({ line: 2, column: 5, severity: 'block' });
    }
    expectRule(check(buildFile([validYouth(P1)])), 'S-NUL', false);
  });
  it('line endings: LF-only and mixed warn, CR-only blocks, missing final newline is info', () => {
    const lf = check(buildFile([validYouth(P1)], { eol: '\n' }));
    expectRule(lf, 'S-EOL-LF', true);
    expect(lf.verdict).toBe('warn');
    expectRule(lf, 'X-LF', false);
    const mixed = buildText([validYouth(P1), validYouth(P2)]).replace('\r\n', '\n');
    expectRule(check(mixed), 'S-EOL-MIXED', true);
    expectRule(check(buildFile([validYouth(P1)], { eol: '\r' })), 'S-EOL-CR', true);
    const noEol = check(buildFile([validYouth(P1)], { finalNewline: false }));
    expectRule(noEol, 'S-EOF', true);
    expect(noEol.verdict).toBe('ok');
    expectRule(check(valid()), 'S-EOF', false);
  });
  it('S-BLANK: blank lines; S-NO-ROWS: header only', () => {
    expectRule(check(valid() + '\r\n'), 'S-BLANK', true);
    expectRule(check(valid().replace('\r\n', '\r\n\r\n')), 'S-BLANK', true);
    expectRule(check(valid()), 'S-BLANK', false);
    expectRule(check(buildText([])), 'S-NO-ROWS', true);
  });
  it('S-PROFILE-PERIOD: the profile does not cover the period', () => {
    expectRule(check(buildFile([validYouth(P1)]), { ...OPTS, period: '2023H1' }), 'S-PROFILE-PERIOD', true);
    expectRule(check(buildFile([validYouth(P1)])), 'S-PROFILE-PERIOD', false);
  });
});

describe('Excel damage', () => {
  const valid = () => buildText([validYouth(P1), validYouth(P2)]);
  const excelIds = (r: ScbReport) => {
    expect(r.excelDamage).toBe(true);
    expect(r.verdict).toBe('block');
    const x = r.findings.find((f) => f.ruleId === 'X-EXCEL');
    expect(x?.message).toMatch(/kalkylprogram/);
    return ids(r);
  };
  it('no Excel damage on a clean file', () => {
    const r = check(valid());
    expect(r.excelDamage).toBe(false);
    expectRule(r, 'X-EXCEL', false);
  });
  it('X-BOM', () => {
    const b = cp1252(valid());
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...b]);
    expect(excelIds(check(withBom))).toContain('X-BOM');
  });
  it('X-COMMA and X-TAB separators (and the rest is still checked)', () => {
    const comma = check(buildText([validYouth(P1)], { separator: ',' }));
    expect(excelIds(comma)).toContain('X-COMMA');
    expect(comma.persons).toBe(1);
    expect(excelIds(check(buildText([validYouth(P1)], { separator: '\t' })))).toContain('X-TAB');
  });
  it('X-QUOTES', () => {
    const q = valid().split('\r\n').map((l) => (l ? l.split(';').map((f) => `"${f}"`).join(';') : l)).join('\r\n');
    const r = check(q);
    expect(excelIds(r)).toContain('X-QUOTES');
    expect(r.persons).toBe(2);
  });
  it('X-PNR-SCI and X-PNR-SHORT', () => {
    expect(excelIds(check(withField(valid(), 0, 1, '2.01001E+11')))).toContain('X-PNR-SCI');
    expect(excelIds(check(withField(valid(), 0, 1, '2,01001E+11')))).toContain('X-PNR-SCI');
    expect(excelIds(check(withField(valid(), 0, 1, P1.slice(2))))).toContain('X-PNR-SHORT');
  });
  it('X-KOMMUN3', () => {
    const r = check(buildFile([validYouth(P1)], { kommun: '180' }), { period: PERIOD, kommun: '0180' });
    expect(excelIds(r)).toContain('X-KOMMUN3');
  });
  it('X-DATETIME, X-DATE-SLASH, X-DATE-NOPAD', () => {
    expect(excelIds(check(withField(valid(), 0, 2, '2026-02-01 00:00:00')))).toContain('X-DATETIME');
    expect(excelIds(check(withField(valid(), 0, 7, '15/8/2026')))).toContain('X-DATE-SLASH');
    expect(excelIds(check(withField(valid(), 0, 7, '8/15/2026')))).toContain('X-DATE-SLASH');
    expect(excelIds(check(withField(valid(), 0, 7, '2026-8-5')))).toContain('X-DATE-NOPAD');
    expectRule(check(withField(valid(), 0, 7, '2026-08-05')), 'X-DATE-NOPAD', false);
  });
  it('X-TRAILING-SEP only when every line has it', () => {
    const all = valid().split('\r\n').map((l) => (l ? `${l};` : l)).join('\r\n');
    expect(excelIds(check(all))).toContain('X-TRAILING-SEP');
    const some = valid().split('\r\n').map((l, i) => (i === 1 ? `${l};` : l)).join('\r\n');
    const r = check(some);
    expectRule(r, 'X-TRAILING-SEP', false);
    expectRule(r, 'S-COLUMNS', true);
  });
  it('X-LF: LF endings together with other damage', () => {
    const r = check(buildText([validYouth(P1)], { separator: ',', eol: '\n' }));
    const s = excelIds(r);
    expect(s).toContain('X-LF');
    expect(s).not.toContain('S-EOL-LF');
  });
});

describe('unreadable files', () => {
  const cases: [string, number[] | Uint8Array][] = [
    ['U-EMPTY', []],
    ['U-EMPTY', [0x0d, 0x0a, 0x20, 0x0d, 0x0a]],
    ['U-ZIP', [0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]],
    ['U-XLS', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]],
    ['U-PDF', [...'%PDF-1.7\n'].map((c) => c.charCodeAt(0))],
    ['U-GZIP', [0x1f, 0x8b, 8, 0]],
    ['U-UTF16', [0xff, 0xfe, 0x4b, 0, 0x6f, 0]],
    ['U-BINARY', Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? 0 : 65 + (i % 20)))],
    ['U-NOT-SCB', [...'hej hopp\r\nbara text\r\n'].map((c) => c.charCodeAt(0))],
  ];
  for (const [rule, data] of cases)
    it(`${rule} (${data.length} bytes)`, () => {
      const r = check(new Uint8Array(data));
      expect(r.verdict).toBe('unreadable');
      expect(r.findings[0]!.ruleId).toBe(rule);
      expect(r.findings[0]!.line).toBeNull();
    });
  it('a few NULs in a text file are not "binary"', () => {
    const b = buildFile([validYouth(P1), validYouth(P2), validYouth(P3)]);
    b[b.length - 5] = 0;
    expect(check(b).verdict).toBe('block');
  });
});

describe('caps and robustness', () => {
  it('caps findings per rule but counts all', () => {
    const many = pickYouths(TODAY, 30).map((p) => validYouth(p, { level: '9' }));
    const r = validateScbFile(buildFile(many), { ...OPTS, maxFindingsPerRule: 5 });
    expect(r.findings.filter((f) => f.ruleId === 'Y2')).toHaveLength(5);
    expect(r.omitted.Y2).toBe(25);
    expect(r.counts.warn).toBe(30);
  });
  it('a bad period option becomes a finding, not an exception', () => {
    const r = check(buildFile([validYouth(P1)]), { period: '2026-H2' });
    expectRule(r, 'S-FORMAT', true);
    expect(r.period).toBe('2026H2');
  });
  it('never throws on a broken profile object', () => {
    const r = validateScbFile(buildFile([validYouth(P1)]), { profile: { id: 'x' } as never });
    expect(r.verdict).toBe('block');
    expect(r.findings.some((f) => f.ruleId === 'S-INTERNAL')).toBe(true);
  });
});
