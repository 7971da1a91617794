/**
 * Background handlers of the monthly review ("Export till SCB"). The content script sends only pseudonymous person
 * keys (from 'person-seen') and counts, never names or personnummer. What is stored per review: when it started,
 * the etikett it was about, the keys of the persons that were red at the start, and the keys that were no longer red
 * on UKA's list at the latest visit. Progress shown to the user is always recomputed from UKA's current list.
 *
 * The lead wires these into lib/messages (command → payload schema) and the background's handler map:
 *   'review-state'  ReviewStatePayload  → ReviewView | null          (the current review)
 *   'review-begin'  ReviewBeginPayload  → ReviewView                 ("Starta ny genomgång")
 *   'review-visit'  ReviewVisitPayload  → ReviewView | null          (progress seen on a visit)
 *   'review-last'   ReviewLastPayload   → { lastReview: IsoDate | null }  (for the monthly-review reminder)
 * They are named apart from the store-level 'review-start'/'review-fixed'/'review-finish'/'review-get' already in
 * lib/messages, which the review mode does not use (they can be dropped).
 */
import { z } from 'zod';
import { PersonKey } from '../../lib/messages/commands';
import type { KaaStore, ReviewRecord } from '../../lib/store';
import { IsoDate } from '../../lib/uka/types';

const Label = z.string().max(100).nullable();
/** Far above any kommun's list; a bound so a broken message cannot fill the database. */
const MAX_KEYS = 20_000;

export const ReviewStatePayload = z.object({}).strict().optional();
export const ReviewBeginPayload = z
  .object({ label: Label, redKeys: z.array(PersonKey).max(MAX_KEYS), today: IsoDate })
  .strict();
export const ReviewVisitPayload = z
  .object({ id: z.string().min(1).max(100), fixedKeys: z.array(PersonKey).max(MAX_KEYS), today: IsoDate })
  .strict();
export const ReviewLastPayload = z.object({}).strict().optional();

export const REVIEW_COMMANDS = {
  'review-state': ReviewStatePayload,
  'review-begin': ReviewBeginPayload,
  'review-visit': ReviewVisitPayload,
  'review-last': ReviewLastPayload,
} as const;

/** The stored review: the store's ReviewRecord plus what the review mode needs (kept in the same 'reviews' store). */
export interface StoredReview extends ReviewRecord {
  /** Keys of the persons that were red when the review started. */
  redKeys: string[];
  /** Stockholm calendar date the review started (the monthly-review reminder counts from it). */
  startedOn: IsoDate;
  /** Date of the latest visit that recounted the progress. */
  lastVisitOn?: IsoDate | null;
}

/** What the content script gets back. */
export interface ReviewView {
  id: string;
  startedOn: IsoDate;
  label: string | null;
  redKeys: string[];
  /** Stored for the popup/reminders only; the panel recomputes progress from UKA's list. */
  fixedKeys: string[];
  lastVisitOn: IsoDate | null;
}

const StoredExtras = z.object({ redKeys: z.array(PersonKey), startedOn: IsoDate, lastVisitOn: IsoDate.nullable().optional() });

function asStored(record: ReviewRecord | null | undefined): StoredReview | null {
  if (!record) return null;
  const extras = StoredExtras.safeParse(record);
  if (!extras.success) return null; // a review written by something else: ignore it rather than guess
  return { ...record, ...extras.data };
}

function view(r: StoredReview): ReviewView {
  return { id: r.id, startedOn: r.startedOn, label: r.label ?? null, redKeys: [...r.redKeys], fixedKeys: [...r.fixedKeys], lastVisitOn: r.lastVisitOn ?? null };
}

/** The current (latest, unfinished) review, or null. */
export async function reviewState(store: KaaStore, payload: z.input<typeof ReviewStatePayload>): Promise<ReviewView | null> {
  ReviewStatePayload.parse(payload);
  const latest = asStored(await store.latestReview());
  return latest && !latest.finishedAt ? view(latest) : null;
}

/** Start a new review (the previous one is finished). Its date becomes the "last monthly review". */
export async function reviewBegin(store: KaaStore, payload: z.input<typeof ReviewBeginPayload>, now: number = Date.now()): Promise<ReviewView> {
  const p = ReviewBeginPayload.parse(payload);
  const previous = await store.latestReview();
  if (previous && !previous.finishedAt) await store.finishReview(previous.id, now);
  const redKeys = [...new Set(p.redKeys)];
  const base = await store.startReview({ label: p.label, redAtStart: redKeys.length }, now);
  const record: StoredReview = { ...base, redKeys, startedOn: p.today, lastVisitOn: p.today };
  await store.saveReview(record);
  return view(record);
}

/**
 * Record the progress seen on a visit: `fixedKeys` are the start keys that UKA's current list no longer shows as red.
 * Keys that were not red at the start are dropped. Returns null when the review is unknown or finished.
 */
export async function reviewVisit(store: KaaStore, payload: z.input<typeof ReviewVisitPayload>): Promise<ReviewView | null> {
  const p = ReviewVisitPayload.parse(payload);
  const record = asStored(await store.getReview(p.id));
  if (!record || record.finishedAt) return null;
  const start = new Set(record.redKeys);
  const fixedKeys = [...new Set(p.fixedKeys)].filter((k) => start.has(k));
  const next: StoredReview = { ...record, fixedKeys, redFixed: fixedKeys.length, lastVisitOn: p.today };
  await store.saveReview(next);
  return view(next);
}

/** Date of the latest monthly review (the day the latest review was started), for the monthly-review reminder. */
export async function lastReviewDate(store: KaaStore): Promise<IsoDate | null> {
  const latest = asStored(await store.latestReview());
  return latest?.startedOn ?? null;
}

export async function reviewLast(store: KaaStore, payload: z.input<typeof ReviewLastPayload>): Promise<{ lastReview: IsoDate | null }> {
  ReviewLastPayload.parse(payload);
  return { lastReview: await lastReviewDate(store) };
}

/** Handler map for the lead's background wiring: `{ ...createReviewHandlers(getStore) }`. */
export function createReviewHandlers(getStore: () => Promise<KaaStore>) {
  return {
    'review-state': async (payload: z.input<typeof ReviewStatePayload>) => reviewState(await getStore(), payload),
    'review-begin': async (payload: z.input<typeof ReviewBeginPayload>) => reviewBegin(await getStore(), payload),
    'review-visit': async (payload: z.input<typeof ReviewVisitPayload>) => reviewVisit(await getStore(), payload),
    'review-last': async (payload: z.input<typeof ReviewLastPayload>) => reviewLast(await getStore(), payload),
  };
}
