/** The weekly comparison of an Extens extract with UKA's register (the SCB file): the four lists, CSV and print. */
import { useState } from 'preact/hooks';
import type { IsoDate } from '../../lib/domain/dates';
import { isIsoDate } from '../../lib/domain/dates';
import type { Comparison, ListEntryView } from '../../lib/extens/compare';
import { listToCsv, pnrAsText } from '../../lib/extens/csv';
import { previewExtract } from '../../lib/extens/extract';
import { EXTENS_FIELDS, FIELD_LABELS, findSavedMapping, mappingProblems, suggestMapping, unresolvedColumns, type ExtensField, type ExtensMapping } from '../../lib/extens/mapping';
import type { CompareSummary } from './protocol';
import { count } from '../../lib/domain/swedish';
import { type ExtensPageProps, type PickedFile, type Preview, readPicked, download, useWorkerJob, Progress, FetchFromUkaButton } from './shared';

// ------------------------------------------------------------------------------------------------ weekly comparison

const LISTS = [
  { key: 'register', title: 'Ska registreras i UKA', file: 'ska-registreras' },
  { key: 'end', title: 'Ska avslutas i UKA', file: 'ska-avslutas' },
  { key: 'protected', title: 'Skyddad identitet – följ den särskilda rutinen, registrera inte i UKA', file: 'skyddad-identitet' },
  { key: 'missingContact', title: 'Saknar kontaktuppgift', file: 'saknar-kontaktuppgift' },
  { key: 'notInExtract', title: 'Registrerade i UKA men inte i utdraget (kontrollera)', file: 'finns-inte-i-utdraget' },
] as const;
type ListKey = (typeof LISTS)[number]['key'];

const SHOW_MAX = 500;

export function CompareSection(props: ExtensPageProps) {
  const [extract, setExtract] = useState<PickedFile | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [hasHeader, setHasHeader] = useState(true);
  const [map, setMap] = useState<ExtensMapping>({});
  const [mapSource, setMapSource] = useState<string>('');
  const [register, setRegister] = useState<(PickedFile & { source: string }) | null>(null);
  const [date, setDate] = useState<string>(props.today);
  const [kommun, setKommun] = useState<string>(props.kommun ?? '');
  const [message, setMessage] = useState<{ kind: 'error' | 'ok'; text: string } | null>(null);
  const [result, setResult] = useState<{ comparison: Comparison; summary: CompareSummary; date: string } | null>(null);
  const job = useWorkerJob(props.startWorker);

  const chooseMapping = (p: Preview, header: boolean) => {
    if (header && p.header) {
      const saved = findSavedMapping(props.saved, p.header);
      const policy = findSavedMapping(props.policyMappings, p.header);
      if (policy) {
        setMap(policy.map as ExtensMapping);
        setMapSource(`Kolumnerna är valda enligt kommunens mappning${policy.name ? ` "${policy.name}"` : ''} (samma rubriker).`);
      } else if (saved) {
        setMap(saved.map as ExtensMapping);
        setMapSource('Kolumnerna är valda som förra gången en fil med samma rubriker lästes.');
      } else {
        setMap(suggestMapping(p.header));
        setMapSource('Nya rubriker: kolumnerna är förslag utifrån rubrikernas namn. Kontrollera dem.');
      }
    } else {
      setMap({});
      setMapSource('Filen saknar rubrikrad: välj kolumnerna efter deras nummer och innehåll.');
    }
  };

  const onExtract = async (e: Event) => {
    setResult(null);
    setMessage(null);
    const picked = await readPicked(e.currentTarget as HTMLInputElement);
    if (!picked) return;
    const p = previewExtract(picked.bytes);
    setExtract(picked);
    setPreview(p);
    setHasHeader(p.header !== null);
    chooseMapping(p, p.header !== null);
  };

  const toggleHeader = (value: boolean) => {
    if (!extract) return;
    const p = previewExtract(extract.bytes, 5, value);
    setPreview(p);
    setHasHeader(value);
    chooseMapping(p, value);
  };

  const onRegisterFile = async (e: Event) => {
    const picked = await readPicked(e.currentTarget as HTMLInputElement);
    if (picked) setRegister({ ...picked, source: 'vald fil' });
  };

  const columns: string[] = preview ? (hasHeader && preview.header ? preview.header : Array.from({ length: preview.columnCount }, (_, i) => `Kolumn ${i + 1}`)) : [];
  const refOf = (f: ExtensField): string => {
    const r = map[f];
    return r === undefined ? '' : String(r);
  };
  const setRef = (f: ExtensField, value: string) => {
    const next = { ...map };
    if (value === '') delete next[f];
    else next[f] = hasHeader ? value : Number(value);
    setMap(next);
  };

  const run = async (e: Event) => {
    e.preventDefault();
    setMessage(null);
    if (!extract || !preview) return setMessage({ kind: 'error', text: 'Välj först ett utdrag från Extens.' });
    const problems = [...mappingProblems(map), ...unresolvedColumns(map, hasHeader ? preview.header : null, preview.columnCount)];
    if (problems.length) return setMessage({ kind: 'error', text: problems.join(' ') });
    if (!register) return setMessage({ kind: 'error', text: 'Hämta SCB-filen från UKA eller välj en sparad SCB-fil.' });
    if (!isIsoDate(date)) return setMessage({ kind: 'error', text: 'Ange datumet som ÅÅÅÅ-MM-DD.' });
    if (!/^\d{4}$/.test(kommun)) return setMessage({ kind: 'error', text: 'Ange kommunkoden med fyra siffror, t.ex. 0180.' });
    if (hasHeader && preview.header) await props.onSaveMapping({ headers: preview.header, map });
    const extractBuf = extract.bytes.slice().buffer;
    const registerBuf = register.bytes.slice().buffer;
    job.run({ kind: 'compare', extract: extractBuf, map, hasHeader, register: registerBuf, date: date as IsoDate, kommun }, [extractBuf, registerBuf], (r) => {
      if (r.kind === 'compared') {
        setResult({ comparison: r.comparison, summary: r.summary, date });
        setMessage({ kind: 'ok', text: `Klart: ${count(r.summary.persons, 'ungdom')} (${count(r.summary.rows, 'rad')}) jämförda med ${r.comparison.counts.inUka} registrerade i UKA.` });
      } else if (r.kind === 'failed') setMessage({ kind: 'error', text: `Jämförelsen misslyckades: ${r.message}` });
    });
  };

  return (
    <section aria-labelledby="cmp-heading" class="block">
      <h2 id="cmp-heading">Veckans jämförelse: Extens mot UKA</h2>
      <form onSubmit={run} class="no-print" noValidate>
        <div class="field">
          <label for="extract-file">1. Utdrag från Extens (CSV- eller textfil)</label>
          <input id="extract-file" type="file" accept=".csv,.txt,.tsv,text/csv,text/plain" onChange={onExtract} />
          {preview && (
            <span class="hint" data-testid="extract-info">
              {extract?.name}: {preview.encoding === 'windows-1252' ? 'Windows-1252' : preview.encoding === 'utf-8-bom' ? 'UTF-8 med BOM' : 'UTF-8'}, avgränsare{' '}
              {preview.separator === ';' ? 'semikolon' : preview.separator === ',' ? 'komma' : 'tabb'}, {preview.columnCount} kolumner.
            </span>
          )}
        </div>
        {preview && (
          <fieldset>
            <legend>2. Vilken kolumn är vad?</legend>
            <div class="check">
              <input id="has-header" type="checkbox" checked={hasHeader} onChange={(e) => toggleHeader((e.currentTarget as HTMLInputElement).checked)} />
              <label for="has-header">Första raden är rubriker</label>
            </div>
            <p class="hint" data-testid="mapping-source">
              {mapSource}
            </p>
            <div class="mapping">
              {EXTENS_FIELDS.map((f) => (
                <div class="field" key={f}>
                  <label for={`map-${f}`}>{FIELD_LABELS[f]}</label>
                  <select id={`map-${f}`} value={refOf(f)} onChange={(e) => setRef(f, (e.currentTarget as HTMLSelectElement).value)}>
                    <option value="">– finns inte i filen –</option>
                    {columns.map((c, i) => (
                      <option key={i} value={hasHeader ? c : String(i + 1)}>
                        {c}
                      </option>
                    ))}
                  </select>
                </div>
              ))}
            </div>
            <p class="hint">Mappningen sparas med rubrikernas namn (aldrig innehållet) när du jämför, och föreslås igen när samma rubriker kommer tillbaka.</p>
          </fieldset>
        )}
        <fieldset>
          <legend>3. UKA:s register (SCB-filen)</legend>
          <p class="hint">Ungdomar med en öppen registreringsperiod (utan slutdatum) i SCB-filen räknas som registrerade i UKA.</p>
          <div class="actions">
            <FetchFromUkaButton fetchFromUka={props.fetchFromUka} onStart={() => setMessage(null)} onFile={setRegister} onError={(text) => setMessage({ kind: 'error', text })} />
          </div>
          <div class="field">
            <label for="register-file">eller välj en sparad SCB-fil</label>
            <input id="register-file" type="file" accept=".txt,.csv,text/plain" onChange={onRegisterFile} />
          </div>
          {register && (
            <p class="hint" data-testid="register-info">
              SCB-fil: {register.name} ({register.source}, {register.bytes.length.toLocaleString('sv-SE')} byte).
            </p>
          )}
        </fieldset>
        <fieldset>
          <legend>4. Jämför</legend>
          <div class="row">
            <div class="field">
              <label for="cmp-date">Datum att bedöma</label>
              <input id="cmp-date" type="date" value={date} onInput={(e) => setDate((e.currentTarget as HTMLInputElement).value)} />
            </div>
            <div class="field">
              <label for="cmp-kommun">Kommunkod</label>
              <input id="cmp-kommun" inputMode="numeric" maxLength={4} value={kommun} onInput={(e) => setKommun((e.currentTarget as HTMLInputElement).value.trim())} />
            </div>
          </div>
          <div class="actions">
            <button type="submit" disabled={job.progress !== null}>
              Jämför
            </button>
          </div>
        </fieldset>
      </form>
      <Progress progress={job.progress} onCancel={job.cancel} label="Jämförelsens förlopp" />
      <div role="status" aria-live="polite" class={message?.kind === 'error' ? 'error' : 'ok'} data-testid="cmp-message">
        {message?.text ?? ''}
      </div>
      {result && <CompareResult {...result} />}
    </section>
  );
}

function CompareResult(props: { comparison: Comparison; summary: CompareSummary; date: string }) {
  const c = props.comparison;
  const print = (key: string) => {
    document.body.dataset.print = key;
    const clear = () => {
      delete document.body.dataset.print;
      window.removeEventListener('afterprint', clear);
    };
    window.addEventListener('afterprint', clear);
    window.print();
  };
  return (
    <div class="results" data-testid="cmp-results">
      <h3 class="no-print">Resultat {props.date}</h3>
      <ul class="summary no-print">
        {LISTS.map((l) => (
          <li key={l.key}>
            <a href={`#list-${l.key}`}>{l.title}</a>: <strong data-testid={`count-${l.key}`}>{c[l.key].length}</strong>
          </li>
        ))}
        <li>
          <a href="#row-errors">Rader som inte kunde läsas</a>: <strong data-testid="count-rowErrors">{c.rowErrors.length}</strong>
          {c.notJudged > 0 && ` (${count(c.notJudged, 'ungdom')} har inte bedömts)`}
        </li>
      </ul>
      {props.summary.registerUnreadableLines.length > 0 && (
        <p class="error">
          {count(props.summary.registerUnreadableLines.length, 'rad')} i SCB-filen kunde inte läsas (rad {props.summary.registerUnreadableLines.slice(0, 10).join(', ')}
          {props.summary.registerUnreadableLines.length > 10 ? ' …' : ''}). Kontrollera filen med SCB-kontrollen i UKA.
        </p>
      )}
      {LISTS.map((l) => (
        <ListTable key={l.key} id={l.key} title={l.title} entries={c[l.key]} fileName={`${l.file}-${props.date}.csv`} onPrint={() => print(l.key)} />
      ))}
      <section aria-labelledby="row-errors" class="list" data-print-target="rowErrors">
        <h3 id="row-errors" tabIndex={-1}>
          Rader som inte kunde läsas ({c.rowErrors.length})
        </h3>
        {c.rowErrors.length === 0 ? (
          <p class="muted">Alla rader kunde läsas.</p>
        ) : (
          <table class="data" data-testid="row-errors">
            <caption class="sr-only">Rader i utdraget som inte kunde läsas</caption>
            <thead>
              <tr>
                <th scope="col">Rad</th>
                <th scope="col">Kolumn</th>
                <th scope="col">Vad är fel</th>
              </tr>
            </thead>
            <tbody>
              {c.rowErrors.map((e, i) => (
                <tr key={i}>
                  <td>{e.row || '–'}</td>
                  <td>{e.column || '(hela raden)'}</td>
                  <td>{e.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}

function ListTable(props: { id: ListKey; title: string; entries: ListEntryView[]; fileName: string; onPrint(): void }) {
  const shown = props.entries.slice(0, SHOW_MAX);
  return (
    <section aria-labelledby={`list-${props.id}`} class="list" data-print-target={props.id} data-testid={`list-${props.id}`}>
      <h3 id={`list-${props.id}`} tabIndex={-1}>
        {props.title} ({props.entries.length})
      </h3>
      {props.entries.length > 0 && (
        <div class="actions no-print">
          <button type="button" class="secondary" onClick={() => download(listToCsv(props.entries), props.fileName)}>
            Spara som CSV (Excel)
          </button>
          <button type="button" class="secondary" onClick={props.onPrint}>
            Skriv ut listan
          </button>
        </div>
      )}
      {props.entries.length === 0 ? (
        <p class="muted">Ingen.</p>
      ) : (
        <table class="data">
          <caption class="sr-only">{props.title}</caption>
          <thead>
            <tr>
              <th scope="col">Personnummer</th>
              <th scope="col">Namn</th>
              <th scope="col">Skäl</th>
              <th scope="col">Telefon</th>
              <th scope="col">Adress</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((e) => (
              <tr key={e.personnummer} data-pnr={e.personnummer}>
                <td class="nowrap">{pnrAsText(e.personnummer)}</td>
                <td>{e.name}</td>
                <td>{e.reason}</td>
                <td>{e.phone}</td>
                <td>{e.address}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {props.entries.length > SHOW_MAX && (
        <p class="muted">
          Visar {SHOW_MAX} av {props.entries.length}; CSV-filen innehåller alla.
        </p>
      )}
    </section>
  );
}

// ------------------------------------------------------------------------------------------------ statistics
