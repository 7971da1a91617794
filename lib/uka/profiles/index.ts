/**
 * The built-in markup profiles: JSON documents (./uka-2024.json, ./uka-2026.json; the warning wording, contact-log
 * values and page anchors that UKA's releases share are in ./common.json and fill in what a document leaves out).
 * A kommun's own profile is a document of the same format, imported on the options page or set by policy, and
 * tried before these. The background sends them all, complete and checked, to the UKA content script ('page-start').
 */
import type { UkaProfile } from '../profile';
import type { AnchorName, PageKind } from '../types';
import type { HeadingPatternsJson, UkaProfileJson, ValuesJson } from '../profile-json';
import { compileProfile } from '../compile';
import common from './common.json';
import uka2024Json from './uka-2024.json';
import uka2026Json from './uka-2026.json';

/** The built-in documents as written (without the shared parts). */
export const BUILTIN_PROFILE_JSON: readonly UkaProfileJson[] = [uka2024Json as UkaProfileJson, uka2026Json as UkaProfileJson];

/** A document with the parts it leaves out (headings, values, pageAnchors) taken from ./common.json. */
export function expandProfile(json: UkaProfileJson): UkaProfileJson {
  return {
    ...json,
    headings: json.headings ?? (common.headings as HeadingPatternsJson),
    values: json.values ?? (common.values as ValuesJson),
    pageAnchors: json.pageAnchors ?? (common.pageAnchors as Record<PageKind, AnchorName[]>),
  };
}

/** The built-in documents, complete. */
export const BUILTIN_PROFILES_EXPANDED: readonly UkaProfileJson[] = BUILTIN_PROFILE_JSON.map(expandProfile);

function compiled(json: UkaProfileJson): UkaProfile {
  const r = compileProfile(json, { source: 'builtin' });
  // The unit tests check every built-in document with the profile schema; this cannot fail in a build that passed them.
  if (!r.ok) throw new Error(`inbyggd UKA-profil ${json.id}: ${r.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  return r.profile;
}

export const uka2024: UkaProfile = compiled(BUILTIN_PROFILES_EXPANDED[0]!);
export const uka2026: UkaProfile = compiled(BUILTIN_PROFILES_EXPANDED[1]!);
export const builtinProfiles: readonly UkaProfile[] = [uka2024, uka2026];
