import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evaluateLadder } from '../../../lib/ladder/ladder';
import type { LadderInput, LadderResult, LocalNote, Step, StepId } from '../../../lib/ladder/types';
import type { ContactEntry, MeasureEntry } from '../../../lib/uka/types';
import { parseId } from '../../../lib/domain/personnummer';
import { addDays, ageOn, birthdayOn } from '../../../lib/domain/dates';
import { renderText, LADDER_TEXTS_SV } from '../../../lib/ladder/texts';

// Birth dates from Skatteverket's test personnummer (/work/shared/data/testpersonnummer).
const PNR_2008_02_29 = '200802292383';
const PNR_2006_07_01 = '200607012382';
const SAMORDNING_2000_02_27 = '200002872380';

const call = (date: string, target: ContactEntry['target'] = 'vardnadshavare', reached = false): ContactEntry => ({ date, kind: 'telefon', reached, target, note: '' });
const letter = (date: string, kind: 'brev' | 'vykort' = 'brev'): ContactEntry => ({ date, kind, reached: false, target: 'vardnadshavare', note: '' });
const visit = (date: string, reached = false): ContactEntry => ({ date, kind: 'hembesok', reached, target: 'ungdom', note: '' });
const measure = (start: string, end: string | null = null): MeasureEntry => ({ atgardCode: '16', atgardText: 'Praktik', start, end, grundAtgSlut: null, sysEfter: null });

function run(p: Partial<LadderInput> & { today: string; birthDate: string }): LadderResult {
  return evaluateLadder({ contacts: [], measures: [], localNotes: [], ...p });
}
function step(r: LadderResult, id: StepId): Step {
  const s = r.steps.find((x) => x.id === id);
  if (!s) throw new Error(`no step ${id}`);
  return s;
}

describe('start of the ladder', () => {
  it('under 18: call the guardians today', () => {
    const r = run({ today: '2026-03-02', birthDate: '2010-05-01' });
    expect(r.stage).toBe('notStarted');
    expect(r.next).toMatchObject({ action: 'call1', dueDate: '2026-03-02', state: 'due' });
    expect(r.next?.title.key).toBe('step.callGuardians');
    expect(step(r, 'call1').target).toBe('vardnadshavare');
    expect(step(r, 'followUp').state).toBe('not-applicable');
  });
  it('18 or older: call the youth', () => {
    const r = run({ today: '2026-03-02', birthDate: '2007-05-01' });
    expect(r.next?.title.key).toBe('step.callYouth');
    expect(r.ageOnAction).toBe(18);
  });
  it('after failed calls: next call after the retry interval', () => {
    const r = run({ today: '2026-03-04', birthDate: '2010-05-01', contacts: [call('2026-03-01'), call('2026-03-03')] });
    expect(r.stage).toBe('calling');
    expect(step(r, 'call1').state).toBe('done-uka');
    expect(step(r, 'call2').state).toBe('done-uka');
    expect(step(r, 'call3')).toMatchObject({ state: 'due', dueDate: '2026-03-06' });
    expect(step(r, 'contactLetter').state).toBe('upcoming');
    expect(step(r, 'contactLetter').dueDate).toBeUndefined();
  });
  it('an overdue call is overdue', () => {
    const r = run({ today: '2026-04-01', birthDate: '2010-05-01', contacts: [call('2026-03-01')] });
    expect(r.next).toMatchObject({ action: 'call2', state: 'overdue', dueDate: '2026-03-04' });
  });
});

describe('letter after three failed calls', () => {
  const calls = ['2026-04-28', '2026-05-01', '2026-05-04'].map((d) => call(d));
  it('under 18 on the due date: kontaktbrev to the guardians', () => {
    const r = run({ today: '2026-05-05', birthDate: '2008-05-10', contacts: calls });
    expect(r.stage).toBe('contactLetter');
    expect(r.next).toMatchObject({ action: 'contactLetter', dueDate: '2026-05-07' });
    expect(r.next?.title.key).toBe('step.contactLetterGuardians');
    expect(r.ageOnAction).toBe(17);
  });
  it('turns 18 between the third call and the due date: kontaktvykort to the youth', () => {
    const r = run({ today: '2026-05-05', birthDate: '2008-05-07', contacts: calls });
    expect(r.age).toBe(17);
    expect(r.next?.title.key).toBe('step.contactPostcardYouth');
    expect(step(r, 'contactLetter').target).toBe('ungdom');
    expect(r.ageOnAction).toBe(18);
  });
  it('turns 18 between calls: later calls go to the youth, earlier ones stay with the guardians', () => {
    const r = run({ today: '2026-05-02', birthDate: '2008-05-03', contacts: [call('2026-04-28'), call('2026-05-01')] });
    expect(step(r, 'call1').target).toBe('vardnadshavare');
    expect(step(r, 'call3')).toMatchObject({ dueDate: '2026-05-04', target: 'ungdom' });
    expect(step(r, 'call3').title.key).toBe('step.callYouth');
  });
  it('29 February birthday: 18 on 1 March in a common year (test personnummer)', () => {
    const birthDate = parseId(PNR_2008_02_29)!.birthDate;
    expect(birthDate).toBe('2008-02-29');
    const base = ['2026-02-20', '2026-02-23'].map((d) => call(d));
    // 3rd call on 25 Feb → letter due 28 Feb: still 17.
    const a = run({ today: '2026-02-26', birthDate, contacts: [...base, call('2026-02-25')] });
    expect(a.next).toMatchObject({ action: 'contactLetter', dueDate: '2026-02-28' });
    expect(a.next?.title.key).toBe('step.contactLetterGuardians');
    // 3rd call on 26 Feb → letter due 1 March: 18.
    const b = run({ today: '2026-02-26', birthDate, contacts: [...base, call('2026-02-26')] });
    expect(b.next).toMatchObject({ action: 'contactLetter', dueDate: '2026-03-01' });
    expect(b.next?.title.key).toBe('step.contactPostcardYouth');
  });
  it('honours failedCallsBeforeLetter', () => {
    const r = run({ today: '2026-05-05', birthDate: '2007-01-01', contacts: calls.slice(0, 2), settings: { failedCallsBeforeLetter: 2 } });
    expect(r.steps.filter((s) => s.id.startsWith('call'))).toHaveLength(2);
    expect(r.next?.action).toBe('contactLetter');
  });
});

describe('home visit', () => {
  const calls = ['2026-03-02', '2026-03-05', '2026-03-09'].map((d) => call(d));
  it('no answer to the letter: plan a visit, suggesting the next team visit day ≥ 7 days ahead', () => {
    const r = run({
      today: '2026-03-20',
      birthDate: '2009-01-01',
      contacts: [...calls, letter('2026-03-12')],
      settings: { homeVisitDays: ['2026-04-01', '2026-04-15', '2026-05-06'] },
    });
    expect(r.stage).toBe('homeVisit');
    expect(step(r, 'contactLetter').state).toBe('done-uka');
    expect(r.next).toMatchObject({ action: 'planHomeVisit', dueDate: '2026-03-26', state: 'due' });
    // earliest visit = max(today, due) + 7 = 2 April → 15 April.
    expect(r.next?.reason.params.suggestedVisit).toBe('2026-04-15');
  });
  it('visit planned: letter with the visit date due 7 days before the visit', () => {
    const notes: LocalNote[] = [{ step: 'homeVisitPlanned', date: '2026-04-15' }];
    const r = run({ today: '2026-03-30', birthDate: '2009-01-01', contacts: [...calls, letter('2026-03-12')], localNotes: notes });
    expect(step(r, 'planHomeVisit').state).toBe('done-local');
    expect(step(r, 'visitLetter')).toMatchObject({ dueDate: '2026-04-08', state: 'upcoming', target: 'vardnadshavare' });
    expect(step(r, 'visitLetter').title.key).toBe('step.visitLetterGuardians');
    expect(step(r, 'homeVisit')).toMatchObject({ dueDate: '2026-04-15', state: 'upcoming' });
    expect(r.next).toMatchObject({ action: 'visitLetter', dueDate: '2026-04-08' });
  });
  it('visit letter to an 18-year-old is a postcard; a second UKA letter counts as the visit letter', () => {
    const notes: LocalNote[] = [{ step: 'homeVisitPlanned', date: '2026-04-15' }];
    const r1 = run({ today: '2026-03-30', birthDate: '2008-04-05', contacts: [...calls, letter('2026-03-12')], localNotes: notes });
    expect(step(r1, 'visitLetter').title.key).toBe('step.visitPostcardYouth');
    const r2 = run({ today: '2026-04-09', birthDate: '2008-04-05', contacts: [...calls, letter('2026-03-12'), letter('2026-04-07', 'vykort')], localNotes: notes });
    expect(step(r2, 'visitLetter')).toMatchObject({ state: 'done-uka', dueDate: '2026-04-07' });
    expect(r2.next).toMatchObject({ action: 'homeVisit', dueDate: '2026-04-15' });
  });
  it('missed visit date shows the visit as overdue', () => {
    const notes: LocalNote[] = [{ step: 'homeVisitPlanned', date: '2026-04-15' }, { step: 'visitLetterSent', date: '2026-04-06' }];
    const r = run({ today: '2026-04-20', birthDate: '2009-01-01', contacts: [...calls, letter('2026-03-12')], localNotes: notes });
    expect(step(r, 'visitLetter').state).toBe('done-local');
    expect(step(r, 'homeVisit').state).toBe('overdue');
    expect(step(r, 'homeVisit').reason.key).toBe('reason.visitDateMissed');
  });
  it('no contact at the visit, under 18: orosanmälan, and restart after 3 months', () => {
    const r = run({ today: '2026-04-16', birthDate: '2009-01-01', contacts: [...calls, letter('2026-03-12'), letter('2026-04-07'), visit('2026-04-15')] });
    expect(r.stage).toBe('afterVisit');
    expect(step(r, 'homeVisit').state).toBe('done-uka');
    expect(step(r, 'orosanmalan')).toMatchObject({ state: 'due', dueDate: '2026-04-16' });
    expect(step(r, 'restart')).toMatchObject({ dueDate: '2026-07-15', state: 'upcoming' });
    expect(r.next?.action).toBe('orosanmalan');
  });
  it('orosanmälan noted as done; never reached: the attempts satisfy the half-year, next is the restart (finding 4)', () => {
    const r = run({
      today: '2026-04-17',
      birthDate: '2009-01-01',
      contacts: [...calls, letter('2026-03-12'), visit('2026-04-15')],
      localNotes: [{ step: 'orosanmalanDone', date: '2026-04-16' }],
    });
    expect(step(r, 'orosanmalan').state).toBe('done-local');
    expect(step(r, 'planHomeVisit').state).toBe('not-applicable'); // skipped: the visit happened without a plan note
    expect(step(r, 'visitLetter').reason.key).toBe('reason.skipped');
    expect(step(r, 'restart')).toMatchObject({ dueDate: '2026-07-15', state: 'upcoming' });
    // Never reached: the documented attempts of this half-year satisfy the minimum; the ladder's restart is next.
    expect(step(r, 'halfYearMinimum')).toMatchObject({ state: 'done-uka', dueDate: '2026-04-15' });
    expect(step(r, 'halfYearMinimum').reason.key).toBe('reason.halfYearAttempts');
    expect(r.next).toMatchObject({ action: 'restart', dueDate: '2026-07-15', state: 'upcoming' });
  });
  it('no contact at the visit, 18 or older: no orosanmälan', () => {
    const r = run({ today: '2026-04-16', birthDate: '2007-01-01', contacts: [...calls, letter('2026-03-12', 'vykort'), visit('2026-04-15')], settings: { halfYearMinimum: false } });
    expect(step(r, 'orosanmalan').state).toBe('not-applicable');
    expect(r.next).toMatchObject({ action: 'restart', dueDate: '2026-07-15', state: 'upcoming' });
  });
  it('a new attempt after the visit starts a new round; the orosanmälan stays due', () => {
    const r = run({ today: '2026-07-16', birthDate: '2009-01-01', contacts: [...calls, letter('2026-03-12'), visit('2026-04-15'), call('2026-07-15')] });
    expect(r.stage).toBe('calling');
    expect(step(r, 'call1')).toMatchObject({ state: 'done-uka', dueDate: '2026-07-15' });
    expect(step(r, 'restart').state).toBe('not-applicable');
    expect(step(r, 'orosanmalan').state).toBe('overdue');
  });
  it('met at the visit: reached', () => {
    const r = run({ today: '2026-04-16', birthDate: '2009-01-01', contacts: [...calls, letter('2026-03-12'), visit('2026-04-15', true)] });
    expect(r.stage).toBe('followUp');
    expect(step(r, 'orosanmalan').state).toBe('not-applicable');
    expect(step(r, 'homeVisit').state).toBe('not-applicable');
    expect(r.next).toMatchObject({ action: 'followUp', dueDate: '2026-07-15' });
  });
  it('not living at the address: report to Skatteverket', () => {
    const notes: LocalNote[] = [{ step: 'notLivingAtAddress', date: '2026-04-15' }];
    const r = run({ today: '2026-04-15', birthDate: '2007-01-01', contacts: [...calls, letter('2026-03-12'), visit('2026-04-15')], localNotes: notes });
    expect(step(r, 'skatteverket')).toMatchObject({ state: 'due', dueDate: '2026-04-16' });
    const done = run({ today: '2026-04-15', birthDate: '2007-01-01', contacts: [...calls, letter('2026-03-12'), visit('2026-04-15')], localNotes: [...notes, { step: 'skatteverketReported' }] });
    expect(step(done, 'skatteverket').state).toBe('done-local');
    expect(step(run({ today: '2026-04-15', birthDate: '2007-01-01' }), 'skatteverket').state).toBe('not-applicable');
  });
});

describe('after contact', () => {
  it('reached, no measure: follow up after 3 months (month-end clamped)', () => {
    const r = run({ today: '2026-12-01', birthDate: '2008-01-01', contacts: [call('2026-11-30', 'vardnadshavare', true)] });
    expect(r.stage).toBe('followUp');
    expect(r.next).toMatchObject({ action: 'followUp', dueDate: '2027-02-28', state: 'upcoming' });
    expect(r.next?.title.key).toBe('step.followUp3m');
    expect(step(r, 'call1').state).toBe('not-applicable');
  });
  it('failed calls then reached the same day: reached wins', () => {
    const r = run({ today: '2026-03-01', birthDate: '2008-01-01', contacts: [call('2026-03-01', 'ungdom', true), call('2026-03-01')] });
    expect(r.stage).toBe('followUp');
    expect(step(r, 'call1').state).toBe('done-uka');
    expect(r.lastContact).toBe('2026-03-01');
  });
  it('a failed follow-up call starts a new round', () => {
    const r = run({ today: '2026-06-02', birthDate: '2008-01-01', contacts: [call('2026-03-01', 'ungdom', true), call('2026-06-01', 'ungdom')] });
    expect(r.stage).toBe('calling');
    expect(r.next).toMatchObject({ action: 'call2', dueDate: '2026-06-04' });
    expect(r.lastContact).toBe('2026-03-01');
  });
  it('not interested: new contact after 3 months', () => {
    const r = run({
      today: '2026-03-05',
      birthDate: '2008-01-01',
      contacts: [call('2026-03-01', 'ungdom', true)],
      localNotes: [{ step: 'notInterested', date: '2026-03-01' }],
    });
    expect(r.stage).toBe('notInterested');
    expect(r.next).toMatchObject({ action: 'followUp', dueDate: '2026-06-01' });
    expect(r.next?.title.key).toBe('step.recontactNotInterested');
  });
  it('individual judgement: an agreed date replaces the 3 months, the half-year minimum still applies', () => {
    const r = run({
      today: '2026-03-05',
      birthDate: '2008-01-01',
      contacts: [call('2026-03-01', 'ungdom', true)],
      localNotes: [{ step: 'followUpAgreed', date: '2026-09-15' }],
    });
    expect(step(r, 'followUp')).toMatchObject({ dueDate: '2026-09-15' });
    expect(step(r, 'halfYearMinimum').state).toBe('done-uka');
  });
  it('in a measure: no 3-month rule, follow up as agreed or by the half-year minimum', () => {
    const contacts = [call('2026-02-10', 'ungdom', true)];
    const r = run({ today: '2026-03-05', birthDate: '2008-01-01', contacts, measures: [measure('2026-02-15')] });
    expect(r.stage).toBe('inMeasure');
    expect(step(r, 'followUp')).toMatchObject({ dueDate: '2026-12-31' });
    expect(step(r, 'followUp').title.key).toBe('step.followUpMeasure');
    expect(step(r, 'call1').reason.key).toBe('reason.inMeasure');
    const agreed = run({ today: '2026-03-05', birthDate: '2008-01-01', contacts, measures: [measure('2026-02-15')], localNotes: [{ step: 'followUpAgreed', date: '2026-04-20' }] });
    expect(agreed.next).toMatchObject({ action: 'followUp', dueDate: '2026-04-20' });
    // Measure ended: back to the 3-month rule.
    const endedM = run({ today: '2026-03-05', birthDate: '2008-01-01', contacts, measures: [measure('2026-02-15', '2026-03-01')] });
    expect(endedM.stage).toBe('followUp');
    expect(endedM.next?.dueDate).toBe('2026-05-10');
  });
});

describe('half-year minimum', () => {
  it('contact on 30 June does not count for the second half-year', () => {
    const r = run({ today: '2026-07-01', birthDate: '2008-01-01', contacts: [call('2026-06-30', 'ungdom', true)], measures: [measure('2026-06-01')] });
    expect(step(r, 'halfYearMinimum')).toMatchObject({ state: 'upcoming', dueDate: '2026-12-31' });
    expect(step(r, 'halfYearMinimum').reason.params).toMatchObject({ halfYear: '2026H2', lastContact: '2026-06-30' });
    expect(step(r, 'followUp').dueDate).toBe('2026-12-31');
  });
  it('contact on 1 July counts for the second half-year', () => {
    const r = run({ today: '2026-07-01', birthDate: '2008-01-01', contacts: [call('2026-07-01', 'ungdom', true)], measures: [measure('2026-06-01')] });
    expect(step(r, 'halfYearMinimum').state).toBe('done-uka');
    expect(step(r, 'followUp').dueDate).toBe('2027-06-30');
  });
  it('31 December / 1 January and the year boundary', () => {
    const dec = run({ today: '2026-12-31', birthDate: '2008-01-01', contacts: [call('2026-12-31', 'ungdom', true)], measures: [measure('2026-06-01')] });
    expect(step(dec, 'halfYearMinimum').state).toBe('done-uka');
    expect(step(dec, 'followUp').dueDate).toBe('2027-06-30');
    const jan = run({ today: '2027-01-01', birthDate: '2008-01-02', contacts: [call('2026-12-31', 'ungdom', true)], measures: [measure('2026-06-01')] });
    expect(step(jan, 'halfYearMinimum')).toMatchObject({ dueDate: '2027-06-30', state: 'upcoming' });
    expect(step(jan, 'halfYearMinimum').reason.params.halfYear).toBe('2027H1');
    const lastWeek = run({ today: '2027-06-24', birthDate: '2008-01-02', contacts: [call('2026-12-31', 'ungdom', true)], measures: [measure('2026-06-01')] });
    expect(step(lastWeek, 'halfYearMinimum').state).toBe('due');
  });
  it('can be switched off', () => {
    const r = run({ today: '2026-07-01', birthDate: '2008-01-01', settings: { halfYearMinimum: false } });
    expect(step(r, 'halfYearMinimum').state).toBe('not-applicable');
  });
});

describe('the 20th birthday', () => {
  const birthDate = parseId(PNR_2006_07_01)!.birthDate; // 2006-07-01 → turns 20 on 2026-07-01
  it('ends on the birthday: nothing is due, next is null', () => {
    const r = run({ today: '2026-07-01', birthDate, contacts: [call('2026-06-01')] });
    expect(r.ended).toBe(true);
    expect(r.stage).toBe('ended');
    expect(r.next).toBeNull();
    expect(r.handoverDue).toBeUndefined();
    expect(r.steps.filter((s) => s.state !== 'not-applicable' && !s.state.startsWith('done'))).toEqual([]);
    expect(step(r, 'call1').state).toBe('done-uka');
    expect(step(r, 'call2').reason.key).toBe('reason.ended');
  });
  it('the day before: still running, hand-over overdue with one day left', () => {
    const r = run({ today: '2026-06-30', birthDate });
    expect(r.ended).toBe(false);
    expect(r.age).toBe(19);
    expect(r.handoverDue).toEqual({ dueDate: '2026-06-01', endDate: '2026-07-01', daysLeft: 1 });
    expect(step(r, 'handover20').state).toBe('overdue');
  });
  it('hand-over prompt appears exactly 30 days before', () => {
    expect(run({ today: '2026-06-01', birthDate }).handoverDue).toMatchObject({ daysLeft: 30 });
    expect(run({ today: '2026-05-31', birthDate }).handoverDue).toBeUndefined();
    expect(step(run({ today: '2026-05-31', birthDate }), 'handover20').state).toBe('due');
    const done = run({ today: '2026-06-10', birthDate, localNotes: [{ step: 'handoverDone', date: '2026-06-05' }] });
    expect(done.handoverDue).toBeUndefined();
    expect(step(done, 'handover20').state).toBe('done-local');
  });
  it('a follow-up that would fall after the birthday is not applicable', () => {
    const r = run({ today: '2026-05-01', birthDate, contacts: [call('2026-04-15', 'ungdom', true)] });
    expect(step(r, 'followUp')).toMatchObject({ state: 'not-applicable' });
    expect(step(r, 'followUp').reason.key).toBe('reason.after20');
    expect(r.next?.action).toBe('handover20');
  });
  it('the half-year minimum is capped at the day before the birthday', () => {
    const r = run({ today: '2026-03-01', birthDate });
    expect(step(r, 'halfYearMinimum').dueDate).toBe('2026-06-30');
    const r2 = run({ today: '2026-03-01', birthDate: '2006-05-15' });
    expect(step(r2, 'halfYearMinimum').dueDate).toBe('2026-05-14');
  });
  it('samordningsnummer birth date (day − 60) decides the end', () => {
    const b = parseId(SAMORDNING_2000_02_27)!;
    expect(b.coordination).toBe(true);
    expect(b.birthDate).toBe('2000-02-27');
    expect(run({ today: '2020-02-26', birthDate: b.birthDate }).ended).toBe(false);
    expect(run({ today: '2020-02-27', birthDate: b.birthDate }).ended).toBe(true);
  });
  it('29 February birth: 20th birthday in a leap year is 29 February', () => {
    const birthDate = parseId(PNR_2008_02_29)!.birthDate;
    expect(run({ today: '2028-02-28', birthDate }).ended).toBe(false);
    expect(run({ today: '2028-02-29', birthDate }).ended).toBe(true);
    expect(run({ today: '2028-02-28', birthDate }).endDate).toBe('2028-02-29');
  });
});

describe('UKA supersedes local notes', () => {
  it('a local failed call matched by a UKA call is not counted twice', () => {
    const r = run({
      today: '2026-03-05',
      birthDate: '2010-01-01',
      contacts: [call('2026-03-02')],
      localNotes: [{ step: 'callFailed', date: '2026-03-01' }],
    });
    expect(step(r, 'call1').state).toBe('done-uka');
    expect(step(r, 'call2').state).not.toMatch(/^done/);
    expect(r.supersededNotes).toEqual([{ step: 'callFailed', date: '2026-03-01' }]);
  });
  it('a local note UKA does not cover stays in force', () => {
    const r = run({
      today: '2026-03-20',
      birthDate: '2010-01-01',
      contacts: [call('2026-03-02')],
      localNotes: [{ step: 'callFailed', date: '2026-03-15' }, { step: 'callFailed', date: '2026-03-01' }],
    });
    expect(step(r, 'call1').state).toBe('done-uka');
    expect(step(r, 'call2')).toMatchObject({ state: 'done-local', dueDate: '2026-03-15' });
    expect(r.supersededNotes).toHaveLength(1);
  });
  it('UKA letter supersedes the local letter note and its date wins', () => {
    const calls = ['2026-03-02', '2026-03-05', '2026-03-09'].map((d) => call(d));
    const r = run({ today: '2026-03-20', birthDate: '2010-01-01', contacts: [...calls, letter('2026-03-13')], localNotes: [{ step: 'letterSent', date: '2026-03-12' }] });
    expect(step(r, 'contactLetter')).toMatchObject({ state: 'done-uka', dueDate: '2026-03-13' });
    expect(step(r, 'visitLetter').state).not.toMatch(/^done/);
    expect(r.supersededNotes).toHaveLength(1);
  });
  it('UKA reached contact supersedes a local reached/visit note', () => {
    const r = run({
      today: '2026-04-20',
      birthDate: '2010-01-01',
      contacts: [visit('2026-04-16', true)],
      localNotes: [{ step: 'homeVisitDone', date: '2026-04-15', reached: false }],
    });
    expect(r.stage).toBe('followUp');
    expect(step(r, 'orosanmalan').state).toBe('not-applicable');
    expect(r.supersededNotes).toHaveLength(1);
  });
  it('a local-only reached note moves the youth to follow-up (done-local)', () => {
    const r = run({ today: '2026-04-20', birthDate: '2010-01-01', localNotes: [{ step: 'reached', date: '2026-04-18' }] });
    expect(r.stage).toBe('followUp');
    expect(step(r, 'halfYearMinimum').state).toBe('done-local');
  });
});

describe('texts', () => {
  it('every key renders non-empty Swedish text', () => {
    for (const key of Object.keys(LADDER_TEXTS_SV)) {
      const t = renderText({ key, params: { count: 2, date: '2026-01-01', halfYear: '2026H1', endDate: '2028-01-01', visitDate: '2026-02-02', months: 3, days: 7, letterDate: '2026-01-01' } });
      expect(t.length).toBeGreaterThan(5);
    }
    expect(renderText({ key: 'reason.halfYearOpen', params: { halfYear: '2026H2' } })).toContain('andra halvåret 2026');
    expect(renderText({ key: 'no.such.key', params: {} })).toBe('no.such.key');
  });
  it('every step and reason in a result has a text', () => {
    const r = run({ today: '2026-03-02', birthDate: '2010-05-01' });
    for (const s of r.steps) {
      expect(LADDER_TEXTS_SV).toHaveProperty([s.title.key]);
      expect(LADDER_TEXTS_SV).toHaveProperty([s.reason.key]);
    }
  });
});

describe('invariants (fast-check)', () => {
  const dateArb = (min: string, max: string) =>
    fc.integer({ min: Date.parse(`${min}T00:00:00Z`) / 86_400_000, max: Date.parse(`${max}T00:00:00Z`) / 86_400_000 }).map((n) => new Date(n * 86_400_000).toISOString().slice(0, 10));
  const contactArb = fc.record({
    date: dateArb('2024-01-01', '2027-12-31'),
    kind: fc.constantFrom('telefon', 'brev', 'vykort', 'hembesok', 'mote', 'sms', 'annat' as const),
    reached: fc.boolean(),
    target: fc.constantFrom('ungdom', 'vardnadshavare', 'annan' as const),
    note: fc.constant(''),
  }) as fc.Arbitrary<ContactEntry>;
  const noteArb: fc.Arbitrary<LocalNote> = fc.oneof(
    dateArb('2024-01-01', '2027-12-31').map((date) => ({ step: 'callFailed', date }) as LocalNote),
    dateArb('2024-01-01', '2027-12-31').map((date) => ({ step: 'notInterested', date }) as LocalNote),
    dateArb('2024-01-01', '2027-12-31').map((date) => ({ step: 'homeVisitPlanned', date }) as LocalNote),
    dateArb('2024-01-01', '2027-12-31').map((date) => ({ step: 'followUpAgreed', date }) as LocalNote),
    dateArb('2024-01-01', '2027-12-31').map((date) => ({ step: 'reached', date }) as LocalNote),
  );
  const inputArb = fc.record({
    today: dateArb('2025-01-01', '2028-12-31'),
    birthDate: dateArb('2004-01-01', '2012-12-31'),
    contacts: fc.array(contactArb, { maxLength: 8 }),
    notes: fc.array(noteArb, { maxLength: 4 }),
    measures: fc.array(fc.tuple(dateArb('2024-01-01', '2027-12-31'), fc.option(fc.integer({ min: 0, max: 400 }))).map(([start, len]) => measure(start, len === null ? null : addDays(start, len))), { maxLength: 2 }),
  });

  it('ended ⇔ age ≥ 20, and nothing is open once ended', () => {
    fc.assert(fc.property(inputArb, (i) => {
      const r = run({ today: i.today, birthDate: i.birthDate, contacts: i.contacts, localNotes: i.notes, measures: i.measures });
      expect(r.ended).toBe(ageOn(i.birthDate, i.today) >= 20);
      if (r.ended) expect(r.next).toBeNull();
      else if (r.next) expect(r.next.dueDate < birthdayOn(i.birthDate, 20)).toBe(true);
      // The age on the day the next step will be done: today when it is due already, else its due date.
      const action = r.next && r.next.dueDate > i.today ? r.next.dueDate : i.today;
      expect(r.ageOnAction).toBe(ageOn(i.birthDate, action));
    }), { numRuns: 400 });
  });

  it('follow-ups are never due before the last contact; next is the earliest open step', () => {
    fc.assert(fc.property(inputArb, (i) => {
      const r = run({ today: i.today, birthDate: i.birthDate, contacts: i.contacts, localNotes: i.notes, measures: i.measures });
      const fu = step(r, 'followUp');
      if (r.lastContact && fu.dueDate && (fu.state === 'due' || fu.state === 'overdue' || fu.state === 'upcoming')) {
        expect(fu.dueDate >= r.lastContact).toBe(true);
      }
      if (r.next?.action === 'followUp' && r.lastContact) expect(r.next.dueDate >= r.lastContact).toBe(true);
      const open = r.steps.filter((s) => s.dueDate && (s.state === 'due' || s.state === 'overdue' || s.state === 'upcoming'));
      if (open.length === 0) expect(r.next).toBeNull();
      else expect(r.next?.dueDate).toBe(open.map((s) => s.dueDate!).sort()[0]);
    }), { numRuns: 400 });
  });
});
