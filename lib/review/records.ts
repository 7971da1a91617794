/**
 * The stored side of the monthly review of "Export till SCB". A review records nobody: what is kept per review is when
 * it started, the etikett it was about, HOW MANY persons were red at the start and how many of them were no longer red
 * at the latest visit, and — only for youths KAA-lotsen already keeps (listed on "Mina deltagare" or whose person page
 * was opened) — their pseudonymous keys, so that their progress is exact. Everyone else on the export list is counted,
 * never keyed. Progress shown to the user is always recomputed from UKA's current list (./index.ts).
 */
import { z } from 'zod';
import { PersonKey } from '../messages/person-key';
import type { KaaStore, ReviewRecord } from '../store';
import { IsoDate } from '../uka/types';

/** The stored review: the store's ReviewRecord plus what the review mode needs (kept in the same 'reviews' store). */
export interface StoredReview extends ReviewRecord {
  /** Keys of the recorded youths among the persons red at the start (see ReviewRecord.redKeys). */
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
  /** How many persons were red (in the review's scope) at the start. */
  redAtStart: number;
  /** Keys of the recorded youths among them. */
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
  const redAtStart = Number.isInteger(r.redAtStart) && r.redAtStart >= r.redKeys.length ? r.redAtStart : r.redKeys.length;
  return { id: r.id, startedOn: r.startedOn, label: r.label ?? null, redAtStart, redKeys: [...r.redKeys], fixedKeys: [...r.fixedKeys], lastVisitOn: r.lastVisitOn ?? null };
}

/** Of these keys, those of youths the store keeps (the only keys a review may hold). */
async function recordedOnly(store: KaaStore, keys: Iterable<string>): Promise<string[]> {
  const recorded = new Set(await store.db.getAllKeys('persons'));
  return [...new Set(keys)].filter((k) => recorded.has(k));
}

/** The current (latest, unfinished) review, or null. */
export async function reviewState(store: KaaStore): Promise<ReviewView | null> {
  const latest = asStored(await store.latestReview());
  return latest && !latest.finishedAt ? view(latest) : null;
}

/**
 * Start a new review (the previous one is finished). Its date becomes the "last monthly review". `redCount` is how
 * many persons are red in the review's scope (with or without a readable personnummer); `redKeys` the keys the page
 * could make of them: only those of recorded youths are kept.
 */
export async function reviewBegin(
  store: KaaStore,
  input: { label: string | null; redKeys: readonly string[]; redCount?: number | undefined; today: IsoDate },
  now: number = Date.now(),
): Promise<ReviewView> {
  const previous = await store.latestReview();
  if (previous && !previous.finishedAt) await store.finishReview(previous.id, now);
  const redKeys = await recordedOnly(store, input.redKeys);
  const redAtStart = Math.max(new Set(input.redKeys).size, input.redCount ?? 0);
  const base = await store.startReview({ label: input.label, redAtStart }, now);
  const record: StoredReview = { ...base, redKeys, startedOn: input.today, lastVisitOn: input.today };
  await store.saveReview(record);
  return view(record);
}

/**
 * Record the progress seen on a visit: `fixed` is how many of the persons red at the start are no longer red (the
 * page's count, kept within 0…redAtStart), `fixedKeys` the start keys that UKA's current list no longer shows as red
 * (keys that were not kept at the start are dropped). Returns null when the review is unknown or finished.
 */
export async function reviewVisit(store: KaaStore, input: { id: string; fixedKeys: readonly string[]; fixed?: number | undefined; today: IsoDate }): Promise<ReviewView | null> {
  const record = asStored(await store.getReview(input.id));
  if (!record || record.finishedAt) return null;
  const start = new Set(record.redKeys);
  const fixedKeys = [...new Set(input.fixedKeys)].filter((k) => start.has(k));
  const total = view(record).redAtStart;
  const redFixed = Math.min(total, Math.max(fixedKeys.length, input.fixed ?? fixedKeys.length));
  const next: StoredReview = { ...record, fixedKeys, redFixed, lastVisitOn: input.today };
  await store.saveReview(next);
  return view(next);
}

/** Date of the latest monthly review (the day the latest review was started), for the monthly-review reminder. */
export async function lastReviewDate(store: KaaStore): Promise<IsoDate | null> {
  const latest = asStored(await store.latestReview());
  return latest?.startedOn ?? null;
}
