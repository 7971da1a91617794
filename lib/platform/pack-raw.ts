/**
 * Where the imported metodbok pack is stored, and its raw read, unchecked (./pack.ts checks it). zod-free: the UKA
 * content script imports the key to watch it for changes.
 */
import { browser } from 'wxt/browser';
import { PACK_KEY } from './storage-keys';

/** The imported pack as stored (unchecked), or undefined when none is stored or the store cannot be read. */
export function readImportedPack(): Promise<unknown> {
  return browser.storage.local.get(PACK_KEY).then(
    (got) => got[PACK_KEY],
    () => undefined,
  );
}
