/**
 * The person page's ladder, once per page view (entrypoints/uka.content/features/person-ladder.ts): the ladder panel
 * and the person tips take their answers from one 'ladder-view' computation (here the real background handlers behind
 * the page's sendCommand), with the same inputs; one feature's failure never stops the other.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { testPersonnummer, testSamordningsnummer } from '../../fixtures/testpersonnummer';
import { dispatch, type Handlers } from '../../../lib/messages';
import { sendCommand } from '../../../lib/messages/client';
import { openStore, type KaaStore } from '../../../lib/store';
import { createHandlers } from '../../../entrypoints/background/handlers';
import { pageViewLadder, UNREADABLE_ID } from '../../../entrypoints/uka.content/features/person-ladder';
import { personLadderSteps } from '../../../entrypoints/uka.content/features/tips-person';
import { ladder } from '../../../entrypoints/uka.content/features/ladder';
import type { UkaFeatureContext } from '../../../entrypoints/uka.content/context';
import type { ContactEntry, PersonPage } from '../../../lib/uka/types';

vi.mock('../../../lib/messages/client', () => ({ sendCommand: vi.fn() }));
const send = vi.mocked(sendCommand);

const TODAY = '2026-10-15';
const YOUTH = testPersonnummer().find((p) => p.startsWith('2010'))!;
/** Born in 2006, month unknown: on TODAY the earliest possible 20th birthday has passed, the latest has not. */
const PARTLY = testSamordningsnummer().find((p) => p.startsWith('200600'))!;
const call = (date: string, target: ContactEntry['target'] = 'vardnadshavare'): ContactEntry => ({ date, kind: 'telefon', reached: false, target, note: 'Inget svar' });

function personPage(over: Partial<PersonPage> = {}, header: Partial<PersonPage['header']> = {}): PersonPage {
  return {
    header: { personnummer: `${YOUTH.slice(0, 8)}-${YOUTH.slice(8)}`, name: 'Kim Testsson', ...header },
    sections: [],
    contacts: [call('2026-09-01'), call('2026-09-08')],
    measures: [],
    occupations: [],
    registrations: [{ start: '2026-09-28', end: null, senSysReg: null }],
    ...over,
  } as unknown as PersonPage;
}

/** One page view's context, as far as the ladder and the tips use it; the panel's place is not found. */
function pageView(page: PersonPage | null): UkaFeatureContext {
  return {
    url: new URL('https://uka.example/person/7'),
    doc: {} as Document,
    recognition: { kind: 'person' },
    read: { person: () => (page ? { ok: true, value: page } : { ok: false, reason: 'kontaktloggen saknas' }) },
    today: async () => TODAY,
    adapter: { anchor: () => null },
    mount: () => null,
  } as unknown as UkaFeatureContext;
}

describe("the person page's ladder, once per page view", () => {
  let store: KaaStore;
  let handlers: Handlers;

  beforeEach(async () => {
    fakeBrowser.reset();
    store = await openStore(new IDBFactory());
    handlers = createHandlers({ store: async () => store, remindersChanged: async () => undefined, afterDeleteAll: async () => undefined });
    send.mockReset();
    // The page's messages reach the real background handlers (payloads validated as in the browser).
    send.mockImplementation((async (cmd: string, payload: unknown) => {
      const answer = await dispatch(handlers, { cmd, payload });
      if (!answer.ok) throw new Error(answer.error);
      return answer.data;
    }) as typeof sendCommand);
  });
  afterEach(() => store.close());

  it('one message per page view: the tips get the steps of the answer the panel draws', async () => {
    const ctx = pageView(personPage());
    const [panel, tips] = await Promise.all([pageViewLadder(ctx), personLadderSteps(ctx)]);
    expect(send).toHaveBeenCalledTimes(1);
    expect(send.mock.calls[0]![0]).toBe('ladder-view');
    // With the panel's inputs: the registration's start and the page's path and today.
    expect(send.mock.calls[0]![1]).toMatchObject({ path: '/person/7', today: TODAY, registrations: [{ start: '2026-09-28' }] });
    expect(tips).toEqual(panel.tipSteps);
    expect(tips).toEqual(['calling', 'call']);
    expect(panel.view.next?.title).toBe('Ring vårdnadshavarna');
    // Asked again later in the page view: the same answer, no second message. A new page view asks afresh.
    expect(await personLadderSteps(ctx)).toBe(tips);
    expect(send).toHaveBeenCalledTimes(1);
    await pageViewLadder(pageView(personPage()));
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('a samordningsnummer with month 00: the tips and the panel both name the hand-over, from the range of birth dates', async () => {
    const ctx = pageView(personPage({ contacts: [call('2026-09-01', 'ungdom')] }, { personnummer: PARTLY }));
    const tips = await personLadderSteps(ctx);
    const panel = await pageViewLadder(ctx);
    expect(send).toHaveBeenCalledTimes(1);
    expect(panel.view.birthDateUnknown).toBeDefined();
    expect(panel.view.next?.title).toBe(panel.view.steps.find((s) => s.id === 'handover20')?.title);
    expect(tips).toEqual(['calling', 'handover20']);
  });

  it('the panel failing (its place not found) costs the tips nothing', async () => {
    const ctx = pageView(personPage());
    await expect(ladder.init(ctx, new AbortController().signal)).rejects.toThrow('sidhuvudet hittades inte');
    expect(await personLadderSteps(ctx)).toEqual(['calling', 'call']);
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('no answer: the panel reports the cause and the tips (which show without steps) get the same failure; no second message', async () => {
    send.mockRejectedValue(new Error('Bakgrunden svarade inte'));
    const ctx = pageView(personPage());
    await expect(pageViewLadder(ctx)).rejects.toThrow('Bakgrunden svarade inte');
    await expect(personLadderSteps(ctx)).rejects.toThrow('Bakgrunden svarade inte');
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('an unreadable personnummer or page: nothing is sent, and the cause is named', async () => {
    const unreadable = pageView(personPage({}, { personnummer: '20100101-0000' }));
    await expect(pageViewLadder(unreadable)).rejects.toThrow(UNREADABLE_ID);
    expect(send).toHaveBeenCalledTimes(1);
    expect(await store.listPersons()).toEqual([]);
    send.mockClear();
    await expect(personLadderSteps(pageView(personPage({}, { personnummer: '1'.repeat(40) })))).rejects.toThrow(UNREADABLE_ID);
    await expect(personLadderSteps(pageView(null))).rejects.toThrow('personsidan kunde inte läsas: kontaktloggen saknas');
    expect(send).not.toHaveBeenCalled();
  });
});
