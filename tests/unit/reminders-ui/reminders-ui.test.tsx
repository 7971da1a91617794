/** The ladder/reminder UI helpers and components, and the background's reminder derivation over the store. */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { render as renderToString } from 'preact-render-to-string';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { testPersonnummer } from '../../fixtures/testpersonnummer';
import { ladderView, supersededIds } from '../../../lib/ladder/view';
import { ladderSnapshot } from '../../../lib/ladder/snapshot';
import { listedPersons } from '../../../entrypoints/uka.content/features/reminders';
import { orderReminders, RemindersList, type ReminderItem } from '../../../components/reminders/RemindersList';
import { LadderPanel } from '../../../components/ladder/LadderPanel';
import { LadderSummaryLine } from '../../../components/reminders/LadderSummaryLine';
import { evaluateLadder } from '../../../lib/ladder';
import type { LocalNote } from '../../../lib/ladder/types';
import type { ContactEntry, MeasureEntry } from '../../../lib/uka/types';
import { getStore, resetSharedStore } from '../../../lib/store';
import { recordListedPersons } from '../../../entrypoints/background/handlers/persons';
import { computeReminders, reminderViews, remindersIcs } from '../../../lib/reminders/stored';
import { onReminderAlarm, scheduleReminders, ALARM_NEXT, ALARM_TICK } from '../../../lib/reminders/schedule';
import { parseId } from '../../../lib/domain/personnummer';

const PNR = testPersonnummer();
/** Under 18 on 2026-11-23. */
const YOUNG = PNR.find((p) => p.startsWith('2010'))!;
const ADULT = PNR.find((p) => p.startsWith('2007'))!;
const TODAY = '2026-11-23';

const calls: ContactEntry[] = ['2026-08-15', '2026-08-19', '2026-08-23'].map((date) => ({ date, kind: 'telefon', reached: false, target: 'vardnadshavare', note: 'Röstbrevlåda hos Anna Andersson' }));
const measures: MeasureEntry[] = [{ atgardCode: '16', atgardText: 'Coachning med Anna', start: '2026-01-01', end: null, grundAtgSlut: null, sysEfter: null }];

describe('ladderSnapshot', () => {
  it('keeps dates, kinds and codes only: no notes or texts', () => {
    const snap = ladderSnapshot(calls, measures);
    expect(snap.contacts[0]).toEqual({ date: '2026-08-15', kind: 'telefon', reached: false, target: 'vardnadshavare' });
    expect(snap.measures[0]).toEqual({ atgardCode: '16', start: '2026-01-01', end: null });
    expect(JSON.stringify(snap)).not.toMatch(/Anna|Röstbrevlåda|Coachning/);
  });
  it("of UKA's notes keeps only the words that say the youth does not live at the address, from a failed home visit", () => {
    const visit: ContactEntry = { date: '2026-09-01', kind: 'hembesok', reached: false, target: 'ungdom', note: 'Grannen Anna Andersson: har flyttat till Malmö' };
    const snap = ladderSnapshot([...calls, visit], [], { registeredFrom: '2026-05-01', birthDate: '2008-00-06', notLivingPatterns: ['flyttat'] });
    expect(snap.contacts[3]).toEqual({ date: '2026-09-01', kind: 'hembesok', reached: false, target: 'ungdom', notLivingWords: 'flyttat' });
    expect(snap).toMatchObject({ registeredFrom: '2026-05-01', birthDate: '2008-00-06' });
    expect(JSON.stringify(snap)).not.toMatch(/Anna|Malmö|Röstbrevlåda/);
  });
});

describe('supersededIds', () => {
  it('names the stored notes that UKA’s log now covers', () => {
    const letter: LocalNote = { step: 'letterSent', date: '2026-11-20' };
    const call: LocalNote = { step: 'callFailed', date: '2026-11-01' };
    const notes = [
      { id: 'a', note: letter },
      { id: 'b', note: call },
    ];
    const contacts: ContactEntry[] = [...calls, { date: '2026-11-21', kind: 'brev', reached: false, target: 'vardnadshavare', note: '' }];
    const birthDate = parseId(YOUNG)!.birthDate;
    const result = evaluateLadder({ today: TODAY, birthDate, contacts, measures: [], localNotes: [letter, call] });
    expect(supersededIds(notes, result)).toEqual(['a']);
  });
});

describe('listedPersons (start list batch)', () => {
  const row = (personnummer: string, href: string) => ({ name: 'Anna Andersson', personnummer, label: 'Coach Anna', status: 'Aktiv', latestContact: '2026-10-01', href });
  it('sends normalised personnummer, same-origin paths, the latest contact and the name (for this session only), nothing else', () => {
    const out = listedPersons([row(YOUNG, '/person/3'), row(`${ADULT.slice(2, 8)}-${ADULT.slice(8)}`, 'https://evil.example/person/4'), row('12345', '/person/5')], 'https://uka.example');
    expect(out).toEqual([
      { personnummer: YOUNG, path: '/person/3', latestContact: '2026-10-01', name: 'Anna Andersson' },
      { personnummer: parseId(`${ADULT.slice(2, 8)}-${ADULT.slice(8)}`)!.digits12, path: null, latestContact: '2026-10-01', name: 'Anna Andersson' },
    ]);
    expect(JSON.stringify(out)).not.toContain('Coach Anna');
  });
});

const item = (id: string, state: ReminderItem['state'], dueDate: string, url: string | null = 'https://uka.example/person/1'): ReminderItem => ({
  id,
  kind: 'ladderStep',
  state,
  dueDate,
  title: `Titel ${id}`,
  detail: '',
  url,
});

describe('RemindersList', () => {
  it('orders overdue first, then due, then upcoming', () => {
    const order = orderReminders([item('u', 'upcoming', '2026-11-25'), item('d', 'due', '2026-11-24'), item('o2', 'overdue', '2026-11-01'), item('o1', 'overdue', '2026-10-01')]);
    expect(order.map((r) => r.id)).toEqual(['o1', 'o2', 'd', 'u']);
  });

  it('shows states in words, due dates, the page path, snooze/done buttons and the .ics link', () => {
    const html = renderToString(
      <RemindersList
        reminders={[item('d', 'due', '2026-11-24'), item('o', 'overdue', '2026-11-01'), item('u', 'upcoming', '2026-12-06'), item('far', 'upcoming', '2027-06-01')]}
        today={TODAY}
        icsText={null}
        onOpen={() => undefined}
        onSnooze={async () => undefined}
        onDone={async () => undefined}
      />,
    );
    expect(html.indexOf('data-reminder-id="o"')).toBeLessThan(html.indexOf('data-reminder-id="d"'));
    expect(html).toContain('Försenad');
    expect(html).toContain('Att göra');
    expect(html).toContain('Kommande inom 30 dagar (1)');
    expect(html).not.toContain('data-reminder-id="far"');
    expect(html).toContain('öppna /person/1');
    expect(html).toContain('Påminn om en vecka');
    expect(html).toContain('Klar');
    expect(html).toContain('22 dagar sedan');
    expect(html).toContain('Kalenderfilen görs i ordning');
  });

  it('says when nothing is due', () => {
    const html = renderToString(<RemindersList reminders={[]} today={TODAY} icsText="" onOpen={() => undefined} onSnooze={async () => undefined} onDone={async () => undefined} />);
    expect(html).toContain('Inget är försenat');
  });
});

describe('LadderSummaryLine (popup)', () => {
  it('counts missed half-years and unusable dates, and says nothing when there is nothing', () => {
    const html = renderToString(<LadderSummaryLine summary={{ missedPersons: 2, missedHalfYears: 3, withDateProblems: 1, unavailable: 0 }} />);
    expect(html).toContain('2 ungdomar saknar dokumenterad kontakt eller kontaktförsök under ett avslutat halvår (3 halvår sammanlagt).');
    expect(html).toContain('1 ungdom har datum i UKA som Kontakttrappan inte kunde använda.');
    expect(html).not.toContain('Ej beräknad');
    expect(renderToString(<LadderSummaryLine summary={{ missedPersons: 0, missedHalfYears: 0, withDateProblems: 0, unavailable: 0 }} />)).toBe('');
  });
});

describe('LadderPanel', () => {
  const birthDate = parseId(YOUNG)!.birthDate;
  it('shows each step with its state in words and the next action with its due date', () => {
    const result = evaluateLadder({ today: TODAY, birthDate, contacts: calls, measures: [], localNotes: [] });
    const html = renderToString(<LadderPanel view={ladderView(result)} today={TODAY} notes={[]} onAddNote={async () => undefined} onDeleteNote={async () => undefined} />);
    expect(html).toContain('Skicka kontaktbrev till vårdnadshavarna');
    expect(html).toContain('Klart enligt UKA');
    expect(html).toContain('Försenat');
    expect(html).toMatch(/senast <time datetime="2026-08-26">2026-08-26<\/time>/);
    expect(html).toContain('Samtal utan svar i dag');
  });

  it('names dates it could not use, missed half-years, a partly known birth date, and a ladder it could not compute (#18)', () => {
    const noop = async () => undefined;
    const bad: ContactEntry[] = [...calls, { date: '2026-09-31', kind: 'telefon', reached: false, target: 'vardnadshavare', note: '' }, { date: '2062-09-15', kind: 'telefon', reached: true, target: 'ungdom', note: '' }];
    const result = evaluateLadder({ today: TODAY, birthDate, contacts: bad, measures: [], localNotes: [], registeredFrom: '2026-01-10' });
    const html = renderToString(<LadderPanel view={ladderView(result)} today={TODAY} notes={[]} onAddNote={noop} onDeleteNote={noop} />);
    expect(html).toContain('Datumet 2026-09-31 i kontaktloggen är inte ett riktigt datum; rätta det i UKA.');
    expect(html).toContain('Datumet 2062-09-15 i kontaktloggen ligger efter dagens datum; rätta det i UKA.');
    expect(html).toContain('Skicka kontaktbrev till vårdnadshavarna');
    expect(html).toContain('Missat halvår');
    expect(html).toContain('första halvåret 2026');
    const partly = evaluateLadder({ today: '2026-08-20', birthDate: '2008-00-06', contacts: [calls[0]!], measures: [], localNotes: [] });
    const htmlPartly = renderToString(<LadderPanel view={ladderView(partly)} today="2026-08-20" notes={[]} onAddNote={noop} onDeleteNote={noop} />);
    expect(htmlPartly).toContain('Födelsedatumet är bara delvis känt');
    expect(htmlPartly).toContain('samtal 2');
    const none = evaluateLadder({ today: TODAY, birthDate: 'x', contacts: [], measures: [], localNotes: [] });
    const htmlNone = renderToString(<LadderPanel view={ladderView(none)} today={TODAY} notes={[]} onAddNote={noop} onDeleteNote={noop} />);
    expect(htmlNone).toContain('Kontakttrappan kunde inte räknas fram.');
    expect(htmlNone).toContain('Födelsedatumet i personnumret gick inte att tolka.');
  });

  it('every local note reminds to document in UKA; superseded notes are offered for deletion', () => {
    const note: LocalNote = { step: 'homeVisitPlanned', date: '2026-12-13' };
    const old: LocalNote = { step: 'callFailed', date: '2026-08-15' };
    const result = evaluateLadder({ today: TODAY, birthDate, contacts: calls, measures: [], localNotes: [note, old] });
    const html = renderToString(
      <LadderPanel
        view={ladderView(result)}
        today={TODAY}
        notes={[
          { id: 'n1', note },
          { id: 'n2', note: old },
        ]}
        supersededIds={['n2']}
        onAddNote={async () => undefined}
        onDeleteNote={async () => undefined}
      />,
    );
    expect(html).toContain('Hembesök planerat (ange besöksdagen) 2026-12-13');
    expect(html).toContain('dokumentera det i UKA');
    expect(html).toContain('Nu dokumenterat i UKA');
    expect(html).toMatch(/superseded-notes[\s\S]*Samtal utan svar 2026-08-15/);
  });
});

describe('background reminders over the store', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    resetSharedStore();
    globalThis.indexedDB = new IDBFactory();
    // The fake browser has no action/notifications/alarms implementations: record the calls.
    Object.assign(fakeBrowser, {
      action: { setBadgeText: vi.fn(async () => undefined), setBadgeBackgroundColor: vi.fn(async () => undefined) },
      notifications: { create: vi.fn(async (id: string) => id) },
    });
    await fakeBrowser.storage.local.set({ settings: { ukaOrigin: 'https://uka.example', kommun: '2281' }, testClock: `${TODAY}T12:00:00+01:00` });
  });
  afterEach(() => resetSharedStore());

  it('records listed youths by key only, keeps a person-page snapshot, and derives reminders with UKA links', async () => {
    const store = await getStore();
    const seen = await store.recordPersonSeen(YOUNG, '/person/10');
    await store.setPersonLadder(seen.key, { lastContact: null, snapshot: ladderSnapshot(calls, []) });
    await recordListedPersons(store, [
      { personnummer: YOUNG, path: '/person/10', latestContact: null },
      { personnummer: ADULT, path: '/person/15', latestContact: '2026-10-01' },
    ]);
    const persons = await store.listPersons();
    expect(persons).toHaveLength(2);
    const dump = JSON.stringify(await store.dumpAll());
    for (const p of [YOUNG, ADULT]) {
      expect(dump).not.toContain(p);
      expect(dump).not.toContain(p.slice(2));
    }
    // The snapshot survived the start list; the list's latest contact is kept for the adult.
    const kept = (await store.getPerson(seen.key))?.ladder as { snapshot?: { contacts: { date: string }[] }; lastContact: string | null };
    expect(kept.snapshot?.contacts.map((c) => c.date)).toEqual(['2026-08-15', '2026-08-19', '2026-08-23']);
    const adult = persons.find((p) => p.key !== seen.key)!;
    expect(adult.ladder?.lastContact).toBe('2026-10-01');
    const reminders = await computeReminders();
    expect(reminders.some((r) => r.personKey === seen.key && r.titleKey === 'step.contactLetterGuardians' && r.state === 'overdue')).toBe(true);
    const views = await reminderViews();
    expect(views.find((v) => v.title === 'Skicka kontaktbrev till vårdnadshavarna')?.url).toBe('https://uka.example/person/10');
    const ics = await remindersIcs();
    expect(ics).toContain('https://uka.example/person/10');
    expect(ics).not.toContain(YOUNG.slice(2));
  });

  it("ignores a list's latest contact that is not a real date or lies after today (#18)", async () => {
    const store = await getStore();
    await recordListedPersons(store, [
      { personnummer: YOUNG, path: '/person/10', latestContact: '2062-09-15' },
      { personnummer: ADULT, path: '/person/15', latestContact: '2026-09-31' },
    ]);
    for (const p of await store.listPersons()) expect(p.ladder?.lastContact ?? null).toBeNull();
    const reminders = await computeReminders();
    expect(reminders.filter((r) => r.kind === 'halfYearMinimum')).toHaveLength(2);
  });

  it('catches up alarm instants missed while the clock jumped, then notifies and logs them', async () => {
    const store = await getStore();
    const seen = await store.recordPersonSeen(YOUNG, '/person/10');
    await store.setPersonLadder(seen.key, { lastContact: null, snapshot: ladderSnapshot(calls, []) });
    await store.addNote(seen.key, { step: 'homeVisitPlanned', date: '2026-12-13' });
    await scheduleReminders();
    const first = await fakeBrowser.alarms.get(ALARM_NEXT);
    expect(first).toBeTruthy();
    // Jump past the visit letter's first alarm (2026-11-29 08:00 Stockholm).
    await fakeBrowser.storage.local.set({ testClock: '2026-11-29T09:00:00+01:00' });
    await scheduleReminders();
    const catchUp = await fakeBrowser.alarms.get(ALARM_NEXT);
    expect(catchUp!.scheduledTime - Date.now()).toBeLessThan(5000);
    await onReminderAlarm(ALARM_NEXT);
    const log = (await fakeBrowser.storage.session.get('firedLog')).firedLog as string[];
    expect(log.some((id) => id.startsWith('visitletter:') && id.endsWith(':2026-12-06'))).toBe(true);
    expect((fakeBrowser as unknown as { notifications: { create: ReturnType<typeof vi.fn> } }).notifications.create).toHaveBeenCalled();
    // Nothing is notified twice: the hourly tick right after finds nothing new.
    await onReminderAlarm(ALARM_TICK);
    const again = (await fakeBrowser.storage.session.get('firedLog')).firedLog as string[];
    expect(again).toEqual(log);
  });
});
