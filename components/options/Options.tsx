/**
 * Settings form (Swedish, keyboard-friendly, every field labelled). Values that come from the organisation's policy
 * (managed storage) are shown but locked. Validation messages come from the settings schema.
 */
import { useState } from 'preact/hooks';
import { FEATURE_LABEL } from '../ui/labels';
import { count } from '../../lib/domain/swedish';
import { RETENTION_MAX_DAYS, ROUTINE, SCB_DEADLINES, type RoutineKey } from '../../lib/domain/routine';

/** The range of a routine number, as the number field's min and max. */
const limits = (key: RoutineKey) => ({ min: String(ROUTINE[key].min), max: String(ROUTINE[key].max) });
const standard = (key: RoutineKey) => `Standard: ${ROUTINE[key].default}.`;

export interface OptionsValues {
  ukaOrigin: string;
  scbOrigin: string;
  kommun: string;
  myLabel: string;
  language: 'sv' | 'en';
  /** The municipality's routine (metodbok), as form strings. */
  followUpMonths: string;
  failedCallsBeforeLetter: string;
  letterDaysBeforeVisit: string;
  handoverDaysBefore20: string;
  deadlineH1: string;
  deadlineH2: string;
  retentionDays: string;
  features: Record<string, boolean>;
}

/** Where the retention in force comes from. */
export type RetentionSource = 'setting' | 'policy' | 'pack' | 'policy-pack' | 'default';

/** The retention in force (lib/domain/routine.ts: capped at RETENTION_MAX_DAYS) and where it comes from. */
export interface RetentionInForce {
  days: number;
  source: RetentionSource;
}

const RETENTION_SOURCE: Record<RetentionSource, string> = {
  setting: 'din egen inställning',
  policy: 'din organisations inställning, låst',
  pack: 'kommunens metodbokspaket',
  'policy-pack': 'metodbokspaketet från din organisation',
  default: 'standardvärdet',
};

/** "Just nu gäller 90 dagar (standardvärdet)." */
export function retentionInForceText(r: RetentionInForce): string {
  return `Just nu gäller ${count(r.days, 'dag')} (${RETENTION_SOURCE[r.source]}).`;
}

export interface OptionsProps {
  initial: OptionsValues;
  /** The retention in force when the page was opened. */
  retention?: RetentionInForce;
  locked: ReadonlySet<string>;
  /** Save; resolves to field errors (empty when saved) and an overall message. */
  onSave(values: OptionsValues): Promise<{ errors: Partial<Record<keyof OptionsValues, string>>; message: string }>;
  onDeleteAll(): Promise<string>;
  children?: preact.ComponentChildren;
}

const LOCKED_NOTE = 'Låst av din organisation';

export function Options(props: OptionsProps) {
  const [values, setValues] = useState<OptionsValues>(props.initial);
  const [errors, setErrors] = useState<Partial<Record<keyof OptionsValues, string>>>({});
  const [message, setMessage] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [deleteMessage, setDeleteMessage] = useState('');
  const isLocked = (key: string) => props.locked.has(key);

  const set = <K extends keyof OptionsValues>(key: K, value: OptionsValues[K]) => setValues({ ...values, [key]: value });

  const submit = async (event: Event) => {
    event.preventDefault();
    const result = await props.onSave(values);
    setErrors(result.errors);
    setMessage(result.message);
  };

  const text = (key: Exclude<keyof OptionsValues, 'language' | 'features'>, label: string, hint: preact.ComponentChildren, type = 'text', extra: Record<string, string> = {}) => (
    <div class="field">
      <label for={`f-${key}`}>{label}</label>
      <input
        id={`f-${key}`}
        name={key}
        type={type}
        value={values[key]}
        disabled={isLocked(key)}
        aria-invalid={errors[key] ? 'true' : undefined}
        aria-describedby={`h-${key}${errors[key] ? ` e-${key}` : ''}`}
        onInput={(e) => set(key, (e.currentTarget as HTMLInputElement).value)}
        {...extra}
      />
      <span id={`h-${key}`} class="hint">
        {hint}
        {isLocked(key) && <span class="locked"> · {LOCKED_NOTE}</span>}
      </span>
      {errors[key] && (
        <span id={`e-${key}`} class="error">
          {errors[key]}
        </span>
      )}
    </div>
  );

  return (
    <main class="options">
      <h1>KAA-lotsen – inställningar</h1>
      <p>
        <a href="/extens.html" target="_blank" rel="noopener">
          Extens och statistik
        </a>
        : veckans jämförelse av utdraget från Extens med UKA, och halvårsstatistiken ur SCB-filen.
      </p>
      <form onSubmit={submit} noValidate>
        <fieldset>
          <legend>Anslutning</legend>
          {text('ukaOrigin', 'Adress till UKA', 'Hela adressen till kommunens UKA, t.ex. https://uka.kommun.se. Webbläsaren frågar om lov att läsa just den adressen.', 'url', { autocomplete: 'url' })}
          {text('scbOrigin', 'Adress till SCB:s uppladdning (valfri)', 'Används för att kontrollera filen när du laddar upp den hos SCB.', 'url')}
          {text('kommun', 'Kommunkod', 'Fyra siffror, t.ex. 0180 eller 2281.', 'text', { inputmode: 'numeric', maxlength: '4' })}
          {text('myLabel', 'Min etikett i UKA', 'Den etikett som markerar dina ungdomar i UKA, t.ex. "Coach Anna". Används för filtret "bara mina".')}
        </fieldset>
        <fieldset>
          <legend>Funktioner</legend>
          {Object.keys(values.features).map((id) => (
            <div class="check" key={id}>
              <input
                id={`feat-${id}`}
                type="checkbox"
                checked={values.features[id]}
                disabled={isLocked('features') || isLocked(`features.${id}`)}
                onChange={(e) => set('features', { ...values.features, [id]: (e.currentTarget as HTMLInputElement).checked })}
              />
              <label for={`feat-${id}`}>{FEATURE_LABEL[id] ?? id}</label>
            </div>
          ))}
          {isLocked('features') && <p class="locked">{LOCKED_NOTE}</p>}
        </fieldset>
        <fieldset>
          <legend>Kommunens rutiner</legend>
          <p class="hint">Intervallen kommer från metodboken och är en kommuns rutin, inte lag. Ändra dem om kommunens rutin är en annan.</p>
          {text('followUpMonths', 'Uppföljning, och ny kontakt efter nej tack (månader)', `Hur ofta en ungdom utan insats följs upp. ${standard('followUpMonths')}`, 'number', limits('followUpMonths'))}
          {text('failedCallsBeforeLetter', 'Samtal utan svar innan brev eller vykort', standard('failedCallsBeforeLetter'), 'number', limits('failedCallsBeforeLetter'))}
          {text('letterDaysBeforeVisit', 'Brevet om hembesök skickas senast (dagar före besöket)', standard('letterDaysBeforeVisit'), 'number', limits('letterDaysBeforeVisit'))}
          {text('handoverDaysBefore20', 'Påminnelse om överlämning (dagar före 20-årsdagen)', standard('handoverDaysBefore20'), 'number', limits('handoverDaysBefore20'))}
          {text('deadlineH1', 'Sista dag att ladda upp hos SCB, första halvåret (MM-DD samma år)', `Standard: ${SCB_DEADLINES.H1}. Kontrollera mot SCB:s instruktioner för perioden.`, 'text', { maxlength: '5' })}
          {text('deadlineH2', 'Sista dag att ladda upp hos SCB, andra halvåret (MM-DD året efter)', `Standard: ${SCB_DEADLINES.H2}.`, 'text', { maxlength: '5' })}
        </fieldset>
        <fieldset>
          <legend>Lagringstid</legend>
          {text(
            'retentionDays',
            'Lagringstid för lokala uppgifter (dagar)',
            <>
              {props.retention && <strong data-testid="retention-in-force">{retentionInForceText(props.retention)} </strong>}
              KAA-lotsen sparar bara ungdomar på Mina deltagare och ungdomar vars personsida du har öppnat. Uppgifterna om en
              ungdom raderas så här många dagar efter att ungdomen senast syntes i UKA, och senast så här många dagar efter
              20-årsdagen. Månadsgenomgångar, exportloggen och påminnelsernas status raderas lika många dagar efter att de
              senast användes.{' '}
              {`Minst ${count(ROUTINE.retentionDays.min, 'dag')}, högst ${count(RETENTION_MAX_DAYS, 'dag')}: ett metodbokspaket eller din organisation kan inte ange mer.`}{' '}
              {standard('retentionDays')}
            </>,
            'number',
            limits('retentionDays'),
          )}
        </fieldset>
        <button type="submit">Spara</button>
        <div role="status" aria-live="polite" data-testid="options-message">
          {message}
        </div>
      </form>
      {props.children}
      <section aria-labelledby="delete-heading">
        <h2 id="delete-heading">Radera all lokal data</h2>
        <p>Tar bort allt KAA-lotsen har sparat i den här webbläsaren: anteckningar, påminnelser, exportloggen, nyckeln för pseudonymer och dina egna inställningar. Inställningar från din organisation påverkas inte. Inget i UKA ändras.</p>
        {!confirming ? (
          <button type="button" class="danger" onClick={() => setConfirming(true)}>
            Radera all lokal data
          </button>
        ) : (
          <div role="group" aria-label="Bekräfta radering">
            <p>
              <strong>Är du säker? Det går inte att ångra.</strong>
            </p>
            <button
              type="button"
              class="danger"
              onClick={async () => {
                setDeleteMessage(await props.onDeleteAll());
                setConfirming(false);
              }}
            >
              Ja, radera allt
            </button>{' '}
            <button type="button" class="secondary" onClick={() => setConfirming(false)}>
              Avbryt
            </button>
          </div>
        )}
        <div role="status" aria-live="polite" data-testid="delete-message">
          {deleteMessage}
        </div>
      </section>
    </main>
  );
}
