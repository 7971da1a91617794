/** The reviews store: the monthly review of the export list (which red persons were fixed, by key). */
import type { Db } from './db';
import type { ReviewRecord } from './types';

export async function startReview(db: Db, input: { label?: string | null; redAtStart: number }, now: number = Date.now()): Promise<ReviewRecord> {
  const record: ReviewRecord = { id: crypto.randomUUID(), startedAt: now, label: input.label ?? null, redAtStart: input.redAtStart, redFixed: 0, fixedKeys: [], finishedAt: null };
  await db.put('reviews', record);
  return record;
}

/** Mark a person as fixed in a review (idempotent). Throws when the review does not exist. */
export async function markReviewFixed(db: Db, reviewId: string, personKey: string): Promise<ReviewRecord> {
  const tx = db.transaction('reviews', 'readwrite');
  const review = await tx.store.get(reviewId);
  if (!review) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw new Error('Okänd genomgång');
  }
  if (!review.fixedKeys.includes(personKey)) {
    review.fixedKeys = [...review.fixedKeys, personKey];
    review.redFixed = review.fixedKeys.length;
  }
  await tx.store.put(review);
  await tx.done;
  return review;
}

export async function finishReview(db: Db, reviewId: string, now: number = Date.now()): Promise<ReviewRecord | null> {
  const review = await db.get('reviews', reviewId);
  if (!review) return null;
  const done = { ...review, finishedAt: now };
  await db.put('reviews', done);
  return done;
}

export function saveReview(db: Db, review: ReviewRecord): Promise<string> {
  return db.put('reviews', review);
}

export function getReview(db: Db, id: string): Promise<ReviewRecord | undefined> {
  return db.get('reviews', id);
}

/** The most recently started review, or null. */
export async function latestReview(db: Db): Promise<ReviewRecord | null> {
  const all = await db.getAll('reviews');
  return all.sort((a, b) => b.startedAt - a.startedAt)[0] ?? null;
}
