/**
 * How the reader runs: every read gives { ok: true, value } or { ok: false, reason } and never throws; long reads
 * are generators that pause (yield) every SLICE_ROWS rows. The synchronous reads run them straight through; the
 * *Async reads give the page its main thread back whenever a slice budget is used up, so a 5,000-row list never
 * becomes one long task.
 */
import type { ReadResult, SliceOptions } from './types';
import { nextTask } from '../startup/next-task';

export function fail<T>(reason: string): ReadResult<T> {
  return { ok: false, reason };
}

export function safe<T>(fn: () => T, fallback: (error: unknown) => T): T {
  try {
    return fn();
  } catch (error) {
    return fallback(error);
  }
}

export const errText = (e: unknown) => (e instanceof Error ? e.message : String(e));

export type Steps<T> = Generator<void, T, void>;

export function runThrough<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

const clock = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/**
 * Run `steps` in slices of at most about `budgetMs` each, every slice in a task of its own: the first one too, so that
 * the task that asked (a page view's start, which has spent its own time already) never holds a slice as well.
 */
export async function runInSlices<T>(steps: Steps<T>, options: SliceOptions = {}): Promise<T> {
  const budget = options.budgetMs ?? 8;
  const yieldNow = options.yieldNow ?? nextTask;
  await yieldNow();
  if (options.signal?.aborted) {
    steps.return(undefined as never);
    throw new Error('avbruten');
  }
  let until = clock() + budget;
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (clock() >= until) {
      await yieldNow();
      if (options.signal?.aborted) {
        steps.return(undefined as never);
        throw new Error('avbruten');
      }
      until = clock() + budget;
    }
  }
}
