/** The person page's ladder, computed in the background: 'ladder-view' and 'ladder-steps' (entrypoints/background/handlers/ladder.ts). */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { testPersonnummer, testSamordningsnummer } from '../../fixtures/testpersonnummer';
import { dispatch, type Handlers, type LadderViewAnswer } from '../../../lib/messages';
import { COMMAND_SENDERS } from '../../../lib/messages/senders';
import { sessionNames } from '../../../lib/platform/session-names';
import { openStore, type KaaStore } from '../../../lib/store';
import { createHandlers } from '../../../entrypoints/background/handlers';
import type { ContactEntry } from '../../../lib/uka/types';

const TODAY = '2026-10-15';
/** 16 years old on TODAY: the guardians are called. */
const YOUTH = testPersonnummer().find((p) => p.startsWith('2010'))!;
const NAME = 'Kim Testsson';
const call = (date: string, note = ''): ContactEntry => ({ date, kind: 'telefon', reached: false, target: 'vardnadshavare', note });

function page(over: Record<string, unknown> = {}) {
  return {
    personnummer: `${YOUTH.slice(0, 8)}-${YOUTH.slice(8)}`,
    path: '/person/7',
    name: NAME,
    today: TODAY,
    contacts: [call('2026-09-01', `Ringde ${NAME}, inget svar`), call('2026-09-08')],
    measures: [{ atgardCode: '16', atgardText: 'Coachning hos Anna', start: '2025-01-10', end: '2025-06-30', grundAtgSlut: null, sysEfter: null }],
    occupations: [],
    registrations: [{ start: '2026-01-12', end: null, senSysReg: null }],
    ...over,
  };
}

describe('ladder-view and ladder-steps', () => {
  let store: KaaStore;
  let handlers: Handlers;
  const remindersChanged = vi.fn(async () => undefined);

  beforeEach(async () => {
    fakeBrowser.reset();
    remindersChanged.mockClear();
    store = await openStore(new IDBFactory());
    handlers = createHandlers({ store: async () => store, remindersChanged, afterDeleteAll: async () => undefined });
  });
  afterEach(() => store.close());

  const run = (cmd: string, payload?: unknown) => dispatch(handlers, { cmd, payload });
  const view = async (payload: unknown): Promise<LadderViewAnswer> => {
    const answer = await run('ladder-view', payload);
    if (!answer.ok) throw new Error(answer.error);
    return answer.data as LadderViewAnswer;
  };

  it('are accepted only from the UKA content script', () => {
    expect(COMMAND_SENDERS['ladder-view']).toEqual(['uka']);
    expect(COMMAND_SENDERS['ladder-steps']).toEqual(['uka']);
  });

  it('records the person, keeps the snapshot for the reminders and answers the panel view with its texts in words', async () => {
    const answer = await view(page());
    const key = await store.personKey(YOUTH);
    expect(answer).toMatchObject({ key, today: TODAY, notes: [], supersededIds: [] });
    if (answer.key === null) throw new Error('no key');
    // Two failed calls of three: the third call to the guardians is next, in words.
    expect(answer.view.next).toMatchObject({ title: 'Ring vårdnadshavarna', reason: '2 samtal utan svar hittills. Försök igen.' });
    expect(answer.view.steps.find((s) => s.id === 'call1')).toMatchObject({ state: 'done-uka', title: 'Ring vårdnadshavarna', reason: 'Gjort 2026-09-01.', dueDate: '2026-09-01' });
    expect(answer.view.missedHalfYears).toBe('Ingen kontakt och inget kontaktförsök är dokumenterat under första halvåret 2026.');
    // Plain data: it survives structured cloning unchanged (no functions, no shared note objects needed).
    expect(structuredClone(answer)).toEqual(answer);

    // The person is recorded with its path, the snapshot is kept for the reminders, and they are rebuilt.
    const person = await store.getPerson(key);
    expect(person).toMatchObject({ path: '/person/7', birthDate: `${YOUTH.slice(0, 4)}-${YOUTH.slice(4, 6)}-${YOUTH.slice(6, 8)}` });
    expect(person?.ladder?.snapshot).toEqual({
      contacts: [
        { date: '2026-09-01', kind: 'telefon', reached: false, target: 'vardnadshavare' },
        { date: '2026-09-08', kind: 'telefon', reached: false, target: 'vardnadshavare' },
      ],
      measures: [{ atgardCode: '16', start: '2025-01-10', end: '2025-06-30' }],
      registeredFrom: '2026-01-12',
      birthDate: person?.birthDate,
    });
    expect(remindersChanged).toHaveBeenCalledTimes(1);
    // Nothing at rest holds the personnummer, the name or UKA's free text; the name is in the session's memory only.
    const dump = JSON.stringify(await store.dumpAll());
    for (const secret of [YOUTH.slice(2), NAME, 'Ringde', 'Coachning']) expect(dump).not.toContain(secret);
    expect((await sessionNames()).get(key)).toBe(NAME);
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain(NAME);
  });

  it('answers the notes, and which of them UKA now shows, after a note is added (the page asks again)', async () => {
    const first = await view(page());
    if (first.key === null) throw new Error('no key');
    const kept = await run('note-add', { key: first.key, note: { step: 'callFailed', date: '2026-09-08' } });
    const planned = await run('note-add', { key: first.key, note: { step: 'homeVisitPlanned', date: '2026-11-20' } });
    const again = await view(page());
    if (again.key === null) throw new Error('no key');
    expect(again.notes.map((n) => n.note)).toEqual([
      { step: 'callFailed', date: '2026-09-08' },
      { step: 'homeVisitPlanned', date: '2026-11-20' },
    ]);
    // UKA's log shows the call of 2026-09-08: that note is superseded; the planned visit is not.
    expect(again.supersededIds).toEqual([kept.ok && (kept.data as { id: string }).id]);
    expect(again.supersededIds).not.toContain(planned.ok && (planned.data as { id: string }).id);
  });

  it('computes with the routine in force (a setting made on purpose wins over the pack)', async () => {
    await fakeBrowser.storage.local.set({ settings: { ladder: { failedCallsBeforeLetter: 2 } } });
    const answer = await view(page());
    if (answer.key === null) throw new Error('no key');
    expect(answer.view.next).toMatchObject({ title: 'Skicka kontaktbrev till vårdnadshavarna' });
    expect(answer.view.steps.map((s) => s.id)).not.toContain('call3');
  });

  it('a samordningsnummer with an unknown month: the range of birth dates (here long past 20: the duty has ended, in words)', async () => {
    const partly = testSamordningsnummer().find((p) => p.slice(4, 6) === '00')!;
    const answer = await view(page({ personnummer: partly }));
    if (answer.key === null) throw new Error('no key');
    const year = partly.slice(0, 4);
    expect(answer.view.birthDateUnknown).toMatchObject({ earliest: `${year}-01-${String(Number(partly.slice(6, 8)) - 60).padStart(2, '0')}`, latest: `${year}-12-${String(Number(partly.slice(6, 8)) - 60).padStart(2, '0')}` });
    expect(answer.view.ended).toMatch(/^Ungdomen har fyllt 20 \(\d{4}-\d{2}-\d{2}\)\. Aktivitetsansvaret har upphört\.$/);
    expect(answer.view.handover).toBeUndefined();
  });

  it('an unreadable personnummer gives no ladder and records nothing (the page names the cause)', async () => {
    for (const personnummer of ['20100101-0000', 'abc', '']) {
      expect(await view(page({ personnummer }))).toEqual({ key: null });
      expect(await run('ladder-steps', { personnummer, today: TODAY, contacts: [], measures: [], occupations: [] })).toEqual({ ok: true, data: { steps: [] } });
    }
    expect(await store.listPersons()).toEqual([]);
    expect((await sessionNames()).size).toBe(0);
    expect(remindersChanged).not.toHaveBeenCalled();
  });

  it('reports a bad date in words and keeps the rest of the ladder', async () => {
    const answer = await view(page({ contacts: [call('2026-09-01'), call('2026-02-30')] }));
    if (answer.key === null) throw new Error('no key');
    expect(answer.view.problems).toEqual([
      { source: 'contact', index: 1, field: 'date', problem: 'not-a-date', text: 'Datumet 2026-02-30 i kontaktloggen är inte ett riktigt datum; rätta det i UKA. Raden räknas inte med i Kontakttrappan.' },
    ]);
    expect(answer.view.next).toMatchObject({ title: 'Ring vårdnadshavarna' });
  });

  it('refuses a payload that is not what a page reads, without echoing it', async () => {
    const bad = await run('ladder-view', page({ contacts: [{ ...call('2026-09-01'), kind: 'brevduva' }] }));
    expect(bad).toMatchObject({ ok: false, code: 'bad-payload' });
    expect(JSON.stringify(bad)).not.toContain(YOUTH.slice(2));
    expect(await run('ladder-view', page({ today: 'i dag' }))).toMatchObject({ code: 'bad-payload' });
    expect(await run('ladder-view', page({ path: 'https://annan.example/person/7' }))).toMatchObject({ code: 'bad-payload' });
    expect(await store.listPersons()).toEqual([]);
  });

  it('ladder-steps: the stage and next action from UKA log alone, and records nothing', async () => {
    const { name: _name, path: _path, registrations: _r, ...read } = page();
    expect(await run('ladder-steps', read)).toEqual({ ok: true, data: { steps: ['calling', 'call'] } });
    // Past the 20th birthday the duty has ended: no steps.
    const old = testPersonnummer().find((p) => p.startsWith('2004'))!;
    expect(await run('ladder-steps', { ...read, personnummer: old })).toEqual({ ok: true, data: { steps: [] } });
    expect(await store.listPersons()).toEqual([]);
    expect(remindersChanged).not.toHaveBeenCalled();
  });
});
