/**
 * Glossary cards for SCB codes and KAA words in UKA's own text. UKA's nodes are never wrapped or changed: terms are
 * found in text nodes, located with DOM Ranges, and the card is drawn in our own floating Shadow DOM root.
 * Nothing is scanned at page load (the feature must cost next to nothing on UKA's 5,000-row lists): init mounts the
 * layer and draws the toggle once.
 * - Mouse: a throttled mousemove looks for terms only in the text of the element under the pointer (cached per
 *   element) and hit-tests their ranges' client rects.
 * - Keyboard: opening the panel "Koder på sidan" scans the page (in slices, "Söker …" meanwhile) and lists the
 *   terms; each opens the same card as a dialog at the term (scrolled into view). Later opens reuse the scan while
 *   the page is unchanged.
 * The list with the page's scan and the card are an on-demand part (lib/startup/parts.ts), loaded when the list is
 * first opened or the mouse first rests on a term; should it not load, the list's status says so (and the error is
 * reported).
 */
import { GlossaryLayer, GLOSSARY_CSS, placeCard, type OpenCard } from '../../../components/glossary/GlossaryLayer';
import { createElementLookup, hitTest, occurrenceRange, type TermOccurrence } from '../../../components/glossary/scan';
import type { PageScan } from '../../../components/glossary/list-scan';
import { isOwnNode } from '../../../components/ui/shadow';
import { loadPart, type PartContents } from '../../../lib/startup/parts';
import { sendCommand } from '../../../lib/messages/client';
import type { UkaFeature } from '../context';

/** Smallest gap between two hover hit-tests (ms). */
const HOVER_THROTTLE_MS = 60;

export const glossary: UkaFeature = {
  init(ctx, signal) {
    const { doc, pack } = ctx;
    const win = doc.defaultView;
    if (!win || pack.glossary.length === 0) return false;
    const mounted = ctx.mount('glossary', { where: 'floating', css: GLOSSARY_CSS, label: 'Ordlista för koder på sidan', bottomCorner: true });
    if (!mounted) return false;

    /** The last full scan (made when the list is opened, by the part), or null before the first. */
    let scan: PageScan | null = null;
    let scanning: AbortController | null = null;
    let listOpen = false;
    const lookup = createElementLookup(pack);
    let card: (OpenCard & { occ: TermOccurrence }) | null = null;
    let opener: HTMLElement | null = null;
    /** The list's and the card's code (an on-demand part), once loaded; a failed load is said in the list's status. */
    let part: PartContents['glossary'] | null = null;
    let partFailed = false;
    /** The mouse asked for the part (once: after a failed load, hovering does not ask again; opening the list does). */
    let hoverAsked = false;
    /** The load under way (one report per failed load, however many ask for it meanwhile). */
    let partLoad: Promise<PartContents['glossary']> | null = null;
    const needPart = (): Promise<PartContents['glossary']> =>
      part
        ? Promise.resolve(part)
        : (partLoad ??= loadPart('glossary').then(
            (loaded) => {
              part = loaded;
              partFailed = false;
              return loaded;
            },
            (error: unknown) => {
              partLoad = null;
              partFailed = true;
              const message = `ordlistan kunde inte laddas: ${error instanceof Error ? error.message : 'okänt fel'}`;
              void sendCommand('report-error', { feature: 'glossary', message }).catch(() => undefined);
              throw error;
            },
          ));

    const viewport = () => ({ width: win.innerWidth, height: win.innerHeight });
    const entryOf = (occ: TermOccurrence) => pack.glossary[occ.index];

    const draw = () => {
      if (signal.aborted) return;
      mounted.render(
        <GlossaryLayer
          terms={scan ? scan.terms.map((t) => ({ term: t.term, short: pack.glossary[t.index]?.short ?? '', count: t.occurrences.length })) : null}
          scanning={scanning !== null}
          part={part}
          partFailed={partFailed}
          listOpen={listOpen}
          card={card}
          onToggleList={() => {
            listOpen = !listOpen;
            // A failed load is tried again ("Söker …" meanwhile). The scan comes with the part (a scan is only ever
            // made once the part is there).
            if (listOpen && !part) partFailed = false;
            if (listOpen && !scanning && (!scan || !part?.isCurrent(doc, scan))) startScan();
            else if (listOpen && !part) void needPart().then(draw, draw);
            draw();
          }}
          onOpenTerm={(term, button) => openDialog(term, button)}
          onNext={() => {
            if (!card) return;
            openDialog(card.entry.term, opener, card.occurrence + 1);
          }}
          onClose={() => close(true)}
          onReadMore={ctx.openMetodbok}
        />,
      );
    };

    const close = (returnFocus: boolean) => {
      if (!card) return;
      const wasDialog = card.mode === 'dialog';
      card = null;
      draw();
      if (returnFocus && wasDialog && opener?.isConnected) opener.focus();
    };

    /** Open the card as a dialog at occurrence `n` of `term`, scrolling the page so that the term is visible. */
    const openDialog = (term: string, button: HTMLElement | null, n = 0) => {
      const next = scan && part ? part.dialogCard(doc, scan, pack, term, n) : null;
      if (!next) return;
      opener = button;
      card = next;
      draw();
    };

    /**
     * Load the part if needed and scan the whole page in slices; the list shows "Söker …" until the end, then the
     * terms (one redraw). Should the part not load, the status says so and the next opening tries again.
     */
    const startScan = () => {
      const controller = new AbortController();
      scanning = controller;
      const stop = () => controller.abort();
      signal.addEventListener('abort', stop, { once: true });
      const done = () => {
        signal.removeEventListener('abort', stop);
        if (scanning === controller) scanning = null;
      };
      void needPart()
        .then((loaded) => loaded.scanPage(doc, pack, controller.signal))
        .then(
          (found) => {
            done();
            if (controller.signal.aborted) return;
            scan = found;
            draw();
          },
          () => {
            done();
            draw();
          },
        );
    };

    // ---- mouse: throttled hit-test of the ranges under the pointer -------------------------------------------------
    let lastTest = 0;
    let pending: number | null = null;
    let pointer: { x: number; y: number; target: EventTarget | null } | null = null;

    const hoverTest = () => {
      pending = null;
      lastTest = performance.now();
      if (!pointer || signal.aborted) return;
      if (card?.mode === 'dialog') return;
      const target = pointer.target;
      if (target instanceof Node && isOwnNode(target)) return;
      const candidates = target instanceof Element ? lookup(target) : [];
      const hit = candidates.length > 0 ? hitTest(doc, candidates, pointer.x, pointer.y) : null;
      if (hit) {
        const entry = entryOf(hit.occ);
        if (!entry) return;
        if (card?.occ === hit.occ) return;
        if (!part) {
          // The card's code comes on the first rest on a term; the pointer is tested again once it is there.
          if (!hoverAsked) {
            hoverAsked = true;
            void needPart().then(
              () => {
                hoverAsked = false;
                hoverTest();
              },
              () => undefined,
            );
          }
          return;
        }
        card = { mode: 'tooltip', entry, occ: hit.occ, placement: placeCard(hit.rect, viewport()), occurrence: 0, occurrences: 1 };
        draw();
      } else if (card?.mode === 'tooltip') {
        close(false);
      }
    };

    const onMouseMove = (e: MouseEvent) => {
      pointer = { x: e.clientX, y: e.clientY, target: e.target };
      if (pending !== null) return;
      const wait = Math.max(0, HOVER_THROTTLE_MS - (performance.now() - lastTest));
      pending = win.setTimeout(hoverTest, wait);
    };
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && card) close(true);
    };
    const onScroll = () => {
      if (!card) return;
      if (card.mode === 'tooltip') return close(false);
      const range = occurrenceRange(doc, card.occ);
      if (!range) return close(false);
      card = { ...card, placement: placeCard(range.getBoundingClientRect(), viewport(), 200) };
      draw();
    };

    doc.addEventListener('mousemove', onMouseMove, { passive: true, signal });
    doc.addEventListener('keydown', onKeyDown, { signal });
    win.addEventListener('scroll', onScroll, { passive: true, signal });
    win.addEventListener('resize', onScroll, { passive: true, signal });

    draw();
    return () => {
      scanning?.abort();
      if (pending !== null) win.clearTimeout(pending);
      mounted.render(null);
    };
  },
};
