/**
 * Reads that features need on their first page view, started at document_start (while UKA's HTML is still being
 * parsed) so that their answers are already there when the features run at DOMContentLoaded. Every browser round
 * trip made after that moment waits behind UKA's own first layout of the page, which on a long list is the largest
 * part of what the extension would add to the page's load time.
 *
 * Each early read is taken at most once, by the first page view; later page views (UKA changing the page without a
 * reload, Back from the bfcache) read afresh, so nothing here can go stale.
 */
import { nativeBrowser } from '../platform/native-api';
import { sendCommand } from '../messages/client';
import { TOUR_PROGRESS_KEY } from '../platform/storage-keys';

const READS = {
  /** The onboarding tour's stored progress (raw; the tour feature parses it). */
  tourProgress: async (): Promise<unknown> => (await nativeBrowser().storage.local.get(TOUR_PROGRESS_KEY))[TOUR_PROGRESS_KEY],
  /** The current monthly review (the review feature's 'review-state' command). */
  reviewState: () => sendCommand('review-state'),
} as const;

export type EarlyRead = keyof typeof READS;
type Answer<K extends EarlyRead> = ReturnType<(typeof READS)[K]>;
export type EarlyReads = Map<EarlyRead, Promise<unknown>>;

/**
 * The reads, kept in the extension's isolated world of this page (invisible to UKA's page scripts), not in this
 * module: the features that take them come in a page kind's bundle (lib/startup/kinds.ts) with its own copy of this
 * module.
 */
const STARTED_KEY = '__kaaLotsenEarlyReads';
const holder = globalThis as unknown as Record<string, EarlyReads | undefined>;
const reads = (): EarlyReads => (holder[STARTED_KEY] ??= new Map());

/** Start every early read (once per document). Failures are kept and surface to whoever takes the read. */
export function startEarlyReads(): EarlyReads {
  const started = reads();
  for (const key of Object.keys(READS) as EarlyRead[]) {
    if (started.has(key)) continue;
    const read = READS[key]();
    read.catch(() => undefined);
    started.set(key, read);
  }
  return started;
}

/** Take over the reads started by the early content script (its own copy of this module; ./early-start.ts). */
export function adoptEarlyReads(early: EarlyReads): void {
  holder[STARTED_KEY] = early;
}

/** The first page view has started its features: reads not taken by then are dropped (they would only grow old). */
export function closeEarlyReads(): void {
  reads().clear();
}

/** The early answer for `key` the first time it is asked for (during the first page view), a fresh read after that. */
export function takeEarly<K extends EarlyRead>(key: K): Answer<K> {
  const started = reads();
  const early = started.get(key);
  if (early) {
    started.delete(key);
    // The map holds what READS[key]() returned for this very key.
    return early as Answer<K>;
  }
  return READS[key]() as Answer<K>;
}
