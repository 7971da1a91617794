/** Result of checking a chosen file against the export log, shown beside SCB's own file input. */
import { COLOUR_LABEL } from '../ui/labels';

export type UploadCheckState =
  | { kind: 'checking'; fileName: string }
  | { kind: 'unchanged'; fileName: string; exportedAt: number; period: string; verdict: string }
  | {
      kind: 'changed';
      fileName: string;
      verdict: 'ok' | 'warn' | 'block' | 'unreadable';
      counts: { block: number; warn: number; info: number };
      top: { ruleId: string; line: number | null; message: string }[];
    }
  | { kind: 'error'; fileName: string; message: string };

function time(ms: number): string {
  const d = new Date(ms);
  const hm = d.toLocaleTimeString('sv-SE', { hour: '2-digit', minute: '2-digit' });
  const day = d.toLocaleDateString('sv-SE');
  return `${day} ${hm}`;
}

export function UploadCheck(props: { state: UploadCheckState }) {
  const s = props.state;
  return (
    <div class="kaa-card" role="status" aria-live="polite" data-testid="upload-check" data-state={s.kind}>
      <span class="kaa-brand">KAA-lotsen</span>{' '}
      {s.kind === 'checking' && <span>Kontrollerar {s.fileName} …</span>}
      {s.kind === 'unchanged' && (
        <span>
          <span class="kaa-badge kaa-green">{COLOUR_LABEL.green.split(' ')[0]} – oförändrad</span> Oförändrad fil från UKA, exporterad {time(s.exportedAt)}{' '}
          (period {s.period}). Du kan ladda upp den.
        </span>
      )}
      {s.kind === 'changed' && (
        <div>
          <p>
            <span class="kaa-badge kaa-red">Varning</span> <strong>Filen skiljer sig från den som KAA-lotsen sparade från UKA.</strong> Den kan ha öppnats och
            sparats om i ett annat program, eller vara en äldre export. Exportera helst en ny fil från UKA och ladda upp den utan att öppna den.
          </p>
          <p>
            Kontrollen av filen: {s.counts.block} stoppande fel, {s.counts.warn} varningar.
          </p>
          {s.top.length > 0 && (
            <ul>
              {s.top.map((f, i) => (
                <li key={i}>
                  {f.ruleId}
                  {f.line !== null ? ` rad ${f.line}` : ''}: {f.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {s.kind === 'error' && <span>Kunde inte kontrollera filen: {s.message}</span>}
    </div>
  );
}
