import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { createElementLookup, ELEMENT_TEXT_LIMIT, elementTexts, pageStamp, pointInRects, scanGlossary, scanIsCurrent, termsOnPage } from '../../../components/glossary/scan';
import { placeCard } from '../../../components/glossary/GlossaryLayer';
import { defaultPack as DEFAULT_PACK } from '../../../lib/content';

function page(body: string) {
  const { document } = parseHTML(`<!doctype html><html><body>${body}</body></html>`);
  return document as unknown as Document;
}

const sync = (fn: () => void) => fn();

describe('scanGlossary', () => {
  it('finds SCB codes in text nodes and skips our own hosts, form fields, scripts and hidden text', async () => {
    const doc = page(`
      <h2>Problem: Åtgärd avslutad utan GrundAtgSlut</h2>
      <p>Sysselsättning (SysKontakt) saknas. InSys under åtgärd.</p>
      <kaa-lotsen-ui><span>SysEfter</span></kaa-lotsen-ui>
      <input value="SenSysReg"><textarea>Atgard</textarea><script>var SysEfter = 1;</script>
      <span aria-hidden="true">Atgard</span>
      <td>2026-11-03</td>`);
    const found = await scanGlossary(doc, DEFAULT_PACK, { signal: new AbortController().signal, schedule: sync });
    expect(found.map((f) => f.term)).toEqual(['GrundAtgSlut', 'SysKontakt', 'InSys']);
    const first = found[0]!;
    expect(first.node.nodeValue!.slice(first.start, first.end)).toBe('GrundAtgSlut');
  });

  it('does not find a case-sensitive code inside another word or in the wrong case', async () => {
    const doc = page('<p>insys Atgarder XInSys SysKontakter</p>');
    const found = await scanGlossary(doc, DEFAULT_PACK, { signal: new AbortController().signal, schedule: sync });
    expect(found).toEqual([]);
  });

  it('works in slices: yields to the scheduler and reports progress until done', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `<li>Rad ${i} SysEfter</li>`).join('');
    const doc = page(`<ul>${rows}</ul>`);
    const queue: Array<() => void> = [];
    const progress: boolean[] = [];
    const done = scanGlossary(doc, DEFAULT_PACK, { signal: new AbortController().signal, sliceMs: 0, schedule: (fn) => queue.push(fn), onProgress: (_f, d) => progress.push(d) });
    let slices = 0;
    while (queue.length) {
      queue.shift()!();
      slices++;
    }
    const found = await done;
    expect(found).toHaveLength(3000);
    expect(slices).toBeGreaterThan(10);
    expect(progress.at(-1)).toBe(true);
    expect(progress.filter((d) => d)).toHaveLength(1);
  });

  it('stops when aborted', async () => {
    const doc = page(`<ul>${'<li>InSys</li>'.repeat(500)}</ul>`);
    const controller = new AbortController();
    const queue: Array<() => void> = [];
    const done = scanGlossary(doc, DEFAULT_PACK, { signal: controller.signal, sliceMs: 0, schedule: (fn) => queue.push(fn) });
    queue.shift()!();
    controller.abort();
    while (queue.length) queue.shift()!();
    const found = await done;
    expect(found.length).toBeLessThan(500);
  });
});

describe('per-element lookup (hover)', () => {
  it('finds the terms in the text of one element only, with offsets into its text nodes', () => {
    const doc = page('<p id="a">InSys och <b>SysEfter</b></p><p id="b">SysKontakt</p>');
    const lookup = createElementLookup(DEFAULT_PACK);
    const found = lookup(doc.getElementById('a')!);
    expect(found.map((f) => f.term)).toEqual(['InSys', 'SysEfter']);
    for (const f of found) expect(f.node.nodeValue!.slice(f.start, f.end)).toBe(f.term);
    expect(lookup(doc.querySelector('b')!).map((f) => f.term)).toEqual(['SysEfter']);
    expect(lookup(doc.getElementById('b')!).map((f) => f.term)).toEqual(['SysKontakt']);
  });

  it('caches per element and looks again when the element’s text changes', () => {
    const doc = page('<p id="a">InSys</p>');
    const lookup = createElementLookup(DEFAULT_PACK);
    const el = doc.getElementById('a')!;
    const first = lookup(el);
    expect(lookup(el)).toBe(first);
    el.firstChild!.nodeValue = 'SysEfter och InSys';
    expect(lookup(el).map((f) => f.term)).toEqual(['SysEfter', 'InSys']);
    el.append(doc.createTextNode(' GrundAtgSlut'));
    expect(lookup(el).map((f) => f.term)).toEqual(['SysEfter', 'InSys', 'GrundAtgSlut']);
  });

  it('finds nothing in our own hosts, form fields, hidden or editable text', () => {
    const doc = page(`
      <kaa-lotsen-ui><span id="own">SysEfter</span></kaa-lotsen-ui>
      <div id="hidden" aria-hidden="true"><span id="inner">InSys</span></div>
      <div id="mixed">SysKontakt <script>var InSys = 1;</script><textarea>Atgard</textarea></div>
      <div id="edit" contenteditable="true">InSys</div>`);
    const lookup = createElementLookup(DEFAULT_PACK);
    expect(lookup(doc.getElementById('own')!)).toEqual([]);
    expect(lookup(doc.getElementById('inner')!)).toEqual([]);
    expect(lookup(doc.getElementById('edit')!)).toEqual([]);
    expect(lookup(doc.getElementById('mixed')!).map((f) => f.term)).toEqual(['SysKontakt']);
  });

  it('looks at a bounded subtree: a large element only has its own text nodes looked at', () => {
    const rows = Array.from({ length: ELEMENT_TEXT_LIMIT + 5 }, (_, i) => `<li>Rad ${i} SysEfter</li>`).join('');
    const doc = page(`<div id="big">InSys<ul>${rows}</ul></div><div id="small">x<span>InSys</span></div>`);
    const big = doc.getElementById('big')!;
    expect(elementTexts(big)).toEqual([big.firstChild]);
    expect(createElementLookup(DEFAULT_PACK)(big).map((f) => f.term)).toEqual(['InSys']);
    expect(elementTexts(doc.getElementById('small')!)).toHaveLength(2);
  });
});

describe('scan result freshness', () => {
  it('stays current until a found node leaves the page, its text changes or elements are added', async () => {
    const doc = page('<ul><li id="a">InSys</li><li id="b">SysEfter</li></ul>');
    const scan = async () => {
      const stamp = pageStamp(doc);
      return { found: await scanGlossary(doc, DEFAULT_PACK, { signal: new AbortController().signal, schedule: sync }), stamp };
    };
    let s = await scan();
    expect(scanIsCurrent(doc, s.found, s.stamp)).toBe(true);
    doc.getElementById('a')!.firstChild!.nodeValue = 'InSys igen';
    expect(scanIsCurrent(doc, s.found, s.stamp)).toBe(false);
    s = await scan();
    doc.getElementById('b')!.remove();
    expect(scanIsCurrent(doc, s.found, s.stamp)).toBe(false);
    s = await scan();
    const li = doc.createElement('li');
    li.textContent = 'GrundAtgSlut';
    doc.querySelector('ul')!.append(li);
    expect(scanIsCurrent(doc, s.found, s.stamp)).toBe(false);
  });
});

describe('helpers', () => {
  it('groups occurrences by term in document order', async () => {
    const doc = page('<p id="a">InSys och InSys</p><p id="b">SysEfter</p>');
    const found = await scanGlossary(doc, DEFAULT_PACK, { signal: new AbortController().signal, schedule: sync });
    expect(termsOnPage(found).map((t) => [t.term, t.occurrences.length])).toEqual([
      ['InSys', 2],
      ['SysEfter', 1],
    ]);
  });

  it('hit-tests points against rects with a little slack', () => {
    const rects = [{ left: 10, top: 10, right: 50, bottom: 20 }];
    expect(pointInRects(rects, 30, 15)).toBe(true);
    expect(pointInRects(rects, 50.5, 20.5)).toBe(true);
    expect(pointInRects(rects, 60, 15)).toBe(false);
  });

  it('places a card below the term, above when there is no room, inside the viewport', () => {
    const vp = { width: 1000, height: 800 };
    expect(placeCard({ left: 100, top: 100, bottom: 120, width: 50, height: 20 }, vp, 150)).toMatchObject({ left: 100, top: 126 });
    expect(placeCard({ left: 100, top: 700, bottom: 720, width: 50, height: 20 }, vp, 150).top).toBe(700 - 150 - 6);
    expect(placeCard({ left: 950, top: 100, bottom: 120, width: 40, height: 20 }, vp).left).toBe(1000 - 320 - 8);
  });
});
