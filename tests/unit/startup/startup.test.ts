import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { closeEarlyReads, startEarlyReads, takeEarly } from '../../../lib/startup/early-reads';
import { withinTaskBudget } from '../../../entrypoints/uka.content/runtime';
import { DEFAULT_SETTINGS, loadSettings, settingsFrom } from '../../../lib/settings';
import { readStoredSettings } from '../../../lib/settings/raw';

const root = fileURLToPath(new URL('../../..', import.meta.url));

beforeEach(() => {
  fakeBrowser.reset();
  closeEarlyReads();
});

describe('early reads (started at document_start, taken by the first page view)', () => {
  it('gives the first taker the read started early, and later takers a fresh read', async () => {
    await fakeBrowser.storage.local.set({ tourProgress: { person: { seen: ['a'] } } });
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    startEarlyReads();
    const early = get.mock.calls.length;
    expect(early).toBeGreaterThan(0);
    await fakeBrowser.storage.local.set({ tourProgress: { person: { seen: ['a', 'b'] } } });
    // The early answer was asked for before the change.
    expect(await takeEarly('tourProgress')).toEqual({ person: { seen: ['a'] } });
    // Taken once: the next page view reads afresh.
    expect(await takeEarly('tourProgress')).toEqual({ person: { seen: ['a', 'b'] } });
    vi.restoreAllMocks();
  });

  it('drops reads the first page view did not take (they would only grow old)', async () => {
    await fakeBrowser.storage.local.set({ tourProgress: 'old' });
    startEarlyReads();
    closeEarlyReads();
    await fakeBrowser.storage.local.set({ tourProgress: 'new' });
    expect(await takeEarly('tourProgress')).toBe('new');
  });

  it('keeps a failed early read as a failure for its taker (never an unhandled rejection)', async () => {
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValue(new Error('no background'));
    startEarlyReads();
    await expect(takeEarly('reviewState')).rejects.toThrow();
    send.mockRestore();
  });
});

describe('settings read in two steps (raw at document_start, checked later)', () => {
  it('settingsFrom(raw, policy) is what loadSettings gives', async () => {
    await fakeBrowser.storage.local.set({ settings: { ukaOrigin: 'https://uka.example.se', kommun: 'x', myLabel: 'Coach Anna' } });
    const raw = await readStoredSettings();
    expect(raw).toEqual({ ukaOrigin: 'https://uka.example.se', kommun: 'x', myLabel: 'Coach Anna' });
    expect(settingsFrom(raw, {})).toEqual(await loadSettings());
    expect(settingsFrom(raw, {}).settings.kommun).toBe(DEFAULT_SETTINGS.kommun);
  });

  it('a policy value wins over the stored one and is locked', () => {
    const loaded = settingsFrom({ ukaOrigin: 'https://a.example.se' }, { ukaOrigin: 'https://uka.kommun.se' });
    expect(loaded.settings.ukaOrigin).toBe('https://uka.kommun.se');
    expect(loaded.locked).toContain('ukaOrigin');
  });

  it('an unreadable store gives {} (defaults), not an error', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValue(new Error('gone'));
    expect(await readStoredSettings()).toEqual({});
    vi.restoreAllMocks();
  });
});

describe('what the UKA scripts evaluate while the page is parsed', () => {
  /** Modules imported (statically, transitively, not `import type`) from a file, within the repository. */
  function staticImports(file: string, seen = new Set<string>()): Set<string> {
    if (seen.has(file)) return seen;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(/^import\s+(?!type\b)(?:[^'"]*?from\s+)?['"]([^'"]+)['"]/gm)) {
      const spec = m[1]!;
      if (!spec.startsWith('.')) {
        seen.add(spec);
        continue;
      }
      const base = path.resolve(path.dirname(file), spec);
      const resolved = ['.ts', '.tsx', '/index.ts'].map((ext) => base + ext).find((f) => {
        try {
          readFileSync(f);
          return true;
        } catch {
          return false;
        }
      });
      if (resolved) staticImports(resolved, seen);
    }
    return seen;
  }

  it('the early script (document_start) imports no zod, no schemas, no UKA adapter, no pack, no UI and no polyfill', () => {
    const loaded = [...staticImports(path.join(root, 'entrypoints/uka-early.ts'))];
    // The browser's own API (lib/platform/native-api.ts): wxt/browser is webextension-polyfill in this build.
    expect(loaded).not.toContain('wxt/browser');
    expect(loaded.some((f) => f.endsWith('lib/startup/early-start.ts'))).toBe(true);
    expect(loaded).not.toContain('zod');
    expect(loaded).not.toContain('preact');
    expect(loaded.filter((f) => /schema|lib\/uka\/|lib\/content\/|lib\/settings\/|components\//.test(f))).toEqual([]);
  });

  it('the main script carries neither the early start (the reserved places read, placed and remembered) nor the lists’ reading', () => {
    const loaded = [...staticImports(path.join(root, 'entrypoints/uka.ts'))];
    expect(loaded.some((f) => f.endsWith('lib/uka/reader.ts'))).toBe(true);
    // early-start.ts is imported for the hand-over alone; its beginning of the start is the early script's.
    expect(readFileSync(path.join(root, 'entrypoints/uka.ts'), 'utf8')).not.toMatch(/beginEarlyStart|runEarlyScript|reserveEarly/);
    // The list reads come in the bundles of the page kinds with a list (lib/uka/read-lists.ts).
    const reader = readFileSync(path.join(root, 'lib/uka/reader.ts'), 'utf8');
    expect(reader).not.toMatch(/^import (?!type).*read-lists/m);
    expect(loaded.filter((f) => /lib\/uka\/(read-lists|dom-rows)\.ts$/.test(f))).toEqual([]);
  });

  it('the main script is registered after parsing, the early one while parsing', () => {
    // Unlisted scripts (no WXT content script context, which announces itself with an event in UKA's page).
    for (const file of ['uka-early.ts', 'uka.ts', 'scb.tsx', 'uka-login.ts', 'uka-start.ts', 'uka-person.ts', 'uka-export.ts']) {
      const source = readFileSync(path.join(root, 'entrypoints', file), 'utf8');
      expect(source, file).toContain('defineUnlistedScript');
      expect(source, file).not.toContain('defineContentScript');
    }
    expect(readFileSync(path.join(root, 'entrypoints/background/registration.ts'), 'utf8')).toMatch(/js: \['uka\.js'\], runAt: 'document_idle'/);
    expect(readFileSync(path.join(root, 'entrypoints/background/registration.ts'), 'utf8')).toMatch(/js: \['uka-early\.js'\], runAt: 'document_start'/);
  });
});

describe('withinTaskBudget (the first page view draws its features in as few tasks as fit the budget)', () => {
  it('runs jobs at once while the task has budget left, then the rest in order in the next task', async () => {
    vi.useFakeTimers();
    let clock = 0;
    const start = withinTaskBudget(30, new AbortController().signal, () => clock);
    const ran: string[] = [];
    const job = (id: string, ms: number) => () => {
      ran.push(id);
      clock += ms;
      return id;
    };
    const a = start(job('a', 10));
    const b = start(job('b', 25));
    const c = start(job('c', 5));
    const d = start(job('d', 5));
    // a and b ran in this task; b used up the budget, so c and d wait for the next task.
    expect(ran).toEqual(['a', 'b']);
    await vi.runAllTimersAsync();
    expect(ran).toEqual(['a', 'b', 'c', 'd']);
    expect(await Promise.all([a, b, c, d])).toEqual(['a', 'b', 'c', 'd']);
    vi.useRealTimers();
  });

  it('a job that throws rejects only its own promise; an aborted view runs nothing more', async () => {
    const controller = new AbortController();
    const start = withinTaskBudget(30, controller.signal, () => 0);
    const bad = start(() => {
      throw new Error('boom');
    });
    const good = start(() => 'ok');
    await expect(bad).rejects.toThrow('boom');
    await expect(good).resolves.toBe('ok');
    controller.abort();
    let ran = false;
    await expect(
      start(() => {
        ran = true;
        return 'x';
      }),
    ).resolves.toBe(false);
    expect(ran).toBe(false);
  });
});

describe('hand-over from the early script to the main script (early-start.ts)', () => {
  /** A window as far as the hand-over uses it (these tests run without a DOM). */
  const fakeWindow = () => Object.assign(new EventTarget(), { document: { readyState: 'interactive' } }) as unknown as Window;
  const fakeStart = () => {
    const abandon = vi.fn();
    return { start: { pageStart: Promise.resolve({} as never), firstToday: Promise.resolve('2026-11-23' as never), reads: new Map(), slots: { abandon, remember: async () => undefined } }, abandon };
  };

  it('the main script takes the start once; nothing is given back', async () => {
    const { handOver, takeOver } = await import('../../../lib/startup/early-start');
    vi.useFakeTimers();
    const { start, abandon } = fakeStart();
    const win = fakeWindow();
    handOver(start, win);
    expect(takeOver(win)).toBe(start);
    expect(takeOver(win)).toBeNull();
    win.dispatchEvent(new Event('load'));
    vi.advanceTimersByTime(60_000);
    expect(abandon).not.toHaveBeenCalled();
    vi.useRealTimers();
  });

  it('a main script that found no start has the early script injected once more (also where it ran before) and takes its start', async () => {
    const { handOver, injectEarlyStart, takeOver } = await import('../../../lib/startup/early-start');
    const { start } = fakeStart();
    const win = fakeWindow();
    const flags = win as unknown as Record<string, boolean>;
    // The early script ran in this page before, and its start was taken by another copy.
    flags.__kaaLotsenUkaEarly = true;
    expect(takeOver(win)).toBeNull();
    // What the injected early script does: run once per page (runEarlyScript), hand its start over.
    const inject = vi.fn(async () => {
      if (flags.__kaaLotsenUkaEarly) return;
      flags.__kaaLotsenUkaEarly = true;
      handOver(start, win);
    });
    expect(await injectEarlyStart(inject, win)).toBe(start);
    expect(inject).toHaveBeenCalledOnce();
    expect(takeOver(win)).toBeNull();
    // An injection that leaves no start gives null; a failed one fails (the main script then starts nothing).
    expect(await injectEarlyStart(async () => undefined, win)).toBeNull();
    await expect(injectEarlyStart(async () => Promise.reject(new Error('ingen flik')), win)).rejects.toThrow('ingen flik');
  });

  it('the background injects the early script into the very document that asked (load-early-start)', async () => {
    const { fakeBrowser } = await import('wxt/testing/fake-browser');
    const { pageHandlers } = await import('../../../entrypoints/background/handlers/pages');
    const calls: unknown[] = [];
    const scripting = fakeBrowser.scripting as unknown as { executeScript(x: unknown): Promise<unknown> };
    const spy = vi.spyOn(scripting, 'executeScript').mockImplementation(async (x: unknown) => void calls.push(x));
    const handler = pageHandlers()['load-early-start'];
    await handler(undefined as never, { tab: { id: 7 }, frameId: 0, documentId: 'DOC1' });
    await expect(handler(undefined as never, { frameId: 0 })).rejects.toThrow();
    expect(calls).toEqual([{ target: { tabId: 7, documentIds: ['DOC1'] }, files: ['uka-early.js'] }]);
    spy.mockRestore();
  });

  it('reserved places are given back when no main script takes the start after the page has loaded', async () => {
    const { handOver, takeOver } = await import('../../../lib/startup/early-start');
    vi.useFakeTimers();
    const { start, abandon } = fakeStart();
    const win = fakeWindow();
    handOver(start, win);
    win.dispatchEvent(new Event('load'));
    vi.advanceTimersByTime(9_000);
    expect(abandon).not.toHaveBeenCalled();
    vi.advanceTimersByTime(2_000);
    expect(abandon).toHaveBeenCalledOnce();
    expect(takeOver(win)).toBeNull();
    vi.useRealTimers();
  });
});
