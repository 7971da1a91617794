/**
 * The active metodbok content pack: a pack supplied by enterprise policy (storage.managed "contentPack", locked),
 * else one imported from the options page (storage.local), else the built-in default. A bad pack never replaces
 * the working one: imports are validated first and only stored when valid.
 */
import { browser } from 'wxt/browser';
import { defaultPack, parsePack, parsePackText, type Pack, type PackError } from '../content';

export const PACK_KEY = 'contentPack';

export interface ActivePack {
  pack: Pack;
  source: 'default' | 'imported' | 'policy';
  locked: boolean;
  /** Errors of a policy pack that did not validate (then the next source is used). */
  policyErrors: PackError[];
}

async function managedPack(): Promise<unknown> {
  // Test build only: Chromium cannot fake enterprise policy, so e2e tests put the policy pack in storage.local
  // under "__testManaged" ({ contentPack: … }). Never compiled into a production build.
  if (import.meta.env.MODE === 'test') {
    try {
      const fake = (await browser.storage.local.get('__testManaged'))['__testManaged'] as Record<string, unknown> | undefined;
      if (fake && fake[PACK_KEY] !== undefined) return fake[PACK_KEY];
    } catch {
      // fall through to the real managed storage
    }
  }
  try {
    const got = await browser.storage.managed.get(PACK_KEY);
    return got[PACK_KEY];
  } catch {
    return undefined; // no policy installed
  }
}

function fromStored(value: unknown) {
  return typeof value === 'string' ? parsePackText(value) : parsePack(value);
}

export async function loadActivePack(): Promise<ActivePack> {
  const policy = await managedPack();
  let policyErrors: PackError[] = [];
  if (policy !== undefined && policy !== null) {
    const parsed = fromStored(policy);
    if (parsed.ok) return { pack: parsed.pack, source: 'policy', locked: true, policyErrors };
    policyErrors = parsed.errors;
  }
  try {
    const got = await browser.storage.local.get(PACK_KEY);
    if (got[PACK_KEY] !== undefined) {
      const parsed = fromStored(got[PACK_KEY]);
      if (parsed.ok) return { pack: parsed.pack, source: 'imported', locked: false, policyErrors };
    }
  } catch {
    // fall back to the default pack
  }
  return { pack: defaultPack, source: 'default', locked: false, policyErrors };
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
