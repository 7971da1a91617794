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
      [UKA_SCRIPT_ID, ['https://uka.example.se/*'], ['content-scripts/uka.js'], 'document_idle'],
      [SCB_SCRIPT_ID, ['https://scb.example.se/*'], ['content-scripts/scb.js'], 'document_idle'],
    ]);
  });

  it('renews a registration kept from an older version with another run time (persistAcrossSessions)', async () => {
    await fakeBrowser.storage.local.set({ settings: { ukaOrigin: 'https://uka.example.se' } });
    registered = [{ id: UKA_SCRIPT_ID, matches: ['https://uka.example.se/*'], js: ['content-scripts/uka.js'], runAt: 'document_start' }];
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
});
