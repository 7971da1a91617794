import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deriveReminders, expiresAt, nextAlarmTime, remindersFiringBetween, scbDeadline } from '../../../lib/reminders/reminders';
import { foldLine, toIcs, ukaLink } from '../../../lib/reminders/ics';
import { renderReminderTitle } from '../../../lib/reminders/texts';
import type { Reminder, ReminderInputs, ReminderPerson } from '../../../lib/reminders/types';
import { evaluateLadder } from '../../../lib/ladder/ladder';
import type { ContactEntry } from '../../../lib/uka/types';
import { parseId } from '../../../lib/domain/personnummer';

// Test numbers from Skatteverket's official list (/work/shared/data/testpersonnummer).
const PNR_A = '200607012382';
const PNR_B = '200802292383';
const birthA = parseId(PNR_A)!.birthDate; // 2006-07-01
const birthB = parseId(PNR_B)!.birthDate; // 2008-02-29

const reachedCall = (date: string): ContactEntry => ({ date, kind: 'telefon', reached: true, target: 'ungdom', note: 'Anna Andersson' });
const failedCall = (date: string): ContactEntry => ({ date, kind: 'telefon', reached: false, target: 'vardnadshavare', note: '' });

function person(key: string, birthDate: string, today: string, contacts: ContactEntry[], extra: Partial<ReminderPerson> = {}): ReminderPerson {
  return { key, path: `/person/${key}`, birthDate, ladder: evaluateLadder({ today, birthDate, contacts, measures: [], localNotes: [] }), ...extra };
}
function base(today: string, persons: ReminderPerson[], extra: Partial<ReminderInputs> = {}): ReminderInputs {
  return { today, persons, snoozed: {}, done: {}, lastMonthlyReview: today, ...extra };
}
const byKind = (rs: Reminder[], kind: Reminder['kind']) => rs.filter((r) => r.kind === kind);

describe('deriveReminders', () => {
  it('a ladder that could not be computed says so, with the reason, and keeps the reminders that need no ladder (#18)', () => {
    const today = '2026-03-10';
    const p: ReminderPerson = { key: 'p9', path: '/person/p9', birthDate: birthB, ladder: evaluateLadder({ today, birthDate: 'okänt', contacts: [], measures: [], localNotes: [] }) };
    const rs = deriveReminders(base(today, [p]));
    const un = rs.find((r) => r.id === 'unavailable:p9');
    expect(un).toMatchObject({ kind: 'ladderStep', state: 'due', dueDate: today, titleKey: 'reminder.ladderUnavailable' });
    expect(renderReminderTitle(un!)).toContain('kunde inte räknas fram');
    expect(un!.detail?.key).toBe('reason.unavailableBirthDate');
    expect(byKind(rs, 'halfYearMinimum')).toHaveLength(1);
    expect(byKind(rs, 'handover20')).toHaveLength(1);
  });
  it('a bad date keeps every step that does not depend on it (#18)', () => {
    const today = '2026-03-10';
    const good = person('p1', birthB, today, [reachedCall('2025-10-01')]);
    const withBad = person('p1', birthB, today, [reachedCall('2025-10-01'), reachedCall('2062-10-01'), failedCall('2026-02-30')]);
    expect(deriveReminders(base(today, [withBad]))).toEqual(deriveReminders(base(today, [good])));
  });

  it('maps ladder steps to kinds with stable ids and links', () => {
    const today = '2026-03-10';
    const p = person('p1', birthB, today, [reachedCall('2026-03-01')]);
    const rs = deriveReminders(base(today, [p]));
    const fu = byKind(rs, 'followup3m');
    expect(fu).toHaveLength(1);
    expect(fu[0]).toMatchObject({ id: 'followup:p1:2026-06-01', dueDate: '2026-06-01', state: 'upcoming', notifyFrom: '2026-05-25', path: '/person/p1', personKey: 'p1' });
    expect(fu[0]!.alarmDates).toEqual(['2026-05-25', '2026-06-01']);
    expect(byKind(rs, 'turns20')[0]).toMatchObject({ id: 'turns20:p1:2028-02-29', state: 'upcoming' });
    expect(byKind(rs, 'handover20')[0]).toMatchObject({ dueDate: '2028-01-30' });
    // Deterministic: the same inputs give the same ids.
    expect(deriveReminders(base(today, [p])).map((r) => r.id)).toEqual(rs.map((r) => r.id));
  });

  it('ladder steps without a special kind become ladderStep; visit letters get their own kind', () => {
    const today = '2026-03-30';
    const contacts: ContactEntry[] = [failedCall('2026-03-02'), failedCall('2026-03-05'), failedCall('2026-03-09'), { date: '2026-03-12', kind: 'brev', reached: false, target: 'vardnadshavare', note: '' }];
    const ladder = evaluateLadder({ today, birthDate: '2009-01-01', contacts, measures: [], localNotes: [{ step: 'homeVisitPlanned', date: '2026-04-15' }] });
    const rs = deriveReminders(base(today, [{ key: 'k', path: '/person/k', birthDate: '2009-01-01', ladder }]));
    expect(byKind(rs, 'visitLetter')[0]).toMatchObject({ id: 'visitletter:k:2026-04-08', dueDate: '2026-04-08', state: 'upcoming', titleKey: 'step.visitLetterGuardians' });
    expect(byKind(rs, 'ladderStep').map((r) => r.id)).toContain('step:k:homeVisit:2026-04-15');
  });

  it('sorts overdue first, then by date; snoozed last', () => {
    const today = '2026-09-10';
    const late = person('late', birthB, today, [reachedCall('2026-05-01')]); // follow-up due 2026-08-01: overdue
    const soon = person('soon', birthB, today, [reachedCall('2026-06-12')]); // due 2026-09-12: due
    const rs = deriveReminders(base(today, [soon, late], { lastMonthlyReview: '2026-08-01' }));
    const states = rs.map((r) => r.state);
    const firstNonOverdue = states.findIndex((s) => s !== 'overdue');
    expect(states.slice(firstNonOverdue).includes('overdue')).toBe(false);
    expect(rs[0]!.state).toBe('overdue');
    const rest = rs.slice(firstNonOverdue).map((r) => r.dueDate);
    expect(rest).toEqual([...rest].sort());
    expect(rs.find((r) => r.id === 'followup:late:2026-08-01')!.state).toBe('overdue');
    expect(rs.find((r) => r.id === 'followup:soon:2026-09-12')!.state).toBe('due');
    // SCB: H1 2026 deadline 2026-09-01 has passed without being marked done.
    expect(rs.find((r) => r.id === 'scb:2026H1')!.state).toBe('overdue');
  });

  it('done removes; snooze hides until the given day and moves the alarm there', () => {
    const today = '2026-09-10';
    const p = person('late', birthB, today, [reachedCall('2026-05-01')]);
    const id = 'followup:late:2026-08-01';
    expect(deriveReminders(base(today, [p], { done: { [id]: '2026-09-10' } })).some((r) => r.id === id)).toBe(false);
    const snoozed = deriveReminders(base(today, [p], { snoozed: { [id]: '2026-09-12' } }));
    const r = snoozed.find((x) => x.id === id)!;
    expect(r.snoozedUntil).toBe('2026-09-12');
    expect(snoozed[snoozed.length - 1]!.id).toBe(id);
    expect(nextAlarmTime([r], new Date('2026-09-10T12:00:00Z'))).toBe(Date.parse('2026-09-12T06:00:00Z'));
    // On the snooze day it is back, not snoozed.
    const back = deriveReminders(base('2026-09-12', [p], { snoozed: { [id]: '2026-09-12' } })).find((x) => x.id === id)!;
    expect(back.snoozedUntil).toBeUndefined();
    expect(back.state).toBe('overdue');
  });

  it('SCB deadlines: H1 on 1 September, H2 on 1 February next year, warnings 30/14/7 days before', () => {
    expect(scbDeadline('2026H1')).toBe('2026-09-01');
    expect(scbDeadline('2026H2')).toBe('2027-02-01');
    const rs = deriveReminders(base('2027-01-05', []));
    const h2 = rs.find((r) => r.id === 'scb:2026H2')!;
    expect(h2).toMatchObject({ dueDate: '2027-02-01', notifyFrom: '2027-01-02', state: 'due' });
    expect(h2.alarmDates).toEqual(['2027-01-02', '2027-01-18', '2027-01-25', '2027-02-01']);
    expect(rs.find((r) => r.id === 'scb:2027H1')).toMatchObject({ dueDate: '2027-09-01', state: 'upcoming' });
    expect(rs.some((r) => r.id === 'scb:2026H1')).toBe(false);
    expect(renderReminderTitle(h2)).toBe('Rapportera andra halvåret 2026 till SCB senast 2027-02-01');
    const custom = deriveReminders(base('2027-01-05', [], { scb: { H2: '02-15', warnDays: [10] } })).find((r) => r.id === 'scb:2026H2')!;
    expect(custom.alarmDates).toEqual(['2027-02-05', '2027-02-15']);
  });

  it('SCB deadline reminders close once the half-year file has been exported', () => {
    const open = deriveReminders({ today: '2027-01-10', persons: [], snoozed: {}, done: {} }).filter((r) => r.kind === 'scbDeadline');
    expect(open.map((r) => r.id)).toContain('scb:2026H2');
    const closed = deriveReminders({ today: '2027-01-10', persons: [], snoozed: {}, done: {}, exportedPeriods: ['2026H2'] }).filter((r) => r.kind === 'scbDeadline');
    expect(closed.map((r) => r.id)).not.toContain('scb:2026H2');
  });

  it('monthly review: one month after the last; when never done, due this month under one id for the whole month', () => {
    expect(deriveReminders({ today: '2026-03-31', persons: [], snoozed: {}, done: {} }).find((r) => r.kind === 'monthlyReview')).toMatchObject({ id: 'monthly:2026-03-31', state: 'due' });
    const early = deriveReminders({ today: '2026-03-02', persons: [], snoozed: {}, done: {} }).find((r) => r.kind === 'monthlyReview');
    const late = deriveReminders({ today: '2026-03-20', persons: [], snoozed: {}, done: {} }).find((r) => r.kind === 'monthlyReview');
    expect(early).toMatchObject({ id: 'monthly:2026-03-31', dueDate: '2026-03-31', state: 'due' });
    expect(late?.id).toBe(early?.id);
    // Marked done (or snoozed) on the 2nd, it stays so for the rest of the month.
    expect(deriveReminders({ today: '2026-03-20', persons: [], snoozed: {}, done: { 'monthly:2026-03-31': '2026-03-02' } }).find((r) => r.kind === 'monthlyReview')).toBeUndefined();
    expect(deriveReminders({ today: '2026-04-01', persons: [], snoozed: {}, done: { 'monthly:2026-03-31': '2026-03-02' } }).find((r) => r.kind === 'monthlyReview')?.id).toBe('monthly:2026-04-30');
    const rs = deriveReminders({ today: '2026-02-10', persons: [], snoozed: {}, done: {}, lastMonthlyReview: '2026-01-31', monthlyReviewPath: '/export' });
    expect(rs.find((r) => r.kind === 'monthlyReview')).toMatchObject({ id: 'monthly:2026-02-28', dueDate: '2026-02-28', state: 'upcoming', path: '/export' });
  });

  it('without a ladder: half-year minimum from the last contact, hand-over and 20th birthday', () => {
    const today = '2026-07-01';
    const p: ReminderPerson = { key: 'x', path: '/person/x', birthDate: birthB, ladder: null, lastContact: '2026-06-30' };
    const rs = deriveReminders(base(today, [p]));
    expect(byKind(rs, 'halfYearMinimum')[0]).toMatchObject({ id: 'halfyear:x:2026-12-31', state: 'upcoming', params: { halfYear: '2026H2', lastContact: '2026-06-30' } });
    const same = deriveReminders(base(today, [{ ...p, lastContact: '2026-07-01' }]));
    expect(byKind(same, 'halfYearMinimum')).toHaveLength(0);
    expect(byKind(rs, 'handover20')).toHaveLength(1);
  });

  it('the 20th birthday: due a week before, overdue after, gone a month after; nothing else after 20', () => {
    const mk = (today: string) => deriveReminders(base(today, [person('a', birthA, today, [reachedCall('2026-04-01')])]));
    expect(byKind(mk('2026-06-23'), 'turns20')[0]!.state).toBe('upcoming');
    expect(byKind(mk('2026-06-24'), 'turns20')[0]!.state).toBe('due');
    expect(byKind(mk('2026-06-24'), 'handover20')[0]).toMatchObject({ dueDate: '2026-06-01', state: 'overdue' });
    const after = mk('2026-07-02');
    expect(byKind(after, 'turns20')[0]!.state).toBe('overdue');
    expect(after.filter((r) => r.personKey === 'a').map((r) => r.kind)).toEqual(['turns20']);
    expect(mk('2026-08-01').filter((r) => r.personKey === 'a')).toHaveLength(0);
  });

  it('expiresAt = 20th birthday + retention (29 Feb and samordningsnummer)', () => {
    expect(expiresAt(birthA, 30)).toBe('2026-07-31');
    expect(expiresAt('2007-02-28', 0)).toBe('2027-02-28');
    expect(expiresAt(parseId('200002872380')!.birthDate, 365)).toBe('2021-02-26');
    expect(expiresAt(birthB, 1)).toBe('2028-03-01');
    expect(expiresAt('2005-02-28', 0)).toBe('2025-02-28');
  });
});

describe('alarms', () => {
  const today = '2026-03-10';
  const rs = deriveReminders(base(today, [person('p1', birthB, today, [reachedCall('2026-03-01')])]));
  it('next alarm is the earliest future alarm date at 08:00 Stockholm time', () => {
    // Monthly review due 2026-04-10 (notify the same day); SCB 2026H1 window opens 2026-08-02; follow-up 2026-05-25.
    expect(new Date(nextAlarmTime(rs, new Date('2026-03-10T12:00:00Z'))!).toISOString()).toBe('2026-04-10T06:00:00.000Z');
    // Exactly at the alarm instant: strictly later alarms only.
    expect(nextAlarmTime(rs, new Date('2026-04-10T06:00:00Z'))).toBe(Date.parse('2026-05-25T06:00:00Z'));
    expect(nextAlarmTime([], new Date())).toBeNull();
    expect(nextAlarmTime(rs, new Date('2026-03-10T12:00:00Z'), { alarmHour: 9 })).toBe(Date.parse('2026-04-10T07:00:00Z'));
  });
  it('uses winter time in winter', () => {
    const scb = deriveReminders(base('2027-01-05', [])).filter((r) => r.id === 'scb:2026H2');
    expect(nextAlarmTime(scb, new Date('2027-01-05T00:00:00Z'))).toBe(Date.parse('2027-01-18T07:00:00Z'));
  });
  it('remindersFiringBetween picks those whose alarm fell in the window', () => {
    const fired = remindersFiringBetween(rs, new Date('2026-05-24T12:00:00Z'), new Date('2026-05-25T06:00:00Z'));
    expect(fired.map((r) => r.id)).toEqual(['followup:p1:2026-06-01']);
  });
});

describe('toIcs', () => {
  const today = '2026-03-10';
  const persons = [
    person('p1', birthB, today, [reachedCall('2026-03-01')]),
    person('p2', birthA, today, [failedCall('2026-03-09')]),
  ];
  const rs = deriveReminders(base(today, persons, { monthlyReviewPath: '/export' }));
  const ics = toIcs(rs, 'https://uka.example.se/some/where', { now: new Date('2026-03-10T09:15:00Z'), includeBirthDates: true });

  it('is CRLF-only with lines of at most 75 octets', () => {
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
  });
  it('has the calendar frame, one all-day event per reminder, UID and DTSTAMP', () => {
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:')).toBe(true);
    expect(unfolded.match(/BEGIN:VEVENT/g)).toHaveLength(rs.length);
    expect(unfolded.match(/\r\nUID:[0-9a-f]{16}@kaa-lotsen\r\n/g)).toHaveLength(rs.length);
    expect(new Set(unfolded.match(/UID:[^\r]+/g)).size).toBe(rs.length);
    expect(unfolded).toContain('DTSTAMP:20260310T091500Z');
    expect(unfolded).toContain('DTSTART;VALUE=DATE:20260601\r\nDTEND;VALUE=DATE:20260602');
    expect(unfolded).toContain('URL:https://uka.example.se/person/p1');
    expect(unfolded).toContain('SUMMARY:Följ upp ungdomen');
    expect(unfolded).toContain('URL:https://uka.example.se/export');
  });
  it('holds no personnummer, names or person keys', () => {
    const unfolded = ics.replace(/\r\n /g, '');
    for (const pnr of [PNR_A, PNR_B, '20060701-2382', '060701-2382']) expect(unfolded).not.toContain(pnr);
    expect(unfolded).not.toContain('Anna');
    expect(unfolded).not.toMatch(/(^|\D)\d{6}(\d{2})?[-+]?\d{4}(?!\d)/);
    expect(unfolded).not.toMatch(/followup:|turns20:p/);
  });
  it('drops a link whose path carries a personnummer, and non-http origins', () => {
    expect(ukaLink('https://uka.example.se', `/person/${PNR_A}`)).toBeNull();
    expect(ukaLink('https://uka.example.se', '/person/20060701-2382')).toBeNull();
    expect(ukaLink('javascript:alert(1)', '/person/1')).toBeNull();
    expect(ukaLink('https://uka.example.se', '//evil.example/x')).toBeNull();
    expect(ukaLink('https://uka.example.se/a/b', '/person/17')).toBe('https://uka.example.se/person/17');
    const bad: Reminder = { ...rs[0]!, path: `/person/${PNR_B}` };
    expect(toIcs([bad], 'https://uka.example.se')).not.toContain(PNR_B);
  });
  it('folds long UTF-8 lines without splitting characters', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('a', 'å', 'ö', '€', '😀', ',', ' ', 'Ä'), maxLength: 400 }), (s) => {
      const folded = foldLine(`SUMMARY:${s}`);
      const lines = folded.split('\r\n');
      for (const l of lines) expect(new TextEncoder().encode(l).length).toBeLessThanOrEqual(75);
      for (const l of lines.slice(1)) expect(l.startsWith(' ')).toBe(true);
      expect(folded.replace(/\r\n /g, '')).toBe(`SUMMARY:${s}`);
    }));
  });
  it('escapes TEXT values', () => {
    const r: Reminder = { ...rs[0]!, titleKey: 'reminder.scbDeadline', params: { halfYear: 'x;y,z\\', deadline: 'a\nb' } };
    const out = toIcs([r], 'https://uka.example.se').replace(/\r\n /g, '');
    expect(out).toContain('SUMMARY:Rapportera x\\;y\\,z\\\\ till SCB senast a\\nb');
  });
});
