/**
 * Issue #18: the ladder on every date UKA can hold. Each finding of the review is pinned by the exact situation it
 * described, plus the properties: any strings in the date fields give a result; a bad entry never changes the steps
 * computed from the others; an overdue step is addressed by the age today.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evaluateLadder } from '../../../lib/ladder/ladder';
import { matchNotLiving } from '../../../lib/ladder/notes';
import { birthRange } from '../../../lib/ladder/inputs';
import { renderMissedHalfYears, renderProblem, renderText } from '../../../lib/ladder/texts';
import type { LadderInput, LadderResult, LocalNote, Step, StepId } from '../../../lib/ladder/types';
import type { ContactEntry, MeasureEntry } from '../../../lib/uka/types';
import { addDays, ageOn } from '../../../lib/domain/dates';
import { parseId } from '../../../lib/domain/personnummer';

const call = (date: string, reached = false, target: ContactEntry['target'] = 'vardnadshavare'): ContactEntry => ({ date, kind: 'telefon', reached, target, note: '' });
const letter = (date: string): ContactEntry => ({ date, kind: 'brev', reached: false, target: 'vardnadshavare', note: '' });
const visit = (date: string, note = '', reached = false): ContactEntry => ({ date, kind: 'hembesok', reached, target: 'ungdom', note });
const measure = (start: string, end: string | null = null): MeasureEntry => ({ atgardCode: '16', atgardText: 'Praktik', start, end, grundAtgSlut: null, sysEfter: null });

function run(p: Partial<LadderInput> & { today: string; birthDate: string }): LadderResult {
  return evaluateLadder({ contacts: [], measures: [], localNotes: [], ...p });
}
function step(r: LadderResult, id: StepId): Step {
  const s = r.steps.find((x) => x.id === id);
  if (!s) throw new Error(`no step ${id}`);
  return s;
}
const isOpen = (s: Step) => s.state === 'due' || s.state === 'overdue' || s.state === 'upcoming';

describe('finding 1: every date is checked', () => {
  it('a reached contact dated 2062 does not count: the follow-up stays overdue, the half-year stays open', () => {
    const r = run({ today: '2026-03-10', birthDate: '2008-05-10', contacts: [call('2025-10-01', true), call('2062-10-01', true)] });
    expect(r.problems).toEqual([{ source: 'contact', index: 1, field: 'date', value: '2062-10-01', problem: 'in-the-future' }]);
    expect(r.lastContact).toBe('2025-10-01');
    expect(step(r, 'followUp')).toMatchObject({ state: 'overdue', dueDate: '2026-01-01' });
    expect(step(r, 'halfYearMinimum')).toMatchObject({ state: 'upcoming', dueDate: '2026-06-30' });
    expect(r.next).toMatchObject({ action: 'followUp', state: 'overdue' });
  });
  it('a failed call dated 2026-02-30 does not count as a call', () => {
    const r = run({ today: '2026-03-10', birthDate: '2010-05-01', contacts: [call('2026-02-30')] });
    expect(r.problems).toEqual([{ source: 'contact', index: 0, field: 'date', value: '2026-02-30', problem: 'not-a-date' }]);
    expect(step(r, 'call1').state).toBe('due');
    expect(r.stage).toBe('notStarted');
  });
  it('2026-02-30 on a reached contact, 2026-13-01 and "18 nov 2026" do not throw; the rest is computed', () => {
    const contacts = [call('2026-01-15'), call('2026-02-30', true), call('2026-13-01', true), call('18 nov 2026', true)];
    const r = run({ today: '2026-03-10', birthDate: '2010-05-01', contacts });
    expect(r.problems.map((p) => [p.index, p.value, p.problem])).toEqual([
      [1, '2026-02-30', 'not-a-date'],
      [2, '2026-13-01', 'not-a-date'],
      [3, '18 nov 2026', 'not-a-date'],
    ]);
    expect(r.stage).toBe('calling');
    expect(step(r, 'call1')).toMatchObject({ state: 'done-uka', dueDate: '2026-01-15' });
    expect(r.next).toMatchObject({ action: 'call2', state: 'overdue' });
  });
  it('a measure starting "2026-10-xx" is not an ongoing measure', () => {
    const r = run({ today: '2026-11-10', birthDate: '2008-05-10', contacts: [call('2026-09-01', true)], measures: [measure('2026-10-xx')] });
    expect(r.stage).toBe('followUp');
    expect(r.problems).toEqual([{ source: 'measure', index: 0, field: 'start', value: '2026-10-xx', problem: 'not-a-date' }]);
    const bad = run({ today: '2026-11-10', birthDate: '2008-05-10', measures: [measure('2026-10-01', '2026-1x-01')] });
    expect(bad.stage).toBe('notStarted');
    expect(bad.problems[0]).toMatchObject({ field: 'end', problem: 'not-a-date' });
    // A measure that ends after today is ongoing: its end may lie ahead.
    expect(run({ today: '2026-11-10', birthDate: '2008-05-10', measures: [measure('2026-10-01', '2027-03-01')] }).problems).toEqual([]);
  });
  it('local notes: a done step after today is a problem, a planned visit or agreed follow-up may lie ahead', () => {
    const notes: LocalNote[] = [
      { step: 'reached', date: '2026-12-24' },
      { step: 'homeVisitPlanned', date: '2026-12-24' },
      { step: 'followUpAgreed', date: '2027-01-10' },
      { step: 'callFailed', date: '2026-02-31' },
    ];
    const r = run({ today: '2026-11-10', birthDate: '2008-05-10', localNotes: notes });
    expect(r.problems).toEqual([
      { source: 'note', index: 0, field: 'date', value: '2026-12-24', problem: 'in-the-future' },
      { source: 'note', index: 3, field: 'date', value: '2026-02-31', problem: 'not-a-date' },
    ]);
    expect(r.lastContact).toBeNull();
  });
  it('a contact dated today is fine', () => {
    expect(run({ today: '2026-03-10', birthDate: '2008-05-10', contacts: [call('2026-03-10', true)] }).problems).toEqual([]);
  });
  it('when nothing can be computed, the result says why (and still lists the bad dates)', () => {
    const noBirth = run({ today: '2026-03-10', birthDate: 'okänt', contacts: [call('2026-13-01')] });
    expect(noBirth).toMatchObject({ stage: 'unknown', steps: [], next: null, missedHalfYears: [] });
    expect(noBirth.unavailable?.key).toBe('reason.unavailableBirthDate');
    expect(noBirth.problems).toHaveLength(1);
    const noToday = run({ today: '', birthDate: '2008-05-10' });
    expect(noToday.unavailable?.key).toBe('reason.unavailableToday');
    expect(renderText(noToday.unavailable!)).toMatch(/datum/);
  });
  it('problem lines name the date, where it is and what to do', () => {
    expect(renderProblem({ source: 'contact', field: 'date', value: '2026-02-30', problem: 'not-a-date' })).toBe(
      'Datumet 2026-02-30 i kontaktloggen är inte ett riktigt datum; rätta det i UKA. Raden räknas inte med i Kontakttrappan.',
    );
    expect(renderProblem({ source: 'contact', field: 'date', value: '2062-10-01', problem: 'in-the-future' })).toMatch(/^Datumet 2062-10-01 i kontaktloggen ligger efter dagens datum; rätta det i UKA/);
    expect(renderProblem({ source: 'measure', field: 'start', value: '2026-10-xx', problem: 'not-a-date' })).toMatch(/^Startdatumet 2026-10-xx bland åtgärderna/);
    expect(renderProblem({ source: 'note', field: 'date', value: '2026-12-24', problem: 'in-the-future' })).toMatch(/ändra eller ta bort anteckningen/);
    expect(renderProblem({ source: 'contact', field: 'date', value: '', problem: 'not-a-date' })).toMatch(/saknas/);
  });
});

describe('finding 2: the addressee is decided by the age on the day the step is done', () => {
  const calls = [call('2026-04-28'), call('2026-05-01'), call('2026-05-04')];
  it('turned 18 after the third failed call: an overdue letter is the postcard to the youth', () => {
    const r = run({ today: '2026-05-20', birthDate: '2008-05-10', contacts: calls });
    expect(r.next).toMatchObject({ action: 'contactLetter', state: 'overdue', dueDate: '2026-05-07' });
    expect(r.next?.title.key).toBe('step.contactPostcardYouth');
    expect(step(r, 'contactLetter').target).toBe('ungdom');
    expect(r.ageOnAction).toBe(18);
    // The calls made before the birthday stay with the guardians.
    expect(step(r, 'call3').target).toBe('vardnadshavare');
  });
  it('an overdue second call to an 18-year-old is "Ring ungdomen"', () => {
    const r = run({ today: '2026-05-15', birthDate: '2008-05-10', contacts: [call('2026-04-28')] });
    expect(r.next).toMatchObject({ action: 'call2', state: 'overdue', dueDate: '2026-05-01' });
    expect(r.next?.title.key).toBe('step.callYouth');
  });
  it('switches exactly on the birthday', () => {
    const before = run({ today: '2026-05-09', birthDate: '2008-05-10', contacts: [call('2026-04-28')] });
    expect(before.next?.title.key).toBe('step.callGuardians');
    const on = run({ today: '2026-05-10', birthDate: '2008-05-10', contacts: [call('2026-04-28')] });
    expect(on.next?.title.key).toBe('step.callYouth');
  });
  it('a step ahead is addressed by the age on its due date', () => {
    const r = run({ today: '2026-05-05', birthDate: '2008-05-07', contacts: calls });
    expect(r.next).toMatchObject({ action: 'contactLetter', dueDate: '2026-05-07', state: 'due' });
    expect(r.next?.title.key).toBe('step.contactPostcardYouth');
  });
  it('29 February (test personnummer 20080229-2383): 18 on 1 March 2026, a common year', () => {
    const birthDate = parseId('200802292383')!.birthDate;
    const at = (today: string) => run({ today, birthDate, contacts: [call('2026-02-01')] }).next?.title.key;
    expect(at('2026-02-28')).toBe('step.callGuardians');
    expect(at('2026-03-01')).toBe('step.callYouth');
  });
});

describe('finding 3: missed half-years', () => {
  it('a whole half-year without contact or attempt is listed', () => {
    const r = run({ today: '2026-12-01', birthDate: '2008-05-10', registeredFrom: '2025-09-01', contacts: [call('2025-10-01', true), call('2026-07-15', true)] });
    expect(r.missedHalfYears).toEqual(['2026H1']);
    expect(renderMissedHalfYears(r.missedHalfYears)).toBe('Ingen kontakt och inget kontaktförsök är dokumenterat under första halvåret 2026.');
  });
  it('for a youth in a measure too', () => {
    const r = run({ today: '2026-08-10', birthDate: '2008-05-10', registeredFrom: '2025-09-01', contacts: [call('2025-10-01', true)], measures: [measure('2025-10-01')] });
    expect(r.stage).toBe('inMeasure');
    expect(r.missedHalfYears).toEqual(['2026H1']);
  });
  it('an attempt counts as documented; only half-years that have ended count', () => {
    const r = run({ today: '2026-08-10', birthDate: '2008-05-10', registeredFrom: '2025-09-01', contacts: [call('2025-10-01', true), letter('2026-03-01')] });
    expect(r.missedHalfYears).toEqual([]);
  });
  it('at most the last twelve months', () => {
    const r = run({ today: '2026-08-15', birthDate: '2008-05-10', registeredFrom: '2023-01-01' });
    expect(r.missedHalfYears).toEqual(['2025H2', '2026H1']);
  });
  it('not before registration; unknown registration and nothing documented gives none', () => {
    expect(run({ today: '2026-08-15', birthDate: '2008-05-10', registeredFrom: '2026-07-20' }).missedHalfYears).toEqual([]);
    expect(run({ today: '2026-08-15', birthDate: '2008-05-10' }).missedHalfYears).toEqual([]);
    // Unknown registration: the first documented entry stands in for it.
    expect(run({ today: '2026-08-15', birthDate: '2008-05-10', contacts: [call('2025-11-01', true)] }).missedHalfYears).toEqual(['2026H1']);
  });
  it('a bad date does not count as contact for its half-year', () => {
    const r = run({ today: '2026-08-15', birthDate: '2008-05-10', registeredFrom: '2025-09-01', contacts: [call('2025-10-01', true), call('2026-02-30', true)] });
    expect(r.missedHalfYears).toEqual(['2026H1']);
  });
});

describe('finding 4: a youth never reached', () => {
  const ladder = [call('2026-02-02'), call('2026-02-05'), call('2026-02-08'), letter('2026-02-12')];
  it('after a failed home visit (18+), "Nästa steg" is the restart of attempts, not the half-year', () => {
    const r = run({ today: '2026-04-17', birthDate: '2007-01-01', contacts: [...ladder, visit('2026-04-15')] });
    expect(r.stage).toBe('afterVisit');
    expect(step(r, 'halfYearMinimum')).toMatchObject({ state: 'done-uka', dueDate: '2026-04-15' });
    expect(r.next).toMatchObject({ action: 'restart', dueDate: '2026-07-15' });
  });
  it('under 18: the orosanmälan first, then the restart', () => {
    const contacts = [...ladder, visit('2026-04-15')];
    const r = run({ today: '2026-04-17', birthDate: '2009-01-01', contacts });
    expect(r.next).toMatchObject({ action: 'orosanmalan', dueDate: '2026-04-16', state: 'overdue' });
    const after = run({ today: '2026-04-17', birthDate: '2009-01-01', contacts, localNotes: [{ step: 'orosanmalanDone', date: '2026-04-17' }] });
    expect(after.next).toMatchObject({ action: 'restart', dueDate: '2026-07-15' });
  });
  it('the restart honours the configured interval', () => {
    const r = run({ today: '2026-04-17', birthDate: '2007-01-01', contacts: [...ladder, visit('2026-04-15')], settings: { restartMonthsAfterVisit: 2 } });
    expect(r.next).toMatchObject({ action: 'restart', dueDate: '2026-06-15' });
  });
  it('attempts of an earlier half-year do not count for this one', () => {
    const r = run({ today: '2026-07-20', birthDate: '2007-01-01', contacts: [...ladder, visit('2026-04-15')] });
    expect(step(r, 'halfYearMinimum')).toMatchObject({ state: 'upcoming', dueDate: '2026-12-31' });
    expect(r.next).toMatchObject({ action: 'restart', state: 'overdue' });
  });
  it('a youth reached before still needs a contact in the half-year', () => {
    const r = run({ today: '2026-04-17', birthDate: '2007-01-01', contacts: [call('2025-06-01', true), ...ladder, visit('2026-04-15')] });
    expect(step(r, 'halfYearMinimum').state).toBe('upcoming');
  });
});

describe("finding 5: UKA's own note of a failed home visit", () => {
  const ladder = [call('2026-02-02'), call('2026-02-05'), call('2026-02-08'), letter('2026-02-12')];
  it('"bor ej på adressen" makes the Skatteverket step likely, quoting the words, without a local note', () => {
    const r = run({ today: '2026-04-16', birthDate: '2007-01-01', contacts: [...ladder, visit('2026-04-15', 'Grannen: Bor ej på  adressen sedan i vintras')] });
    const sk = step(r, 'skatteverket');
    expect(sk).toMatchObject({ state: 'due', dueDate: '2026-04-16', likely: true });
    expect(sk.reason).toEqual({ key: 'reason.notLivingLikely', params: { date: '2026-04-15', words: 'Bor ej på adressen' } });
    expect(renderText(sk.reason)).toContain('”Bor ej på adressen”');
    expect(renderText(sk.reason)).not.toContain('Grannen');
  });
  it('reported to Skatteverket: done', () => {
    const r = run({ today: '2026-04-20', birthDate: '2007-01-01', contacts: [...ladder, visit('2026-04-15', 'okänd på adressen')], localNotes: [{ step: 'skatteverketReported', date: '2026-04-16' }] });
    expect(step(r, 'skatteverket').state).toBe('done-local');
  });
  it('a negation, a reached visit or a contact since then does not count', () => {
    expect(step(run({ today: '2026-04-16', birthDate: '2007-01-01', contacts: [...ladder, visit('2026-04-15', 'Har inte flyttat enligt mamman')] }), 'skatteverket').state).toBe('not-applicable');
    expect(step(run({ today: '2026-04-16', birthDate: '2007-01-01', contacts: [...ladder, visit('2026-04-15', 'flyttat', true)] }), 'skatteverket').state).toBe('not-applicable');
    expect(step(run({ today: '2026-05-16', birthDate: '2007-01-01', contacts: [...ladder, visit('2026-04-15', 'flyttat'), call('2026-05-01', true)] }), 'skatteverket').state).toBe('not-applicable');
  });
  it('patterns come from the content pack (settings) and match whole words only', () => {
    expect(matchNotLiving('Ny adress okänd enligt hyresvärden', ['ny adress okänd'])).toBe('Ny adress okänd');
    expect(matchNotLiving('Familjen har nyinflyttat', ['flyttat'])).toBeNull();
    expect(matchNotLiving('Ingen öppnade. Har flyttat.', ['flyttat'])).toBe('flyttat');
    expect(matchNotLiving('Har inte flyttat. Men grannen säger flyttat', ['flyttat'])).toBe('flyttat');
    expect(matchNotLiving(undefined, ['flyttat'])).toBeNull();
    const r = run({ today: '2026-04-16', birthDate: '2007-01-01', contacts: [...ladder, visit('2026-04-15', 'Ny adress okänd')], settings: { notLivingPatterns: ['ny adress okänd'] } });
    expect(step(r, 'skatteverket').likely).toBe(true);
  });
});

describe('samordningsnummer with month or day 00', () => {
  it('birth range from a partly unknown date', () => {
    expect(birthRange('2008-00-00')).toEqual({ earliest: '2008-01-01', latest: '2008-12-31', exact: false });
    expect(birthRange('2008-05-00')).toEqual({ earliest: '2008-05-01', latest: '2008-05-31', exact: false });
    expect(birthRange('2009-00-29')).toEqual({ earliest: '2009-01-29', latest: '2009-12-29', exact: false });
    expect(birthRange('2008-13-00')).toBeNull();
    expect(birthRange('2008-02-30')).toBeNull();
  });
  it('parses test samordningsnummer with 00 (20080066-2397: month unknown; 20070660-2398: day unknown)', () => {
    expect(parseId('200800662397')).toMatchObject({ coordination: true, birthDate: '2008-12-06', birthDatePartial: '2008-00-06' });
    expect(parseId('200706602398')).toMatchObject({ coordination: true, birthDate: '2007-06-30', birthDatePartial: '2007-06-00' });
    expect(parseId('200800662398')).toBeNull(); // wrong check digit
    expect(parseId('200002872380')).not.toHaveProperty('birthDatePartial');
  });
  it('says which age-dependent steps it could not decide, and words them for both', () => {
    const r = run({ today: '2026-06-15', birthDate: '2008-00-06', contacts: [call('2026-06-01')] });
    expect(r.birthDateUnknown).toEqual({ earliest: '2008-01-06', latest: '2008-12-06', undecided: ['call2'] });
    expect(step(r, 'call2').target).toBeUndefined();
    expect(r.next?.title.key).toBe('step.callUndecided');
    expect(step(r, 'call1').state).toBe('done-uka');
  });
  it('decides what the known part allows', () => {
    const r = run({ today: '2026-06-15', birthDate: '2008-05-00', contacts: [call('2026-06-01')] });
    expect(r.birthDateUnknown?.undecided).toEqual([]);
    expect(r.next?.title.key).toBe('step.callYouth');
  });
  it('orosanmälan when the age at the visit cannot be told: open, with its own reason', () => {
    const r = run({ today: '2026-04-16', birthDate: '2008-00-00', contacts: [call('2026-02-02'), call('2026-02-05'), call('2026-02-08'), letter('2026-02-12'), visit('2026-04-15')] });
    expect(step(r, 'orosanmalan')).toMatchObject({ state: 'due' });
    expect(step(r, 'orosanmalan').reason.key).toBe('reason.orosanmalanAgeUnknown');
    expect(r.birthDateUnknown?.undecided).toContain('orosanmalan');
  });
  it('the duty ends on the latest possible 20th birthday; the hand-over counts from the earliest', () => {
    const r = run({ today: '2026-06-15', birthDate: '2006-00-00' });
    expect(r.ended).toBe(false);
    expect(r.endDate).toBe('2026-12-31');
    expect(r.handoverDue).toMatchObject({ endDate: '2026-01-01' });
    expect(run({ today: '2026-12-31', birthDate: '2006-00-00' }).ended).toBe(true);
  });
});

describe('properties (fast-check)', () => {
  const dayArb = fc.integer({ min: 0, max: 4 * 366 }).map((n) => addDays('2024-01-01', n));
  const junkArb = fc.oneof(
    fc.string({ maxLength: 14 }),
    fc.constantFrom('2026-02-30', '2026-13-01', '18 nov 2026', '2026-10-xx', '', '2062-10-01', '0000-00-00', '2026-00-00', ' 2026-01-01'),
    fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 })).map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
    dayArb,
  );
  const kindArb = fc.constantFrom('telefon', 'brev', 'vykort', 'hembesok', 'mote', 'sms', 'annat' as const);
  const contactOf = (dateArb: fc.Arbitrary<string>) =>
    fc.record({ date: dateArb, kind: kindArb, reached: fc.boolean(), target: fc.constantFrom('ungdom', 'vardnadshavare', 'annan' as const), note: fc.constantFrom('', 'flyttat', 'har inte flyttat') }) as fc.Arbitrary<ContactEntry>;
  const noteOf = (dateArb: fc.Arbitrary<string>): fc.Arbitrary<LocalNote> =>
    fc.tuple(fc.constantFrom('callFailed', 'letterSent', 'reached', 'notInterested', 'homeVisitPlanned', 'followUpAgreed', 'notLivingAtAddress', 'orosanmalanDone'), dateArb).map(([step, date]) => ({ step, date }) as LocalNote);
  const measureOf = (dateArb: fc.Arbitrary<string>) => fc.tuple(dateArb, fc.option(dateArb)).map(([start, end]) => measure(start, end));

  it('any strings in every date field give a result', () => {
    fc.assert(
      fc.property(
        fc.record({
          today: fc.oneof(junkArb, dayArb),
          birthDate: fc.oneof(junkArb, fc.integer({ min: 0, max: 12 * 366 }).map((n) => addDays('2003-01-01', n))),
          registeredFrom: fc.option(junkArb),
          contacts: fc.array(contactOf(junkArb), { maxLength: 6 }),
          notes: fc.array(noteOf(junkArb), { maxLength: 4 }),
          measures: fc.array(measureOf(junkArb), { maxLength: 2 }),
        }),
        (i) => {
          const r = run({ today: i.today, birthDate: i.birthDate, registeredFrom: i.registeredFrom, contacts: i.contacts, localNotes: i.notes, measures: i.measures });
          expect(Array.isArray(r.steps)).toBe(true);
          expect(Array.isArray(r.problems)).toBe(true);
          for (const s of r.steps) expect(renderText(s.reason)).not.toBe(s.reason.key);
          if (r.unavailable) expect(r.stage).toBe('unknown');
        },
      ),
      { numRuns: 600 },
    );
  });

  it('adding a future-dated or invalid entry never changes the steps computed from the others', () => {
    const today = '2026-11-10';
    const validArb = fc.integer({ min: 0, max: 700 }).map((n) => addDays('2024-12-01', n)); // up to today
    const badArb = fc.oneof(
      fc.constantFrom('2026-02-30', '2026-13-01', '18 nov 2026', '2026-10-xx', '', '2062-10-01'),
      fc.integer({ min: 1, max: 4000 }).map((n) => addDays(today, n)),
    );
    fc.assert(
      fc.property(
        fc.record({
          birthDate: fc.integer({ min: 0, max: 6 * 366 }).map((n) => addDays('2006-06-01', n)),
          contacts: fc.array(contactOf(validArb), { maxLength: 7 }),
          notes: fc.array(noteOf(validArb), { maxLength: 3 }),
          measures: fc.array(measureOf(validArb).map((m) => ({ ...m, end: m.end && m.end < m.start ? null : m.end })), { maxLength: 2 }),
          where: fc.constantFrom('contact', 'note', 'measure'),
          bad: badArb,
          badContact: contactOf(badArb),
          at: fc.nat(),
        }),
        (i) => {
          const base = { today, birthDate: i.birthDate, contacts: i.contacts, localNotes: i.notes, measures: i.measures };
          const insert = <T,>(list: T[], item: T): T[] => {
            const k = i.at % (list.length + 1);
            return [...list.slice(0, k), item, ...list.slice(k)];
          };
          const withBad =
            i.where === 'contact'
              ? { ...base, contacts: insert(i.contacts, i.badContact) }
              : i.where === 'note'
                ? { ...base, localNotes: insert(i.notes, { step: 'reached', date: i.bad } as LocalNote) }
                : { ...base, measures: insert(i.measures, measure(i.bad)) };
          const a = run(base);
          const b = run(withBad);
          expect(b.steps).toEqual(a.steps);
          expect(b.next).toEqual(a.next);
          expect(b.stage).toBe(a.stage);
          expect(b.missedHalfYears).toEqual(a.missedHalfYears);
          expect(b.problems.length).toBe(a.problems.length + 1);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("an overdue step's addressee always matches the age today", () => {
    fc.assert(
      fc.property(
        fc.record({
          today: fc.integer({ min: 0, max: 3 * 366 }).map((n) => addDays('2025-01-01', n)),
          birthDate: fc.integer({ min: 0, max: 5 * 366 }).map((n) => addDays('2006-01-01', n)),
          contacts: fc.array(contactOf(fc.integer({ min: 0, max: 3 * 366 }).map((n) => addDays('2024-10-01', n))), { maxLength: 8 }),
        }),
        (i) => {
          const r = run({ today: i.today, birthDate: i.birthDate, contacts: i.contacts });
          const expected = ageOn(i.birthDate, i.today) < 18 ? 'vardnadshavare' : 'ungdom';
          for (const s of r.steps) {
            if (s.state !== 'overdue' || !s.target) continue;
            expect(s.target).toBe(expected);
            if (s.id.startsWith('call')) expect(s.title.key).toBe(expected === 'ungdom' ? 'step.callYouth' : 'step.callGuardians');
          }
          if (r.next?.state === 'overdue' && r.next.action === 'contactLetter') {
            expect(r.next.title.key).toBe(expected === 'ungdom' ? 'step.contactPostcardYouth' : 'step.contactLetterGuardians');
          }
          for (const s of r.steps) if (isOpen(s) && s.dueDate && s.dueDate > i.today && s.target) expect(s.target).toBe(ageOn(i.birthDate, s.dueDate) < 18 ? 'vardnadshavare' : 'ungdom');
        },
      ),
      { numRuns: 500 },
    );
  });
});
