/**
 * The stored side of the monthly review of "Export till SCB". What is kept per review: when it started, the etikett
 * it was about, the pseudonymous keys of the persons that were red at the start, and the keys no longer red on UKA's
 * list at the latest visit. Progress shown to the user is always recomputed from UKA's current list (./index.ts).
 */
import { z } from 'zod';
import { PersonKey } from '../messages/person-key';
import type { KaaStore, ReviewRecord } from '../store';
import { IsoDate } from '../uka/types';

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
export async function reviewState(store: KaaStore): Promise<ReviewView | null> {
  const latest = asStored(await store.latestReview());
  return latest && !latest.finishedAt ? view(latest) : null;
}

/** Start a new review (the previous one is finished). Its date becomes the "last monthly review". */
export async function reviewBegin(store: KaaStore, input: { label: string | null; redKeys: readonly string[]; today: IsoDate }, now: number = Date.now()): Promise<ReviewView> {
  const previous = await store.latestReview();
  if (previous && !previous.finishedAt) await store.finishReview(previous.id, now);
  const redKeys = [...new Set(input.redKeys)];
  const base = await store.startReview({ label: input.label, redAtStart: redKeys.length }, now);
  const record: StoredReview = { ...base, redKeys, startedOn: input.today, lastVisitOn: input.today };
  await store.saveReview(record);
  return view(record);
}

/**
 * Record the progress seen on a visit: `fixedKeys` are the start keys that UKA's current list no longer shows as red.
 * Keys that were not red at the start are dropped. Returns null when the review is unknown or finished.
 */
export async function reviewVisit(store: KaaStore, input: { id: string; fixedKeys: readonly string[]; today: IsoDate }): Promise<ReviewView | null> {
  const record = asStored(await store.getReview(input.id));
  if (!record || record.finishedAt) return null;
  const start = new Set(record.redKeys);
  const fixedKeys = [...new Set(input.fixedKeys)].filter((k) => start.has(k));
  const next: StoredReview = { ...record, fixedKeys, redFixed: fixedKeys.length, lastVisitOn: input.today };
  await store.saveReview(next);
  return view(next);
}

/** Date of the latest monthly review (the day the latest review was started), for the monthly-review reminder. */
export async function lastReviewDate(store: KaaStore): Promise<IsoDate | null> {
  const latest = asStored(await store.latestReview());
  return latest?.startedOn ?? null;
}
