/**
 * The SCB-file guard dialog: the validator's verdict on the file UKA just produced, counts per severity, the findings
 * grouped by person with links to each person page, and the save choices. Modal and keyboard-operable (focus stays
 * inside, Escape cancels); it says plainly that the saved file must not be opened.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { maskId } from '../../lib/domain/personnummer';
import type { ScbReport, Severity } from '../../lib/scb/validate';
import { count } from '../../lib/domain/swedish';
import { dialogCauses, dialogGroups, overrideReady, saveActionFor, showId, MIN_REASON, type PersonIndex } from './model';
import { REDACTED_ID, REDACTED_NAME } from '../../lib/store/redact';
import { trusted } from '../ui/trusted';

export interface GuardDialogProps {
  report: ScbReport;
  fileName: string;
  /** 12-digit personnummer → UKA person page (from the export list's rows). */
  people: PersonIndex;
  /** The reason as it will be stored (names of the export list and personnummer-like numbers masked: maskReason). */
  maskReason(reason: string): string;
  /**
   * Save the file. An override (a file with blocking errors) is saved only after the export log accepted it: when
   * the returned promise rejects, nothing was saved and the dialog stays open with the refusal.
   */
  onSave(override: { reason: string } | null): void | Promise<void>;
  onCancel(): void;
}

/** Why an override was refused (the log could not be written, so the file was not saved). */
export const OVERRIDE_REFUSED =
  'Filen sparades inte. Exportloggen kunde inte skrivas, och en fil med stoppande fel sparas bara när skälet finns i loggen. ' +
  'Försök igen om en stund, eller rätta felen i UKA och exportera på nytt.';

const VERDICT_TEXT: Record<ScbReport['verdict'], { title: string; lead: string; badge: string; cls: string }> = {
  ok: { title: 'Filen ser bra ut', lead: 'Kontrollen hittade inga fel. Spara filen och ladda upp den hos SCB.', badge: 'Godkänd', cls: 'kaa-green' },
  warn: {
    title: 'Filen går att spara, men titta på varningarna',
    lead: 'Några uppgifter kan SCB komma att fråga om. Rätta dem i UKA om de är fel, annars kan du spara ändå.',
    badge: 'Varningar',
    cls: 'kaa-yellow',
  },
  block: {
    title: 'Filen har fel som gör att SCB inte tar emot den',
    lead: 'Rätta uppgifterna i UKA och exportera på nytt. Spara bara ändå om du vet varför, och skriv då vad skälet är.',
    badge: 'Stoppande fel',
    cls: 'kaa-red',
  },
  unreadable: {
    title: 'Filen kunde inte läsas som en textfil',
    lead: 'UKA skickade något annat än den väntade textfilen. Försök exportera igen om en stund.',
    badge: 'Oläsbar',
    cls: 'kaa-red',
  },
};

const SEVERITY_LABEL: Record<Severity, string> = { block: 'Stoppande', warn: 'Varning', info: 'Information' };
const SEVERITY_CLASS: Record<Severity, string> = { block: 'kaa-red', warn: 'kaa-yellow', info: 'kaa-green' };
const PER_PERSON = 20;
/** Consequences listed under a cause (the counts above include all). */
const PER_CAUSE = 50;
const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), textarea:not([disabled]), select:not([disabled]), [tabindex="0"]';

const maskText = (s: string, full: boolean) => (full ? s : s.replace(/\b\d{8}[-+]?\d{4}\b/g, (m) => maskId(m)));

/** Keep Tab / Shift+Tab inside `container` (works inside a shadow root). Returns true when it moved focus. */
export function trapTab(container: HTMLElement, e: KeyboardEvent): boolean {
  const focusables = Array.from(container.querySelectorAll<HTMLElement>(FOCUSABLE));
  if (focusables.length === 0) return false;
  const root = container.getRootNode() as ShadowRoot | Document;
  const active = root.activeElement;
  const first = focusables[0]!;
  const last = focusables[focusables.length - 1]!;
  const inside = active instanceof Element && container.contains(active);
  if (e.shiftKey && (active === first || !inside || active === container.querySelector('[tabindex="-1"]'))) {
    e.preventDefault();
    last.focus();
    return true;
  }
  if (!e.shiftKey && (active === last || !inside)) {
    e.preventDefault();
    first.focus();
    return true;
  }
  return false;
}

export function GuardDialog(props: GuardDialogProps) {
  const { report } = props;
  const v = VERDICT_TEXT[report.verdict];
  const action = saveActionFor(report.verdict);
  const [understood, setUnderstood] = useState(false);
  const [reason, setReason] = useState('');
  const [showInfo, setShowInfo] = useState(false);
  const [fullIds, setFullIds] = useState(false);
  const [saving, setSaving] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);
  const dialogRef = useRef<HTMLDivElement>(null);
  const refusedRef = useRef<HTMLParagraphElement>(null);
  const storedReason = action === 'override' ? props.maskReason(reason) : '';
  const groups = dialogGroups(report, props.people, showInfo);
  const causes = dialogCauses(report);

  useEffect(() => {
    dialogRef.current?.querySelector<HTMLElement>('h2')?.focus();
  }, []);
  // A refusal is announced (role=alert) and gets the focus, so that keyboard and screen-reader users meet it first.
  useEffect(() => {
    if (refused) refusedRef.current?.focus();
  }, [refused]);

  const save = async (override: { reason: string } | null) => {
    if (saving) return;
    setSaving(true);
    setRefused(null);
    try {
      await props.onSave(override);
    } catch (error) {
      const detail = error instanceof Error && error.message ? ` (${error.message})` : '';
      setRefused(override ? `${OVERRIDE_REFUSED}${detail}` : `Filen sparades inte${detail}.`);
    } finally {
      setSaving(false);
    }
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      props.onCancel();
      return;
    }
    if (e.key === 'Tab' && dialogRef.current) trapTab(dialogRef.current, e);
  };

  return (
    <div
      class="kaa-backdrop"
      onMouseDown={(e) => {
        // A click beside the dialog must not move focus out of it (the dialog is modal).
        if (e.target === e.currentTarget) e.preventDefault();
      }}
    >
      <div
        ref={dialogRef}
        class="kaa-dialog kaa-card"
        role="dialog"
        aria-modal="true"
        aria-labelledby="kaa-guard-title"
        aria-describedby="kaa-guard-lead"
        data-testid="guard-dialog"
        data-verdict={report.verdict}
        onKeyDown={onKeyDown}
      >
        <h2 id="kaa-guard-title" tabIndex={-1}>
          <span class={`kaa-badge ${v.cls}`}>{v.badge}</span> {v.title}
        </h2>
        {causes.length === 0 && <p id="kaa-guard-lead">{v.lead}</p>}
        {causes.map((c, ci) => (
          <section class="kaa-cause" key={c.finding.id ?? ci} data-testid="guard-cause" data-cause-rule={c.finding.ruleId}>
            <p id={ci === 0 ? 'kaa-guard-lead' : undefined}>
              <strong>Orsak: {c.title}.</strong> {maskText(c.finding.message, fullIds)}
            </p>
            <p class="kaa-cause-fix">
              <strong>Gör så här:</strong> {c.finding.fix}
            </p>
            {c.total > 0 && (
              <details class="kaa-consequences" data-testid="guard-consequences">
                <summary>
                  {count(c.total, 'följdfel', 'följdfel')} av samma orsak (visa)
                </summary>
                <ul>
                  {c.consequences.slice(0, PER_CAUSE).map((f, i) => (
                    <li key={i} data-rule={f.ruleId}>
                      <span class={`kaa-badge ${SEVERITY_CLASS[f.severity]}`}>{SEVERITY_LABEL[f.severity]}</span> <span class="kaa-rule">{f.ruleId}</span>
                      {f.line !== null && <span class="kaa-muted"> rad {f.line}</span>}
                      {f.personKey && <span class="kaa-muted"> ({showId(f.personKey, fullIds)})</span>}: {maskText(f.message, fullIds)}
                    </li>
                  ))}
                  {c.total > Math.min(c.consequences.length, PER_CAUSE) && (
                    <li class="kaa-muted">… och {c.total - Math.min(c.consequences.length, PER_CAUSE)} till</li>
                  )}
                </ul>
              </details>
            )}
          </section>
        ))}
        <ul class="kaa-counts" data-testid="guard-counts" aria-label="Det här hittade kontrollen, per allvarlighetsgrad">
          <li data-severity="block">
            <span class="kaa-badge kaa-red">Stoppande fel</span> {report.counts.block}
          </li>
          <li data-severity="warn">
            <span class="kaa-badge kaa-yellow">Varningar</span> {report.counts.warn}
          </li>
          <li data-severity="info">
            <span class="kaa-badge kaa-green">Information</span> {report.counts.info}
          </li>
          <li>
            {count(report.rows, 'rad', 'rader')}, {count(report.persons, 'person', 'personer')}
            {report.period ? `, period ${report.period}` : ''}
          </li>
        </ul>
        {report.excelDamage && (
          <p class="kaa-excel" data-testid="guard-excel">
            <strong>Filen bär spår av ett kalkylprogram</strong> (till exempel Excel): tecken, datum eller personnummer har ändrats
            på ett sätt som UKA inte gör. Exportera en ny fil från UKA.
          </p>
        )}
        <p class="kaa-never-open" data-testid="never-open">
          <strong>Öppna inte filen</strong> – varken i Excel, Anteckningar eller något annat program – innan du har lämnat in
          den hos SCB. Om ett program sparar om filen ändras tecken och format, och då tar SCB inte emot den.
        </p>
        {report.findings.length > 0 && (
          <div class="kaa-findings" data-testid="guard-findings">
            <h3>Det här hittade kontrollen, per person</h3>
            <div class="kaa-options">
              {report.counts.info > 0 && (
                <label class="kaa-check">
                  <input type="checkbox" checked={showInfo} onChange={(e) => setShowInfo((e.currentTarget as HTMLInputElement).checked)} /> Visa även
                  information (pågående åtgärder)
                </label>
              )}
              <label class="kaa-check">
                <input type="checkbox" checked={fullIds} onChange={(e) => setFullIds((e.currentTarget as HTMLInputElement).checked)} /> Visa hela
                personnummer
              </label>
            </div>
            {groups.length === 0 && causes.length === 0 && <p class="kaa-muted">Bara information finns. Kryssa i rutan ovan för att se den.</p>}
            {groups.map((g) => (
              <section class="kaa-person" key={g.personKey ?? 'file'} data-person={g.personKey ? maskId(g.personKey) : 'file'}>
                <h4>
                  {g.personKey === null ? (
                    'Hela filen'
                  ) : g.link ? (
                    <a href={g.link.href}>
                      {g.link.name} ({showId(g.personKey, fullIds)})
                    </a>
                  ) : (
                    <span>
                      {showId(g.personKey, fullIds)} <span class="kaa-muted">(finns inte i exportlistan – sök personen i UKA)</span>
                    </span>
                  )}
                </h4>
                <ul>
                  {g.findings.slice(0, PER_PERSON).map((f, i) => (
                    <li key={i} data-rule={f.ruleId}>
                      <span class={`kaa-badge ${SEVERITY_CLASS[f.severity]}`}>{SEVERITY_LABEL[f.severity]}</span> <span class="kaa-rule">{f.ruleId}</span>
                      {f.line !== null && <span class="kaa-muted"> rad {f.line}</span>}: {maskText(f.message, fullIds)}
                      {f.fix && <div class="kaa-fix">Så rättar du: {f.fix}</div>}
                    </li>
                  ))}
                  {g.findings.length > PER_PERSON && <li class="kaa-muted">… och {g.findings.length - PER_PERSON} till</li>}
                </ul>
              </section>
            ))}
            {Object.keys(report.omitted).length > 0 && (
              <p class="kaa-muted">Några fel och varningar av samma slag visas inte här, men de räknas i siffrorna ovan.</p>
            )}
          </div>
        )}
        {action === 'override' && (
          <fieldset class="kaa-override" data-testid="guard-override">
            <legend>Spara trots stoppande fel</legend>
            <label class="kaa-check">
              <input type="checkbox" checked={understood} onChange={(e) => setUnderstood((e.currentTarget as HTMLInputElement).checked)} /> Jag förstår att
              SCB troligen inte tar emot filen
            </label>
            <label class="kaa-reason">
              Skäl till att du sparar ändå (minst {MIN_REASON} tecken, utan namn och personnummer)
              <input
                type="text"
                value={reason}
                onInput={(e) => setReason((e.currentTarget as HTMLInputElement).value)}
                maxLength={200}
                aria-describedby={storedReason && storedReason !== reason.trim() ? 'kaa-reason-hint kaa-reason-stored' : 'kaa-reason-hint'}
                data-testid="guard-reason"
              />
            </label>
            <p id="kaa-reason-hint" class="kaa-hint">
              Skälet sparas i KAA-lotsens lokala exportlogg på den här datorn. Namn från exportlistan byts mot {REDACTED_NAME} och allt
              som liknar ett personnummer mot {REDACTED_ID} innan skälet sparas.
            </p>
            {storedReason && storedReason !== reason.trim() && (
              <p id="kaa-reason-stored" class="kaa-hint" data-testid="guard-reason-stored">
                Sparas som: <q>{storedReason}</q>
              </p>
            )}
          </fieldset>
        )}
        {refused && (
          <p class="kaa-refused" role="alert" tabIndex={-1} ref={refusedRef} data-testid="guard-refused">
            {refused}
          </p>
        )}
        <div class="kaa-actions">
          {action === 'save' && (
            <button type="button" disabled={saving} onClick={trusted(() => void save(null))}>
              Spara filen
            </button>
          )}
          {action === 'save-anyway' && (
            <button type="button" disabled={saving} onClick={trusted(() => void save(null))}>
              Spara ändå
            </button>
          )}
          {action === 'override' && (
            <button
              type="button"
              disabled={saving || !overrideReady(understood, reason)}
              aria-describedby={refused ? undefined : 'kaa-reason-hint'}
              onClick={trusted(() => void save({ reason: storedReason }))}
            >
              {saving ? 'Skriver i loggen…' : 'Spara ändå'}
            </button>
          )}
          <button type="button" class="kaa-secondary" onClick={props.onCancel}>
            Avbryt
          </button>
        </div>
        {action !== 'none' && <p class="kaa-muted">Filen sparas som {props.fileName}, byte för byte som UKA skickade den.</p>}
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
.kaa-excel { border-left: 4px solid #8a1c1c; padding: 6px 10px; }
.kaa-cause { border-left: 4px solid #8a1c1c; background: #fdecec; padding: 4px 10px; margin: 8px 0; }
.kaa-cause p { margin: 4px 0; }
.kaa-consequences summary { cursor: pointer; }
.kaa-consequences ul { list-style: none; padding-left: 0; }
.kaa-options { display: flex; flex-wrap: wrap; gap: 4px 16px; }
.kaa-person { border-top: 1px solid #d1d5db; padding-top: 6px; margin-top: 6px; }
.kaa-person ul { list-style: none; padding-left: 0; }
.kaa-person li { margin: 4px 0; }
.kaa-rule { font-family: ui-monospace, Menlo, Consolas, monospace; font-weight: 600; }
.kaa-fix { margin-left: 12px; color: #374151; }
.kaa-actions { display: flex; gap: 8px; margin: 12px 0 4px; }
.kaa-check { display: flex; gap: 6px; align-items: center; margin: 4px 0; }
.kaa-override { border: 1px solid #8a1c1c; border-radius: 6px; margin: 8px 0; }
.kaa-reason input[type=text] { display: block; width: 100%; margin-top: 2px; font: inherit; padding: 4px; }
.kaa-hint { margin: 4px 0; font-size: 13px; color: #374151; }
.kaa-refused { border-left: 4px solid #8a1c1c; background: #fdecec; padding: 6px 10px; font-weight: 600; }
`;
