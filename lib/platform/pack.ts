/**
 * The active metodbok content pack: a pack supplied by enterprise policy (storage.managed "contentPack", locked),
 * else one imported from the options page (storage.local), else the built-in default. A bad pack never replaces
 * the working one: imports are validated first and only stored when valid.
 */
import { browser } from 'wxt/browser';
import { readManagedArea } from './managed';
import { getDefaultPack, parsePack, parsePackText, type Pack, type PackError } from '../content';
import { readImportedPack } from './pack-raw';
import { PACK_KEY, POLICY_PACK_KEY } from './storage-keys';

export interface ActivePack {
  pack: Pack;
  source: 'default' | 'imported' | 'policy';
  locked: boolean;
  /** Errors of a policy pack that did not validate (then the next source is used). */
  policyErrors: PackError[];
}

/** The policy pack (storage.managed "contentPack"; in the test build also the simulated policy, see managed.ts). */
async function managedPack(): Promise<unknown> {
  return (await readManagedArea())[POLICY_PACK_KEY];
}

function fromStored(value: unknown) {
  return typeof value === 'string' ? parsePackText(value) : parsePack(value);
}

export async function loadActivePack(): Promise<ActivePack> {
  // Both places are read side by side (one round trip instead of two, on every UKA page load).
  const importedRead = readImportedPack();
  const policy = await managedPack();
  return activePackFrom(policy, await importedRead);
}

/** The active pack from the two stored values, already read (the policy's, the imported one). */
export function activePackFrom(policy: unknown, imported: unknown): ActivePack {
  let policyErrors: PackError[] = [];
  if (policy !== undefined && policy !== null) {
    const parsed = fromStored(policy);
    if (parsed.ok) return { pack: parsed.pack, source: 'policy', locked: true, policyErrors };
    policyErrors = parsed.errors;
  }
  if (imported !== undefined) {
    const parsed = fromStored(imported);
    if (parsed.ok) return { pack: parsed.pack, source: 'imported', locked: false, policyErrors };
  }
  return { pack: getDefaultPack(), source: 'default', locked: false, policyErrors };
}

/** Validate and, when valid and not locked by policy, store an imported pack. */
export async function importPack(text: string): Promise<{ ok: true; pack: Pack } | { ok: false; errors: PackError[] }> {
  const active = await loadActivePack();
  if (active.locked) return { ok: false, errors: [{ path: '(paket)', message: 'Metodboken är låst av din organisation och kan inte bytas här.' } as PackError] };
  const parsed = parsePackText(text);
  if (!parsed.ok) return parsed;
  await browser.storage.local.set({ [PACK_KEY]: parsed.pack });
  return parsed;
}

export async function resetPack(): Promise<void> {
  await browser.storage.local.remove(PACK_KEY);
}
