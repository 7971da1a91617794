import { describe, expect, it } from 'vitest';
import { LineSet } from '../../../lib/scb/validate/dedup';

/** Lines of `text` as [start, length]. */
function lines(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let pos = 0;
  for (const l of text.split('\n')) {
    out.push([pos, l.length]);
    pos += l.length + 1;
  }
  return out;
}

describe('LineSet (exact duplicate lines by position in the text)', () => {
  it('names the first identical line, and only an identical one', () => {
    const text = ['a;b;c', 'a;b;c', 'a;b;cd', 'a;b;c ', 'x', 'a;b;c', ''].join('\n');
    const set = new LineSet(text);
    const got = lines(text).map(([s, n], i) => set.firstOf(s, n, i + 1));
    expect(got).toEqual([0, 1, 0, 0, 0, 1, 0]);
  });

  it('stays exact past many growths (5,000 distinct lines, then each again)', () => {
    const ls = Array.from({ length: 5000 }, (_, i) => `2281;${String(i).padStart(12, '0')};2026-01-10`);
    const text = [...ls, ...ls].join('\n');
    const set = new LineSet(text, 4);
    const got = lines(text).map(([s, n], i) => set.firstOf(s, n, i + 1));
    expect(got.slice(0, 5000).every((x) => x === 0)).toBe(true);
    expect(got.slice(5000)).toEqual(ls.map((_, i) => i + 1));
  });

  it('a hash collision is not a duplicate (same hash, different text)', () => {
    // Every line gets the same slot by construction of a tiny table; equality is decided on the text.
    const text = ['aa', 'ab', 'ba', 'bb', 'ab'].join('\n');
    const set = new LineSet(text, 1);
    expect(lines(text).map(([s, n], i) => set.firstOf(s, n, i + 1))).toEqual([0, 0, 0, 0, 2]);
  });
});
