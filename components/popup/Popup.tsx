/** The toolbar popup: which UKA page this tab shows, which features run, and anything that went wrong. */
import { FEATURE_LABEL, FEATURE_STATE_LABEL, PAGE_KIND_LABEL } from '../ui/labels';
import type { PageKind } from '../../lib/uka/types';
import { PART_LABEL, type PartName } from '../../lib/uka/parts';

export interface PopupTabStatus {
  pageKind: string;
  profileId: string | null;
  features: { id: string; state: string; error?: string }[];
  unknownWarnings: string[];
  drift?: { part: string; selector: string }[];
}

export interface PopupProps {
  configured: boolean;
  /** True when the active tab is on the configured UKA origin. */
  onUka: boolean;
  status: PopupTabStatus | null;
  recentErrors: { time: number; feature: string; message: string }[];
  onOpenOptions(): void;
  onOpenMetodbok?(): void;
  onOpenExtens?(): void;
  onRestartTour?(): void;
  /** Open the calibration page for this tab (shown on a UKA tab). */
  onCalibrate?(): void;
  children?: preact.ComponentChildren;
}

export function Popup(props: PopupProps) {
  const { status } = props;
  return (
    <main class="popup">
      <h1>KAA-lotsen</h1>
      <section aria-labelledby="popup-page">
        <h2 id="popup-page">Den här fliken</h2>
        {!props.configured ? (
          <p data-testid="popup-page-kind">KAA-lotsen är inte inställd ännu. Ange kommunens UKA-adress i inställningarna.</p>
        ) : !props.onUka ? (
          <p data-testid="popup-page-kind">Fliken visar inte UKA. KAA-lotsen arbetar bara på den UKA-adress som är inställd.</p>
        ) : !status ? (
          <p data-testid="popup-page-kind">Ingen UKA-sida har lästs in i fliken ännu. Ladda om sidan om du nyss ändrade inställningarna.</p>
        ) : status.pageKind === 'unknown' ? (
          <p data-testid="popup-page-kind">
            Sidan känns inte igen (okänd sida). KAA-lotsen lägger inte till något här.
          </p>
        ) : (
          <p data-testid="popup-page-kind">
            {PAGE_KIND_LABEL[status.pageKind as PageKind] ?? status.pageKind}
            {status.profileId && <span class="muted"> · {status.profileId}</span>}
          </p>
        )}
      </section>
      {status && status.features.length > 0 && (
        <section aria-labelledby="popup-features">
          <h2 id="popup-features">Funktioner</h2>
          <ul class="features" data-testid="popup-features">
            {status.features.map((f) => (
              <li key={f.id} data-feature={f.id} data-state={f.state}>
                <span>{FEATURE_LABEL[f.id] ?? f.id}</span>: <strong>{FEATURE_STATE_LABEL[f.state] ?? f.state}</strong>
                {f.error && <div class="error">{f.error}</div>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {status && status.drift && status.drift.length > 0 && (
        <section aria-labelledby="popup-drift" data-testid="popup-drift">
          <h2 id="popup-drift">UKA har ändrats</h2>
          <p>
            Delar av sidan som KAA-lotsen hittade förut finns inte längre. Det som bygger på dem visas inte, så att inga råd
            ges utifrån halvt lästa uppgifter. Be den som förvaltar tillägget att anpassa UKA-profilen (kalibreringssidan
            visar vad som saknas).
          </p>
          <ul>
            {status.drift.map((d) => (
              <li key={d.part} data-part={d.part}>
                {PART_LABEL[d.part as PartName] ?? d.part} hittas inte (<code>{d.selector}</code>)
              </li>
            ))}
          </ul>
        </section>
      )}
      {status && status.unknownWarnings.length > 0 && (
        <section aria-labelledby="popup-unknown">
          <h2 id="popup-unknown">Okänd varning</h2>
          <p>UKA visar varningar som KAA-lotsen inte känner igen. Berätta gärna för den som förvaltar tillägget.</p>
          <ul data-testid="popup-unknown-warnings">
            {status.unknownWarnings.map((w) => (
              <li key={w}>okänd varning: {w}</li>
            ))}
          </ul>
        </section>
      )}
      {props.children}
      {props.recentErrors.length > 0 && (
        <section aria-labelledby="popup-errors">
          <h2 id="popup-errors">Senaste fel</h2>
          <ul data-testid="popup-errors">
            {props.recentErrors.slice(0, 5).map((e, i) => (
              <li key={i}>
                {new Date(e.time).toLocaleString('sv-SE')} – {FEATURE_LABEL[e.feature] ?? e.feature}: {e.message}
              </li>
            ))}
          </ul>
        </section>
      )}
      <nav class="actions" aria-label="Genvägar">
        <button type="button" onClick={props.onOpenOptions}>
          Inställningar
        </button>
        {props.onOpenMetodbok && (
          <button type="button" onClick={props.onOpenMetodbok}>
            Metodbok
          </button>
        )}
        {props.onOpenExtens && (
          <button type="button" onClick={props.onOpenExtens}>
            Extens och statistik
          </button>
        )}
        {props.onUka && props.onCalibrate && (
          <button type="button" onClick={props.onCalibrate} data-testid="popup-calibrate">
            Kalibrera UKA-profil
          </button>
        )}
        {props.onRestartTour && (
          <button type="button" onClick={props.onRestartTour}>
            Starta introduktionen
          </button>
        )}
      </nav>
    </main>
  );
}
