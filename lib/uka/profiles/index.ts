/**
 * The built-in markup profiles: JSON documents (./uka-2024.json, ./uka-2026.json; the warning wording and contact-log
 * values both share are in ./common.json), compiled once when this module is first used. A kommun's own profile is
 * a document of the same format, imported on the options page or set by policy, and tried before these.
 */
import type { UkaProfile } from '../profile';
import type { UkaProfileJson } from '../profile-json';
import { compileProfile } from '../compile';
import uka2024Json from './uka-2024.json';
import uka2026Json from './uka-2026.json';

export const BUILTIN_PROFILE_JSON: readonly UkaProfileJson[] = [uka2024Json as UkaProfileJson, uka2026Json as UkaProfileJson];

function compiled(json: UkaProfileJson): UkaProfile {
  const r = compileProfile(json, { source: 'builtin' });
  // The unit tests check every built-in document with the profile schema; this cannot fail in a build that passed them.
  if (!r.ok) throw new Error(`inbyggd UKA-profil ${json.id}: ${r.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  return r.profile;
}

export const uka2024: UkaProfile = compiled(BUILTIN_PROFILE_JSON[0]!);
export const uka2026: UkaProfile = compiled(BUILTIN_PROFILE_JSON[1]!);
export const builtinProfiles: readonly UkaProfile[] = [uka2024, uka2026];
