/**
 * Draw what is in view. Every in-page panel that stands in UKA's flow (explainers, tips, the review, the ladder, the
 * guard's panel) is mounted at once but drawn only when it is needed: at load when it is within the first viewport
 * or the one below it; later when it comes within one viewport of the visible part (IntersectionObserver), when
 * keyboard focus reaches its place, when the tour points at it, or in idle time once the page has settled (in
 * slices of at most 10 ms, nearest the top first: lib/startup/draw-queue.ts), whichever comes first. Floating panels
 * (status, glossary, tour, the guard's dialog) are always in view and drawn at once.
 *
 * A place not drawn yet keeps its height (a reserved place has the height remembered for it, lib/startup/slots.ts),
 * so nothing moves when it is drawn. It holds one visually hidden, focusable stand-in with the panel's name: Tab
 * reaches it like any panel, and focus on it draws the panel at once and moves to the panel's first focusable element
 * (its last one when Tab came from below; the panel itself when it has none).
 *
 * Where the browser has no IntersectionObserver, every panel is drawn at once.
 */
import { DrawQueue, SLICE_MS, type IdleDeadlineLike } from '../../lib/startup/draw-queue';
import { IS_TEST_BUILD } from '../../lib/platform/build';
import { isHost, reservedHosts } from '../../lib/startup/slots';

/** How far beyond the visible part a panel is drawn: one viewport above and below. */
const VIEWPORT_MARGIN = '100% 0px 100% 0px';
/** An idle callback comes at the latest after this long (ms), so that a busy page still gets its panels. */
const IDLE_TIMEOUT_MS = 2000;
/** A focusable stand-in that takes no room and shows nothing (it is seen only for the moment focus reaches it). */
const STAND_IN_STYLE = 'position:absolute;width:1px;height:1px;margin:0;padding:0;overflow:hidden;clip-path:inset(50%);white-space:nowrap';
const FOCUSABLE = 'a[href],button:not([disabled]),input:not([disabled]):not([type="hidden"]),select:not([disabled]),textarea:not([disabled]),summary,[tabindex]:not([tabindex="-1"])';
/** Test builds only: while UKA's <html> has this attribute, idle time draws nothing (e2e tests of the other ways). */
const TEST_HOLD_IDLE_ATTR = 'data-test-hold-idle';
/** Node.DOCUMENT_POSITION_FOLLOWING. */
const FOLLOWING = 4;

export interface DrawHandle {
  /** Draw now, if not drawn yet. */
  force(): void;
  /** The panel is taken away: never draw it. */
  cancel(): void;
}

interface Entry {
  host: HTMLElement;
  root: ShadowRoot;
  standIn: HTMLElement;
  draw(): void;
  done: boolean;
  run(): void;
}

interface DocState {
  queue: DrawQueue<Entry>;
  io: IntersectionObserver;
  entries: Map<Element, Entry>;
  /** Reserved places found within reach of the first viewport at load (drawn at once when claimed). */
  near: WeakSet<Element>;
  idleAsked: boolean;
}

const states = new WeakMap<Document, DocState>();

function stateOf(doc: Document): DocState | null {
  const existing = states.get(doc);
  if (existing) return existing;
  const view = doc.defaultView as (Window & typeof globalThis) | null;
  if (!view || typeof view.IntersectionObserver !== 'function') return null;
  const requestIdle = (callback: (deadline: IdleDeadlineLike) => void): (() => void) => {
    if (typeof view.requestIdleCallback === 'function') {
      const id = view.requestIdleCallback(callback, { timeout: IDLE_TIMEOUT_MS });
      return () => view.cancelIdleCallback(id);
    }
    const id = view.setTimeout(() => callback({ timeRemaining: () => SLICE_MS }), 50);
    return () => view.clearTimeout(id);
  };
  const entries = new Map<Element, Entry>();
  const queue = new DrawQueue<Entry>({ now: () => view.performance.now(), requestIdle }, (a, b) => (a.host.compareDocumentPosition(b.host) & FOLLOWING) !== 0);
  const io = new view.IntersectionObserver(
    (records) => {
      for (const record of records) {
        const entry = record.isIntersecting ? entries.get(record.target) : undefined;
        if (entry) drawEntry(state, entry);
      }
    },
    { rootMargin: VIEWPORT_MARGIN },
  );
  const state: DocState = { queue, io, entries, near: new WeakSet(), idleAsked: false };
  states.set(doc, state);
  return state;
}

/** Draw a waiting panel now; when `focusFrom` is given, focus came to its stand-in (from that element). */
function drawEntry(state: DocState, entry: Entry, focusFrom?: EventTarget | null): void {
  if (!dropEntry(state, entry)) return;
  const focused = focusFrom !== undefined;
  try {
    entry.draw();
  } finally {
    if (focused) focusInto(entry, focusFrom ?? null);
  }
}

/** Take a panel out of waiting (it is drawn now, or never). False when it was not waiting. */
function dropEntry(state: DocState, entry: Entry): boolean {
  if (entry.done) return false;
  entry.done = true;
  state.entries.delete(entry.host);
  state.io.unobserve(entry.host);
  state.queue.remove(entry);
  entry.standIn.remove();
  return true;
}

/** Focus came to a panel's place: its first focusable element (last, when Tab came from below), else the panel. */
function focusInto(entry: Entry, from: EventTarget | null): void {
  const backwards = from instanceof Node && from !== entry.host && (entry.host.compareDocumentPosition(from) & FOLLOWING) !== 0;
  const focusables = Array.from(entry.root.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((el) => !el.closest('[hidden]'));
  const target = backwards ? focusables[focusables.length - 1] : focusables[0];
  if (target) return target.focus();
  const panel = entry.root.querySelector<HTMLElement>('.kaa-root');
  if (!panel) return;
  panel.tabIndex = -1;
  panel.focus();
}

/**
 * Draw the panel in `host` when it is needed (see above); `label` names it for assistive technology meanwhile.
 * `draw` must put the panel into `root` (and may throw: the panel is then not drawn, nothing else is affected).
 */
export function drawWhenNeeded(host: HTMLElement, root: ShadowRoot, draw: () => void, label: string): DrawHandle {
  const state = stateOf(host.ownerDocument);
  if (!state || state.near.has(host)) {
    draw();
    return { force() {}, cancel() {} };
  }
  const doc = host.ownerDocument;
  const standIn = doc.createElement('div');
  standIn.tabIndex = 0;
  standIn.setAttribute('role', 'group');
  standIn.setAttribute('aria-label', label.startsWith('KAA-lotsen') ? label : `KAA-lotsen: ${label}`);
  standIn.style.cssText = STAND_IN_STYLE;
  const entry: Entry = {
    host,
    root,
    standIn,
    draw,
    done: false,
    run: () => drawEntry(state, entry),
  };
  standIn.addEventListener('focus', (event) => drawEntry(state, entry, event.relatedTarget), { once: true });
  root.append(standIn);
  state.entries.set(host, entry);
  state.io.observe(host);
  state.queue.add(entry);
  return {
    force: () => drawEntry(state, entry),
    cancel: () => void dropEntry(state, entry),
  };
}

/**
 * At load, before any panel is drawn: which reserved places are within the first viewport or the one below (their
 * panels are drawn at once when claimed; the rest wait). Reads layout once, before anything of ours changes it.
 */
export function measureReserved(doc: Document): void {
  const state = stateOf(doc);
  const view = doc.defaultView;
  if (!state || !view) return;
  const height = view.innerHeight;
  for (const host of reservedHosts(doc)) {
    const rect = host.getBoundingClientRect();
    if (rect.bottom >= -height && rect.top <= 2 * height) state.near.add(host);
  }
}

/** The first page view has drawn: once UKA's page has loaded, panels still waiting are drawn in idle time. */
export function drawInIdleTime(doc: Document): void {
  const state = stateOf(doc);
  const view = doc.defaultView;
  if (!state || !view || state.idleAsked) return;
  state.idleAsked = true;
  const start = () => {
    if (IS_TEST_BUILD && doc.documentElement.hasAttribute(TEST_HOLD_IDLE_ATTR)) {
      const watch = new view.MutationObserver(() => {
        if (doc.documentElement.hasAttribute(TEST_HOLD_IDLE_ATTR)) return;
        watch.disconnect();
        state.queue.start();
      });
      watch.observe(doc.documentElement, { attributes: true, attributeFilter: [TEST_HOLD_IDLE_ATTR] });
      return;
    }
    state.queue.start();
  };
  if (doc.readyState === 'complete') start();
  else view.addEventListener('load', start, { once: true });
}

/** Resolves when the panels of `doc` now waiting to be drawn have all been drawn; null when none is waiting. */
export function whenAllDrawn(doc: Document): Promise<void> | null {
  const queue = states.get(doc)?.queue;
  return queue && queue.size > 0 ? queue.whenEmpty() : null;
}

/**
 * Draw now every waiting panel at `target` (a UKA element the tour or a link points at): the panels inside it and
 * the ones next to it or next to the element that holds it (our hosts directly before or after them).
 */
export function drawAround(target: Element): void {
  const state = states.get(target.ownerDocument);
  if (!state) return;
  for (const entry of [...state.entries.values()]) {
    const near = (el: Element | null) => el !== null && (el === target || el.contains(target));
    if (target.contains(entry.host) || near(ukaNeighbour(entry.host, 'previousElementSibling')) || near(ukaNeighbour(entry.host, 'nextElementSibling'))) drawEntry(state, entry);
  }
}

/** The nearest UKA element before or after `host` among its siblings (our hosts in between are skipped). */
function ukaNeighbour(host: Element, step: 'previousElementSibling' | 'nextElementSibling'): Element | null {
  let el = host[step];
  while (el && isHost(el)) el = el[step];
  return el;
}

/** The panel in `host` is taken away before it was drawn. */
export function cancelDraw(host: Element): void {
  const state = states.get(host.ownerDocument);
  const entry = state?.entries.get(host);
  if (state && entry) dropEntry(state, entry);
}
