import { describe, expect, it } from 'vitest';
import { redactError, runFeatures, type FeatureDefinition } from '../../../lib/features/manager';

type Ctx = { log: string[] };

const ok = (id: string, pages: FeatureDefinition<Ctx>['pages'] = ['person']): FeatureDefinition<Ctx> => ({
  id,
  pages,
  init(ctx) {
    ctx.log.push(id);
  },
});

describe('runFeatures', () => {
  const base = { pageKind: 'person' as const, isEnabled: () => true, signal: new AbortController().signal };

  it('runs every feature even when one throws, rejects or hangs', async () => {
    const ctx: Ctx = { log: [] };
    const features: FeatureDefinition<Ctx>[] = [
      ok('a'),
      { id: 'throws', pages: ['person'], init: () => { throw new Error('boom 19990101-1234'); } },
      { id: 'rejects', pages: ['person'], init: async () => Promise.reject(new Error('nope')) },
      { id: 'hangs', pages: ['person'], init: () => new Promise<void>(() => undefined) },
      ok('b'),
    ];
    const statuses = await runFeatures(features, ctx, { ...base, timeoutMs: 50 });
    expect(ctx.log).toEqual(['a', 'b']);
    expect(statuses.map((s) => s.state)).toEqual(['active', 'error', 'error', 'error', 'active']);
    expect(statuses[1]!.error).toContain('[personnummer]');
    expect(statuses[1]!.error).not.toContain('1234');
  });

  it('skips features that are off or not for this page kind', async () => {
    const ctx: Ctx = { log: [] };
    const statuses = await runFeatures([ok('a', ['export']), ok('b'), ok('c')], ctx, { ...base, isEnabled: (id) => id !== 'c' });
    expect(statuses.map((s) => [s.id, s.state])).toEqual([
      ['a', 'not-applicable'],
      ['b', 'active'],
      ['c', 'off'],
    ]);
    expect(ctx.log).toEqual(['b']);
  });

  it('runs cleanups when the page view ends, and reports false as not applicable', async () => {
    const controller = new AbortController();
    const cleaned: string[] = [];
    const statuses = await runFeatures<Ctx>(
      [
        { id: 'x', pages: ['person'], init: () => () => cleaned.push('x') },
        { id: 'y', pages: ['person'], init: () => false },
        { id: 'z', pages: ['person'], init: () => () => { throw new Error('cleanup fails'); } },
      ],
      { log: [] },
      { ...base, signal: controller.signal },
    );
    expect(statuses.map((s) => s.state)).toEqual(['active', 'not-applicable', 'active']);
    expect(cleaned).toEqual([]);
    controller.abort();
    expect(cleaned).toEqual(['x']);
  });
});

describe('runFeatures with a task scheduler', () => {
  it('starts each applicable feature through the scheduler, so each runs in its own task', async () => {
    const order: string[] = [];
    let tasks = 0;
    const start = <T,>(run: () => T) =>
      new Promise<Awaited<T>>((resolve) =>
        setTimeout(() => {
          tasks++;
          order.push(`task${tasks}`);
          resolve(run() as Awaited<T>);
        }, 0),
      );
    const ctx: Ctx = { log: order };
    const statuses = await runFeatures([ok('a'), ok('b', ['export']), ok('c')], ctx, { pageKind: 'person', isEnabled: () => true, signal: new AbortController().signal, start });
    expect(tasks).toBe(2);
    expect(order).toEqual(['task1', 'a', 'task2', 'c']);
    expect(statuses.map((s) => s.state)).toEqual(['active', 'not-applicable', 'active']);
  });
});

describe('redactError', () => {
  it('hides personnummer in all usual spellings and caps the length', () => {
    expect(redactError('x 200506122384 y 050612-2384 z 20050612-2384')).toBe('x [personnummer] y [personnummer] z [personnummer]');
    expect(redactError('a'.repeat(1000))).toHaveLength(300);
  });
});
