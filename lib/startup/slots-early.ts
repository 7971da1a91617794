/**
 * The first stage's part of reserved panel places (./slots.ts): read what was remembered for this kind
 * of page, put the empty hosts in place while UKA's HTML is parsed (before each frame, and once more when parsing
 * ends), and remember the places and heights again after the first page view has drawn.
 */
import { mark } from '../platform/marks';
import { nativeBrowser } from '../platform/native-api';
import { LAYOUT_HINTS_KEY } from '../platform/storage-keys';
import { pageKey, placeSlots, recordSlots, releaseSlots, sameSlots, slotsFrom, withSlots, type SlotHint } from './slots';

export interface EarlySlots {
  /** After the first page view has drawn and been rendered: store the places and heights if they changed. */
  remember(): Promise<void>;
  /** No page view will follow (not our UKA after all, or the script stopped): remove every reserved place. */
  abandon(): void;
}

export function reserveEarly(doc: Document): EarlySlots {
  const key = pageKey(doc.location.pathname);
  let stored: unknown;
  let known: SlotHint[] = [];
  const placed = new Set<SlotHint>();
  let parsing = doc.readyState === 'loading';
  const place = () => {
    if (!parsing || placed.size === known.length) return;
    try {
      placeSlots(doc, known, placed);
    } catch {
      // Never break UKA's page: a slot not placed only costs a move later.
    }
  };
  const eachFrame = () => {
    if (!parsing || placed.size === known.length) return;
    requestAnimationFrame(() => {
      place();
      eachFrame();
    });
  };
  const read = nativeBrowser().storage.local
    .get(LAYOUT_HINTS_KEY)
    .then((answer) => {
      mark('hints-read');
      stored = answer[LAYOUT_HINTS_KEY];
      known = slotsFrom(stored, key);
      place();
      eachFrame();
    })
    .catch(() => undefined);
  if (parsing)
    doc.addEventListener(
      'DOMContentLoaded',
      () => {
        place();
        parsing = false;
      },
      { once: true },
    );
  return {
    abandon() {
      known = [];
      parsing = false;
      const clear = () => {
        try {
          releaseSlots(doc);
        } catch {
          // nothing placed
        }
      };
      clear();
      if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', clear, { once: true });
    },
    async remember() {
      await read;
      const now = recordSlots(doc);
      if (sameSlots(now, known)) return;
      known = now;
      await nativeBrowser().storage.local.set({ [LAYOUT_HINTS_KEY]: withSlots(stored, key, now, Date.now()) });
    },
  };
}
