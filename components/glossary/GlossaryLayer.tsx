/**
 * The glossary's own layer (one floating Shadow DOM root, position: fixed, taking no space in UKA's page):
 *  - a small panel with the disclosure "Koder på sidan": one button per term found on this page. The page is
 *    scanned only when the list is opened (a polite "Söker …" status meanwhile); after that the toggle shows the
 *    number of terms, "Koder på sidan (N)";
 *  - the card: a tooltip (role="tooltip") while the mouse rests on a term in UKA's text, or a non-modal dialog
 *    (role="dialog") when opened from the panel by keyboard, with a close button and "next occurrence";
 *  - an outline drawn over the term the dialog is about (our own box, UKA's text is not touched).
 * The panel's toggle is drawn at load; the list and the card (./GlossaryCard.tsx) are an on-demand part
 * (lib/startup/parts.ts), loaded when the list is first opened or the mouse first rests on a term.
 */
import type { GlossaryEntry } from '../../lib/content/schema';
import type { PartContents } from '../../lib/startup/parts';

export interface CardPlacement {
  left: number;
  top: number;
  /** The term's rect in client coordinates (for the outline). */
  target: { left: number; top: number; width: number; height: number };
}

export interface OpenCard {
  mode: 'tooltip' | 'dialog';
  entry: GlossaryEntry;
  placement: CardPlacement;
  /** 0-based occurrence shown and how many there are (dialog only). */
  occurrence: number;
  occurrences: number;
}

/** A term found on the page, as the list shows it. */
export interface GlossaryTerm {
  term: string;
  short: string;
  count: number;
}

export interface GlossaryLayerProps {
  /** Terms of the last scan, or null when the page has not been scanned yet. */
  terms: GlossaryTerm[] | null;
  scanning: boolean;
  /** The list's and the card's code, once loaded (null before). */
  part: PartContents['glossary'] | null;
  /** The part could not be loaded (the status says so). */
  partFailed: boolean;
  listOpen: boolean;
  card: OpenCard | null;
  onToggleList(): void;
  onOpenTerm(term: string, button: HTMLElement): void;
  onNext(): void;
  onClose(): void;
  onReadMore?(sectionId: string): void;
}

const CARD_WIDTH = 320;

/** Where to put a card for a term rect: below it, or above when there is no room; kept inside the viewport. */
export function placeCard(rect: { left: number; top: number; bottom: number; width: number; height: number }, viewport: { width: number; height: number }, cardHeight = 160): CardPlacement {
  const left = Math.max(8, Math.min(rect.left, viewport.width - CARD_WIDTH - 8));
  const below = rect.bottom + 6;
  const top = below + cardHeight <= viewport.height - 8 || rect.top - cardHeight - 6 < 8 ? below : rect.top - cardHeight - 6;
  return { left, top, target: { left: rect.left, top: rect.top, width: rect.width, height: rect.height } };
}

function statusText(n: number): string {
  if (n === 0) return 'Inga ord ur ordlistan på den här sidan.';
  return n === 1 ? 'Ett ord ur ordlistan på sidan.' : `${n} ord ur ordlistan på sidan.`;
}

export function GlossaryLayer(props: GlossaryLayerProps) {
  const { card, terms, part } = props;
  const loading = props.listOpen && !part && !props.partFailed;
  return (
    <>
      <div class="kaa-card kaa-gloss-panel">
        <button type="button" class="kaa-secondary" aria-expanded={props.listOpen} aria-controls="kaa-gloss-list" onClick={props.onToggleList}>
          <span aria-hidden="true">{props.listOpen ? '▾' : '▸'}</span> Koder på sidan{terms && !props.scanning ? ` (${terms.length})` : ''}
        </button>
        {/* Always rendered, so that screen readers know the live region before its text changes. */}
        <p role="status" class={props.listOpen && (props.partFailed || props.scanning || loading || terms?.length === 0) ? (props.partFailed ? 'kaa-problem' : 'kaa-muted') : 'kaa-sr-only'}>
          {!props.listOpen ? '' : props.partFailed ? 'Ordlistan kunde inte laddas. Försök igen om en stund.' : props.scanning || loading ? 'Söker …' : terms ? statusText(terms.length) : ''}
        </p>
        <div id="kaa-gloss-list" hidden={!props.listOpen || props.scanning || !terms?.length || !part}>
          {part && terms && terms.length > 0 && <part.GlossaryList terms={terms} onOpenTerm={props.onOpenTerm} />}
        </div>
      </div>
      {card && part && <part.GlossaryCard card={card} onNext={props.onNext} onClose={props.onClose} onReadMore={props.onReadMore} />}
    </>
  );
}

export const GLOSSARY_CSS = `
:host { position: fixed; left: 0; top: 0; width: 0; height: 0; z-index: 2147482999; }
.kaa-gloss-panel { position: fixed; left: 12px; bottom: 12px; margin: 0; max-width: 360px; max-height: 50vh; overflow: auto; }
.kaa-gloss-panel ul { list-style: none; padding: 0; margin: 6px 0 0; }
.kaa-gloss-panel li { margin: 2px 0; }
.kaa-gloss-card { position: fixed; width: ${CARD_WIDTH}px; margin: 0; box-shadow: 0 4px 14px rgba(0,0,0,.25); }
.kaa-gloss-tooltip { pointer-events: none; }
.kaa-gloss-term { font-size: 15px; }
.kaa-gloss-short { font-weight: 600; }
.kaa-gloss-actions { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; margin-top: 6px; }
.kaa-gloss-mark { position: fixed; border: 2px solid #b45309; border-radius: 3px; pointer-events: none; }
`;
