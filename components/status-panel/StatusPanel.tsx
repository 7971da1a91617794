/**
 * The status panel: a small floating card that tells the user what KAA-lotsen read from the current UKA page.
 * It can be folded away (keyboard and mouse); it never covers UKA's controls when folded.
 */
import { useState } from 'preact/hooks';
import type { PageKind } from '../../lib/uka/types';
import { PAGE_KIND_LABEL, COLOUR_LABEL } from '../ui/labels';

export interface StatusSection {
  colour: 'red' | 'yellow' | 'green';
  heading: string;
  kind: string | null;
  items: number;
}

export interface StatusPanelProps {
  pageKind: PageKind;
  profileId: string | null;
  person?: { age: number | null; sections: StatusSection[]; contacts: number; measures: number } | null;
  exportList?: { groups: number; persons: number; exportEnabled: boolean } | null;
  readError?: string | null;
  initiallyOpen?: boolean;
  onToggle?(open: boolean): void;
}

export function StatusPanel(props: StatusPanelProps) {
  const [open, setOpen] = useState(props.initiallyOpen ?? true);
  const toggle = () => {
    setOpen(!open);
    props.onToggle?.(!open);
  };
  return (
    <div class="kaa-status kaa-card">
      <div class="kaa-status-head">
        <span>
          <span class="kaa-brand">KAA-lotsen</span> · <span data-testid="page-kind">{PAGE_KIND_LABEL[props.pageKind]}</span>
        </span>
        <button type="button" class="kaa-secondary" aria-expanded={open} aria-controls="kaa-status-body" onClick={toggle}>
          {open ? 'Fäll ihop' : 'Visa status'}
        </button>
      </div>
      {open && (
        <div id="kaa-status-body">
          <dl class="kaa-facts">
            <dt>UKA-version</dt>
            <dd>{props.profileId ?? 'okänd'}</dd>
            {props.person && (
              <>
                <dt>Ålder</dt>
                <dd data-testid="person-age">{props.person.age === null ? 'okänd' : `${props.person.age} år`}</dd>
                <dt>Kontakter</dt>
                <dd>{props.person.contacts}</dd>
                <dt>Åtgärder</dt>
                <dd>{props.person.measures}</dd>
              </>
            )}
            {props.exportList && (
              <>
                <dt>Grupper</dt>
                <dd>{props.exportList.groups}</dd>
                <dt>Personer i listan</dt>
                <dd>{props.exportList.persons}</dd>
                <dt>Exportknappen</dt>
                <dd>{props.exportList.exportEnabled ? 'aktiv' : 'spärrad av UKA'}</dd>
              </>
            )}
          </dl>
          {props.readError && <p class="kaa-muted">Kunde inte läsa sidan: {props.readError}</p>}
          {props.person && (
            <section aria-label="Varningar som hittades">
              <h3>Varningar på sidan ({props.person.sections.length})</h3>
              {props.person.sections.length === 0 ? (
                <p class="kaa-muted">Inga varningar.</p>
              ) : (
                <ul class="kaa-status-list" data-testid="status-sections">
                  {props.person.sections.map((s, i) => (
                    <li key={i}>
                      <span class={`kaa-badge kaa-${s.colour}`}>{COLOUR_LABEL[s.colour]}</span> {s.heading}
                      {s.kind ? <span class="kaa-muted"> ({s.kind})</span> : <span class="kaa-muted"> (okänd varning)</span>}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          )}
        </div>
      )}
    </div>
  );
}

export const STATUS_PANEL_CSS = `
:host { position: fixed; right: 12px; bottom: 12px; z-index: 2147483000; max-width: 340px; }
.kaa-status { margin: 0; max-height: 60vh; overflow: auto; }
.kaa-status-head { display: flex; gap: 8px; align-items: center; justify-content: space-between; margin-bottom: 4px; }
.kaa-status-list { list-style: none; padding: 0; }
.kaa-status-list li { margin: 2px 0; }
`;
