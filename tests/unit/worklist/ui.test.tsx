/** The session's name memory, the worklist and visit-list components (rendered to HTML). */
import { render as renderToString } from 'preact-render-to-string';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { cleanName, forgetNames, rememberNames, sessionNames, MAX_NAME_LENGTH } from '../../../lib/platform/session-names';
import { WorkList } from '../../../components/worklist/WorkList';
import { VisitList, DEFAULT_TEAM_NOTE } from '../../../components/worklist/VisitList';
import type { VisitRow, WorkItem } from '../../../lib/worklist/types';

describe('session names', () => {
  beforeEach(() => fakeBrowser.reset());

  it('are kept in storage.session only, one entry per youth, and can be forgotten', async () => {
    await fakeBrowser.storage.session.set({ firedLog: ['x'] });
    await rememberNames([{ key: 'k1', name: '  Alva\n Berg ' }, { key: 'k2', name: '' }, { key: 'k3', name: 42 }]);
    await rememberNames([{ key: 'k4', name: 'Omar Said' }]);
    expect([...(await sessionNames()).entries()]).toEqual([
      ['k1', 'Alva Berg'],
      ['k4', 'Omar Said'],
    ]);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    await forgetNames();
    expect((await sessionNames()).size).toBe(0);
    expect(await fakeBrowser.storage.session.get(null)).toEqual({ firedLog: ['x'] });
  });

  it('cleans what UKA shows', () => {
    expect(cleanName('\u0000Ebba\tÖberg')).toBe('Ebba Öberg');
    expect(cleanName('   ')).toBeNull();
    expect(cleanName('x'.repeat(500))).toHaveLength(MAX_NAME_LENGTH);
  });
});

const today = '2026-11-23';
const item = (id: string, group: WorkItem['group'], dueDate: string, name: string | null): WorkItem => ({
  id,
  group,
  dueDate,
  state: dueDate < today ? 'overdue' : 'due',
  title: 'Skicka kontaktbrev till vårdnadshavarna',
  reason: '3 samtal har inte gett kontakt.',
  url: 'https://uka.example/person/7',
  personKey: `key-${id}`,
  name,
});
const noop = async () => undefined;

describe('WorkList', () => {
  it('shows counts per group, names, and the UKA link where the name is not known', () => {
    const html = renderToString(
      <WorkList items={[item('a', 'letters', '2026-11-20', 'Alva Berg'), item('b', 'letters', '2026-11-24', null), item('c', 'followUp', '2026-11-23', 'Omar Said')]} today={today} onOpen={() => undefined} onSnooze={noop} onDone={noop} />,
    );
    expect(html).toContain('Brev och vykort: <span data-testid="group-count">2</span>');
    expect(html).toContain('Samtal: <span data-testid="group-count">0</span>');
    expect(html).toContain('Alva Berg');
    expect(html).toContain('öppna i UKA för att se namnet');
    expect(html).toContain('href="https://uka.example/person/7"');
    expect(html).toContain('3 dagar sedan');
    expect(html.indexOf('Alva Berg')).toBeLessThan(html.indexOf('öppna i UKA för att se namnet'));
    expect(html).toContain('Bara förfallna');
  });
});

describe('VisitList', () => {
  const row = (key: string, name: string | null, extra: Partial<VisitRow> = {}): VisitRow => ({
    personKey: key,
    url: `https://uka.example/person/${key}`,
    name,
    age: 17,
    plan: 'toPlan',
    plannedDate: null,
    letterSent: null,
    letterLatest: '2026-11-25',
    letterTo: 'vardnadshavare',
    ...extra,
  });
  const props = {
    today,
    visitDays: ['2026-12-02'],
    visitDay: '2026-12-02',
    letterDaysBeforeVisit: 7,
    unread: 2,
    session: { coaches: ['Anna Lind', 'Omar Said'] as [string, string], note: DEFAULT_TEAM_NOTE, times: { a: '10.30' } },
    onChooseDay: () => undefined,
    onSaveDay: () => undefined,
    onRemoveDay: () => undefined,
    onSession: () => undefined,
    onOpen: () => undefined,
    onPrint: () => undefined,
  };

  it('lists each youth with the plan and the visit letter; the print view has no links and empty columns to fill in', () => {
    const html = renderToString(<VisitList {...props} rows={[row('a', 'Alva Berg', { plan: 'planned', plannedDate: '2026-12-02' }), row('b', null, { letterSent: '2026-11-20', plan: 'letterSent' })]} />);
    expect(html).toContain('Planerat 2026-12-02');
    expect(html).toContain('senast 2026-11-25');
    expect(html).toContain('Skickat 2026-11-20');
    expect(html).toContain('2 ungdomar från Mina deltagare');
    const print = html.slice(html.indexOf('data-testid="visit-print-view"'));
    expect(print).toContain('Hembesök 2026-12-02');
    expect(print).toContain('Coacher: Anna Lind och Omar Said');
    expect(print).toContain('<td>10.30</td>');
    expect(print).not.toContain('<a ');
    expect(print).toContain('<td></td><td></td>');
  });

  it('asks for a day when none is chosen', () => {
    const html = renderToString(<VisitList {...props} visitDay={null} rows={null} />);
    expect(html).toContain('Välj en besöksdag');
    expect(html).not.toContain('visit-print-view');
  });
});
