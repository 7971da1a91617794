/**
 * The glossary's on-demand part (lib/startup/parts.ts; the layer around it is ./GlossaryLayer.tsx, drawn at load):
 *  - the list of the terms found on the page, one button per term;
 *  - the card: a tooltip (role="tooltip") while the mouse rests on a term in UKA's text, or a non-modal dialog
 *    (role="dialog") when opened from the list by keyboard, with a close button and "next occurrence";
 *  - an outline drawn over the term the dialog is about (our own box, UKA's text is not touched).
 */
import { useEffect, useRef } from 'preact/hooks';
import type { GlossaryTerm, OpenCard } from './GlossaryLayer';

export interface GlossaryListProps {
  terms: readonly GlossaryTerm[];
  onOpenTerm(term: string, button: HTMLElement): void;
}

export function GlossaryList(props: GlossaryListProps) {
  return (
    <ul aria-label="Koder och ord på sidan">
      {props.terms.map((t) => (
        <li key={t.term}>
          <button type="button" class="kaa-link" data-term={t.term} onClick={(e) => props.onOpenTerm(t.term, e.currentTarget as HTMLElement)}>
            {t.term}
          </button>{' '}
          <span class="kaa-muted">{t.short}</span>
          {t.count > 1 && <span class="kaa-muted"> ({t.count} ställen)</span>}
        </li>
      ))}
    </ul>
  );
}

export interface GlossaryCardProps {
  card: OpenCard;
  onNext(): void;
  onClose(): void;
  onReadMore?(sectionId: string): void;
}

export function GlossaryCard(props: GlossaryCardProps) {
  const dialogRef = useRef<HTMLDivElement>(null);
  const card = props.card;
  useEffect(() => {
    if (card.mode === 'dialog') dialogRef.current?.focus();
  }, [card.mode, card.entry.term, card.occurrence]);

  return (
    <>
      {card.mode === 'dialog' && (
        <div
          class="kaa-gloss-mark"
          aria-hidden="true"
          style={{ left: `${card.placement.target.left - 2}px`, top: `${card.placement.target.top - 2}px`, width: `${card.placement.target.width + 4}px`, height: `${card.placement.target.height + 4}px` }}
        />
      )}
      <div
        ref={dialogRef}
        id="kaa-gloss-card"
        class={`kaa-card kaa-gloss-card kaa-gloss-${card.mode}`}
        role={card.mode}
        aria-labelledby={card.mode === 'dialog' ? 'kaa-gloss-card-title' : undefined}
        tabIndex={card.mode === 'dialog' ? -1 : undefined}
        style={{ left: `${card.placement.left}px`, top: `${card.placement.top}px` }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            props.onClose();
          }
        }}
      >
        <h2 id="kaa-gloss-card-title" class="kaa-gloss-term">
          {card.entry.term}
        </h2>
        <p class="kaa-gloss-short">{card.entry.short}</p>
        <p>{card.entry.long}</p>
        {card.mode === 'dialog' && (
          <div class="kaa-gloss-actions">
            {card.occurrences > 1 && (
              <button type="button" class="kaa-secondary" onClick={props.onNext}>
                Nästa ställe ({card.occurrence + 1} av {card.occurrences})
              </button>
            )}
            {card.entry.sectionId && props.onReadMore && (
              <button type="button" class="kaa-link" onClick={() => props.onReadMore?.(card.entry.sectionId!)}>
                Läs mer i metodboken
              </button>
            )}
            <button type="button" onClick={props.onClose}>
              Stäng
            </button>
          </div>
        )}
      </div>
    </>
  );
}
