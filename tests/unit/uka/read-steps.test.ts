import { describe, expect, it } from 'vitest';
import { runInSlices, type Steps } from '../../../lib/uka/read-steps';

/** Steps that record when each runs (by the number of yields to the event loop so far). */
function* counted(n: number, log: number[], yields: () => number): Steps<string> {
  for (let i = 0; i < n; i++) {
    log.push(yields());
    yield;
  }
  return 'klar';
}

/** A yieldNow that counts the times the main thread was given back. */
function counter(): { yieldNow: () => Promise<void>; yields: () => number } {
  let n = 0;
  return {
    yieldNow: () => {
      n++;
      return Promise.resolve();
    },
    yields: () => n,
  };
}

describe('runInSlices', () => {
  it('starts in a task of its own, then gives the main thread back whenever a slice has used its budget', async () => {
    const { yieldNow, yields } = counter();
    const log: number[] = [];
    const steps = counted(3, log, yields);
    const running = runInSlices(steps, { budgetMs: 0, yieldNow });
    // Nothing ran in the caller's task.
    expect(log).toEqual([]);
    expect(await running).toBe('klar');
    // A zero budget: one step per slice, each after a yield.
    expect(log).toEqual([1, 2, 3]);
  });

  it('runs many steps in one slice within a generous budget', async () => {
    const { yieldNow, yields } = counter();
    const log: number[] = [];
    expect(await runInSlices(counted(50, log, yields), { budgetMs: 10_000, yieldNow })).toBe('klar');
    expect(new Set(log)).toEqual(new Set([1]));
  });

  it('stops when the signal is aborted, before the first step or between slices', async () => {
    const controller = new AbortController();
    controller.abort();
    const log: number[] = [];
    await expect(runInSlices(counted(3, log, () => 0), { signal: controller.signal, yieldNow: () => Promise.resolve() })).rejects.toThrow('avbruten');
    expect(log).toEqual([]);
    const later = new AbortController();
    const seen: number[] = [];
    const yieldNow = () => {
      if (seen.length > 0) later.abort();
      return Promise.resolve();
    };
    await expect(runInSlices(counted(5, seen, () => 0), { budgetMs: 0, signal: later.signal, yieldNow })).rejects.toThrow('avbruten');
    expect(seen).toHaveLength(1);
  });
});
