import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openStore, type KaaStore } from '../../../lib/store';
import { lastReviewDate, reviewState, reviewBegin, reviewVisit } from '../../../lib/review/records';
import { reviewHandlers } from '../../../entrypoints/background/handlers/review';
import { dispatch } from '../../../lib/messages';

const key = (c: string) => c.repeat(64);
const A = key('a');
const B = key('b');
const C = key('c');

let store: KaaStore;

beforeEach(async () => {
  store = await openStore(new IDBFactory());
  // A and B are youths the store records ("Mina deltagare" or an opened person page); C is not.
  for (const k of [A, B]) await store.db.put('persons', { key: k, birthDate: '2009-01-01', path: null, lastSeen: 1, expiresAt: '2029-01-01' });
});
afterEach(() => store?.close());

describe('review handlers', () => {
  it('has no review and no last review date on a fresh install', async () => {
    expect(await reviewState(store)).toBeNull();
    expect(await lastReviewDate(store)).toBeNull();
  });

  it('starts a review with the red keys and its date, and returns it', async () => {
    const started = await reviewBegin(store, { label: 'Coach Anna', redKeys: [A, B, A], today: '2026-11-03' }, 1000);
    expect(started).toMatchObject({ label: 'Coach Anna', redAtStart: 2, redKeys: [A, B], fixedKeys: [], startedOn: '2026-11-03', lastVisitOn: '2026-11-03' });
    expect(await reviewState(store)).toEqual(started);
    expect(await lastReviewDate(store)).toBe('2026-11-03');
    const raw = await store.getReview(started.id);
    expect(raw).toMatchObject({ redAtStart: 2, redFixed: 0 });
  });

  it('counts every red person but keeps keys only of recorded youths (the export list records nobody)', async () => {
    const started = await reviewBegin(store, { label: null, redKeys: [A, C], redCount: 5, today: '2026-11-03' }, 1000);
    expect(started).toMatchObject({ redAtStart: 5, redKeys: [A] });
    expect(JSON.stringify(await store.dumpAll())).not.toContain(C);
    const visited = await reviewVisit(store, { id: started.id, fixedKeys: [A, C], fixed: 3, today: '2026-11-10' });
    expect(visited).toMatchObject({ fixedKeys: [A] });
    expect(await store.getReview(started.id)).toMatchObject({ redAtStart: 5, redFixed: 3 });
    // A count beyond the start is kept within it.
    await reviewVisit(store, { id: started.id, fixedKeys: [], fixed: 99, today: '2026-11-11' });
    expect(await store.getReview(started.id)).toMatchObject({ redFixed: 5 });
    expect(JSON.stringify(await store.dumpAll())).not.toContain(C);
  });

  it('records the fixed keys of a visit, dropping keys that were not red at the start', async () => {
    const started = await reviewBegin(store, { label: null, redKeys: [A, B], today: '2026-11-03' }, 1000);
    const updated = await reviewVisit(store, { id: started.id, fixedKeys: [A, C], today: '2026-11-10' });
    expect(updated).toMatchObject({ fixedKeys: [A], lastVisitOn: '2026-11-10' });
    expect(await store.getReview(started.id)).toMatchObject({ redFixed: 1 });
    // A person red again on the next visit is no longer counted as fixed.
    expect(await reviewVisit(store, { id: started.id, fixedKeys: [], today: '2026-11-11' })).toMatchObject({ fixedKeys: [] });
  });

  it('a new review finishes the previous one and becomes the last review', async () => {
    const first = await reviewBegin(store, { label: null, redKeys: [A], today: '2026-10-01' }, 1000);
    const second = await reviewBegin(store, { label: null, redKeys: [B], today: '2026-11-03' }, 2000);
    expect((await store.getReview(first.id))?.finishedAt).toBe(2000);
    expect((await reviewState(store))?.id).toBe(second.id);
    expect(await reviewVisit(store, { id: first.id, fixedKeys: [A], today: '2026-11-03' })).toBeNull();
    expect(await lastReviewDate(store)).toBe('2026-11-03');
  });

  it('refuses anything that is not a person key (no personnummer or names can be stored)', async () => {
    const handlers = reviewHandlers({ store: async () => store, remindersChanged: async () => undefined });
    const begin = (payload: unknown) => dispatch(handlers, { cmd: 'review-begin', payload });
    expect(await begin({ label: null, redKeys: ['200801012386'], today: '2026-11-03' })).toMatchObject({ code: 'bad-payload' });
    expect(await begin({ label: null, redKeys: [], today: '3 nov' })).toMatchObject({ code: 'bad-payload' });
    expect(await begin({ label: null, redKeys: [], today: '2026-11-03', names: ['x'] })).toMatchObject({ code: 'bad-payload' });
    expect(await reviewState(store)).toBeNull();
  });

  it('ignores a review record without the review-mode fields', async () => {
    await store.startReview({ label: null, redAtStart: 3 });
    expect(await reviewState(store)).toBeNull();
    expect(await lastReviewDate(store)).toBeNull();
  });

  it('exposes a handler map over a store getter; starting a review reschedules the reminders', async () => {
    let changed = 0;
    const handlers = reviewHandlers({
      store: async () => store,
      remindersChanged: async () => {
        changed++;
      },
    });
    const started = await handlers['review-begin']({ label: null, redKeys: [A], today: '2026-11-03' }, {});
    expect((await handlers['review-state'](undefined, {}))?.id).toBe(started.id);
    expect(changed).toBe(1);
    expect(await lastReviewDate(store)).toBe('2026-11-03');
  });
});
