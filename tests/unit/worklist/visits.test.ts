import { describe, expect, it } from 'vitest';
import { evaluateLadder } from '../../../lib/ladder/ladder';
import type { LocalNote } from '../../../lib/ladder/types';
import type { ContactEntry } from '../../../lib/uka/types';
import { upcomingVisitDays, visitList, visitRowFor, type VisitPerson } from '../../../lib/worklist/visits';
import { isIsoDate } from '../../../lib/domain/dates';

const today = '2026-11-23';
const visitDay = '2026-12-02';
const call = (date: string, reached = false): ContactEntry => ({ date, kind: 'telefon', reached, target: 'vardnadshavare', note: '' });
const brev = (date: string): ContactEntry => ({ date, kind: 'brev', reached: false, target: 'vardnadshavare', note: '' });
const calls = [call('2026-10-01'), call('2026-10-05'), call('2026-10-09')];

function p(key: string, birthDate: string, contacts: ContactEntry[], notes: LocalNote[] = [], name: string | null = null): VisitPerson {
  return { key, url: `https://uka.example/person/${key}`, name, birthDate, ladder: evaluateLadder({ today, birthDate, contacts, measures: [], localNotes: notes }) };
}

describe('visit list for a visit day', () => {
  const young = '2010-01-10'; // 16
  const adult = '2007-06-01'; // 19

  it('a youth whose contact letter is unanswered by the visit day is to be planned; one answered later is not yet due', () => {
    // Letter on 2026-11-10: the ladder waits 14 days, so a visit is due from 2026-11-24.
    const row = visitRowFor(p('a', young, [...calls, brev('2026-11-10')]), visitDay, today);
    expect(row).toMatchObject({ plan: 'toPlan', plannedDate: null, letterSent: null, letterLatest: '2026-11-25', letterTo: 'vardnadshavare', age: 16 });
    // Letter on 2026-11-20: due 2026-12-04, after the visit day.
    expect(visitRowFor(p('b', young, [...calls, brev('2026-11-20')]), visitDay, today)).toBeNull();
    // The same youth is on the list of the next visit day.
    expect(visitRowFor(p('b', young, [...calls, brev('2026-11-20')]), '2026-12-16', today)).toMatchObject({ plan: 'toPlan', letterLatest: '2026-12-09' });
  });

  it('a visit noted for the day is planned; for another coming day it is not on this list; a passed day is missed', () => {
    const base = [...calls, brev('2026-10-15')];
    expect(visitRowFor(p('a', young, base, [{ step: 'homeVisitPlanned', date: visitDay }]), visitDay, today)).toMatchObject({ plan: 'planned', plannedDate: visitDay, letterSent: null, letterLatest: '2026-11-25' });
    expect(visitRowFor(p('b', young, base, [{ step: 'homeVisitPlanned', date: '2026-12-16' }]), visitDay, today)).toBeNull();
    expect(visitRowFor(p('c', young, base, [{ step: 'homeVisitPlanned', date: '2026-11-18' }]), visitDay, today)).toMatchObject({ plan: 'missed', plannedDate: '2026-11-18' });
  });

  it('a visit letter already sent (UKA log) is shown with its date', () => {
    const row = visitRowFor(p('a', adult, [...calls, brev('2026-10-15'), brev('2026-11-20')]), visitDay, today);
    expect(row).toMatchObject({ plan: 'letterSent', letterSent: '2026-11-20', plannedDate: null, age: 19 });
    const noted = visitRowFor(p('b', young, [...calls, brev('2026-10-15')], [{ step: 'homeVisitPlanned', date: visitDay }, { step: 'visitLetterSent', date: '2026-11-21' }]), visitDay, today);
    expect(noted).toMatchObject({ plan: 'planned', letterSent: '2026-11-21' });
  });

  it('reached, visited, not yet at the visit step, or 20 by the visit day: not on the list', () => {
    expect(visitRowFor(p('reached', young, [...calls, brev('2026-10-15'), call('2026-11-01', true)]), visitDay, today)).toBeNull();
    expect(visitRowFor(p('visited', young, [...calls, brev('2026-10-15'), { date: '2026-11-15', kind: 'hembesok', reached: false, target: 'vardnadshavare', note: '' }]), visitDay, today)).toBeNull();
    expect(visitRowFor(p('calling', young, calls), visitDay, today)).toBeNull();
    expect(visitRowFor(p('turns20', '2006-11-30', [...calls, brev('2026-10-15')]), visitDay, today)).toBeNull();
    expect(visitRowFor({ key: 'unread', url: null, name: null, birthDate: young, ladder: null }, visitDay, today)).toBeNull();
  });

  it('the letter goes to the youth once 18 on the day it goes out', () => {
    // Turns 18 on 2026-11-24: the letter's latest day (2026-11-25) is after the birthday.
    const row = visitRowFor(p('a', '2008-11-24', [...calls, brev('2026-10-15')]), visitDay, today);
    expect(row).toMatchObject({ letterTo: 'ungdom', age: 18 });
  });

  it('the list is sorted by name, unknown names last', () => {
    const letterDone = [...calls, brev('2026-10-15')];
    const rows = visitList([p('k1', young, letterDone, [], null), p('k2', young, letterDone, [], 'Örjan Ek'), p('k3', young, letterDone, [], 'Åsa Berg'), p('k4', young, calls, [], 'Ada Al')], visitDay, today);
    expect(rows.map((r) => r.personKey)).toEqual(['k3', 'k2', 'k1']);
  });
});

describe('upcomingVisitDays', () => {
  it('keeps calendar dates from today on, sorted, once each', () => {
    expect(upcomingVisitDays(['2026-12-16', '2026-11-01', 'x', '2026-12-02', '2026-12-16', '2026-02-30', today], today, isIsoDate)).toEqual([today, '2026-12-02', '2026-12-16']);
  });
});
