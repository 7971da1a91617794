/**
 * "Tolka SCB:s fellista": paste the error text SCB returned and choose the saved file; each reported line is mapped
 * to the person on that line of the file and the UKA page to fix. Everything stays in this component's memory.
 * The disclosure itself (ErrorListPanel, in the guard's panel) is drawn at load; the form (ErrorListForm) is code of
 * the guard's on-demand part (lib/startup/parts.ts), loaded and drawn when the disclosure is first opened.
 */
import { useState } from 'preact/hooks';
import { maskId } from '../../lib/domain/personnummer';
import { mapScbErrorList } from '../../lib/scb/report';
import { linkErrors, peopleOf, type MappedError, type PeopleSource } from './model';
import { loadPart, type PartContents } from '../../lib/startup/parts';
import { sendCommand } from '../../lib/messages/client';

export interface ErrorListPanelProps {
  people: PeopleSource;
  /** Map function (injectable for tests); defaults to lib/scb's mapScbErrorList. */
  map?: typeof mapScbErrorList;
}

/** The form of "Tolka SCB:s fellista" (the guard's part): what was entered stays while the panel lives. */
export function ErrorListForm(props: ErrorListPanelProps) {
  const [text, setText] = useState('');
  const [bytes, setBytes] = useState<Uint8Array | null>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  const [dataNumbering, setDataNumbering] = useState(false);
  const [result, setResult] = useState<MappedError[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const onFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    setResult(null);
    if (!file) {
      setBytes(null);
      setFileName(null);
      return;
    }
    try {
      setBytes(new Uint8Array(await file.arrayBuffer()));
      setFileName(file.name);
      setProblem(null);
    } catch {
      setBytes(null);
      setFileName(null);
      setProblem('Filen gick inte att läsa. Välj den igen.');
    }
  };

  const interpret = () => {
    if (text.trim() === '') return setProblem('Klistra in SCB:s fellista först.');
    if (!bytes) return setProblem('Välj den fil som du lämnade in till SCB.');
    setProblem(null);
    const entries = (props.map ?? mapScbErrorList)(text, bytes, { numbering: dataNumbering ? 'data' : 'physical' });
    setResult(linkErrors(entries, peopleOf(props.people)));
  };

  return (
    <>
      <p class="kaa-muted">
        Har SCB skickat tillbaka en lista med fel? Klistra in den och välj filen du lämnade in, så visas vilken person varje rad
        gäller och var du rättar i UKA. Inget av detta sparas.
      </p>
      <label class="kaa-field">
        SCB:s fellista
        <textarea rows={5} value={text} onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)} />
      </label>
      <label class="kaa-field">
        Filen som lämnades in
        <input type="file" accept=".txt,text/plain" onChange={(e) => void onFile(e.currentTarget as HTMLInputElement)} />
      </label>
      <label class="kaa-check">
        <input type="checkbox" checked={dataNumbering} onChange={(e) => setDataNumbering((e.currentTarget as HTMLInputElement).checked)} /> SCB räknar
        första raden efter rubrikraden som rad 1
      </label>
      <p>
        <button type="button" onClick={interpret}>
          Tolka fellistan
        </button>
        {fileName && <span class="kaa-muted"> Vald fil: {fileName}</span>}
      </p>
      {problem && (
        <p role="alert" class="kaa-problem">
          {problem}
        </p>
      )}
      {result && (
        <div role="status" data-testid="scb-errorlist-result">
          {result.length === 0 ? (
            <p>Inga rader hittades i texten.</p>
          ) : (
            <table class="kaa-table">
              <caption class="kaa-sr-only">SCB:s fel kopplade till personer</caption>
              <thead>
                <tr>
                  <th scope="col">Rad i filen</th>
                  <th scope="col">Person</th>
                  <th scope="col">SCB:s text</th>
                </tr>
              </thead>
              <tbody>
                {result.map((e, i) => (
                  <tr key={i} data-line={e.fileLine ?? ''}>
                    <td>{e.fileLine ?? '–'}</td>
                    <td>
                      {e.personKey && e.link ? (
                        <a href={e.link.href}>
                          {e.link.name} ({e.masked})
                        </a>
                      ) : e.personKey ? (
                        <span>
                          {e.masked} <span class="kaa-muted">(finns inte i exportlistan – sök personen i UKA)</span>
                        </span>
                      ) : (
                        <span class="kaa-muted">{e.note ?? 'Ingen person'}</span>
                      )}
                    </td>
                    <td>{e.text.replace(/\b\d{8}[-+]?\d{4}\b/g, (m) => maskId(m))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </>
  );
}

type GuardPart = PartContents['scb-guard'];

/**
 * The disclosure "Tolka SCB:s fellista". The form (a text area, a file field) is loaded and built only once the
 * disclosure is opened: form fields are costly to create, and the panel is drawn on every load of "Export till SCB".
 * Once built it stays (a closed disclosure hides it), so what was entered stays when it is closed.
 */
export function ErrorListPanel(props: ErrorListPanelProps & { load?: () => Promise<GuardPart> }) {
  const [part, setPart] = useState<GuardPart | null>(null);
  const [failed, setFailed] = useState(false);
  const onToggle = (open: boolean) => {
    if (!open || part) return;
    setFailed(false);
    (props.load ?? (() => loadPart('scb-guard')))().then(setPart, (error: unknown) => {
      setFailed(true);
      reportPartError(error);
    });
  };
  const { load: _load, ...formProps } = props;
  return (
    <details class="kaa-errorlist" data-testid="scb-errorlist" onToggle={(e) => onToggle((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>Tolka SCB:s fellista</summary>
      {part ? (
        <part.ErrorListForm {...formProps} />
      ) : (
        <p role="status" class={failed ? 'kaa-problem' : 'kaa-muted'}>
          {failed ? 'Formuläret kunde inte laddas. Stäng och öppna igen för att försöka på nytt.' : 'Laddar …'}
        </p>
      )}
    </details>
  );
}

function reportPartError(error: unknown): void {
  const message = `formuläret för SCB:s fellista kunde inte laddas: ${error instanceof Error ? error.message : 'okänt fel'}`;
  void sendCommand('report-error', { feature: 'scb-guard', message }).catch(() => undefined);
}

export const ERROR_LIST_CSS = `
.kaa-errorlist { margin-top: 8px; }
.kaa-errorlist summary { cursor: pointer; font-weight: 600; color: #0b4f6c; }
.kaa-field { display: block; margin: 6px 0; font-weight: 600; }
.kaa-field textarea, .kaa-field input { display: block; width: 100%; margin-top: 2px; font: inherit; font-weight: 400; }
.kaa-problem { color: #8a1c1c; font-weight: 600; }
.kaa-table { border-collapse: collapse; width: 100%; }
.kaa-table th, .kaa-table td { border: 1px solid #d1d5db; padding: 3px 6px; text-align: left; vertical-align: top; }
`;
