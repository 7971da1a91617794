/**
 * A small "Tips" button next to a part of UKA's page that shows the matching metodbok tips in a disclosure panel.
 * Keyboard: Enter/Space toggles, Escape closes (from the button or anywhere in the panel) and returns focus to the
 * button. Each tip links to its section on the Metodbok page.
 */
import { useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import type { Tip } from '../../lib/content';

export interface TipsDisclosureProps {
  tips: readonly Tip[];
  /** What the tips are about, e.g. "kontakthändelserna" (button: "Tips om kontakthändelserna"). */
  about: string;
  /** Unique prefix for element ids inside this shadow root. */
  idPrefix: string;
  /** Section titles by id, for the "read more" links. */
  sectionTitle(sectionId: string): string | undefined;
  onOpenSection(sectionId: string): void;
  initiallyOpen?: boolean;
}

export const TIPS_CSS = `
.kaa-tips { margin: 4px 0; }
.kaa-tips-toggle { display: inline-flex; align-items: center; gap: 4px; font-size: 13px; padding: 2px 8px; min-height: 26px;
  background: #fff; color: #0b4f6c; border: 1px solid #0b4f6c; border-radius: 12px; }
.kaa-tips-toggle[aria-expanded="true"] { background: #0b4f6c; color: #fff; }
.kaa-tips-icon { font-weight: 700; }
.kaa-tips-panel { background: #fff; border: 1px solid #6b7280; border-left: 4px solid #0b4f6c; border-radius: 6px;
  padding: 8px 12px; margin: 4px 0 8px; max-width: 560px; max-height: 420px; overflow: auto; box-shadow: 0 1px 3px rgba(0,0,0,.12); }
.kaa-tips-panel h2 { font-size: 14px; }
.kaa-tips-list { list-style: none; padding: 0; margin: 0; }
.kaa-tips-list > li { padding: 6px 0; border-top: 1px solid #d1d5db; }
.kaa-tips-list > li:first-child { border-top: none; }
.kaa-tips-list h3 { font-size: 14px; margin: 0 0 2px; }
.kaa-tips-close { margin-top: 6px; }
`;

export function TipsDisclosure(props: TipsDisclosureProps) {
  const [open, setOpen] = useState(props.initiallyOpen ?? false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = `${props.idPrefix}-panel`;
  const headingId = `${props.idPrefix}-heading`;

  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };
  const onKeyDown = (e: JSX.TargetedKeyboardEvent<HTMLElement>) => {
    if (e.key === 'Escape' && open) {
      e.preventDefault();
      e.stopPropagation();
      close();
    }
  };
  const count = props.tips.length;

  return (
    <div class="kaa-tips" onKeyDown={onKeyDown}>
      <button
        ref={buttonRef}
        type="button"
        class="kaa-tips-toggle"
        aria-expanded={open ? 'true' : 'false'}
        aria-controls={panelId}
        data-testid="kaa-tips-toggle"
        onClick={() => setOpen(!open)}
      >
        <span class="kaa-tips-icon" aria-hidden="true">
          ?
        </span>
        Tips<span class="kaa-sr-only"> om {props.about}</span> ({count})
      </button>
      <div id={panelId} class="kaa-tips-panel" role="region" aria-labelledby={headingId} hidden={!open} data-testid="kaa-tips-panel">
        {/* Drawn when opened (most toggles on a page are never opened). */}
        {open && (
          <>
            <h2 id={headingId}>Tips ur metodboken om {props.about}</h2>
            <ul class="kaa-tips-list">
              {props.tips.map((tip) => {
                const title = props.sectionTitle(tip.sectionId);
                return (
                  <li key={tip.id} data-tip={tip.id}>
                    <h3>{tip.title}</h3>
                    <p>{tip.text}</p>
                    <button type="button" class="kaa-link" onClick={() => props.onOpenSection(tip.sectionId)}>
                      Läs mer i metodboken{title ? `: ${title}` : ''}
                    </button>
                  </li>
                );
              })}
            </ul>
            <button type="button" class="kaa-secondary kaa-tips-close" onClick={close}>
              Stäng tipsen
            </button>
          </>
        )}
      </div>
    </div>
  );
}
