/**
 * Background handlers of the monthly review ("Export till SCB"). The content script sends only pseudonymous person
 * keys (from 'person-seen') and counts, never names or personnummer. What is stored per review: when it started,
 * the etikett it was about, the keys of the persons that were red at the start, and the keys that were no longer red
 * on UKA's list at the latest visit. Progress shown to the user is always recomputed from UKA's current list.
 *
 * The lead wires these into lib/messages (command → payload schema) and the background's handler map:
 *   'review-get'    ReviewGetPayload    → ReviewView | null
 *   'review-start'  ReviewStartPayload  → ReviewView
 *   'review-update' ReviewUpdatePayload → ReviewView | null
 *   'review-last'   ReviewLastPayload   → { lastReview: IsoDate | null }
 */
import { z } from 'zod';
import type { KaaStore, ReviewRecord } from '../../lib/store';
import { IsoDate } from '../../lib/uka/types';

/** A person key: HMAC-SHA-256 as 64 hex characters (anything else is refused, so nothing personal slips in). */
export const PersonKey = z.string().regex(/^[0-9a-f]{64}$/, 'ska vara en personnyckel');
const Label = z.string().max(100).nullable();
/** Far above any kommun's list; a bound so a broken message cannot fill the database. */
const MAX_KEYS = 20_000;

export const ReviewGetPayload = z.object({}).strict();
export const ReviewStartPayload = z
  .object({ label: Label, redKeys: z.array(PersonKey).max(MAX_KEYS), today: IsoDate })
  .strict();
export const ReviewUpdatePayload = z
  .object({ id: z.string().min(1).max(100), fixedKeys: z.array(PersonKey).max(MAX_KEYS), today: IsoDate })
  .strict();
export const ReviewLastPayload = z.object({}).strict();

export const REVIEW_COMMANDS = {
  'review-get': ReviewGetPayload,
  'review-start': ReviewStartPayload,
  'review-update': ReviewUpdatePayload,
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
export async function reviewGet(store: KaaStore, payload: z.input<typeof ReviewGetPayload>): Promise<ReviewView | null> {
  ReviewGetPayload.parse(payload);
  const latest = asStored(await store.latestReview());
  return latest && !latest.finishedAt ? view(latest) : null;
}

/** Start a new review (the previous one is finished). Its date becomes the "last monthly review". */
export async function reviewStart(store: KaaStore, payload: z.input<typeof ReviewStartPayload>, now: number = Date.now()): Promise<ReviewView> {
  const p = ReviewStartPayload.parse(payload);
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
export async function reviewUpdate(store: KaaStore, payload: z.input<typeof ReviewUpdatePayload>): Promise<ReviewView | null> {
  const p = ReviewUpdatePayload.parse(payload);
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
    'review-get': async (payload: z.input<typeof ReviewGetPayload>) => reviewGet(await getStore(), payload),
    'review-start': async (payload: z.input<typeof ReviewStartPayload>) => reviewStart(await getStore(), payload),
    'review-update': async (payload: z.input<typeof ReviewUpdatePayload>) => reviewUpdate(await getStore(), payload),
    'review-last': async (payload: z.input<typeof ReviewLastPayload>) => reviewLast(await getStore(), payload),
  };
}
