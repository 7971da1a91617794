/**
 * The guard's panel beside UKA's export button: what happens when the button is pressed (or why UKA has blocked the
 * export), the result of the last save, and the "Tolka SCB:s fellista" disclosure.
 */
import type { ExportListGroup } from '../../lib/uka/types';
import { ExportBlocked, EXPORT_BLOCKED_CSS } from './ExportBlocked';
import { ErrorListPanel, ERROR_LIST_CSS } from './ErrorListPanel';
import { exportTimeText, type PeopleSource } from './model';

export type GuardPanelState =
  | { kind: 'ready' }
  | { kind: 'blocked'; redGroups: ExportListGroup[] }
  | { kind: 'checking' }
  | { kind: 'saved'; fileName: string; time: number; override: boolean }
  | { kind: 'error'; message: string };

export function GuardPanel(props: { state: GuardPanelState; people: PeopleSource }) {
  const s = props.state;
  return (
    <div class="kaa-card kaa-guard-panel" data-testid="scb-guard-panel" data-state={s.kind}>
      <h2>
        <span class="kaa-brand">KAA-lotsen</span> · Säker SCB-fil
      </h2>
      {s.kind === 'blocked' ? (
        <ExportBlocked groups={s.redGroups} />
      ) : (
        <p>KAA-lotsen kontrollerar filen när du trycker på exportknappen, innan den sparas. Filen sparas exakt som UKA skapade den.</p>
      )}
      <div role="status" aria-live="polite" data-testid="scb-guard-status">
        {s.kind === 'checking' && <p>Hämtar och kontrollerar filen …</p>}
        {s.kind === 'saved' && (
          <p>
            Filen {s.fileName} sparades kl. {exportTimeText(s.time)}
            {s.override ? ' trots stoppande fel (skälet står i exportloggen)' : ''}. Öppna den inte – ladda upp den som den är hos SCB.
          </p>
        )}
        {s.kind === 'error' && <p class="kaa-problem">Filen kunde inte kontrolleras: {s.message}. Försök igen om en stund.</p>}
      </div>
      <ErrorListPanel people={props.people} />
    </div>
  );
}

export const GUARD_PANEL_CSS = `
.kaa-guard-panel { max-width: 760px; }
${EXPORT_BLOCKED_CSS}
${ERROR_LIST_CSS}
`;
