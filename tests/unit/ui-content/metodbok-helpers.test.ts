import { describe, expect, it } from 'vitest';
import { defaultPack, searchPack } from '../../../lib/content';
import { highlightSegments, hitCountText, hitTarget, viewFromHash } from '../../../components/metodbok/helpers';
import { metodbokPath } from '../../../entrypoints/background/handlers/pages';

describe('highlightSegments', () => {
  it('splits text into plain and marked parts', () => {
    expect(highlightSegments('hembesök och brev', [[0, 3]])).toEqual([
      { text: 'hem', mark: true },
      { text: 'besök och brev', mark: false },
    ]);
    expect(highlightSegments('abc', [])).toEqual([{ text: 'abc', mark: false }]);
    expect(highlightSegments('', [[0, 2]])).toEqual([]);
  });
  it('merges overlapping and unsorted ranges and clamps out-of-range ones', () => {
    expect(highlightSegments('abcdefgh', [[5, 7], [1, 3], [2, 4], [-5, 0], [7, 99]])).toEqual([
      { text: 'a', mark: false },
      { text: 'bcd', mark: true },
      { text: 'e', mark: false },
      { text: 'fgh', mark: true },
    ]);
  });
  it('keeps markup-looking text as text', () => {
    const segs = highlightSegments('<b>x</b>', [[3, 4]]);
    expect(segs.map((s) => s.text).join('')).toBe('<b>x</b>');
  });
  it('round-trips every search hit of the default pack', () => {
    for (const hit of searchPack(defaultPack, 'hembesök sysselsättning', { limit: 50 })) {
      const segs = highlightSegments(hit.snippet.text, hit.snippet.ranges);
      expect(segs.map((s) => s.text).join('')).toBe(hit.snippet.text);
    }
  });
});

describe('Metodbok routing', () => {
  const first = defaultPack.sections[0]!.id;
  it('opens the section named in the hash, else the first', () => {
    const some = defaultPack.sections[3]!.id;
    expect(viewFromHash(`#${some}`, defaultPack)).toEqual({ kind: 'section', id: some });
    expect(viewFromHash(some, defaultPack)).toEqual({ kind: 'section', id: some });
    expect(viewFromHash('', defaultPack)).toEqual({ kind: 'section', id: first });
    expect(viewFromHash('#finns-inte', defaultPack)).toEqual({ kind: 'section', id: first });
    expect(viewFromHash('#%E0%A4%A', defaultPack)).toEqual({ kind: 'section', id: first });
    expect(viewFromHash('#ordlista', defaultPack)).toEqual({ kind: 'glossary' });
    expect(viewFromHash('#varningar-R3', defaultPack)).toEqual({ kind: 'warnings' });
  });
  it('sends every hit somewhere', () => {
    for (const q of ['SysKontakt', 'InSys', 'hembesök', 'studiebevis']) {
      for (const hit of searchPack(defaultPack, q)) expect(hitTarget(hit)).not.toBe('');
    }
    expect(hitTarget({ kind: 'explainer', id: 'R3', title: '', titleRanges: [], score: 1, snippet: { text: '', ranges: [] } })).toBe('varningar-R3');
  });
  it('counts hits in Swedish', () => {
    expect(hitCountText(0, 'x')).toBe('Inga träffar på ”x”.');
    expect(hitCountText(1, 'x')).toBe('1 träff på ”x”.');
    expect(hitCountText(4, 'x')).toBe('4 träffar på ”x”.');
  });
  it('builds the Metodbok path for the background, dropping invalid ids', () => {
    expect(metodbokPath('hembesok')).toBe('/metodbok.html#hembesok');
    expect(metodbokPath(undefined)).toBe('/metodbok.html');
    expect(metodbokPath('"><script>')).toBe('/metodbok.html');
  });
});
