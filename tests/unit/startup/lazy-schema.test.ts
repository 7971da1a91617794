import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { lazySchema } from '../../../lib/startup/lazy-schema';

describe('lazySchema', () => {
  it('builds the schema only when it is first used, and only once', () => {
    const build = vi.fn(() => z.object({ a: z.string() }));
    const S = lazySchema(build);
    expect(build).not.toHaveBeenCalled();
    expect(S.safeParse({ a: 'x' }).success).toBe(true);
    expect(S.safeParse({ a: 1 }).success).toBe(false);
    expect(build).toHaveBeenCalledTimes(1);
  });

  it('nests inside other schemas (also lazy ones) and keeps modifiers, enums and error paths', () => {
    const Colour = lazySchema(() => z.enum(['red', 'green']));
    const Row = lazySchema(() => z.object({ colour: Colour, note: z.string().nullable() }));
    const List = lazySchema(() => z.object({ rows: z.array(Row), first: Row.optional() }));
    expect(Colour.options).toEqual(['red', 'green']);
    expect(List.parse({ rows: [{ colour: 'red', note: null }] })).toEqual({ rows: [{ colour: 'red', note: null }] });
    const bad = List.safeParse({ rows: [{ colour: 'blue', note: null }] });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['rows', 0, 'colour']);
    expect(Colour.nullable().parse(null)).toBeNull();
  });

  it('works in a discriminated union (zod reads the options’ internals)', () => {
    const A = lazySchema(() => z.object({ kind: z.literal('a'), n: z.number() }));
    const B = lazySchema(() => z.object({ kind: z.literal('b'), s: z.string() }));
    const U = z.discriminatedUnion('kind', [A, B]);
    expect(U.parse({ kind: 'b', s: 'x' })).toEqual({ kind: 'b', s: 'x' });
    expect(U.safeParse({ kind: 'a', n: 'x' }).success).toBe(false);
  });
});
