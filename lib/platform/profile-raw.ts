/**
 * Where a kommun's imported UKA markup profile is stored (storage.local) and where a policy profile is read
 * (storage.managed), under the same key, and its raw read, unchecked (./uka-profile.ts checks it). zod-free: the UKA
 * content script imports the key to watch it for changes.
 */
import { browser } from 'wxt/browser';
import { PROFILE_KEY } from './storage-keys';

export { PROFILE_KEY };

/** The imported profile as stored (unchecked), or undefined when none is stored or the store cannot be read. */
export function readImportedProfile(): Promise<unknown> {
  return browser.storage.local.get(PROFILE_KEY).then(
    (got) => got[PROFILE_KEY],
    () => undefined,
  );
}
