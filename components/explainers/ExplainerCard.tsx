/**
 * Plain-language explanation of one UKA warning section, placed right under it. Collapsed by default; the toggle is
 * a real button with aria-expanded, so it works by keyboard and screen reader.
 */
import { useState } from 'preact/hooks';
import type { Explainer } from '../../lib/content/schema';
import { COLOUR_LABEL } from '../ui/labels';

export interface ExplainerCardProps {
  explainer: Explainer;
  colour: 'red' | 'yellow' | 'green';
  /** Warning kind id (R1…G1) or null for a section we do not recognise. */
  kind: string | null;
  heading: string;
  idPrefix: string;
  onReadMore?(sectionId: string): void;
}

export function ExplainerCard(props: ExplainerCardProps) {
  const [open, setOpen] = useState(false);
  const { explainer: e } = props;
  const bodyId = `${props.idPrefix}-body`;
  return (
    <div class={`kaa-explainer kaa-explainer-${props.colour}`} data-kind={props.kind ?? 'unknown'}>
      <button type="button" class="kaa-secondary kaa-toggle" aria-expanded={open} aria-controls={bodyId} onClick={() => setOpen(!open)}>
        <span aria-hidden="true">{open ? '▾' : '▸'}</span> {open ? 'Dölj förklaringen' : 'Vad betyder det här och hur rättar jag?'}
        <span class="kaa-sr-only"> – {props.heading}</span>
      </button>
      <div id={bodyId} hidden={!open} class="kaa-explainer-body">
        {/* The body is drawn when opened: a list shows one card per section, most of them never opened. */}
        {open && (
          <>
            <h3>
              <span class={`kaa-badge kaa-${props.colour}`}>{COLOUR_LABEL[props.colour]}</span> {e.title}
              {props.kind === null && <span class="kaa-muted"> (okänd varning)</span>}
            </h3>
            <h4>Vad det betyder</h4>
            <p>{e.meaning}</p>
            <h4>Därför behöver SCB uppgiften</h4>
            <p>{e.whyScbCares}</p>
            <h4>Så rättar du i UKA</h4>
            <ol>
              {e.steps.map((s, i) => (
                <li key={i}>{s}</li>
              ))}
            </ol>
            <h4>Vanligt misstag</h4>
            <p>{e.typicalMistake}</p>
            {e.sectionId && props.onReadMore && (
              <button type="button" class="kaa-link" onClick={() => props.onReadMore?.(e.sectionId!)}>
                Läs mer i metodboken
              </button>
            )}
          </>
        )}
      </div>
    </div>
  );
}

export const EXPLAINER_CSS = `
.kaa-explainer { margin: 4px 0 10px; border-left: 4px solid #6b7280; padding: 4px 0 4px 10px; background: #fafafa; }
.kaa-explainer-red { border-left-color: #8a1c1c; }
.kaa-explainer-yellow { border-left-color: #6b4e00; }
.kaa-explainer-green { border-left-color: #1d5e2b; }
.kaa-toggle { font-size: 13px; }
.kaa-explainer-body { margin-top: 6px; max-width: 70ch; }
.kaa-explainer-body h4 { margin-top: 8px; }
`;
