/**
 * Finds glossary terms in UKA's text without touching UKA's DOM. Two ways, both on demand:
 *  - `createElementLookup`: the terms in the text of one element (the one under the pointer), cached per element;
 *  - `scanGlossary`: a TreeWalker over all text nodes of the page (skipping our own hosts, form fields, scripts and
 *    styles), run in slices of a few milliseconds so that a 5,000-row page never gets one long task; used only when
 *    the user opens the list of codes on the page.
 * Occurrences are kept as (text node, offsets); a DOM Range is made only when one is needed (hover hit-test,
 * positioning a card), so looking for terms causes no layout work at all.
 */
import { findGlossaryTerms } from '../../lib/content/glossary';
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
  /** The text node's value when the term was found (to notice that UKA has changed the text since). */
  value: string;
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
          for (const m of findGlossaryTerms(text, pack)) found.push({ node: node as Text, start: m.start, end: m.end, term: m.term, index: m.index, value: text });
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

/** Terms in one text node's value (empty when the value cannot hold a term). */
function termsInText(node: Text, text: string, pack: Pack): TermOccurrence[] {
  if (text.length < 2 || !HAS_WORD.test(text)) return [];
  return findGlossaryTerms(text, pack).map((m) => ({ node, start: m.start, end: m.end, term: m.term, index: m.index, value: text }));
}

/** Most text nodes looked at under one element; past that only the element's own text nodes are looked at. */
export const ELEMENT_TEXT_LIMIT = 24;

/** True when `node` lies under a skipped element at or below `top` (its own text, a small subtree). */
function skippedWithin(node: Node, top: Element): boolean {
  for (let el = node.parentElement; el; el = el.parentElement) {
    if (el.matches(SKIP_SELECTOR)) return true;
    if (el === top) return false;
  }
  return false;
}

/**
 * The text nodes that belong to `el` for a hover lookup: all text in its subtree when that is small (at most
 * `limit` text nodes), otherwise only its own text node children. Text under skipped elements is left out.
 */
export function elementTexts(el: Element, limit = ELEMENT_TEXT_LIMIT): Text[] {
  const doc = el.ownerDocument;
  const texts: Text[] = [];
  const walker = doc.createTreeWalker(el, 0x4 /* SHOW_TEXT */);
  let node: Node | null;
  let seen = 0;
  while ((node = walker.nextNode())) {
    if (++seen > limit) {
      // A large subtree (a whole table, the body): the pointer is on the element's own text, if on any.
      texts.length = 0;
      for (let child = el.firstChild; child; child = child.nextSibling) if (child.nodeType === 3) texts.push(child as Text);
      return texts;
    }
    if (!skippedWithin(node, el)) texts.push(node as Text);
  }
  return texts;
}

interface ElementEntry {
  texts: Text[];
  values: string[];
  found: TermOccurrence[];
}

/**
 * A lookup of the terms in the text of one element (see `elementTexts`), cached per element in a WeakMap. A cached
 * answer is reused while the element's text nodes and their values are the same; nothing else of the page is read.
 * An element inside a skipped region (our own hosts, form fields, hidden or editable text) has no terms.
 */
export function createElementLookup(pack: Pack): (el: Element) => readonly TermOccurrence[] {
  const cache = new WeakMap<Element, ElementEntry>();
  return (el) => {
    if (pack.glossary.length === 0 || el.closest(SKIP_SELECTOR)) return [];
    const texts = elementTexts(el);
    const values = texts.map((t) => t.nodeValue ?? '');
    const cached = cache.get(el);
    if (cached && cached.texts.length === texts.length && cached.texts.every((t, i) => t === texts[i] && cached.values[i] === values[i])) return cached.found;
    const found = texts.flatMap((t, i) => termsInText(t, values[i] ?? '', pack));
    cache.set(el, { texts, values, found });
    return found;
  };
}

/**
 * A cheap fingerprint of the page's structure for `scanIsCurrent`: how many elements the body holds (a few
 * milliseconds on a 5,000-row list; taken only when the user opens the list).
 */
export function pageStamp(doc: Document): number {
  return doc.body ? doc.body.querySelectorAll('*').length : 0;
}

/**
 * True while a scan result still describes the page: every text node it found is still in the page with the same
 * value, and the page has as many elements as when it was scanned (rows added or replaced change that).
 */
export function scanIsCurrent(doc: Document, found: readonly TermOccurrence[], stamp: number): boolean {
  for (const occ of found) if (!occ.node.isConnected || occ.node.nodeValue !== occ.value) return false;
  return pageStamp(doc) === stamp;
}

/** A fresh Range over an occurrence, or null when UKA has changed the text since it was found. */
export function occurrenceRange(doc: Document, occ: TermOccurrence): Range | null {
  if (!occ.node.isConnected || (occ.node.nodeValue ?? '') !== occ.value) return null;
  const range = doc.createRange();
  range.setStart(occ.node, occ.start);
  range.setEnd(occ.node, occ.end);
  return range;
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
