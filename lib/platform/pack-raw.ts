/**
 * Where the imported metodbok pack is stored, and its raw read: zod-free, so that the UKA content script can start
 * this read at document_start (the pack is checked later, in lib/platform/pack.ts).
 */
import { browser } from 'wxt/browser';

export const PACK_KEY = 'contentPack';

/** The imported pack as stored (unchecked), or undefined when none is stored or the store cannot be read. */
export function readImportedPack(): Promise<unknown> {
  return browser.storage.local.get(PACK_KEY).then(
    (got) => got[PACK_KEY],
    () => undefined,
  );
}
