import { afterEach, describe, expect, it, vi } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleFor, featuresOn, KIND_BUNDLES, KNOWN_PAGE_KINDS, openShelf, shelvedKind, shelvedReads, shelveKind, type KnownPageKind } from '../../../lib/startup/kinds';
import { createUkaReader } from '../../../lib/uka/reader';
import { defaultProfiles } from '../../../lib/uka/adapter';
import { page } from '../uka/helpers';
import { FEATURE_LIST } from '../../../lib/features/list';
import { ukaFeatures } from '../../../entrypoints/uka.content/features';
import { runFeatures } from '../../../lib/features/manager';
import type { UkaFeatureContext } from '../../../entrypoints/uka.content/context';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const shelfKey = '__kaaLotsenKinds';

afterEach(() => {
  delete (globalThis as Record<string, unknown>)[shelfKey];
});

describe('page kind → bundle (lib/startup/kinds.ts)', () => {
  it('names one bundle per known page kind, an unlisted script of the build', () => {
    expect(KNOWN_PAGE_KINDS.sort()).toEqual(['export', 'login', 'person', 'start']);
    for (const kind of KNOWN_PAGE_KINDS) {
      const file = bundleFor(kind)!;
      expect(file).toBe(`uka-${kind}.js`);
      expect(readdirSync(path.join(root, 'entrypoints'))).toContain(`uka-${kind}.ts`);
    }
  });

  it('has no bundle for an unknown page, a made-up kind or anything that is not a kind', () => {
    for (const kind of ['unknown', 'toString', '__proto__', 'constructor', '', 'PERSON', null, undefined, 1, {}]) expect(bundleFor(kind)).toBeNull();
  });

  it('each kind runs exactly the features declared for it in the feature list', () => {
    for (const kind of KNOWN_PAGE_KINDS) {
      const declared = FEATURE_LIST.filter((f) => f.script === 'uka' && (f.pages as readonly string[]).includes(kind)).map((f) => f.id);
      expect(featuresOn(kind)).toEqual(declared);
    }
    expect(featuresOn('login')).toEqual(['status-panel', 'tips']);
    expect(featuresOn('person')).toContain('ladder');
    expect(featuresOn('person')).not.toContain('scb-guard');
    expect(featuresOn('export')).not.toContain('ladder');
  });

  it('each bundle hands over exactly its kind’s features, each with an init, and imports no other feature', async () => {
    for (const kind of Object.keys(KIND_BUNDLES) as KnownPageKind[]) {
      openShelf();
      const bundle = (await import(`../../../entrypoints/uka-${kind}.ts`)) as { default: { main(): void } };
      bundle.default.main();
      const shelved = shelvedKind<{ init: unknown }>(kind)!;
      expect(Object.keys(shelved).sort()).toEqual(featuresOn(kind).sort());
      for (const feature of Object.values(shelved)) expect(typeof feature!.init).toBe('function');
      const source = readFileSync(path.join(root, `entrypoints/uka-${kind}.ts`), 'utf8');
      // tips-person: the tips feature with the ladder's steps (person pages only).
      const imported = [...source.matchAll(/from '\.\/uka\.content\/features\/([a-z-]+)'/g)].map((m) => (m[1] === 'tips-person' ? 'tips' : m[1]));
      expect(imported.sort()).toEqual(featuresOn(kind).sort());
    }
  });

  it('the bundles of the kinds with a list hand over its reading, which the main script’s reader then uses', async () => {
    openShelf();
    const reader = createUkaReader(defaultProfiles, shelvedReads);
    const exportPage = page('2026', 'export');
    const startPage = page('2026', 'start');
    // Before the bundle has run, a list read says what is missing (and never throws).
    expect(reader.readExportList(exportPage)).toEqual({ ok: false, reason: 'exportlista: koden som läser listan saknas' });
    expect(reader.sectionElements(exportPage)).toEqual([]);
    for (const kind of ['login', 'person'] as const) {
      ((await import(`../../../entrypoints/uka-${kind}.ts`)) as { default: { main(): void } }).default.main();
    }
    expect(shelvedReads()).toEqual({});
    ((await import('../../../entrypoints/uka-export.ts')) as { default: { main(): void } }).default.main();
    expect(Object.keys(shelvedReads()).sort()).toEqual(['exportGroups', 'exportList']);
    const list = reader.readExportList(exportPage);
    expect(list.ok && list.value.groups.length).toBeGreaterThan(0);
    expect(reader.sectionElements(exportPage).length).toBe(list.ok ? list.value.groups.length : -1);
    expect(reader.readStartList(startPage).ok).toBe(false);
    ((await import('../../../entrypoints/uka-start.ts')) as { default: { main(): void } }).default.main();
    expect(reader.readStartList(startPage).ok).toBe(true);
    expect((await reader.readStartListAsync!(startPage)).ok).toBe(true);
  });

  it('a bundle that runs without a main script having asked leaves nothing', () => {
    shelveKind('login', { 'status-panel': 1, tips: 2 });
    expect(shelvedKind('login')).toBeNull();
  });

  it('a new main script starts with an empty shelf (features of an older extension are never taken)', () => {
    openShelf();
    shelveKind('login', { 'status-panel': 1, tips: 2 });
    openShelf();
    expect(shelvedKind('login')).toBeNull();
  });
});

describe('the main script’s features, loaded per page kind', () => {
  const ctx = (kind: string) => ({ recognition: { kind, profileId: 'p' } }) as unknown as UkaFeatureContext;

  it('asks once per kind for its bundle and runs the features from it', async () => {
    openShelf();
    const ran: string[] = [];
    const load = vi.fn(async (kind: KnownPageKind) => {
      shelveKind(kind, Object.fromEntries(featuresOn(kind).map((id) => [id, { init: () => void ran.push(`${kind}:${id}`) }])) as never);
    });
    const features = ukaFeatures(load);
    const run = (kind: 'person' | 'export') =>
      runFeatures(features, ctx(kind), { pageKind: kind, isEnabled: () => true, signal: new AbortController().signal });
    const statuses = await run('person');
    expect(statuses.filter((s) => s.state === 'active').map((s) => s.id).sort()).toEqual(featuresOn('person').sort());
    expect(statuses.find((s) => s.id === 'scb-guard')!.state).toBe('not-applicable');
    await run('person');
    await run('export');
    expect(load.mock.calls.map((c) => c[0])).toEqual(['person', 'export']);
    expect(ran.filter((r) => r.startsWith('export:')).sort()).toEqual(featuresOn('export').map((id) => `export:${id}`).sort());
  });

  it('a bundle that cannot be loaded is each of its features’ error, and is asked for again on the next page view', async () => {
    openShelf();
    const load = vi.fn(async () => {
      throw new Error('no tab');
    });
    const features = ukaFeatures(load);
    const statuses = await runFeatures(features, ctx('login'), { pageKind: 'login', isEnabled: () => true, signal: new AbortController().signal });
    expect(statuses.filter((s) => s.state === 'error').map((s) => s.id).sort()).toEqual(['status-panel', 'tips']);
    await runFeatures(features, ctx('login'), { pageKind: 'login', isEnabled: () => true, signal: new AbortController().signal });
    expect(load).toHaveBeenCalledTimes(2);
  });
});

describe('the background injects a page kind’s bundle (load-page-kind)', () => {
  it('into the very document that asked (or its frame where the browser names no document), never for an unknown kind', async () => {
    const { fakeBrowser } = await import('wxt/testing/fake-browser');
    const { injectPageKind } = await import('../../../entrypoints/background/handlers/pages');
    const calls: unknown[] = [];
    const scripting = fakeBrowser.scripting as unknown as { executeScript(x: unknown): Promise<unknown> };
    const spy = vi.spyOn(scripting, 'executeScript').mockImplementation(async (x: unknown) => void calls.push(x));
    await injectPageKind('person', { tab: { id: 7 }, frameId: 0, documentId: 'DOC1' });
    await injectPageKind('export', { tab: { id: 7 }, frameId: 0 });
    expect(calls).toEqual([
      { target: { tabId: 7, documentIds: ['DOC1'] }, files: ['uka-person.js'] },
      { target: { tabId: 7, frameIds: [0] }, files: ['uka-export.js'] },
    ]);
    await expect(injectPageKind('unknown', { tab: { id: 7 }, frameId: 0 })).rejects.toThrow();
    await expect(injectPageKind('person', { frameId: 0 })).rejects.toThrow();
    expect(calls).toHaveLength(2);
    spy.mockRestore();
  });
});
