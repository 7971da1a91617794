/**
 * The kommun's own UKA markup profiles: one set by enterprise policy (storage.managed "ukaProfile", locked) and one
 * imported on the options page (storage.local). Both are tried before the built-in profiles, the policy's first. A
 * profile is checked (lib/uka/profile-schema.ts) before it is stored, and again when read: a broken one is left out
 * and its problems are shown on the options page, never half used.
 */
import { browser } from 'wxt/browser';
import { readManagedArea } from './managed';
import { readImportedProfile } from './profile-raw';
import { POLICY_PROFILE_KEY, PROFILE_KEY } from './storage-keys';
import { parseProfileText, parseStoredProfile, type ProfileIssue } from '../uka/profile-schema';
import type { UkaProfileJson } from '../uka/profile-json';
import { BUILTIN_PROFILES_EXPANDED } from '../uka/profiles';
import { clearPartsSeen } from './parts-seen';


/** A checked, complete profile document and where it came from; what the UKA content script gets in 'page-start'. */
export interface ProfileDoc {
  json: UkaProfileJson;
  source: 'policy' | 'imported' | 'builtin';
}

export interface ActiveProfiles {
  /** The kommun's profiles in the order they are tried (policy, then imported), before the built-in ones. */
  docs: ProfileDoc[];
  /** A policy profile is set (and valid): the imported one cannot be changed here. */
  locked: boolean;
  policyErrors: ProfileIssue[];
  importedErrors: ProfileIssue[];
}

/** The active profiles from the two stored values, already read (the policy's, the imported one). */
export function activeProfilesFrom(policy: unknown, imported: unknown): ActiveProfiles {
  const out: ActiveProfiles = { docs: [], locked: false, policyErrors: [], importedErrors: [] };
  if (policy !== undefined && policy !== null) {
    const r = parseStoredProfile(policy, 'policy');
    if (r.ok) {
      out.docs.push({ json: r.json, source: 'policy' });
      out.locked = true;
    } else out.policyErrors = r.errors;
  }
  if (imported !== undefined && imported !== null) {
    const r = parseStoredProfile(imported, 'imported');
    if (r.ok) out.docs.push({ json: r.json, source: 'imported' });
    else out.importedErrors = r.errors;
  }
  return out;
}

/** Every profile in the order tried: the kommun's, then the built-in ones (what 'page-start' sends). */
export function profilesInOrder(active: ActiveProfiles): ProfileDoc[] {
  return [...active.docs, ...BUILTIN_PROFILES_EXPANDED.map((json) => ({ json, source: 'builtin' as const }))];
}

export async function loadActiveProfiles(): Promise<ActiveProfiles> {
  const importedRead = readImportedProfile();
  const policy = (await readManagedArea())[POLICY_PROFILE_KEY];
  return activeProfilesFrom(policy, await importedRead);
}

export type ImportProfileResult = { ok: true; json: UkaProfileJson } | { ok: false; errors: ProfileIssue[] };

/**
 * Check and, when valid and not locked by policy, store an imported profile. `checkSelector` (the options page's
 * DOM) also refuses selectors the browser cannot parse.
 */
export async function importProfile(text: string, checkSelector?: (selector: string) => string | null): Promise<ImportProfileResult> {
  const active = await loadActiveProfiles();
  if (active.locked) return { ok: false, errors: [{ path: '(profil)', message: 'UKA-profilen är låst av din organisation och kan inte bytas här.' }] };
  const parsed = parseProfileText(text, { source: 'imported', checkSelector });
  if (!parsed.ok) return parsed;
  if (active.docs.some((d) => d.source === 'policy' && d.json.id === parsed.json.id)) {
    return { ok: false, errors: [{ path: 'id', message: `id "${parsed.json.id}" används redan av organisationens profil.` }] };
  }
  await browser.storage.local.set({ [PROFILE_KEY]: parsed.json });
  // What the old profile found says nothing about the new one: drift is learnt afresh.
  await clearPartsSeen();
  return { ok: true, json: parsed.json };
}

export async function removeImportedProfile(): Promise<void> {
  await browser.storage.local.remove(PROFILE_KEY);
  await clearPartsSeen();
}
