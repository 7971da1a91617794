/** Result of checking a chosen file against the export log, shown beside SCB's own file input. Never blocks SCB. */
import type { Verdict } from '../../lib/scb/validate';
import { exportTimeText } from './model';
import { count } from '../../lib/domain/swedish';

export type UploadCheckState =
  | { kind: 'checking'; fileName: string }
  | { kind: 'unchanged'; fileName: string; exportedAt: number; period: string; verdict: string; override: boolean }
  | {
      kind: 'changed';
      fileName: string;
      verdict: Verdict;
      /** The validator saw traces of a spreadsheet program (commas for semicolons, scientific numbers, ...). */
      excelDamage?: boolean;
      counts: { block: number; warn: number; info: number };
      top: { ruleId: string; line: number | null; message: string }[];
    }
  | { kind: 'error'; fileName: string; message: string };

export function UploadCheck(props: { state: UploadCheckState; now?: number }) {
  const s = props.state;
  return (
    <div class="kaa-card" role="status" aria-live="polite" data-testid="upload-check" data-state={s.kind}>
      <span class="kaa-brand">KAA-lotsen</span>{' '}
      {s.kind === 'checking' && <span>Kontrollerar {s.fileName} …</span>}
      {s.kind === 'unchanged' && (
        <span>
          <span class="kaa-badge kaa-green">Oförändrad</span> Oförändrad fil från UKA, exporterad {exportTimeText(s.exportedAt, props.now)} (period{' '}
          {s.period}).{' '}
          {s.override
            ? 'Filen sparades trots stoppande fel, så SCB kan komma att avvisa den.'
            : 'Den är byte för byte densamma som KAA-lotsen sparade.'}
        </span>
      )}
      {s.kind === 'changed' && (
        <div>
          <p>
            <span class="kaa-badge kaa-red">Varning</span>{' '}
            <strong>Filen är inte den som KAA-lotsen sparade från UKA.</strong> Den kan ha öppnats och sparats om i ett annat program,
            eller vara en äldre export. Exportera helst en ny fil från UKA och ladda upp den utan att öppna den.
          </p>
          {s.excelDamage && (
            <p data-testid="upload-check-excel">
              Filen ser ut att ha öppnats och sparats om i ett kalkylprogram, till exempel Excel. SCB tar troligen inte emot den.
            </p>
          )}
          <p data-testid="upload-check-counts">
            Kontrollen av den valda filen: {s.counts.block} stoppande fel, {count(s.counts.warn, 'varning')}.
          </p>
          {s.top.length > 0 && (
            <ul aria-label="Det viktigaste kontrollen hittade">
              {s.top.map((f, i) => (
                <li key={i} data-rule={f.ruleId}>
                  {f.ruleId}
                  {f.line !== null ? ` rad ${f.line}` : ''}: {f.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {s.kind === 'error' && <span>Filen kunde inte kontrolleras: {s.message}. Du kan ändå ladda upp den.</span>}
    </div>
  );
}
