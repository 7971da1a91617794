import { describe, expect, it } from 'vitest';
import { evaluateLadder } from '../../../lib/ladder/ladder';
import type { LocalNote } from '../../../lib/ladder/types';
import { deriveReminders } from '../../../lib/reminders/reminders';
import type { Reminder, ReminderPerson } from '../../../lib/reminders/types';
import type { ContactEntry } from '../../../lib/uka/types';
import { buildWorklist, groupOf, matchesFilter, mondayOf, nextItems, weeksOf, workItemFrom, WORK_GROUP_TITLE } from '../../../lib/worklist/worklist';
import type { WorkItem } from '../../../lib/worklist/types';

const call = (date: string, reached = false, target: ContactEntry['target'] = 'vardnadshavare'): ContactEntry => ({ date, kind: 'telefon', reached, target, note: '' });
const letter = (date: string): ContactEntry => ({ date, kind: 'brev', reached: false, target: 'vardnadshavare', note: '' });

function person(key: string, birthDate: string, today: string, contacts: ContactEntry[], notes: LocalNote[] = []): ReminderPerson {
  return { key, path: `/person/${key}`, birthDate, ladder: evaluateLadder({ today, birthDate, contacts, measures: [], localNotes: notes }) };
}

function items(today: string, persons: ReminderPerson[], names: Record<string, string> = {}): WorkItem[] {
  const rs = deriveReminders({ today, persons, snoozed: {}, done: {}, lastMonthlyReview: today });
  return rs.map((r) => workItemFrom(r, r.personKey ? (names[r.personKey] ?? null) : null, r.path ? `https://uka.example${r.path}` : null)).filter((i): i is WorkItem => i !== null);
}

const groupOfItems = (list: ReturnType<typeof buildWorklist>, id: string) => list.groups.find((g) => g.id === id)!.items;

describe('groupOf', () => {
  it('sorts each kind of step into its group; reminders that are not about a youth stay out', () => {
    const g = (titleKey: string, personKey: string | null = 'k') => groupOf({ titleKey, ...(personKey ? { personKey } : {}) } as Pick<Reminder, 'titleKey' | 'personKey'>);
    expect(g('step.callGuardians')).toBe('calls');
    expect(g('step.callYouth')).toBe('calls');
    expect(g('step.restart')).toBe('calls');
    expect(g('step.contactLetterGuardians')).toBe('letters');
    expect(g('step.contactPostcardYouth')).toBe('letters');
    expect(g('step.planHomeVisit')).toBe('homeVisits');
    expect(g('step.homeVisit')).toBe('homeVisits');
    expect(g('step.visitLetterGuardians')).toBe('visitLetters');
    expect(g('step.visitPostcardYouth')).toBe('visitLetters');
    expect(g('step.orosanmalan')).toBe('orosanmalan');
    expect(g('step.skatteverket')).toBe('skatteverket');
    expect(g('step.followUp3m')).toBe('followUp');
    expect(g('step.recontactNotInterested')).toBe('followUp');
    expect(g('reminder.halfYearMinimum')).toBe('followUp');
    expect(g('step.handover20')).toBe('handover');
    expect(g('reminder.turns20')).toBe('handover');
    expect(g('reminder.scbDeadline', null)).toBeNull();
    expect(g('reminder.monthlyReview', null)).toBeNull();
    // A youth's step of a kind not known here is kept, under "Övrigt".
    expect(g('step.somethingNew')).toBe('other');
  });
});

describe('weeks', () => {
  it('weeks run Monday to Sunday, also across a month and a year end', () => {
    expect(mondayOf('2026-07-30')).toBe('2026-07-27'); // Thursday
    expect(mondayOf('2026-07-27')).toBe('2026-07-27'); // Monday itself
    expect(mondayOf('2026-08-02')).toBe('2026-07-27'); // Sunday
    expect(mondayOf('2027-01-01')).toBe('2026-12-28'); // Friday, week across the year end
    expect(weeksOf('2026-07-30')).toEqual({ thisMonday: '2026-07-27', thisSunday: '2026-08-02', nextMonday: '2026-08-03', nextSunday: '2026-08-09' });
  });
});

describe('buildWorklist from ladder results', () => {
  // Thursday 30 July 2026; next Monday is 3 August, across the month end.
  const today = '2026-07-30';
  const birth = '2008-03-15'; // 18 on today
  const persons = [
    person('dueToday', birth, today, [call('2026-04-30', true, 'ungdom')]), // follow-up due 2026-07-30
    person('overdue1', birth, today, [call('2026-04-29', true, 'ungdom')]), // follow-up due 2026-07-29
    person('nextMonday', birth, today, [call('2026-05-03', true, 'ungdom')]), // follow-up due 2026-08-03
    person('sundayNext', birth, today, [call('2026-05-09', true, 'ungdom')]), // follow-up due 2026-08-09
    person('later', birth, today, [call('2026-05-10', true, 'ungdom')]), // follow-up due 2026-08-10
  ];
  const all = items(today, persons, { dueToday: 'Ebba Berg', overdue1: 'Adam Holm', nextMonday: 'Saga Öberg' });
  const followUps = (filter: Parameters<typeof buildWorklist>[2]) => groupOfItems(buildWorklist(all, today, filter), 'followUp').map((i) => i.personKey);

  it('reads the due dates the ladder gives', () => {
    const due = Object.fromEntries(all.filter((i) => i.id.startsWith('followup:')).map((i) => [i.personKey, i.dueDate]));
    expect(due).toEqual({ dueToday: '2026-07-30', overdue1: '2026-07-29', nextMonday: '2026-08-03', sundayNext: '2026-08-09', later: '2026-08-10' });
    expect(all.find((i) => i.personKey === 'dueToday' && i.id.startsWith('followup:'))!.state).toBe('due');
    expect(all.find((i) => i.personKey === 'overdue1' && i.id.startsWith('followup:'))!.state).toBe('overdue');
  });

  it('"Bara förfallna" holds what is overdue by one day, not what is due today', () => {
    expect(followUps('overdue')).toEqual(['overdue1']);
  });

  it('"denna vecka" holds the overdue and today, not next Monday across the month end', () => {
    expect(followUps('thisWeek')).toEqual(['overdue1', 'dueToday']);
  });

  it('"nästa vecka" runs from next Monday (3 August) to next Sunday', () => {
    expect(followUps('nextWeek')).toEqual(['nextMonday', 'sundayNext']);
  });

  it('"alla" holds everything up to the end of next week, sorted by due date', () => {
    expect(followUps('all')).toEqual(['overdue1', 'dueToday', 'nextMonday', 'sundayNext']);
    const list = buildWorklist(all, today, 'all');
    expect(list.groups.map((g) => g.id)).toEqual(['calls', 'letters', 'homeVisits', 'visitLetters', 'orosanmalan', 'skatteverket', 'followUp', 'handover']);
    expect(list.groups.map((g) => g.title)).toEqual(list.groups.map((g) => WORK_GROUP_TITLE[g.id]));
    expect(list.total).toBe(4);
  });

  it('matchesFilter at the boundaries', () => {
    expect(matchesFilter({ dueDate: '2026-08-02' }, 'thisWeek', today)).toBe(true);
    expect(matchesFilter({ dueDate: '2026-08-03' }, 'thisWeek', today)).toBe(false);
    expect(matchesFilter({ dueDate: '2026-08-02' }, 'nextWeek', today)).toBe(false);
    expect(matchesFilter({ dueDate: '2026-08-09' }, 'nextWeek', today)).toBe(true);
    expect(matchesFilter({ dueDate: '2026-08-10' }, 'all', today)).toBe(false);
    expect(matchesFilter({ dueDate: today }, 'overdue', today)).toBe(false);
  });

  it('names travel with the items; a name not seen this session is null', () => {
    const byKey = Object.fromEntries(all.filter((i) => i.id.startsWith('followup:')).map((i) => [i.personKey, i.name]));
    expect(byKey).toMatchObject({ dueToday: 'Ebba Berg', overdue1: 'Adam Holm', sundayNext: null });
    const link = all.find((i) => i.personKey === 'dueToday')!.url;
    expect(link).toBe('https://uka.example/person/dueToday');
  });
});

describe('each ladder step lands in its group', () => {
  const today = '2026-10-12';
  it('calls, letters, home visits, visit letters, orosanmälan, Skatteverket, hand-over', () => {
    const young = '2010-02-01'; // 16
    const persons = [
      person('new', young, today, []), // never tried: first call today
      person('calls3', young, today, [call('2026-09-01'), call('2026-09-04'), call('2026-09-08')]), // contact letter
      person('letter', young, today, [call('2026-08-01'), call('2026-08-04'), call('2026-08-08'), letter('2026-08-12')]), // plan a visit
      person('planned', young, today, [call('2026-08-01'), call('2026-08-04'), call('2026-08-08'), letter('2026-08-12')], [{ step: 'homeVisitPlanned', date: '2026-10-16' }]),
      person('visitNoContact', young, today, [call('2026-08-01'), call('2026-08-04'), call('2026-08-08'), letter('2026-08-12'), letter('2026-09-20'), { date: '2026-10-09', kind: 'hembesok', reached: false, target: 'vardnadshavare', note: '' }]),
      person('address', '2007-01-01', today, [call('2026-09-01', true, 'ungdom')], [{ step: 'notLivingAtAddress', date: '2026-10-11' }]),
      person('twenty', '2006-10-20', today, [call('2026-09-01', true, 'ungdom')]),
    ];
    const list = buildWorklist(items(today, persons), today, 'all');
    const keys = (id: string) => groupOfItems(list, id).map((i) => i.personKey);
    expect(keys('calls')).toEqual(['new']);
    expect(keys('letters')).toEqual(['calls3']);
    expect(keys('homeVisits')).toEqual(['letter', 'planned']);
    expect(keys('visitLetters')).toEqual(['planned']);
    expect(keys('orosanmalan')).toEqual(['visitNoContact']);
    expect(keys('skatteverket')).toEqual(['address']);
    expect(keys('handover')).toEqual(['twenty', 'twenty']); // the hand-over and the 20th birthday itself
    // Every item has the reason the ladder gives.
    expect(groupOfItems(list, 'letters')[0]!.reason).toMatch(/samtal/);
    expect(groupOfItems(list, 'orosanmalan')[0]!.reason).toContain('2026-10-09');
  });
});

describe('ordering, snooze and the short list', () => {
  const today = '2026-03-02';
  const item = (id: string, dueDate: string, name: string | null, extra: Partial<WorkItem> = {}): WorkItem => ({ id, group: 'calls', dueDate, state: dueDate < today ? 'overdue' : 'due', title: 't', reason: '', url: null, name, ...extra });
  it('same due date: by name in Swedish order, unknown names last', () => {
    const list = buildWorklist([item('a', '2026-03-03', null), item('b', '2026-03-03', 'Örjan Ek'), item('c', '2026-03-03', 'Åsa Berg'), item('d', '2026-03-01', null), item('e', '2026-03-03', 'Zara Al')], today, 'all');
    expect(groupOfItems(list, 'calls').map((i) => i.id)).toEqual(['d', 'e', 'c', 'b', 'a']);
  });
  it('snoozed items wait until their day and are counted', () => {
    const all = [item('a', '2026-03-01', 'A', { snoozedUntil: '2026-03-09' }), item('b', '2026-03-01', 'B', { snoozedUntil: '2026-03-02' })];
    const list = buildWorklist(all, today, 'all');
    expect(groupOfItems(list, 'calls').map((i) => i.id)).toEqual(['b']);
    expect(list.snoozed).toBe(1);
  });
  it('the short list is the next five across groups', () => {
    const all = ['07', '01', '05', '03', '02', '06', '04'].map((d) => item(d, `2026-03-${d}`, null, { group: d === '03' ? 'followUp' : 'calls' }));
    expect(nextItems(all, today).map((i) => i.id)).toEqual(['01', '02', '03', '04', '05']);
  });
});
