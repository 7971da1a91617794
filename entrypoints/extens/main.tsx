import '../../lib/platform/zod-setup';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { ExtensPage } from '../../components/extens/ExtensPage';
import { fetchScbFileFromUka } from '../../components/extens/uka-fetch';
import { loadSettings } from '../../lib/settings';
import { readManagedArea } from '../../lib/platform/managed';
import { today } from '../../lib/platform/clock';
import { EXTENS_MAPPINGS_KEY as MAPPINGS_KEY, POLICY_EXTENS_MAPPINGS_KEY } from '../../lib/platform/storage-keys';
import { SavedMappingsSchema, normaliseHeader, type SavedMapping } from '../../lib/extens/mapping';


async function readSaved(): Promise<SavedMapping[]> {
  try {
    const got = await browser.storage.local.get(MAPPINGS_KEY);
    const r = SavedMappingsSchema.safeParse(got[MAPPINGS_KEY] ?? []);
    return r.success ? r.data : [];
  } catch {
    return [];
  }
}

async function readPolicy(): Promise<SavedMapping[]> {
  const managed = await readManagedArea();
  const r = SavedMappingsSchema.safeParse(managed[POLICY_EXTENS_MAPPINGS_KEY] ?? []);
  return r.success ? r.data : [];
}

async function main(): Promise<void> {
  const [loaded, saved, policyMappings, date] = await Promise.all([loadSettings(), readSaved(), readPolicy(), today()]);
  let current = saved;
  const app = document.getElementById('app')!;
  app.replaceChildren();
  render(
    <ExtensPage
      today={date}
      kommun={loaded.settings.kommun ?? null}
      ukaOrigin={loaded.settings.ukaOrigin ?? null}
      saved={saved}
      policyMappings={policyMappings}
      onSaveMapping={async (m) => {
        const key = [...m.headers.map(normaliseHeader)].sort().join('\u0001');
        const entry: SavedMapping = { headers: m.headers.map(normaliseHeader), map: m.map };
        current = [entry, ...current.filter((s) => [...s.headers.map(normaliseHeader)].sort().join('\u0001') !== key)].slice(0, 20);
        await browser.storage.local.set({ [MAPPINGS_KEY]: current });
      }}
      fetchFromUka={() => fetchScbFileFromUka(loaded.settings.ukaOrigin ?? null)}
      startWorker={() => new Worker(new URL('../../components/extens/worker.ts', import.meta.url), { type: 'module' })}
    />,
    app,
  );
}

void main();
