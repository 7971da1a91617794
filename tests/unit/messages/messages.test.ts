import { testPersonnummer } from '../../fixtures/testpersonnummer';
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { z } from 'zod';
import {
  COMMANDS,
  CommandError,
  createListenerFor,
  createMessageListener,
  defineCommands,
  dispatch,
  sendCommand,
  type Handlers,
} from '../../../lib/messages';
import { openStore, type KaaStore } from '../../../lib/store';
import { createHandlers } from '../../../entrypoints/background/handlers';

const TEST_PNR: string[] = testPersonnummer();
const A = TEST_PNR.find((p) => p.startsWith('2007'))!;

const status = {
  pageKind: 'person',
  profileId: 'uka-2',
  path: '/person/1',
  features: [{ id: 'ladder', state: 'error' as const, error: 'fel' }],
  unknownWarnings: [],
};

beforeEach(() => {
  fakeBrowser.reset();
});

describe('dispatch', () => {
  const handlers: Partial<Handlers> = {
    'page-status': vi.fn(async () => undefined),
    'get-settings': async () => {
      await new Promise((r) => setTimeout(r, 5));
      return { settings: {}, locked: ['kommun'], policyErrors: {} } as never;
    },
    'open-options': () => {
      throw new Error('kunde inte öppna');
    },
  };

  it('runs a valid command and passes the parsed payload and the sender', async () => {
    const sender = { tab: { id: 7 } };
    expect(await dispatch(handlers, { cmd: 'page-status', payload: status }, sender)).toEqual({ ok: true, data: null });
    expect(handlers['page-status']).toHaveBeenCalledWith(status, sender);
  });

  it('supports async handlers', async () => {
    const result = await dispatch(handlers, { cmd: 'get-settings', payload: {} });
    expect(result).toEqual({ ok: true, data: { settings: {}, locked: ['kommun'], policyErrors: {} } });
  });

  it('rejects messages that are not commands', async () => {
    for (const message of [null, 'page-status', 42, { payload: {} }, { cmd: '' }, { cmd: 5 }]) {
      expect(await dispatch(handlers, message)).toMatchObject({ ok: false, code: 'bad-message' });
    }
  });

  it('rejects unknown commands, including inherited property names', async () => {
    expect(await dispatch(handlers, { cmd: 'drop-tables', payload: {} })).toEqual({ ok: false, code: 'unknown-command', error: 'Okänt kommando: drop-tables' });
    expect(await dispatch(handlers, { cmd: 'toString', payload: {} })).toMatchObject({ code: 'unknown-command' });
    expect(await dispatch(handlers, { cmd: '__proto__', payload: {} })).toMatchObject({ code: 'unknown-command' });
  });

  it('rejects malformed payloads without calling the handler, naming the field', async () => {
    const spy = handlers['page-status'] as ReturnType<typeof vi.fn>;
    spy.mockClear();
    const bad = await dispatch(handlers, { cmd: 'page-status', payload: { ...status, pageKind: 'admin' } });
    expect(bad).toMatchObject({ ok: false, code: 'bad-payload' });
    expect(bad.ok ? '' : bad.error).toContain('pageKind');
    expect(await dispatch(handlers, { cmd: 'page-status', payload: { ...status, path: 'https://x/person/1' } })).toMatchObject({ code: 'bad-payload' });
    expect(await dispatch(handlers, { cmd: 'page-status' })).toMatchObject({ code: 'bad-payload' });
    expect(await dispatch(handlers, { cmd: 'person-keys', payload: { personnummer: ['200701012390'] } })).toMatchObject({ code: 'bad-payload' });
    expect(spy).not.toHaveBeenCalled();
  });

  it('does not echo payload values (a personnummer) in validation errors', async () => {
    const result = await dispatch(handlers, { cmd: 'ladder-view', payload: { personnummer: A, path: 42 } });
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain(A);
  });

  it('turns a throwing handler into an error result and reports it', async () => {
    const onError = vi.fn();
    expect(await dispatch(handlers, { cmd: 'open-options', payload: {} }, {}, { onError })).toEqual({ ok: false, code: 'handler-error', error: 'kunde inte öppna' });
    expect(onError).toHaveBeenCalledWith('open-options', 'kunde inte öppna');
  });

  it('validates the background-owned review and metodbok payloads too', async () => {
    expect(await dispatch({}, { cmd: 'review-begin', payload: { label: null, redKeys: [A], today: '2025-01-01' } })).toMatchObject({ code: 'bad-payload' });
    expect(await dispatch({}, { cmd: 'review-begin', payload: { label: null, redKeys: ['a'.repeat(64)], today: '2025-01-01', names: [] } })).toMatchObject({ code: 'bad-payload' });
    expect(await dispatch({}, { cmd: 'review-begin', payload: { label: null, redKeys: ['a'.repeat(64)], today: '2025-01-01' } })).toMatchObject({ code: 'not-implemented' });
    expect(await dispatch({}, { cmd: 'open-metodbok', payload: { sectionId: '../x' } })).toMatchObject({ code: 'bad-payload' });
    expect(await dispatch({}, { cmd: 'open-metodbok', payload: { sectionId: 'hembesok' } })).toMatchObject({ code: 'not-implemented' });
  });

  it('answers not-implemented for a defined command without a handler', async () => {
    expect(await dispatch(handlers, { cmd: 'get-reminders', payload: {} })).toMatchObject({ ok: false, code: 'not-implemented' });
  });

  it('refuses a sender that is another extension', async () => {
    expect(await dispatch(handlers, { cmd: 'get-settings', payload: {} }, { id: 'someone-else' })).toMatchObject({ code: 'forbidden' });
    expect((await dispatch(handlers, { cmd: 'get-settings', payload: {} }, { id: fakeBrowser.runtime.id })).ok).toBe(true);
  });

  it('works with any command set made by defineCommands', async () => {
    const schemas = defineCommands({ add: z.object({ a: z.number(), b: z.number() }) });
    const listener = createListenerFor(schemas, { add: ({ a, b }) => a + b });
    const answer = await new Promise((resolve) => expect(listener({ cmd: 'add', payload: { a: 1, b: 2 } }, {}, resolve)).toBe(true));
    expect(answer).toEqual({ ok: true, data: 3 });
  });
});

describe('sendCommand through runtime messaging', () => {
  it('round-trips through browser.runtime.onMessage and unwraps the answer', async () => {
    fakeBrowser.runtime.onMessage.addListener(
      createMessageListener({
        'find-export': async ({ sha256 }) => ({ id: 'e', time: 1, period: '2025H1', kommun: null, rows: 1, persons: 1, sha256, verdict: 'ok' }),
        'open-options': () => {
          throw new Error('nej');
        },
      }) as never,
    );
    const found = await sendCommand('find-export', { sha256: 'ab'.repeat(32) });
    expect(found?.sha256).toBe('ab'.repeat(32));
    await expect(sendCommand('open-options')).rejects.toMatchObject({ name: 'CommandError', code: 'handler-error', message: 'nej' });
    await expect(sendCommand('get-settings')).rejects.toMatchObject({ code: 'not-implemented' });
  });

  it('rejects with a CommandError when nobody listens', async () => {
    const error = await sendCommand('get-settings').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommandError);
    expect((error as CommandError).code).toBe('no-response');
  });
});

describe('background handlers', () => {
  let store: KaaStore;
  let handlers: Handlers;
  const afterDeleteAll = vi.fn(async () => undefined);
  const remindersChanged = vi.fn(async () => undefined);
  const openOptionsPage = vi.fn(async () => undefined);

  beforeEach(async () => {
    store = await openStore(new IDBFactory());
    handlers = createHandlers({ store: async () => store, remindersChanged, afterDeleteAll, openOptionsPage });
  });
  afterEach(() => store.close());

  const run = (cmd: string, payload?: unknown) => dispatch(handlers, { cmd, payload });

  it('has exactly one handler per command', () => {
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(COMMANDS).sort());
  });

  it('page-start answers the checked settings and the active pack (the built-in one too: UKA pages carry no copy)', async () => {
    await fakeBrowser.storage.local.set({ settings: { ukaOrigin: 'https://uka.example.se', kommun: '2281', myLabel: '  Coach Anna ', bogus: 1 } });
    const first = await run('page-start', {});
    const { defaultPack } = await import('../../../lib/content');
    expect(first).toMatchObject({ ok: true, data: { loaded: { settings: { ukaOrigin: 'https://uka.example.se', kommun: '2281' } } } });
    expect(first.ok && (first.data as { pack: unknown }).pack).toEqual(defaultPack);
    // As in force: the pack's routine applied (UKA's page applies no defaults itself).
    const { applyPackDefaults } = await import('../../../lib/platform/routine');
    const { loadSettings } = await import('../../../lib/settings');
    const effective = applyPackDefaults(await loadSettings(), defaultPack);
    expect(first.ok && first.data).toMatchObject({ loaded: { settings: effective.loaded.settings }, routine: effective.routine });
    const imported = { ...defaultPack, id: 'var-kommun', title: 'Vår kommuns metodbok' };
    await fakeBrowser.storage.local.set({ contentPack: imported });
    const second = await run('page-start', {});
    expect(second.ok && (second.data as { pack: { title: string } }).pack.title).toBe('Vår kommuns metodbok');
  });

  /** The person page's read, as the ladder sends it ('ladder-view'): records the person and answers the key. */
  const seen = async (personnummer: string) => {
    const answer = await run('ladder-view', { personnummer, path: '/person/9', today: '2026-10-15', contacts: [], measures: [], occupations: [], registrations: [] });
    return answer.ok ? (answer.data as { key: string; notes: { note: unknown }[] }) : null;
  };

  it('a person page answers a key and never stores the personnummer', async () => {
    const result = await seen(`${A.slice(0, 8)}-${A.slice(8)}`);
    expect(result?.key).toBe(await store.personKey(A));
    expect(await store.getPerson(result!.key)).toMatchObject({ birthDate: `${A.slice(0, 4)}-${A.slice(4, 6)}-${A.slice(6, 8)}`, path: '/person/9' });
    expect(JSON.stringify(await store.dumpAll())).not.toContain(A.slice(2));
  });

  it('person-keys derives keys and records nobody', async () => {
    const result = await run('person-keys', { personnummer: [A, `${A.slice(0, 8)}-${A.slice(8)}`] });
    const key = await store.personKey(A);
    expect(result).toEqual({ ok: true, data: { keys: [key, key] } });
    expect(await store.listPersons()).toEqual([]);
    expect(await run('person-keys', { personnummer: ['200701012390'] })).toMatchObject({ code: 'bad-payload' });
  });

  it('notes round-trip in the shape the ladder panel expects', async () => {
    const key = (await seen(A))!.key;
    const added = await run('note-add', { key, note: { step: 'homeVisitDone', date: '2025-05-02', reached: true } });
    expect(added).toMatchObject({ ok: true, data: { note: { step: 'homeVisitDone', date: '2025-05-02', reached: true } } });
    expect((await seen(A))!.notes.map((n) => n.note)).toEqual([{ step: 'homeVisitDone', date: '2025-05-02', reached: true }]);
    expect(await run('note-add', { key, note: { step: 'homeVisitDone', date: '2025-05-02' } })).toMatchObject({ code: 'bad-payload' });
    // One note schema for the store and the messages (the ladder's): a date must be a calendar date.
    expect(await run('note-add', { key, note: { step: 'letterSent', date: '2026-02-30' } })).toMatchObject({ code: 'bad-payload' });
    const id = added.ok ? (added.data as { id: string }).id : '';
    expect(await run('note-delete', { key: 'b'.repeat(64), id })).toMatchObject({ code: 'handler-error' });
    expect(await run('note-delete', { key, id })).toEqual({ ok: true, data: null });
    expect((await seen(A))!.notes).toEqual([]);
    expect(await run('note-add', { key: 'c'.repeat(64), note: { step: 'reached', date: '2025-01-01' } })).toMatchObject({ code: 'handler-error' });
  });

  it('report-error redacts before storing; get-errors lists newest first', async () => {
    await run('report-error', { feature: 'ladder', message: `Fel för ${A} (Kim Testare)`, knownNames: ['Kim Testare'] });
    await run('report-error', { feature: 'review', message: 'andra' });
    const errors = await run('get-errors', {});
    expect(errors).toMatchObject({ ok: true, data: [{ feature: 'review', message: 'andra' }, { feature: 'ladder', message: 'Fel för [personnummer] ([namn])' }] });
  });

  it('export log, reminders, reviews, options, settings and delete-all', async () => {
    const sha = 'AB'.repeat(32);
    const logged = await run('log-export', { time: 1, period: '2025H1', kommun: '0180', rows: 3, persons: 3, sha256: sha, verdict: 'blocked', override: { reason: 'SCB godkände' } });
    expect(logged.ok).toBe(true);
    expect(await run('find-export', { sha256: sha })).toMatchObject({ ok: true, data: { verdict: 'blocked' } });
    expect(await run('log-export', { time: 1, period: '2025H1', kommun: '180', rows: 3, persons: 3, sha256: sha, verdict: 'ok' })).toMatchObject({ code: 'bad-payload' });

    expect(await run('reminder-snooze', { id: 'r1', until: '2025-06-01' })).toMatchObject({ ok: true, data: { id: 'r1', snoozedUntil: '2025-06-01' } });
    expect(await run('reminder-done', { id: 'r2' })).toMatchObject({ ok: true, data: { id: 'r2' } });
    expect(await run('reminder-snooze', { id: 'r1', until: 'snart' })).toMatchObject({ code: 'bad-payload' });

    // A key of a youth the store does not record is counted, never kept.
    expect(await run('review-begin', { label: 'Coach Kim', redKeys: ['a'.repeat(64)], today: '2025-05-02' })).toMatchObject({ ok: true, data: { redAtStart: 1, redKeys: [] } });
    expect(await run('review-state')).toMatchObject({ ok: true, data: { label: 'Coach Kim' } });
    expect(remindersChanged).toHaveBeenCalled();

    expect(await run('open-options')).toEqual({ ok: true, data: null });
    expect(openOptionsPage).toHaveBeenCalled();
    await fakeBrowser.storage.managed.set({ kommun: '0180' });
    expect(await run('get-settings')).toMatchObject({ ok: true, data: { locked: ['kommun'], settings: { kommun: '0180' } } });

    expect(await run('delete-all-data', {})).toEqual({ ok: true, data: null });
    expect(afterDeleteAll).toHaveBeenCalled();
    expect(await run('find-export', { sha256: sha })).toEqual({ ok: true, data: null });
    expect(await run('review-state')).toEqual({ ok: true, data: null });
  });
});
