import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { drawAround, drawInIdleTime, whenAllDrawn } from '../../../components/ui/draw';
import { mountShadow, unmountAll } from '../../../components/ui/shadow';

/** A page whose window has a hand-run IntersectionObserver and idle callbacks (this DOM has neither). */
function page(body: string) {
  const { document: doc, window } = parseHTML(`<!DOCTYPE html><html><head></head><body>${body}</body></html>`) as unknown as { document: Document; window: Record<string, unknown> };
  const observed = new Set<Element>();
  let notify: ((records: Array<{ target: Element; isIntersecting: boolean }>) => void) | null = null;
  const idle: Array<(d: { timeRemaining(): number }) => void> = [];
  window.IntersectionObserver = class {
    constructor(callback: typeof notify) {
      notify = callback;
    }
    observe(el: Element) {
      observed.add(el);
    }
    unobserve(el: Element) {
      observed.delete(el);
    }
  };
  window.requestIdleCallback = (cb: (typeof idle)[number]) => idle.push(cb);
  window.cancelIdleCallback = () => undefined;
  window.performance = { now: () => 0 } as unknown as Performance;
  Object.defineProperty(doc, 'readyState', { value: 'complete' });
  return { doc, observed, inView: (el: Element) => notify?.([{ target: el, isIntersecting: true }]), idle };
}

const drawn = (m: { root: ShadowRoot }) => Boolean(m.root.querySelector('.kaa-root'));

describe('drawing what is in view (components/ui/draw.ts)', () => {
  it('an in-flow panel waits with a named, focusable stand-in, and is drawn when it comes into view', () => {
    const { doc, observed, inView } = page('<main><section id="a">A</section></main>');
    const mounted = mountShadow(doc, { feature: 'explainers', anchor: doc.getElementById('a'), where: 'afterend' })!;
    expect(drawn(mounted)).toBe(false);
    const standIn = mounted.root.querySelector('[tabindex="0"]')!;
    expect(standIn.getAttribute('aria-label')).toBe('KAA-lotsen: Förklaringar av SCB-varningar');
    expect(observed.has(mounted.host)).toBe(true);
    inView(mounted.host);
    expect(drawn(mounted)).toBe(true);
    expect(mounted.root.querySelector('[tabindex="0"]')).toBeNull();
    expect(observed.has(mounted.host)).toBe(false);
    // Floating panels are in view: drawn at once.
    const floating = mountShadow(doc, { feature: 'status-panel', where: 'floating' })!;
    expect(drawn(floating)).toBe(true);
  });

  it('focus on the stand-in draws the panel at once; the tour draws what it points at; a panel taken away is never drawn', () => {
    const { doc, observed } = page('<main><section id="a">A</section><p>x</p><section id="b">B</section><p>y</p><section id="c">C</section></main>');
    const [a, b, c] = ['a', 'b', 'c'].map((id) => mountShadow(doc, { feature: 'tips', anchor: doc.getElementById(id), where: 'beforebegin' })!);
    a!.root.querySelector('[tabindex="0"]')!.dispatchEvent(new (doc.defaultView as unknown as { Event: typeof Event }).Event('focus'));
    expect(drawn(a!)).toBe(true);
    drawAround(doc.getElementById('b')!);
    expect(drawn(b!)).toBe(true);
    expect(drawn(c!)).toBe(false);
    unmountAll(doc);
    expect(observed.size).toBe(0);
  });

  it('once the page has loaded, idle time draws the rest', async () => {
    const { doc, idle } = page('<main><section id="a">A</section><section id="b">B</section></main>');
    const second = mountShadow(doc, { feature: 'explainers', anchor: doc.getElementById('b'), where: 'afterend' })!;
    const first = mountShadow(doc, { feature: 'explainers', anchor: doc.getElementById('a'), where: 'afterend' })!;
    const all = whenAllDrawn(doc);
    expect(all).not.toBeNull();
    expect(idle).toHaveLength(0);
    drawInIdleTime(doc);
    expect(idle).toHaveLength(1);
    idle.shift()!({ timeRemaining: () => 50 });
    expect([drawn(first), drawn(second)]).toEqual([true, true]);
    await all;
    expect(whenAllDrawn(doc)).toBeNull();
  });
});
