/**
 * The person page's ladder, computed in the background: 'ladder-view' (entrypoints/background/handlers/ladder.ts), the
 * one answer of a page view for the ladder panel and the tips (`tipSteps`).
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { testPersonnummer, testSamordningsnummer } from '../../fixtures/testpersonnummer';
import { COMMANDS, dispatch, type Handlers, type LadderViewAnswer } from '../../../lib/messages';
import { COMMAND_SENDERS } from '../../../lib/messages/senders';
import { ladderStepsOf } from '../../../lib/content/tips';
import { parseId } from '../../../lib/domain/personnummer';
import { evaluateLadder } from '../../../lib/ladder/ladder';
import type { LadderView } from '../../../lib/ladder/view';
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

/**
 * The panel's "Nästa steg" as the tips name it: the open step it is (same title and date), `call1`…`callN` as `call`;
 * null when the panel shows no next step.
 */
function panelNext(view: LadderView): string | null {
  if (!view.next) return null;
  const { title, dueDate } = view.next;
  const step = view.steps.find((s) => s.title === title && s.dueDate === dueDate && ['due', 'overdue', 'upcoming'].includes(s.state));
  if (!step) throw new Error(`the panel's next step "${title}" is not among its steps`);
  return /^call\d+$/.test(step.id) ? 'call' : step.id;
}

describe('ladder-view', () => {
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

  it('is accepted only from the UKA content script, and is the only command that computes the person page\'s ladder', async () => {
    expect(COMMAND_SENDERS['ladder-view']).toEqual(['uka']);
    // The tips' own command ('ladder-steps', UKA's log alone) is gone: the tips take their steps from this answer.
    expect(Object.keys(COMMANDS)).not.toContain('ladder-steps');
    expect(Object.keys(COMMAND_SENDERS)).not.toContain('ladder-steps');
    expect(await run('ladder-steps', { personnummer: YOUTH, today: TODAY, contacts: [], measures: [], occupations: [] })).toMatchObject({ ok: false });
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

  it("tipSteps: the stage and next action of the panel's own result (none once the duty has ended); they follow the local notes", async () => {
    const answer = await view(page());
    if (answer.key === null) throw new Error('no key');
    expect(answer.tipSteps).toEqual(['calling', 'call']);
    expect(answer.tipSteps[1]).toBe(panelNext(answer.view));
    // A letter noted in the extension: the panel moves on, and so do the tips (the same computation).
    await run('note-add', { key: answer.key, note: { step: 'callFailed', date: '2026-09-20' } });
    await run('note-add', { key: answer.key, note: { step: 'letterSent', date: '2026-10-01' } });
    const noted = await view(page());
    if (noted.key === null) throw new Error('no key');
    expect(noted.tipSteps).not.toEqual(answer.tipSteps);
    expect(noted.tipSteps[1]).toBe(panelNext(noted.view));
    // Past the 20th birthday the duty has ended: no steps for the tips, and none next in the panel.
    const old = testPersonnummer().find((p) => p.startsWith('2004'))!;
    const ended = await view(page({ personnummer: old }));
    if (ended.key === null) throw new Error('no key');
    expect(ended.tipSteps).toEqual([]);
    expect(ended.view.next).toBeNull();
  });

  it('a registration that started recently: the tips get the steps of the panel, computed from the registration start', async () => {
    // Attempts last year (an earlier registration), registered again two weeks ago.
    const contacts = [call('2025-03-01'), call('2025-03-04')];
    const registrations = [
      { start: '2024-09-01', end: '2025-06-30', senSysReg: null },
      { start: '2026-10-01', end: null, senSysReg: null },
    ];
    const answer = await view(page({ contacts, registrations, measures: [] }));
    if (answer.key === null) throw new Error('no key');
    // The panel counts no missed half-year before the registration started …
    expect(answer.view.missedHalfYears).toBeUndefined();
    // … and the tips name its next step, from the same result.
    expect(answer.tipSteps[1]).toBe(panelNext(answer.view));
    const same = evaluateLadder({ today: TODAY, birthDate: parseId(YOUTH)!.birthDate, registeredFrom: '2026-10-01', contacts, measures: [], localNotes: [] });
    expect(answer.tipSteps).toEqual(ladderStepsOf(same));
    expect(same.missedHalfYears).toEqual([]);
    // Without the registration start (as the tips' own command computed), the last year's half-years count as missed.
    expect(evaluateLadder({ today: TODAY, birthDate: parseId(YOUTH)!.birthDate, contacts, measures: [], localNotes: [] }).missedHalfYears).not.toEqual([]);
  });

  it('a samordningsnummer with month 00: the tips get the steps of the panel, from the range of birth dates', async () => {
    // Born in 2006, month unknown: the earliest possible 20th birthday has passed on TODAY, the latest has not, so
    // the hand-over (counted from the earliest) is the next step in the panel.
    const partly = testSamordningsnummer().find((p) => p.startsWith('200600'))!;
    const id = parseId(partly)!;
    const contacts = [call('2026-09-01')].map((c) => ({ ...c, target: 'ungdom' as const }));
    const answer = await view(page({ personnummer: partly, contacts, measures: [] }));
    if (answer.key === null) throw new Error('no key');
    expect(answer.view.birthDateUnknown).toBeDefined();
    expect(panelNext(answer.view)).toBe('handover20');
    expect(answer.tipSteps).toEqual(['calling', 'handover20']);
    // What the tips' own command computed (the latest possible birth date, no registration start) named another step.
    const before = evaluateLadder({ today: TODAY, birthDate: id.birthDate, contacts, measures: [], localNotes: [] });
    expect(ladderStepsOf(before)).toEqual(['calling', 'call']);
  });
});
