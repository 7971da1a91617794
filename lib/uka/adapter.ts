/**
 * The UKA adapter: the reader (./reader.ts) with the built-in markup profiles (JSON documents in ./profiles, compiled
 * once) as its default profiles. The one import for code that reads UKA pages outside the UKA content script (unit
 * tests, the CLI, the calibration page); the content script uses ./reader.ts with the profiles the background sends.
 */
import { createUkaReader, type UkaReader } from './reader';
import { builtinProfiles } from './profiles';
import { LIST_READS } from './read-lists';
import type { UkaProfile } from './profile';

export { recogniseWarningHeading, createUkaReader, type UkaReader } from './reader';
export { redactHtml } from './redact';
export type { UkaProfile } from './profile';

/** The built-in profiles. */
export const defaultProfiles: readonly UkaProfile[] = builtinProfiles;

/** A reader over these profiles with every list read. */
export function createUkaAdapter(profiles: readonly UkaProfile[] = defaultProfiles): UkaReader {
  return createUkaReader(profiles, () => LIST_READS);
}
