/**
 * The contact ladder (kontakttrappan) on a person page: every step with its state in words, the next action in one
 * sentence with its due date, and a small form to note what UKA cannot hold. Every local note reminds the coach to
 * document in UKA; UKA's log wins when it later shows the step. The ladder arrives computed, its texts in words
 * (lib/ladder/view.ts, made in the background): the panel only draws it.
 */
import { useState } from 'preact/hooks';
import type { LocalNote, LocalNoteStep, StepState } from '../../lib/ladder/types';
import type { LadderStepView, LadderView } from '../../lib/ladder/view';
import { trusted, trustedForm } from '../ui/trusted';

export const STEP_STATE_LABEL: Record<StepState, string> = {
  'done-uka': 'Klart enligt UKA',
  'done-local': 'Noterat lokalt',
  due: 'Att göra nu',
  overdue: 'Försenat',
  'not-applicable': 'Gäller inte',
  upcoming: 'Kommande',
};
const STEP_STATE_CLASS: Record<StepState, string> = {
  'done-uka': 'kaa-green',
  'done-local': 'kaa-green',
  due: 'kaa-yellow',
  overdue: 'kaa-red',
  'not-applicable': 'kaa-na',
  upcoming: 'kaa-na',
};

/** What a coach can note here, with whether a date is asked for. */
export const NOTE_CHOICES: { step: LocalNoteStep; label: string; needsDate: boolean; extra?: 'reached' }[] = [
  { step: 'callFailed', label: 'Samtal utan svar', needsDate: true },
  { step: 'letterSent', label: 'Kontaktbrev eller kontaktvykort skickat', needsDate: true },
  { step: 'homeVisitPlanned', label: 'Hembesök planerat (ange besöksdagen)', needsDate: true },
  { step: 'visitLetterSent', label: 'Brev/vykort om hembesöket skickat', needsDate: true },
  { step: 'homeVisitDone', label: 'Hembesök gjort', needsDate: true, extra: 'reached' },
  { step: 'reached', label: 'Fick kontakt', needsDate: true },
  { step: 'notInterested', label: 'Ungdomen vill inte ha stöd nu', needsDate: true },
  { step: 'notLivingAtAddress', label: 'Bor inte på adressen', needsDate: true },
  { step: 'skatteverketReported', label: 'Anmält till Skatteverket', needsDate: false },
  { step: 'orosanmalanDone', label: 'Orosanmälan gjord', needsDate: false },
  { step: 'followUpAgreed', label: 'Uppföljning överenskommen (ange datum)', needsDate: true },
  { step: 'handoverDone', label: 'Överlämning inför 20 år gjord', needsDate: false },
];

export interface StoredNote {
  id: string;
  note: LocalNote;
}

export interface LadderPanelProps {
  view: LadderView;
  today: string;
  notes: StoredNote[];
  /** Ids of notes that UKA's log now shows (UKA wins): offered for deletion. */
  supersededIds?: string[];
  onAddNote(note: LocalNote): Promise<void>;
  onDeleteNote(id: string): Promise<void>;
}

function noteLabel(note: LocalNote): string {
  const choice = NOTE_CHOICES.find((c) => c.step === note.step);
  const date = 'date' in note && note.date ? ` ${note.date}` : '';
  const reached = note.step === 'homeVisitDone' ? (note.reached ? ' (träffade ungdomen)' : ' (ingen kontakt)') : '';
  return `${choice?.label ?? note.step}${date}${reached}`;
}

function StepItem({ step: s }: { step: LadderStepView }) {
  return (
    <li data-step={s.id} data-state={s.state}>
      <span class={`kaa-badge ${STEP_STATE_CLASS[s.state]}`}>{STEP_STATE_LABEL[s.state]}</span> <strong>{s.title}</strong>
      {s.likely && s.state !== 'not-applicable' && (
        <>
          {' '}
          <span class="kaa-badge kaa-yellow">Trolig</span>
        </>
      )}
      {s.dueDate && s.state !== 'not-applicable' && (
        <span>
          {' '}
          – <time dateTime={s.dueDate}>{s.dueDate}</time>
        </span>
      )}
      <div class="kaa-muted">{s.reason}</div>
    </li>
  );
}

export function LadderPanel(props: LadderPanelProps) {
  const { view } = props;
  const [open, setOpen] = useState(true);
  const [step, setStep] = useState<LocalNoteStep>('callFailed');
  const [date, setDate] = useState(props.today);
  const [reached, setReached] = useState(false);
  const [message, setMessage] = useState('');
  const [showAll, setShowAll] = useState(false);
  // Steps that do not apply now are folded away, so the ladder shows what matters for this youth.
  const relevant = view.steps.filter((s) => s.state !== 'not-applicable');
  const inapplicable = view.steps.filter((s) => s.state === 'not-applicable');
  const choice = NOTE_CHOICES.find((c) => c.step === step)!;
  const superseded = new Set(props.supersededIds ?? []);
  const activeNotes = props.notes.filter((n) => !superseded.has(n.id));
  const oldNotes = props.notes.filter((n) => superseded.has(n.id));
  const saved = 'Sparat i KAA-lotsen på den här datorn. Glöm inte att dokumentera det i UKA också – det är UKA som gäller.';

  const quick = async (note: LocalNote) => {
    await props.onAddNote(note);
    setMessage(saved);
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (choice.needsDate && !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      setMessage('Ange ett datum (ÅÅÅÅ-MM-DD).');
      return;
    }
    const note = (step === 'homeVisitDone' ? { step, date, reached } : choice.needsDate ? { step, date } : { step, ...(date ? { date } : {}) }) as LocalNote;
    await props.onAddNote(note);
    setMessage(saved);
  };

  return (
    <div class="kaa-card kaa-ladder" data-testid="ladder">
      <div class="kaa-row">
        <h2 id="kaa-ladder-title">Kontakttrappan</h2>
        <button type="button" class="kaa-secondary" aria-expanded={open} aria-controls="kaa-ladder-body" onClick={() => setOpen(!open)}>
          {open ? 'Fäll ihop' : 'Visa'}
        </button>
      </div>
      <p class="kaa-next" data-testid="ladder-next">
        {view.unavailable !== undefined ? (
          <>
            <strong>Kontakttrappan kunde inte räknas fram.</strong> {view.unavailable}
          </>
        ) : view.ended !== undefined ? (
          view.ended
        ) : view.next ? (
          <>
            <strong>Nästa steg:</strong> {view.next.title} <span class={`kaa-badge ${STEP_STATE_CLASS[view.next.state]}`}>{STEP_STATE_LABEL[view.next.state]}</span>{' '}
            senast <time dateTime={view.next.dueDate}>{view.next.dueDate}</time>. <span class="kaa-muted">{view.next.reason}</span>
          </>
        ) : (
          'Inget steg väntar just nu.'
        )}
      </p>
      {view.problems.length > 0 && (
        <div class="kaa-problems" role="note" aria-label="Datum som inte kunde användas" data-testid="ladder-problems">
          <ul>
            {view.problems.map((p) => (
              <li key={`${p.source}-${p.index}-${p.field}`} data-source={p.source} data-problem={p.problem}>
                <span class="kaa-badge kaa-red">Fel datum</span> {p.text}
              </li>
            ))}
          </ul>
        </div>
      )}
      {view.missedHalfYears !== undefined && (
        <p class="kaa-missed" role="note" data-testid="ladder-missed">
          <span class="kaa-badge kaa-yellow">Missat halvår</span> {view.missedHalfYears} Kontakt ska finnas minst en gång varje
          kalenderhalvår.
        </p>
      )}
      {view.birthDateUnknown && (
        <p class="kaa-birth" role="note" data-testid="ladder-birthdate">
          <span class="kaa-badge kaa-yellow">Ålder osäker</span> Födelsedatumet är bara delvis känt (samordningsnummer): någon gång mellan{' '}
          {view.birthDateUnknown.earliest} och {view.birthDateUnknown.latest}.
          {view.birthDateUnknown.undecided.length > 0
            ? ` Det går inte att avgöra vem som ska kontaktas för: ${view.birthDateUnknown.undecided.join(', ')}. Bedöm själv utifrån vad du vet.`
            : ' Stegen nu påverkas inte av det.'}
        </p>
      )}
      {view.handover && (
        <p class="kaa-handover" role="note">
          <span class="kaa-badge kaa-yellow">20 år</span> Ungdomen fyller 20 {view.handover.when} ({view.handover.endDate}). Förbered
          överlämningen.
        </p>
      )}
      <div id="kaa-ladder-body" hidden={!open}>
        <ol class="kaa-steps" data-testid="ladder-steps">
          {relevant.map((s) => (
            <StepItem key={s.id} step={s} />
          ))}
        </ol>
        {inapplicable.length > 0 && (
          <div class="kaa-na-steps">
            <button type="button" class="kaa-link" aria-expanded={showAll} aria-controls="kaa-ladder-na" onClick={() => setShowAll(!showAll)}>
              {showAll ? 'Dölj stegen som inte gäller nu' : `Visa stegen som inte gäller nu (${inapplicable.length})`}
            </button>
            <ol class="kaa-steps" id="kaa-ladder-na" hidden={!showAll} data-testid="ladder-steps-na">
              {inapplicable.map((s) => (
                <StepItem key={s.id} step={s} />
              ))}
            </ol>
          </div>
        )}
        <div class="kaa-quick" role="group" aria-labelledby="kaa-quick-title">
          <h3 id="kaa-quick-title">Snabbval för i dag ({props.today})</h3>
          <button type="button" onClick={trusted(() => quick({ step: 'callFailed', date: props.today }))}>
            Samtal utan svar i dag
          </button>
          <button type="button" onClick={trusted(() => quick({ step: 'letterSent', date: props.today }))}>
            Brev eller vykort skickat i dag
          </button>
          <button type="button" onClick={trusted(() => quick({ step: 'reached', date: props.today }))}>
            Fick kontakt i dag
          </button>
        </div>
        <form class="kaa-note-form" {...trustedForm(submit)} aria-labelledby="kaa-note-title">
          <h3 id="kaa-note-title">Notera något som inte syns i UKA än</h3>
          <label>
            Vad hände?
            <select value={step} onChange={(e) => setStep((e.currentTarget as HTMLSelectElement).value as LocalNoteStep)}>
              {NOTE_CHOICES.map((c) => (
                <option key={c.step} value={c.step}>
                  {c.label}
                </option>
              ))}
            </select>
          </label>
          <label>
            Datum{choice.needsDate ? '' : ' (valfritt)'}
            <input type="date" value={date} onInput={(e) => setDate((e.currentTarget as HTMLInputElement).value)} />
          </label>
          {choice.extra === 'reached' && (
            <label class="kaa-check">
              <input type="checkbox" checked={reached} onChange={(e) => setReached((e.currentTarget as HTMLInputElement).checked)} /> Vi träffade ungdomen
            </label>
          )}
          <button type="submit">Spara anteckning</button>
          <div role="status" aria-live="polite" class="kaa-note-message" data-testid="note-message">
            {message}
          </div>
        </form>
        {activeNotes.length > 0 && (
          <div>
            <h3>Dina lokala anteckningar</h3>
            <ul class="kaa-notes" data-testid="local-notes">
              {activeNotes.map((n) => (
                <NoteRow key={n.id} label={noteLabel(n.note)} hint="– finns inte i UKA:s logg än: dokumentera det i UKA." onDelete={() => void props.onDeleteNote(n.id)} />
              ))}
            </ul>
          </div>
        )}
        {oldNotes.length > 0 && (
          <div>
            <h3>Nu dokumenterat i UKA</h3>
            <p>UKA:s logg visar nu det här. UKA gäller, så de lokala anteckningarna behövs inte längre.</p>
            <ul class="kaa-notes" data-testid="superseded-notes">
              {oldNotes.map((n) => (
                <NoteRow key={n.id} label={noteLabel(n.note)} onDelete={() => void props.onDeleteNote(n.id)} />
              ))}
            </ul>
          </div>
        )}
        <p class="kaa-muted">Kontakttrappan räknas fram ur UKA:s kontaktlogg och åtgärder. Anteckningar här sparas bara i den här webbläsaren, utan namn eller personnummer.</p>
      </div>
    </div>
  );
}

export const LADDER_CSS = `
.kaa-ladder { max-width: 900px; }
.kaa-problems ul { margin: 4px 0; padding-left: 0; list-style: none; }
.kaa-problems li, .kaa-missed, .kaa-birth { margin: 4px 0; }
.kaa-row { display: flex; justify-content: space-between; align-items: center; gap: 8px; }
.kaa-steps { padding-left: 22px; }
.kaa-steps li { margin: 4px 0; }
.kaa-na { color: #374151; background: #f3f4f6; border-color: #6b7280; }
.kaa-note-form { display: flex; flex-wrap: wrap; gap: 8px 12px; align-items: flex-end; border-top: 1px solid #d1d5db; padding-top: 8px; }
.kaa-note-form h3 { flex-basis: 100%; }
.kaa-note-form label { display: grid; gap: 2px; font-weight: 600; }
.kaa-note-form label.kaa-check { display: flex; }
.kaa-note-form select, .kaa-note-form input[type=date] { font: inherit; padding: 3px 4px; min-height: 28px; }
.kaa-note-message { flex-basis: 100%; }
.kaa-check { display: flex; gap: 6px; align-items: center; }
.kaa-quick { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; margin: 8px 0; }
.kaa-quick h3 { flex-basis: 100%; margin: 0; }
`;

/** One local note with its delete button (named after the note for screen readers). */
function NoteRow(props: { label: string; hint?: string; onDelete(): void }) {
  return (
    <li>
      {props.label}
      {props.hint ? (
        <>
          {' '}
          <span class="kaa-muted">{props.hint}</span>
        </>
      ) : null}{' '}
      <button type="button" class="kaa-link" onClick={trusted(props.onDelete)}>
        Ta bort<span class="kaa-sr-only"> anteckningen {props.label}</span>
      </button>
    </li>
  );
}
