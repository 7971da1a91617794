/**
 * Finds glossary terms in UKA's text without touching UKA's DOM: a TreeWalker over text nodes (skipping our own
 * hosts, form fields, scripts and styles), run in slices of a few milliseconds so that a 5,000-row page never gets
 * one long task. Occurrences are kept as (text node, offsets); a DOM Range is made only when one is needed (hover
 * hit-test, positioning a card), so scanning causes no layout work at all.
 */
import { findGlossaryTerms } from '../../lib/content';
import type { Pack } from '../../lib/content/schema';
import { HOST_TAG } from '../ui/shadow';

export interface TermOccurrence {
  node: Text;
  start: number;
  end: number;
  /** Canonical term of the glossary entry. */
  term: string;
  /** Index into pack.glossary. */
  index: number;
}

/** Text under these is not scanned: our own UI, form fields, code, hidden or editable regions. */
const SKIP_SELECTOR = `script,style,noscript,textarea,input,select,option,template,iframe,svg,canvas,${HOST_TAG},[aria-hidden="true"],[contenteditable]:not([contenteditable="false"])`;

/** Quick pre-check: a term needs at least two letters in a row. Most list cells (dates, numbers) fail it. */
const HAS_WORD = /\p{L}{2}/u;

export interface ScanOptions {
  signal: AbortSignal;
  /** Longest slice of work before yielding to the page (ms). */
  sliceMs?: number;
  /** Called after each slice with everything found so far. */
  onProgress?(found: readonly TermOccurrence[], done: boolean): void;
  /**
   * Scheduler between slices (tests pass a synchronous one). It may pass the time the slice can take (an idle
   * period's remaining time); without it a slice takes `sliceMs`.
   */
  schedule?(fn: (budgetMs?: number) => void): void;
}

/** Budget of one slice: well under 50 ms even on a machine that runs three times slower. */
const SLICE_BUDGET_MS = 12;

/**
 * Slices are plain tasks (setTimeout), not idle callbacks: on a long list the first idle period often comes only
 * 100+ ms after the features have started (the browser is still laying out UKA's page and our UI), and the scan is
 * short (a few slices), so waiting for idle made the page settle later without making any task shorter. Between two
 * slices the browser can render and handle input as usual.
 */
function defaultSchedule(): (fn: (budgetMs?: number) => void) => void {
  return (fn) => void setTimeout(() => fn(SLICE_BUDGET_MS), 0);
}

/**
 * Scan `root` (default: the body) for glossary terms in slices. Resolves with all occurrences in document order,
 * or with what was found so far when `signal` aborts.
 */
export function scanGlossary(doc: Document, pack: Pack, options: ScanOptions, root: Node | null = doc.body): Promise<TermOccurrence[]> {
  const found: TermOccurrence[] = [];
  if (!root || pack.glossary.length === 0) {
    options.onProgress?.(found, true);
    return Promise.resolve(found);
  }
  const sliceMs = options.sliceMs ?? 6;
  const schedule = options.schedule ?? defaultSchedule();
  const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());
  // Text nodes only. Whether an element is skipped is decided once per element: it matches the selector itself or
  // its parent is skipped (the same answer as closest(), without walking every ancestor again for each of the
  // thousands of cells of a long list).
  const walker = doc.createTreeWalker(root, 0x4 /* SHOW_TEXT */);
  const skipCache = new Map<Element, boolean>();
  const skipUp = (el: Element | null): boolean => {
    if (!el) return false;
    let skip = skipCache.get(el);
    if (skip === undefined) {
      skip = el.matches(SKIP_SELECTOR) || skipUp(el.parentElement);
      skipCache.set(el, skip);
    }
    return skip;
  };
  const skipped = (parent: Element | null): boolean => !parent || skipUp(parent);
  return new Promise((resolve) => {
    const slice = (budgetMs?: number) => {
      if (options.signal.aborted) return resolve(found);
      const until = now() + Math.max(sliceMs, budgetMs ?? 0);
      let n = 0;
      let node: Node | null;
      while ((node = walker.nextNode())) {
        const text = node.nodeValue ?? '';
        if (text.length > 1 && HAS_WORD.test(text) && !skipped(node.parentElement)) {
          for (const m of findGlossaryTerms(text, pack)) found.push({ node: node as Text, start: m.start, end: m.end, term: m.term, index: m.index });
        }
        // Check the clock every 32 nodes: cheap, and slices stay well under the budget.
        if ((++n & 31) === 0 && now() >= until) {
          options.onProgress?.(found, false);
          schedule(slice);
          return;
        }
      }
      options.onProgress?.(found, true);
      resolve(found);
    };
    schedule(slice);
  });
}

/** A fresh Range over an occurrence, or null when UKA has changed the text since the scan. */
export function occurrenceRange(doc: Document, occ: TermOccurrence): Range | null {
  if (!occ.node.isConnected || (occ.node.nodeValue ?? '').length < occ.end) return null;
  const range = doc.createRange();
  range.setStart(occ.node, occ.start);
  range.setEnd(occ.node, occ.end);
  return range;
}

/** Occurrences grouped by the element that holds their text node (for a cheap hover lookup by event target). */
export function indexByParent(found: readonly TermOccurrence[]): Map<Element, TermOccurrence[]> {
  const map = new Map<Element, TermOccurrence[]>();
  for (const occ of found) {
    const parent = occ.node.parentElement;
    if (!parent) continue;
    const list = map.get(parent);
    if (list) list.push(occ);
    else map.set(parent, [occ]);
  }
  return map;
}

export interface RectLike {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** True when the point lies inside one of the rects (with a small tolerance for sub-pixel text boxes). */
export function pointInRects(rects: Iterable<RectLike>, x: number, y: number, slack = 1): boolean {
  for (const r of rects) if (x >= r.left - slack && x <= r.right + slack && y >= r.top - slack && y <= r.bottom + slack) return true;
  return false;
}

/** The occurrence under the point among candidates (client coordinates), or null. */
export function hitTest(doc: Document, candidates: readonly TermOccurrence[], x: number, y: number): { occ: TermOccurrence; rect: DOMRect } | null {
  for (const occ of candidates) {
    const range = occurrenceRange(doc, occ);
    if (!range) continue;
    const rects = Array.from(range.getClientRects());
    if (pointInRects(rects, x, y)) {
      const hit = rects.find((r) => pointInRects([r], x, y)) ?? range.getBoundingClientRect();
      return { occ, rect: hit };
    }
  }
  return null;
}

/** Distinct terms in document order with their occurrences. */
export function termsOnPage(found: readonly TermOccurrence[]): Array<{ term: string; index: number; occurrences: TermOccurrence[] }> {
  const byTerm = new Map<string, { term: string; index: number; occurrences: TermOccurrence[] }>();
  for (const occ of found) {
    const entry = byTerm.get(occ.term);
    if (entry) entry.occurrences.push(occ);
    else byTerm.set(occ.term, { term: occ.term, index: occ.index, occurrences: [occ] });
  }
  return [...byTerm.values()];
}
