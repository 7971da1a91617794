import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { syncContentScripts, UKA_EARLY_SCRIPT_ID, UKA_SCRIPT_ID, SCB_SCRIPT_ID } from '../../../entrypoints/background/registration';

interface Registered {
  id: string;
  matches?: string[];
  js?: string[];
  runAt?: string;
}

let registered: Registered[] = [];

beforeEach(() => {
  fakeBrowser.reset();
  registered = [];
  vi.restoreAllMocks();
  vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true as never);
  vi.spyOn(fakeBrowser.scripting, 'getRegisteredContentScripts').mockImplementation(async (filter?: { ids?: string[] }) =>
    registered.filter((r) => !filter?.ids || filter.ids.includes(r.id)) as never,
  );
  vi.spyOn(fakeBrowser.scripting, 'registerContentScripts').mockImplementation(async (scripts: Registered[]) => {
    registered.push(...scripts);
  });
  vi.spyOn(fakeBrowser.scripting, 'unregisterContentScripts').mockImplementation(async (filter?: { ids?: string[] }) => {
    registered = registered.filter((r) => !filter?.ids?.includes(r.id));
  });
  vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([] as never);
});

describe('content-script registration', () => {
  it('registers the early UKA script at document_start, the main UKA script and the SCB script at document_idle', async () => {
    await fakeBrowser.storage.local.set({ settings: { ukaOrigin: 'https://uka.example.se', scbOrigin: 'https://scb.example.se' } });
    expect(await syncContentScripts()).toEqual([UKA_EARLY_SCRIPT_ID, UKA_SCRIPT_ID, SCB_SCRIPT_ID]);
    expect(registered.map((r) => [r.id, r.matches, r.js, r.runAt])).toEqual([
      [UKA_EARLY_SCRIPT_ID, ['https://uka.example.se/*'], ['uka-early.js'], 'document_start'],
      [UKA_SCRIPT_ID, ['https://uka.example.se/*'], ['uka.js'], 'document_idle'],
      [SCB_SCRIPT_ID, ['https://scb.example.se/*'], ['scb.js'], 'document_idle'],
    ]);
  });

  it('renews a registration kept from an older version with another run time (persistAcrossSessions)', async () => {
    await fakeBrowser.storage.local.set({ settings: { ukaOrigin: 'https://uka.example.se' } });
    registered = [{ id: UKA_SCRIPT_ID, matches: ['https://uka.example.se/*'], js: ['uka.js'], runAt: 'document_start' }];
    await syncContentScripts();
    expect(registered.map((r) => [r.id, r.runAt]).sort()).toEqual([
      [UKA_SCRIPT_ID, 'document_idle'],
      [UKA_EARLY_SCRIPT_ID, 'document_start'],
    ]);
  });

  it('leaves a current registration alone', async () => {
    await fakeBrowser.storage.local.set({ settings: { ukaOrigin: 'https://uka.example.se' } });
    await syncContentScripts();
    const register = vi.mocked(fakeBrowser.scripting.registerContentScripts);
    register.mockClear();
    await syncContentScripts();
    expect(register).not.toHaveBeenCalled();
  });

  it('after the address changed: re-registers for the new origin only and removes the old origin\'s permission', async () => {
    let held = ['https://uka.old.se/*', 'https://scb.example.se/*', 'http://127.0.0.1/*'];
    vi.spyOn(fakeBrowser.permissions, 'getAll').mockImplementation(async () => ({ origins: [...held], permissions: [] }) as never);
    const remove = vi.spyOn(fakeBrowser.permissions, 'remove').mockImplementation(async ({ origins }: { origins?: string[] }) => {
      // A permission the manifest requires cannot be removed.
      if (origins?.includes('http://127.0.0.1/*')) throw new Error('required');
      held = held.filter((o) => !origins?.includes(o));
      return true;
    });
    await fakeBrowser.storage.local.set({ settings: { ukaOrigin: 'https://uka.old.se', scbOrigin: 'https://scb.example.se' } });
    await syncContentScripts({ prune: true });
    expect(remove).not.toHaveBeenCalledWith({ origins: ['https://uka.old.se/*'] });
    await fakeBrowser.storage.local.set({ settings: { ukaOrigin: 'https://uka.new.se', scbOrigin: 'https://scb.example.se' } });
    await syncContentScripts({ prune: true });
    expect(held).toEqual(['https://scb.example.se/*', 'http://127.0.0.1/*']);
    expect(registered.filter((r) => r.id !== SCB_SCRIPT_ID).map((r) => r.matches)).toEqual([['https://uka.new.se/*'], ['https://uka.new.se/*']]);
    // "Radera all lokal data" clears the settings: every optional permission goes.
    await fakeBrowser.storage.local.clear();
    await syncContentScripts({ prune: true });
    expect(held).toEqual(['http://127.0.0.1/*']);
    expect(registered).toEqual([]);
  });

  it('does not prune unless asked (a permission granted before the address is saved stays)', async () => {
    const remove = vi.spyOn(fakeBrowser.permissions, 'remove');
    vi.spyOn(fakeBrowser.permissions, 'getAll').mockResolvedValue({ origins: ['https://uka.new.se/*'], permissions: [] } as never);
    await syncContentScripts();
    expect(remove).not.toHaveBeenCalled();
  });
});
