import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import {
  claimSlot,
  flowHostStyle,
  pageKey,
  pathOf,
  placeSlots,
  recordSlots,
  releaseSlots,
  resolvePath,
  sameSlots,
  slotsFrom,
  withSlots,
  HOST_TAG,
  isReserved,
  type SlotHint,
} from '../../../lib/startup/slots';
import { BOTTOM_SPACE_PX, mountShadow, unmountAll } from '../../../components/ui/shadow';

function page(body: string): Document {
  return parseHTML(`<!DOCTYPE html><html><head></head><body>${body}</body></html>`).document as unknown as Document;
}

const hosts = (doc: Document) => Array.from(doc.querySelectorAll(HOST_TAG));

describe('reserved panel places (slots)', () => {
  it('an element path skips our own hosts and resolves back to the same element', () => {
    const doc = page(`<header></header><${HOST_TAG}></${HOST_TAG}><main><h1>Export</h1><${HOST_TAG}></${HOST_TAG}><div class="g"><section></section><section id="x"></section></div></main>`);
    const x = doc.getElementById('x')!;
    const path = pathOf(x, doc.body)!;
    expect(path).toEqual([
      [1, 'main'],
      [1, 'div'],
      [1, 'section'],
    ]);
    expect(resolvePath(doc.body, path)).toBe(x);
    // A different page (another tag on the way) does not resolve.
    expect(resolvePath(doc.body, [[1, 'main'], [1, 'table']])).toBeNull();
    expect(resolvePath(doc.body, [[1, 'main'], [1, 'div'], [5, 'section']])).toBeNull();
  });

  it('places hosts as the parser reaches their place, in remembered order, and only once', () => {
    const doc = page(`<main><h1>Export</h1></main>`);
    const main = doc.querySelector('main')!;
    const slots: SlotHint[] = [
      { feature: 'review', parent: [[0, 'main']], before: 2, height: 120 },
      { feature: 'tips', parent: [[0, 'main']], before: 2, height: 34 },
      { feature: 'explainers', parent: [[0, 'main'], [2, 'div']], before: 1, height: 50 },
    ];
    const placed = new Set<SlotHint>();
    // Only the heading is parsed: nothing can be placed yet.
    expect(placeSlots(doc, slots, placed)).toBe(3);
    expect(hosts(doc)).toHaveLength(0);
    main.insertAdjacentHTML('beforeend', '<section class="actions"></section>');
    // Two elements are there: both slots before the third go at the end, where the parser continues.
    expect(placeSlots(doc, slots, placed)).toBe(1);
    main.insertAdjacentHTML('beforeend', '<div class="groups"><section>1</section></div>');
    expect(placeSlots(doc, slots, placed)).toBe(0);
    expect(placeSlots(doc, slots, placed)).toBe(0);
    const names = Array.from(main.children).map((el) => el.getAttribute('data-feature') ?? el.tagName.toLowerCase());
    expect(names).toEqual(['h1', 'section', 'review', 'tips', 'div']);
    const groups = doc.querySelector('.groups')!;
    expect(Array.from(groups.children).map((el) => el.getAttribute('data-feature') ?? el.tagName.toLowerCase())).toEqual(['section', 'explainers']);
    const review = doc.querySelector(`${HOST_TAG}[data-feature="review"]`) as HTMLElement;
    expect(isReserved(review)).toBe(true);
    expect(review.getAttribute('aria-hidden')).toBe('true');
    expect(review.getAttribute('style')).toBe(flowHostStyle(120));
    expect(flowHostStyle(120)).toContain('contain:size layout');
  });

  it('a feature draws into its reserved host; the rest are removed when the first view has drawn', () => {
    const doc = page(`<main><h1>Export</h1><section id="a"></section><div id="list"></div></main>`);
    const slots: SlotHint[] = [
      { feature: 'review', parent: [[0, 'main']], before: 2, height: 120 },
      { feature: 'tips', parent: [[0, 'main']], before: 2, height: 34 },
    ];
    placeSlots(doc, slots, new Set());
    const list = doc.getElementById('list')!;
    expect(claimSlot(list, 'beforebegin', 'scb-guard')).toBeNull();
    const mounted = mountShadow(doc, { feature: 'review', anchor: list, where: 'beforebegin' })!;
    expect(mounted.host.getAttribute('data-feature')).toBe('review');
    expect(mounted.host.nextElementSibling?.getAttribute('data-feature')).toBe('tips');
    // Claimed once only, and an ordinary host from then on.
    expect(claimSlot(list, 'beforebegin', 'review')).toBeNull();
    expect(isReserved(mounted.host)).toBe(false);
    expect(mounted.host.hasAttribute('aria-hidden')).toBe(false);
    releaseSlots(doc);
    expect(hosts(doc).map((h) => h.getAttribute('data-feature'))).toEqual(['review']);
    // Without ResizeObserver (this DOM has none) a claimed host becomes an ordinary block, never cut off at a fixed
    // height; a host in a new place is one from the start.
    expect(mounted.host.getAttribute('style')).not.toContain('height');
    const fresh = mountShadow(doc, { feature: 'scb-guard', anchor: doc.getElementById('a')!, where: 'afterend' })!;
    expect(fresh.host.hasAttribute('style')).toBe(false);
    expect(fresh.host.previousElementSibling?.id).toBe('a');
    expect(mounted.container.isConnected).toBe(true);
  });

  it('records the places and heights of in-flow hosts only (not floating ones, not unclaimed reservations)', () => {
    const doc = page(`<main><h1>Export</h1><div id="list"></div></main>`);
    const list = doc.getElementById('list')!;
    const inFlow = mountShadow(doc, { feature: 'review', anchor: list, where: 'beforebegin' })!;
    const floating = mountShadow(doc, { feature: 'status-panel', where: 'floating' })!;
    for (const [host, height] of [[inFlow.host, 80.456], [floating.host, 50]] as const) host.getBoundingClientRect = () => ({ height }) as DOMRect;
    const slots = recordSlots(doc);
    expect(slots).toEqual([{ feature: 'review', parent: [[0, 'main']], before: 1, height: 80.456 }]);
    expect(sameSlots(slots, [{ ...slots[0]!, height: 80.456 }])).toBe(true);
    expect(sameSlots(slots, [{ ...slots[0]!, height: 80.46 }])).toBe(false);
    expect(sameSlots(slots, [{ ...slots[0]!, height: 90 }])).toBe(false);
    // No text from the page is kept: only tag names, positions, heights and our feature ids.
    expect(JSON.stringify(slots)).not.toMatch(/Export/);
  });

  it('corner panels leave room at the end of the page, once, below every UKA element; cleanup removes it', () => {
    const doc = page(`<main><h1>Person</h1><p id="last">Inga uppgifter.</p></main><footer id="foot">UKA</footer>`);
    const spacers = () => Array.from(doc.querySelectorAll(`${HOST_TAG}[data-feature="bottom-space"]`)) as HTMLElement[];
    mountShadow(doc, { feature: 'tour', where: 'floating' });
    expect(spacers()).toHaveLength(0);
    mountShadow(doc, { feature: 'status-panel', where: 'floating', bottomCorner: true });
    mountShadow(doc, { feature: 'glossary', where: 'floating', bottomCorner: true });
    expect(spacers()).toHaveLength(1);
    const spacer = spacers()[0]!;
    expect(spacer.parentElement).toBe(doc.body);
    expect(spacer.getAttribute('aria-hidden')).toBe('true');
    expect(spacer.getAttribute('style')).toContain(`height:${BOTTOM_SPACE_PX}px`);
    // Every UKA element comes before it, so it moves none of them.
    expect(doc.getElementById('foot')!.compareDocumentPosition(spacer) & 4).toBe(4);
    // Not a panel place to remember.
    expect(recordSlots(doc).map((s) => s.feature)).not.toContain('bottom-space');
    unmountAll(doc);
    expect(hosts(doc)).toHaveLength(0);
  });

  it('reads only well-formed memories and keeps the most recently shown pages', () => {
    const good: SlotHint = { feature: 'review', parent: [[1, 'main']], before: 2, height: 40 };
    const stored = { '/export': { at: 5, slots: [good, { feature: '<x>', parent: [], before: 0, height: 1 }, { ...good, height: -1 }, { ...good, parent: [[0, 'ma in']] }] } };
    expect(slotsFrom(stored, '/export')).toEqual([good]);
    expect(slotsFrom('junk', '/export')).toEqual([]);
    expect(slotsFrom({ '/export': { slots: 'x' } }, '/export')).toEqual([]);
    let memory: unknown = {};
    for (let i = 0; i < 20; i++) memory = withSlots(memory, `/p${i}`, [good], i);
    const kept = Object.keys(memory as object);
    expect(kept.length).toBeLessThanOrEqual(12);
    expect(kept).toContain('/p19');
    expect(kept).not.toContain('/p0');
  });

  it('pages that differ only in numbers share one memory', () => {
    expect(pageKey('/person/17')).toBe(pageKey('/person/4'));
    expect(pageKey('/person/200703132381')).toBe('/person/0');
    expect(pageKey('/export')).toBe('/export');
  });
});
