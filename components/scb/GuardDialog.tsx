/**
 * The SCB-file guard dialog: the validator's verdict on the file UKA just produced, the findings grouped by person
 * with links to each person page, and the save choices. Modal, keyboard-operable (focus is kept inside, Escape
 * cancels), and it says plainly that the saved file must not be opened.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { maskId } from '../../lib/domain/personnummer';

export type Severity = 'block' | 'warn' | 'info';

export interface GuardFinding {
  severity: Severity;
  ruleId: string;
  line: number | null;
  personKey?: string;
  message: string;
  fix: string;
}

export interface GuardReport {
  verdict: 'ok' | 'warn' | 'block' | 'unreadable';
  counts: { block: number; warn: number; info: number };
  rows: number;
  persons: number;
  period: string | null;
  findings: GuardFinding[];
}

export interface PersonLink {
  name: string;
  href: string;
}

export interface GuardDialogProps {
  report: GuardReport;
  fileName: string;
  /** Person page link for a 12-digit personnummer, when the export list shows that person. */
  linkFor(personnummer: string): PersonLink | null;
  onSave(override: { reason: string } | null): void;
  onCancel(): void;
}

const VERDICT_TEXT: Record<GuardReport['verdict'], { title: string; lead: string; badge: string; cls: string }> = {
  ok: { title: 'Filen ser bra ut', lead: 'Inga fel hittades. Spara filen och ladda upp den hos SCB.', badge: 'Klar', cls: 'kaa-green' },
  warn: { title: 'Filen kan sparas, men kontrollera varningarna', lead: 'Det finns uppgifter som SCB kan ifrågasätta. Rätta dem i UKA om de är fel, eller spara ändå.', badge: 'Varningar', cls: 'kaa-yellow' },
  block: { title: 'Filen har fel som SCB kommer att avvisa', lead: 'Rätta felen i UKA och exportera igen. Spara bara ändå om du vet varför.', badge: 'Stoppande fel', cls: 'kaa-red' },
  unreadable: { title: 'Filen gick inte att läsa som en textfil', lead: 'UKA skickade något annat än den väntade textfilen. Försök exportera igen.', badge: 'Oläsbar', cls: 'kaa-red' },
};

const SEVERITY_LABEL: Record<Severity, string> = { block: 'Stoppande', warn: 'Varning', info: 'Information' };
const SEVERITY_CLASS: Record<Severity, string> = { block: 'kaa-red', warn: 'kaa-yellow', info: 'kaa-green' };

interface Group {
  key: string;
  personnummer: string | null;
  findings: GuardFinding[];
}

function groupByPerson(findings: GuardFinding[]): Group[] {
  const groups = new Map<string, Group>();
  for (const f of findings) {
    const key = f.personKey ?? '(fil)';
    let group = groups.get(key);
    if (!group) {
      group = { key, personnummer: f.personKey ?? null, findings: [] };
      groups.set(key, group);
    }
    group.findings.push(f);
  }
  const rank = (g: Group) => Math.min(...g.findings.map((f) => (f.severity === 'block' ? 0 : f.severity === 'warn' ? 1 : 2)));
  return [...groups.values()].sort((a, b) => (a.personnummer === null ? -1 : b.personnummer === null ? 1 : rank(a) - rank(b)));
}

export function GuardDialog(props: GuardDialogProps) {
  const { report } = props;
  const v = VERDICT_TEXT[report.verdict];
  const [understood, setUnderstood] = useState(false);
  const [reason, setReason] = useState('');
  const [showInfo, setShowInfo] = useState(false);
  const dialogRef = useRef<HTMLDivElement>(null);
  const groups = groupByPerson(report.findings.filter((f) => showInfo || f.severity !== 'info'));
  const blocking = report.verdict === 'block' || report.verdict === 'unreadable';

  useEffect(() => {
    const previous = (document.activeElement as HTMLElement | null) ?? null;
    dialogRef.current?.querySelector<HTMLElement>('h2')?.focus();
    return () => previous?.focus?.();
  }, []);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      props.onCancel();
      return;
    }
    if (e.key !== 'Tab' || !dialogRef.current) return;
    const focusables = Array.from(dialogRef.current.querySelectorAll<HTMLElement>('a[href], button:not([disabled]), input:not([disabled]), textarea, [tabindex="0"]'));
    if (focusables.length === 0) return;
    const root = dialogRef.current.getRootNode() as ShadowRoot | Document;
    const active = root.activeElement;
    const first = focusables[0]!;
    const last = focusables[focusables.length - 1]!;
    if (e.shiftKey && (active === first || !dialogRef.current.contains(active))) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && active === last) {
      e.preventDefault();
      first.focus();
    }
  };

  return (
    <div class="kaa-backdrop">
      <div ref={dialogRef} class="kaa-dialog kaa-card" role="dialog" aria-modal="true" aria-labelledby="kaa-guard-title" aria-describedby="kaa-guard-lead" onKeyDown={onKeyDown}>
        <h2 id="kaa-guard-title" tabIndex={-1}>
          <span class={`kaa-badge ${v.cls}`}>{v.badge}</span> {v.title}
        </h2>
        <p id="kaa-guard-lead">{v.lead}</p>
        <ul class="kaa-counts" data-testid="guard-counts">
          <li>
            <span class={`kaa-badge kaa-red`}>Stoppande</span> {report.counts.block}
          </li>
          <li>
            <span class={`kaa-badge kaa-yellow`}>Varningar</span> {report.counts.warn}
          </li>
          <li>
            <span class={`kaa-badge kaa-green`}>Information</span> {report.counts.info}
          </li>
          <li>
            {report.rows} rader, {report.persons} personer{report.period ? `, period ${report.period}` : ''}
          </li>
        </ul>
        <p class="kaa-never-open" role="note">
          <strong>Öppna aldrig filen</strong> i Excel eller något annat program innan du laddat upp den. Ett program som
          sparar om filen ändrar tecken och format, och då avvisar SCB den.
        </p>
        {groups.length > 0 && (
          <div class="kaa-findings" data-testid="guard-findings">
            <h3>Vad som hittades, per person</h3>
            {report.counts.info > 0 && (
              <label class="kaa-check">
                <input type="checkbox" checked={showInfo} onChange={(e) => setShowInfo((e.currentTarget as HTMLInputElement).checked)} /> Visa även information
                (pågående åtgärder)
              </label>
            )}
            {groups.map((g) => {
              const link = g.personnummer ? props.linkFor(g.personnummer) : null;
              return (
                <section class="kaa-person" key={g.key} data-person={g.personnummer ? maskId(g.personnummer) : 'file'}>
                  <h4>
                    {g.personnummer === null ? (
                      'Hela filen'
                    ) : link ? (
                      <a href={link.href}>
                        {link.name} ({maskId(g.personnummer)})
                      </a>
                    ) : (
                      <span>{maskId(g.personnummer)} (finns inte i listan)</span>
                    )}
                  </h4>
                  <ul>
                    {g.findings.slice(0, 20).map((f, i) => (
                      <li key={i}>
                        <span class={`kaa-badge ${SEVERITY_CLASS[f.severity]}`}>{SEVERITY_LABEL[f.severity]}</span>{' '}
                        <span class="kaa-rule">{f.ruleId}</span>
                        {f.line !== null && <span class="kaa-muted"> rad {f.line}</span>}: {f.message}
                        {f.fix && <div class="kaa-fix">Så rättar du: {f.fix}</div>}
                      </li>
                    ))}
                    {g.findings.length > 20 && <li class="kaa-muted">… och {g.findings.length - 20} till</li>}
                  </ul>
                </section>
              );
            })}
          </div>
        )}
        {blocking && report.verdict !== 'unreadable' && (
          <fieldset class="kaa-override">
            <legend>Spara ändå, trots stoppande fel</legend>
            <label class="kaa-check">
              <input type="checkbox" checked={understood} onChange={(e) => setUnderstood((e.currentTarget as HTMLInputElement).checked)} /> Jag förstår att SCB
              troligen avvisar filen
            </label>
            <label>
              Varför sparar du ändå? (sparas i exportloggen)
              <input type="text" value={reason} onInput={(e) => setReason((e.currentTarget as HTMLInputElement).value)} maxLength={200} />
            </label>
          </fieldset>
        )}
        <div class="kaa-actions">
          {report.verdict === 'ok' && (
            <button type="button" onClick={() => props.onSave(null)}>
              Spara filen
            </button>
          )}
          {report.verdict === 'warn' && (
            <button type="button" onClick={() => props.onSave(null)}>
              Spara ändå
            </button>
          )}
          {report.verdict === 'block' && (
            <button type="button" disabled={!understood || reason.trim().length < 3} onClick={() => props.onSave({ reason: reason.trim() })}>
              Spara ändå
            </button>
          )}
          <button type="button" class="kaa-secondary" onClick={props.onCancel}>
            Avbryt
          </button>
        </div>
        <p class="kaa-muted">Filen sparas som {props.fileName}, exakt som UKA skickade den.</p>
      </div>
    </div>
  );
}

export const GUARD_CSS = `
.kaa-backdrop { position: fixed; inset: 0; background: rgba(17,24,39,.55); z-index: 2147483600; display: flex;
  align-items: flex-start; justify-content: center; padding: 5vh 12px; overflow: auto; }
.kaa-dialog { max-width: 760px; width: 100%; max-height: 90vh; overflow: auto; padding: 16px 20px; }
.kaa-counts { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 12px; }
.kaa-never-open { border-left: 4px solid #8a1c1c; background: #fdecec; padding: 6px 10px; }
.kaa-person { border-top: 1px solid #d1d5db; padding-top: 6px; margin-top: 6px; }
.kaa-person ul { list-style: none; padding-left: 0; }
.kaa-person li { margin: 4px 0; }
.kaa-rule { font-family: ui-monospace, Menlo, Consolas, monospace; font-weight: 600; }
.kaa-fix { margin-left: 12px; color: #374151; }
.kaa-actions { display: flex; gap: 8px; margin: 12px 0 4px; }
.kaa-check { display: flex; gap: 6px; align-items: center; margin: 4px 0; }
.kaa-override { border: 1px solid #8a1c1c; border-radius: 6px; margin: 8px 0; }
.kaa-override input[type=text] { display: block; width: 100%; margin-top: 2px; font: inherit; padding: 4px; }
`;
