/**
 * Our own UI inside UKA's page: every piece lives in its own Shadow DOM root (closed in production builds) on a custom
 * host element, so UKA's styles do not leak in, ours do not leak out, and UKA's own elements are never modified. A
 * host is only ever inserted as a sibling of an UKA element (or at the end of <body> for floating panels) and removed
 * on cleanup. Hosts carry no attribute, id or class of ours (what we know about them is kept in memory:
 * lib/startup/slots.ts); in-flow panels are drawn when they are needed (./draw.ts).
 */
import { render, type ComponentChild } from 'preact';
import { BASE_CSS } from './theme';
import { FEATURE_LABEL } from './labels';
import { cancelDraw, drawWhenNeeded, type DrawHandle } from './draw';
import { attachRoot, claimSlot, featureOf, HOST_TAG, isHost, isReserved, rootOf, tagHost } from '../../lib/startup/slots';

export { HOST_TAG };

export type MountWhere = 'beforebegin' | 'afterend' | 'floating';

export interface MountOptions {
  feature: string;
  /** UKA element to place the UI next to; required unless where === 'floating'. */
  anchor?: Element | null;
  where: MountWhere;
  css?: string;
  /** Accessible name of the region, when the UI is a landmark-worthy panel. */
  label?: string;
  /**
   * A floating panel in a bottom corner of the window: the end of UKA's page gets room below it (see `bottomSpacer`),
   * so that UKA's last lines and buttons can be scrolled out from under the panel.
   */
  bottomCorner?: boolean;
}

/**
 * The least room left at the end of UKA's page for corner panels: a folded panel (about 57 px), its 12 px inset and a
 * gap, with some to spare, so that on a page where every corner panel is folded the spacer never changes once drawn
 * (a change after the first frame would make the browser render UKA's page once more).
 */
export const BOTTOM_SPACE_PX = 96;
/** Inset of a corner panel from the window's edge plus a gap above it. */
const CORNER_GAP_PX = 20;

/** Per document: the spacer, its observer, the heights of the corner panels it makes room for, and how it fits them. */
const spacers = new WeakMap<Document, { spacer: HTMLElement; observer: ResizeObserver | null; heights: Map<Element, number>; fit(): void }>();

/**
 * An empty host at the end of <body> that makes the page as much taller as the tallest corner panel needs (at least
 * BOTTOM_SPACE_PX), so that nothing of UKA's is stuck under our corner panels at the end of the page. One per document,
 * below every UKA element, so nothing of UKA's moves. Without ResizeObserver it keeps BOTTOM_SPACE_PX.
 */
function bottomSpacer(doc: Document, host: HTMLElement): (() => void) | null {
  const body = doc.body;
  if (!body) return null;
  let entry = spacers.get(doc);
  if (!entry || !entry.spacer.isConnected) {
    // The spacer was removed with every other host (a new page view): its observer goes with it.
    entry?.observer?.disconnect();
    const spacer = doc.createElement(HOST_TAG);
    tagHost(spacer, 'bottom-space', false);
    spacer.setAttribute('aria-hidden', 'true');
    spacer.style.cssText = `all:initial;display:block;height:${BOTTOM_SPACE_PX}px`;
    body.append(spacer);
    const view = doc.defaultView as (Window & typeof globalThis) | null;
    const heights = new Map<Element, number>();
    const fit = () => {
      const px = `${Math.max(BOTTOM_SPACE_PX, Math.ceil(Math.max(0, ...heights.values())) + CORNER_GAP_PX)}px`;
      if (spacer.style.height !== px) spacer.style.height = px;
    };
    const observer =
      view && typeof view.ResizeObserver === 'function'
        ? new view.ResizeObserver((entries) => {
            for (const e of entries) heights.set(e.target, e.target.isConnected ? (e.borderBoxSize?.[0]?.blockSize ?? e.contentRect.height) : 0);
            fit();
          })
        : null;
    entry = { spacer, observer, heights, fit };
    spacers.set(doc, entry);
  }
  const { observer, heights, fit } = entry;
  if (!observer) return null;
  observer.observe(host);
  // A corner panel taken away no longer needs its room.
  return () => {
    observer.unobserve(host);
    if (heights.delete(host)) fit();
  };
}

export interface Mounted {
  host: HTMLElement;
  root: ShadowRoot;
  /** The panel's element in the root (in the root once the panel is drawn). */
  container: HTMLElement;
  /**
   * Render `ui` (preact) as the panel: at once when the panel is drawn, else when it is drawn (the last call wins).
   * `null` empties it.
   */
  render(ui: ComponentChild): void;
  /** Draw the panel now if it is still waiting (something points at it). */
  reveal(): void;
  remove(): void;
}

/** True when a node belongs to our UI (so observers can ignore our own DOM changes). */
export function isOwnNode(node: Node | null): boolean {
  let current: Node | null = node;
  while (current) {
    if (current instanceof Element && isHost(current)) return true;
    current = current.parentNode ?? (current instanceof ShadowRoot ? current.host : null);
  }
  return false;
}

/** Constructed style sheets per document and CSS text: each is parsed once, however many roots use it. */
const sheetCache = new WeakMap<Document, Map<string, CSSStyleSheet>>();

function sheetFor(doc: Document, css: string): CSSStyleSheet | null {
  const view = doc.defaultView as (Window & typeof globalThis) | null;
  if (!view || typeof view.CSSStyleSheet !== 'function') return null;
  let sheets = sheetCache.get(doc);
  if (!sheets) sheetCache.set(doc, (sheets = new Map()));
  let sheet = sheets.get(css);
  if (!sheet) {
    sheet = new view.CSSStyleSheet();
    sheet.replaceSync(css);
    sheets.set(css, sheet);
  }
  return sheet;
}

/** Parse the base theme's style sheet ahead of the first mount (in a quiet moment), so that mounting is quicker. */
export function prepareStyles(doc: Document): void {
  try {
    sheetFor(doc, BASE_CSS);
  } catch {
    // mounting falls back to a <style> element
  }
}

/**
 * Style a root with shared constructed sheets (the base theme and the feature's CSS; a page with a dozen of our
 * panels parses each once). Where adopting is not possible (an older engine, or a content-script sandbox that does
 * not allow it) it falls back to a <style> element of its own.
 */
function styleRoot(doc: Document, root: ShadowRoot, css: string): void {
  try {
    const sheets = [BASE_CSS, css].filter(Boolean).map((text) => sheetFor(doc, text));
    if ('adoptedStyleSheets' in root && sheets.every((s): s is CSSStyleSheet => s !== null)) {
      root.adoptedStyleSheets = sheets;
      if (root.adoptedStyleSheets.length === sheets.length) return;
    }
  } catch {
    // fall through to a <style> element
  }
  const style = doc.createElement('style');
  style.textContent = BASE_CSS + css;
  root.append(style);
}

/** Per document: one observer that keeps each reserved host as tall as its panel (see flowHostStyle in ./slots). */
const sizers = new WeakMap<Document, { observer: ResizeObserver; hosts: WeakMap<Element, HTMLElement> }>();

/**
 * Let `host` follow its panel's height. Without ResizeObserver the host is an ordinary block (no containment), so
 * the panel is never cut off.
 */
function followHeight(doc: Document, host: HTMLElement, container: HTMLElement): (() => void) | null {
  const view = doc.defaultView as (Window & typeof globalThis) | null;
  if (!view || typeof view.ResizeObserver !== 'function') {
    host.style.cssText = 'display:flow-root';
    return null;
  }
  let sizer = sizers.get(doc);
  if (!sizer) {
    const hosts = new WeakMap<Element, HTMLElement>();
    const observer = new view.ResizeObserver((entries) => {
      for (const entry of entries) {
        const target = hosts.get(entry.target);
        if (!target || !entry.target.isConnected) continue;
        const height = entry.borderBoxSize?.[0]?.blockSize ?? entry.contentRect.height;
        // Compared as numbers: an unchanged height is not set again (setting it would lay UKA's page out again).
        if (Math.abs(parseFloat(target.style.height) - height) > 0.001 || !target.style.height) target.style.height = `${height}px`;
      }
    });
    sizer = { observer, hosts };
    sizers.set(doc, sizer);
  }
  sizer.hosts.set(container, host);
  sizer.observer.observe(container);
  const { observer } = sizer;
  return () => observer.unobserve(container);
}

export function mountShadow(doc: Document, options: MountOptions): Mounted | null {
  if (options.where !== 'floating' && (!options.anchor || !options.anchor.isConnected)) return null;
  if (options.where === 'floating' && !doc.body) return null;
  // A place reserved for this panel while UKA's page was parsed (lib/startup/slots.ts): draw there, so nothing moves.
  const reserved = options.where === 'floating' ? null : claimSlot(options.anchor!, options.where, options.feature);
  const host = reserved ?? doc.createElement(HOST_TAG);
  tagHost(host, options.feature, options.where !== 'floating');
  const root = (reserved && rootOf(reserved)) ?? attachRoot(host);
  const container = doc.createElement('div');
  container.className = 'kaa-root';
  if (options.label) {
    container.setAttribute('role', 'region');
    container.setAttribute('aria-label', options.label);
  }

  let ui: ComponentChild | undefined;
  let drawn = false;
  let stopFollowing: (() => void) | null = null;
  let stopSpacer: (() => void) | null = null;
  const draw = () => {
    drawn = true;
    styleRoot(doc, root, options.css ?? '');
    root.append(container);
    // A reserved host already has its place and the remembered height: from now on its height follows its panel.
    if (reserved) stopFollowing = followHeight(doc, host, container);
    if (ui !== undefined) render(ui, container);
  };
  let handle: DrawHandle | null = null;
  if (options.where === 'floating') {
    doc.body!.append(host);
    if (options.bottomCorner) stopSpacer = bottomSpacer(doc, host);
    draw();
  } else {
    // A new place (nothing remembered yet): an ordinary block of its panel's own height.
    if (!reserved) options.anchor!.insertAdjacentElement(options.where, host);
    handle = drawWhenNeeded(host, root, draw, options.label ?? FEATURE_LABEL[options.feature] ?? options.feature);
  }
  return {
    host,
    root,
    container,
    render: (next) => {
      ui = next;
      if (drawn) render(next, container);
    },
    reveal: () => handle?.force(),
    remove: () => {
      handle?.cancel();
      stopFollowing?.();
      stopSpacer?.();
      host.remove();
    },
  };
}

/** Remove every host of one feature (or all of ours) from the document. Places still reserved for the first page view stay. */
export function unmountAll(doc: Document, feature?: string): void {
  const sizer = sizers.get(doc);
  doc.querySelectorAll(HOST_TAG).forEach((el) => {
    if (isReserved(el) || (feature !== undefined && featureOf(el) !== feature)) return;
    cancelDraw(el);
    const container = rootOf(el)?.querySelector('.kaa-root');
    if (sizer && container) sizer.observer.unobserve(container);
    el.remove();
  });
}
