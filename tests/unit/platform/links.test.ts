import { describe, expect, it } from 'vitest';
import { isOnUka, isUkaPath, ukaUrl } from '../../../lib/platform/links';
import { toIcs, ukaLink } from '../../../lib/reminders/ics';
import { COMMANDS } from '../../../lib/messages';

const UKA = 'https://uka.kommun.se';

describe('links stay in UKA', () => {
  it.each(['/', '/person/10', '/export?etikett=Coach%20Anna', '/person/10#kontakter', '/a/b:c'])('accepts the UKA path %s', (path) => {
    expect(isUkaPath(path)).toBe(true);
    expect(ukaUrl(UKA, path)).toBe(new URL(path, UKA).href);
  });

  it.each([
    ['protocol-relative', '//evil.example/person/10'],
    ['backslash protocol-relative', '/\\evil.example/person/10'],
    ['backslash later', '/person\\..\\x'],
    ['javascript:', 'javascript:alert(1)'],
    ['absolute URL', 'https://evil.example/person/10'],
    ['absolute URL on UKA itself', 'https://uka.kommun.se/person/10'],
    ['relative', 'person/10'],
    ['tab inside', '/\t/evil.example'],
    ['newline inside', '/person\n10'],
    ['leading space', ' /person/10'],
    ['empty', ''],
  ])('refuses a %s path', (_name, path) => {
    expect(isUkaPath(path)).toBe(false);
    expect(ukaUrl(UKA, path)).toBeNull();
  });

  it('needs a configured origin', () => {
    expect(ukaUrl(null, '/person/10')).toBeNull();
    expect(ukaUrl('not a url', '/person/10')).toBeNull();
  });

  it('checks an absolute URL again where it is opened', () => {
    expect(isOnUka('https://uka.kommun.se/person/10', UKA)).toBe(true);
    for (const url of ['https://uka.kommun.se.evil.example/', 'http://uka.kommun.se/', 'javascript:alert(1)', '//uka.kommun.se/x', 'https://evil.example/', '', null]) {
      expect(isOnUka(url, UKA), String(url)).toBe(false);
    }
    expect(isOnUka('https://uka.kommun.se/', null)).toBe(false);
  });

  it('the .ics export links only same-origin paths', () => {
    expect(ukaLink(UKA, '//evil.example/x')).toBeNull();
    expect(ukaLink(UKA, '/\\evil.example/x')).toBeNull();
    expect(ukaLink(UKA, '/person/10')).toBe('https://uka.kommun.se/person/10');
    const ics = toIcs(
      [{ id: 'r', kind: 'visitLetter', dueDate: '2026-12-06', state: 'due', notifyFrom: '2026-11-29', alarmDates: [], path: '/\\evil.example', titleKey: 'reminder.scbDeadline', params: {} }],
      UKA,
    );
    expect(ics).not.toContain('evil.example');
  });

  it('paths that arrive in messages are checked before anything is stored', () => {
    const seen = (path: string) => COMMANDS['ladder-view'].safeParse({ personnummer: '200701012390', path, today: '2026-10-15', contacts: [], measures: [], occupations: [], registrations: [] }).error?.issues.some((i) => i.path[0] === 'path') ?? false;
    expect(seen('//evil.example/x')).toBe(true);
    expect(seen('/\\evil.example')).toBe(true);
    expect(seen('javascript:alert(1)')).toBe(true);
    expect(seen('/person/10')).toBe(false);
  });
});

describe('the .ics export and birth dates', () => {
  const base = { state: 'upcoming' as const, notifyFrom: '2027-03-01' as const, alarmDates: [], params: {}, path: '/person/10', personKey: 'a'.repeat(64) };
  const turns20 = { ...base, id: 'turns20:a:2027-03-08', kind: 'turns20' as const, dueDate: '2027-03-08' as const, titleKey: 'reminder.turns20' as const, params: { endDate: '2027-03-08' } };
  const handover = { ...base, id: 'handover20:a:2027-02-06', kind: 'handover20' as const, dueDate: '2027-02-06' as const, titleKey: 'reminder.handover20' as const };
  const visit = { ...base, id: 'visitletter:a:2026-12-06', kind: 'visitLetter' as const, dueDate: '2026-12-06' as const, titleKey: 'reminder.scbDeadline' as const };

  it('leaves out the reminders dated from a birth date unless asked for', () => {
    const without = toIcs([turns20, handover, visit], UKA);
    expect(without).not.toContain('20270308');
    expect(without).not.toContain('20270206');
    expect(without).toContain('20261206');
    const withBirthDates = toIcs([turns20, handover, visit], UKA, { includeBirthDates: true });
    expect(withBirthDates).toContain('20270308');
    expect(withBirthDates).toContain('20270206');
  });
});
