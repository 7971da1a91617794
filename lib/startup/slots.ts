/**
 * Reserved places ("slots") for our in-page panels, so that drawing them does not move UKA's page.
 *
 * A panel inserted above a long UKA list after the list has been laid out moves every row below it: the browser then
 * repaints the whole page (on a 5,000-youth list that is the largest single cost the extension adds to a page load).
 * So, like `contain-intrinsic-size: auto`, we remember where our panels were and how tall they were the last time
 * this kind of page was shown (numbers and element positions only; no text from the page). On the next load, while
 * UKA's HTML is still being parsed, an empty host of that height is put in each place before the browser lays the page
 * out, and the feature later draws into it (`claimSlot`). When the drawn panel has the remembered height, nothing on
 * UKA's page moves. A wrong memory costs what it cost without it: one move, and the memory is updated.
 *
 * Hosts are our own elements, inserted as siblings of UKA's elements like every other host (UKA's nodes are never
 * changed). A claimed host is an ordinary host from then on: its height follows its panel (the same height when the
 * memory was right, so nothing moves). Hosts no feature claimed are removed when the first page view has drawn
 * (`releaseSlots`).
 *
 * Kept free of heavy imports: it runs in the content script's first stage at document_start.
 */
import { IS_TEST_BUILD } from '../platform/build';

export const HOST_TAG = 'kaa-lotsen-ui';
/**
 * Our shadow roots are closed in production builds, so that UKA's page scripts cannot reach into our panels (nor
 * click our buttons through them); test builds keep them open for the end-to-end tests. The roots are kept here.
 */
export const SHADOW_MODE: ShadowRootMode = IS_TEST_BUILD ? 'open' : 'closed';

/**
 * What we know about our hosts, kept in memory and never on the hosts: no attribute, id or class of ours is visible
 * in UKA's page (a page script cannot find or switch off our panels by a name of ours). Kept on the isolated world's
 * global, shared by the early and the main script (one bundle each); pages never see it.
 */
interface HostMemory {
  roots: WeakMap<Element, ShadowRoot>;
  /** The feature each host belongs to. */
  feature: WeakMap<Element, string>;
  /** In-flow hosts (not floating): the ones whose place and height are remembered. */
  flow: WeakSet<Element>;
  /** Hosts reserved while UKA's page was parsed and not claimed by a feature yet. */
  reserved: Set<Element>;
}
const memory: HostMemory = ((globalThis as unknown as { __kaaLotsenHosts?: HostMemory }).__kaaLotsenHosts ??= {
  roots: new WeakMap(),
  feature: new WeakMap(),
  flow: new WeakSet(),
  reserved: new Set(),
});
const roots = memory.roots;

/**
 * Test builds only: name a host's feature (and the like) in a `data-` attribute, so that the end-to-end tests can
 * find our panels in UKA's page. Production builds set nothing (the bundler drops this as dead code).
 */
export function markForTests(host: Element, name: 'data-feature' | 'data-anchor' | 'data-flow', value: string): void {
  if (IS_TEST_BUILD) host.setAttribute(name, value);
}

/** Remember which feature `host` belongs to, and whether it stands in UKA's flow (its place is remembered). */
export function tagHost(host: Element, feature: string, flow: boolean): void {
  memory.feature.set(host, feature);
  markForTests(host, 'data-feature', feature);
  if (flow) {
    memory.flow.add(host);
    markForTests(host, 'data-flow', '');
  }
}

/** The feature a host of ours belongs to ('' when unknown). */
export function featureOf(host: Element): string {
  return memory.feature.get(host) ?? '';
}

/** True while `host` is a place reserved at parse time that no feature has claimed yet. */
export function isReserved(host: Element): boolean {
  return memory.reserved.has(host);
}

/** The reserved places of `doc` not claimed yet. */
export function reservedHosts(doc: Document): HTMLElement[] {
  return [...memory.reserved].filter((el): el is HTMLElement => el.ownerDocument === doc && el.isConnected);
}

/** Give `host` its shadow root (closed in production builds) and remember it. */
export function attachRoot(host: HTMLElement): ShadowRoot {
  const root = host.attachShadow({ mode: SHADOW_MODE });
  roots.set(host, root);
  return root;
}

/** The shadow root we gave `host` (also when it is closed), or null. */
export function rootOf(host: Element): ShadowRoot | null {
  return roots.get(host) ?? null;
}

/** Pages remembered (the most recently shown kinds of page). */
const MAX_PAGES = 12;
/** Slots remembered per page. */
const MAX_SLOTS = 60;
/** Longest remembered element path (deeper places are not remembered). */
const MAX_DEPTH = 24;

/**
 * The style of a reserved host: a formatting root whose size does not depend on its content (size and layout
 * containment) and whose height is set to its panel's height (components/ui/shadow.ts keeps it so once a feature has
 * claimed it). Drawing inside such a host never makes the browser lay out UKA's page again; only a change of height
 * does. (A host in a place not remembered yet is an ordinary block of its panel's height.)
 */
export function flowHostStyle(height: number): string {
  return `display:flow-root;contain:size layout;height:${height}px`;
}

/** Where a host was: the element path of its parent from <body> (index among UKA's element children, tag name). */
export interface SlotHint {
  feature: string;
  parent: Array<[number, string]>;
  /** How many of UKA's element children of the parent come before the host. */
  before: number;
  /** Height in CSS px (border box; hosts are formatting roots, so their content's margins are inside it). */
  height: number;
}

export type LayoutHints = Record<string, { at: number; slots: SlotHint[] }>;

/** Which pages share a layout memory: the path with every run of digits made 0 (/person/17 and /person/4 share one). */
export function pageKey(pathname: string): string {
  return pathname.replace(/\d+/g, '0').slice(0, 200);
}

/** True for one of our host elements. */
export function isHost(el: Element): boolean {
  return el.tagName.toLowerCase() === HOST_TAG;
}

/** How many of UKA's elements (our hosts are skipped) come before `el` among its siblings. */
function ownIndex(el: Element): number {
  let index = 0;
  for (let sib = el.previousElementSibling; sib; sib = sib.previousElementSibling) if (!isHost(sib)) index++;
  return index;
}

/** The n-th (0-based) child element of `parent` that is UKA's (our hosts are skipped), or null. */
function nthOwnChild(parent: Element, n: number): Element | null {
  let i = 0;
  for (let el = parent.firstElementChild; el; el = el.nextElementSibling) {
    if (isHost(el)) continue;
    if (i === n) return el;
    i++;
  }
  return null;
}

function countOwnChildren(parent: Element, upTo: number): number {
  let i = 0;
  for (let el = parent.firstElementChild; el && i <= upTo; el = el.nextElementSibling) if (!isHost(el)) i++;
  return i;
}

/** The element path of `el` from <body>, or null when it is not inside the body (or too deep). */
export function pathOf(el: Element, body: Element): Array<[number, string]> | null {
  const path: Array<[number, string]> = [];
  let current: Element | null = el;
  while (current && current !== body) {
    const parent: Element | null = current.parentElement;
    if (!parent || path.length >= MAX_DEPTH) return null;
    path.unshift([ownIndex(current), current.tagName.toLowerCase()]);
    current = parent;
  }
  return current === body ? path : null;
}

/** The element at `path` from <body>, when it exists (already parsed) and every tag on the way matches. */
export function resolvePath(body: Element, path: ReadonlyArray<readonly [number, string]>): Element | null {
  let current: Element | null = body;
  for (const [index, tag] of path) {
    current = nthOwnChild(current, index);
    if (!current || current.tagName.toLowerCase() !== tag) return null;
  }
  return current;
}

/** The places and heights of the in-flow hosts now in `doc`, in document order. Reads layout: call after a frame. */
export function recordSlots(doc: Document): SlotHint[] {
  const body = doc.body;
  if (!body) return [];
  const slots: SlotHint[] = [];
  for (const host of Array.from(doc.querySelectorAll(HOST_TAG))) {
    if (!memory.flow.has(host) || memory.reserved.has(host) || !host.parentElement) continue;
    const parent = pathOf(host.parentElement, body);
    if (!parent) continue;
    const before = ownIndex(host);
    // Exact (layout works in 1/64 px): a rounded height would differ from the panel's and move the page after all.
    const height = host.getBoundingClientRect().height;
    if (!(height > 0)) continue;
    slots.push({ feature: featureOf(host), parent, before, height });
    if (slots.length >= MAX_SLOTS) break;
  }
  return slots;
}

/** The remembered slots of one page from a stored value (anything malformed gives none). */
export function slotsFrom(stored: unknown, key: string): SlotHint[] {
  if (!stored || typeof stored !== 'object') return [];
  const page = (stored as Record<string, unknown>)[key];
  const slots = page && typeof page === 'object' ? (page as { slots?: unknown }).slots : undefined;
  if (!Array.isArray(slots)) return [];
  const ok = (s: unknown): s is SlotHint => {
    if (!s || typeof s !== 'object') return false;
    const h = s as Record<string, unknown>;
    return (
      typeof h.feature === 'string' &&
      /^[a-z-]{1,40}$/.test(h.feature) &&
      Number.isInteger(h.before) &&
      (h.before as number) >= 0 &&
      typeof h.height === 'number' &&
      h.height > 0 &&
      h.height < 5000 &&
      Array.isArray(h.parent) &&
      h.parent.length <= MAX_DEPTH &&
      h.parent.every((p) => Array.isArray(p) && Number.isInteger(p[0]) && p[0] >= 0 && typeof p[1] === 'string' && /^[a-z][a-z0-9-]*$/.test(p[1]))
    );
  };
  return slots.filter(ok).slice(0, MAX_SLOTS);
}

/** The stored value with this page's slots replaced (the least recently shown pages are forgotten). */
export function withSlots(stored: unknown, key: string, slots: SlotHint[], now: number): LayoutHints {
  const pages: LayoutHints = {};
  if (stored && typeof stored === 'object') {
    for (const [k, v] of Object.entries(stored as Record<string, unknown>)) {
      const at = v && typeof v === 'object' ? (v as { at?: unknown }).at : undefined;
      if (typeof at === 'number') pages[k] = { at, slots: slotsFrom(stored, k) };
    }
  }
  pages[key] = { at: now, slots };
  const keep = Object.entries(pages)
    .sort((a, b) => b[1].at - a[1].at)
    .slice(0, MAX_PAGES);
  return Object.fromEntries(keep);
}

/** Two slot lists describe the same places and heights. */
export function sameSlots(a: readonly SlotHint[], b: readonly SlotHint[]): boolean {
  return (
    a.length === b.length &&
    a.every((s, i) => {
      const t = b[i]!;
      return s.feature === t.feature && s.before === t.before && Math.abs(s.height - t.height) < 0.001 && JSON.stringify(s.parent) === JSON.stringify(t.parent);
    })
  );
}

/**
 * Put an empty host of the remembered height in each remembered place that UKA's parser has reached. Call it again
 * as parsing goes on (before each frame): slots already placed are skipped. Returns how many slots are still waiting.
 */
export function placeSlots(doc: Document, slots: SlotHint[], placed: Set<SlotHint>): number {
  const body = doc.body;
  if (!body) return slots.length - placed.size;
  let waiting = 0;
  for (const slot of slots) {
    if (placed.has(slot)) continue;
    const parent = resolvePath(body, slot.parent);
    // The parent must hold at least `before` of UKA's elements: then the host goes before the next one, or at the
    // end (where the parser, still inside the parent, puts what comes next after it).
    if (!parent || countOwnChildren(parent, slot.before) < slot.before) {
      waiting++;
      continue;
    }
    const host = doc.createElement(HOST_TAG);
    tagHost(host, slot.feature, true);
    memory.reserved.add(host);
    host.setAttribute('aria-hidden', 'true');
    // Its final style (flowHostStyle) and its shadow root from the start: claiming the host then changes only what
    // is inside it (a new box, or a new size, would make the browser lay out and repaint all of UKA's page that
    // follows it).
    host.style.cssText = flowHostStyle(slot.height);
    attachRoot(host);
    // Before UKA's next element (after our hosts already there, so slots at one place keep their order), or last.
    parent.insertBefore(host, nthOwnChild(parent, slot.before));
    placed.add(slot);
  }
  return waiting;
}

/**
 * A reserved host of `feature` at the place a feature is about to insert its panel (next to `anchor`), or null.
 * The host keeps its place, height and (empty) shadow root; the caller draws into that root.
 */
export function claimSlot(anchor: Element, where: 'beforebegin' | 'afterend', feature: string): HTMLElement | null {
  const step = (el: Element) => (where === 'afterend' ? el.nextElementSibling : el.previousElementSibling);
  for (let el = step(anchor); el && isHost(el); el = step(el)) {
    if (memory.reserved.has(el) && featureOf(el) === feature) {
      // From now on an ordinary host (changed in the task that draws into it, so the page is rendered once).
      memory.reserved.delete(el);
      el.removeAttribute('aria-hidden');
      return el as HTMLElement;
    }
  }
  return null;
}

/** The first page view has drawn: places reserved for it that no feature claimed are removed. */
export function releaseSlots(doc: Document): void {
  for (const host of [...memory.reserved]) {
    if (host.ownerDocument !== doc && host.isConnected) continue;
    memory.reserved.delete(host);
    host.remove();
  }
}
