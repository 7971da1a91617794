/**
 * The built-in metodbok pack. Kept apart from the pack tools (./tips.ts, ./search.ts, ./glossary.ts …) so that code which only works with a pack it is given (the
 * UKA content script, which gets the active pack from the background) does not carry the pack's ~50 kB of text.
 */
import { DEFAULT_PACK_JSON } from './default-pack';
import type { Pack } from './schema';

/**
 * The built-in pack. It is NOT validated at run time: DEFAULT_PACK_JSON is written in parsePack's output form (every
 * default filled in), and tests/unit/content checks that parsePack accepts it and returns it unchanged. Running zod
 * over the whole pack on every page load cost ~15 ms for nothing. Imported and policy packs are still validated
 * (lib/platform/pack.ts).
 */
export function getDefaultPack(): Pack {
  return DEFAULT_PACK_JSON as unknown as Pack;
}

/** The built-in pack as a value (for tests and tools; same object as getDefaultPack()). */
export const defaultPack: Pack = getDefaultPack();
