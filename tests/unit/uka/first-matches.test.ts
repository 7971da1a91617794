import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { firstMatches, matcherFor } from '../../../lib/uka/dom';

type Node = { tag: 'a' | 'span' | 'em' | 'div'; cls: '' | 'pnr' | 'tag'; href: boolean; kids: Node[] };

const node: fc.Memo<Node> = fc.memo((depth) =>
  fc.record({
    tag: fc.constantFrom('a', 'span', 'em', 'div'),
    cls: fc.constantFrom('', 'pnr', 'tag'),
    href: fc.boolean(),
    kids: depth > 1 ? fc.array(node(depth - 1), { maxLength: 3 }) : fc.constant([]),
  }),
);

let counter = 0;
const html = (n: Node): string =>
  `<${n.tag} id="n${counter++}"${n.cls ? ` class="${n.cls}"` : ''}${n.href ? ' href="/p"' : ''}>${n.kids.map(html).join('')}</${n.tag}>`;

const SELECTORS = ['a', '.pnr', 'a[href]', 'span.tag', 'em', 'div > a'];
// The profile-style simple selectors take the fast tests of matcherFor; the others go through el.matches.
const match = matcherFor;

describe('firstMatches (one walk instead of a querySelector per field)', () => {
  it('finds, for every selector, what querySelector finds', () => {
    fc.assert(
      fc.property(fc.array(node(4), { maxLength: 4 }), (kids) => {
        counter = 0;
        const { document } = parseHTML(`<ul><li id="item">${kids.map(html).join('')}</li></ul>`);
        const item = document.getElementById('item')!;
        const found = firstMatches(item as unknown as Element, SELECTORS.map(match));
        SELECTORS.forEach((sel, i) => {
          expect(found[i]?.getAttribute('id') ?? null, sel).toBe(item.querySelector(sel)?.getAttribute('id') ?? null);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('never looks outside the item', () => {
    const { document } = parseHTML(`<ul><li id="a"><span>x</span></li><li id="b"><a href="/p">y</a></li></ul>`);
    expect(firstMatches(document.getElementById('a') as unknown as Element, [match('a')])).toEqual([null]);
  });
});
