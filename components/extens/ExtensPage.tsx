/**
 * "Extens och statistik": the weekly comparison of an Extens extract with UKA's register (the SCB file), and the
 * half-year statistics of one or two SCB files. Files are read in a Web Worker with a progress bar and a cancel
 * button. Nothing personal is stored: only the column mapping (by header names) is saved; names, phone numbers and
 * addresses stay in this page's memory.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { IsoDate, HalfYear } from '../../lib/domain/dates';
import { addHalfYears, halfYearOf, isIsoDate } from '../../lib/domain/dates';
import { maskId } from '../../lib/domain/personnummer';
import type { Comparison, ListEntryView } from '../../lib/extens/compare';
import { listToCsv, pnrAsText } from '../../lib/extens/csv';
import { previewExtract } from '../../lib/extens/extract';
import { EXTENS_FIELDS, FIELD_LABELS, findSavedMapping, mappingProblems, suggestMapping, unresolvedColumns, type ExtensField, type ExtensMapping, type SavedMapping } from '../../lib/extens/mapping';
import type { StatsResult } from '../../lib/stats/stats';
import { statsLabel, type StatsList } from '../../lib/stats/labels';
import { BarChart } from './Charts';
import type { CompareSummary, WorkerRequest, WorkerResponse } from './protocol';
import { count } from '../../lib/domain/swedish';

export interface ExtensPageProps {
  today: IsoDate;
  kommun: string | null;
  ukaOrigin: string | null;
  saved: SavedMapping[];
  policyMappings: SavedMapping[];
  onSaveMapping(m: SavedMapping): Promise<void>;
  fetchFromUka(): Promise<{ ok: true; bytes: Uint8Array; fileName: string } | { ok: false; message: string }>;
  startWorker(): Worker;
}

interface PickedFile {
  name: string;
  bytes: Uint8Array;
}

type Preview = ReturnType<typeof previewExtract>;

async function readPicked(input: HTMLInputElement): Promise<PickedFile | null> {
  const file = input.files?.[0];
  if (!file) return null;
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

function download(text: string, fileName: string): void {
  const blob = new Blob([text], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Runs one job in a fresh worker; cancel() terminates it. */
function useWorkerJob(start: () => Worker) {
  const worker = useRef<Worker | null>(null);
  const [progress, setProgress] = useState<{ share: number; stage: string } | null>(null);
  const cancel = () => {
    worker.current?.terminate();
    worker.current = null;
    setProgress(null);
  };
  useEffect(() => () => worker.current?.terminate(), []);
  const run = (req: WorkerRequest, transfer: ArrayBuffer[], onDone: (r: WorkerResponse) => void) => {
    cancel();
    const w = start();
    worker.current = w;
    setProgress({ share: 0, stage: 'Startar' });
    w.onmessage = (e: MessageEvent<WorkerResponse>) => {
      if (worker.current !== w) return;
      if (e.data.kind === 'progress') setProgress({ share: e.data.share, stage: e.data.stage });
      else {
        w.terminate();
        worker.current = null;
        setProgress(null);
        onDone(e.data);
      }
    };
    w.onerror = (e) => {
      if (worker.current !== w) return;
      w.terminate();
      worker.current = null;
      setProgress(null);
      onDone({ kind: 'failed', message: e.message || 'okänt fel i beräkningen' });
    };
    w.postMessage(req, transfer);
  };
  return { progress, run, cancel };
}

function Progress(props: { progress: { share: number; stage: string } | null; onCancel(): void; label: string }) {
  if (!props.progress) return null;
  return (
    <div class="progress" role="group" aria-label={props.label}>
      <label>
        {props.progress.stage} …{' '}
        <progress max={100} value={Math.round(props.progress.share * 100)} aria-valuetext={`${Math.round(props.progress.share * 100)} procent`}>
          {Math.round(props.progress.share * 100)} %
        </progress>
      </label>{' '}
      <button type="button" class="secondary" onClick={props.onCancel}>
        Avbryt
      </button>
    </div>
  );
}

export function ExtensPage(props: ExtensPageProps) {
  return (
    <main class="extens" id="main">
      <h1>Extens och statistik</h1>
      <p class="muted no-print">
        Allt räknas fram här i webbläsaren ur filerna du väljer. Inga personuppgifter sparas: bara kolumnmappningen (vilken
        rubrik som betyder vad) sparas, så att den kan användas igen nästa vecka.
      </p>
      <CompareSection {...props} />
      <StatsSection {...props} />
    </main>
  );
}

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

function CompareSection(props: ExtensPageProps) {
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
  const [fetching, setFetching] = useState(false);
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

  const onFetch = async () => {
    setFetching(true);
    setMessage(null);
    try {
      const r = await props.fetchFromUka();
      if (r.ok) setRegister({ name: r.fileName, bytes: r.bytes, source: 'hämtad från UKA' });
      else setMessage({ kind: 'error', text: r.message });
    } finally {
      setFetching(false);
    }
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
            <button type="button" class="secondary" onClick={() => void onFetch()} disabled={fetching}>
              {fetching ? 'Hämtar …' : 'Hämta SCB-filen från UKA'}
            </button>
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

function halfYearChoices(today: IsoDate): HalfYear[] {
  const cur = halfYearOf(today);
  return Array.from({ length: 8 }, (_, i) => addHalfYears(cur, -i));
}

function StatsSection(props: ExtensPageProps) {
  const choices = halfYearChoices(props.today);
  const [fileA, setFileA] = useState<(PickedFile & { source: string }) | null>(null);
  const [fileB, setFileB] = useState<PickedFile | null>(null);
  const [periodA, setPeriodA] = useState<HalfYear>(choices[0] as HalfYear);
  const [periodB, setPeriodB] = useState<HalfYear>(choices[1] as HalfYear);
  const [results, setResults] = useState<{ a: StatsResult; b?: StatsResult } | null>(null);
  const [message, setMessage] = useState<{ kind: 'error' | 'ok'; text: string } | null>(null);
  const [fetching, setFetching] = useState(false);
  const jobA = useWorkerJob(props.startWorker);

  const onFetch = async () => {
    setFetching(true);
    try {
      const r = await props.fetchFromUka();
      if (r.ok) setFileA({ name: r.fileName, bytes: r.bytes, source: 'hämtad från UKA' });
      else setMessage({ kind: 'error', text: r.message });
    } finally {
      setFetching(false);
    }
  };

  const run = (e: Event) => {
    e.preventDefault();
    setMessage(null);
    if (!fileA) return setMessage({ kind: 'error', text: 'Välj en SCB-fil eller hämta den från UKA.' });
    const bufs = [fileA.bytes.slice().buffer, ...(fileB ? [fileB.bytes.slice().buffer] : [])];
    const periods = [periodA, periodB];
    // One worker per period keeps each file's ages and contacts tied to its own half-year.
    const out: StatsResult[] = [];
    const next = (i: number) => {
      const buf = bufs[i] as ArrayBuffer;
      jobA.run({ kind: 'stats', files: [buf], period: periods[i] as HalfYear, kommun: props.kommun ?? undefined }, [buf], (r) => {
        if (r.kind === 'failed') return setMessage({ kind: 'error', text: `Statistiken kunde inte räknas: ${r.message}` });
        if (r.kind !== 'stats') return;
        out.push(r.results[0] as StatsResult);
        if (i + 1 < bufs.length) next(i + 1);
        else {
          setResults({ a: out[0] as StatsResult, b: out[1] });
          setMessage({ kind: 'ok', text: 'Statistiken är klar.' });
        }
      });
    };
    next(0);
  };

  const period = (id: string, label: string, value: HalfYear, set: (h: HalfYear) => void) => (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => set((e.currentTarget as HTMLSelectElement).value as HalfYear)}>
        {choices.map((h) => (
          <option key={h} value={h}>
            {h.replace('H', ' halvår ')}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <section aria-labelledby="stats-heading" class="block" data-print-target="stats">
      <h2 id="stats-heading">Halvårsstatistik ur SCB-filen</h2>
      <form onSubmit={run} class="no-print" noValidate>
        <fieldset>
          <legend>SCB-fil</legend>
          <div class="actions">
            <button type="button" class="secondary" onClick={() => void onFetch()} disabled={fetching}>
              {fetching ? 'Hämtar …' : 'Hämta SCB-filen från UKA'}
            </button>
          </div>
          <div class="field">
            <label for="stats-file-a">eller välj en sparad SCB-fil</label>
            <input
              id="stats-file-a"
              type="file"
              accept=".txt,.csv,text/plain"
              onChange={async (e) => {
                const p = await readPicked(e.currentTarget as HTMLInputElement);
                if (p) setFileA({ ...p, source: 'vald fil' });
              }}
            />
          </div>
          {fileA && <p class="hint" data-testid="stats-file-a-info">{fileA.name} ({fileA.source})</p>}
          {period('stats-period-a', 'Insamlingsperiod', periodA, setPeriodA)}
        </fieldset>
        <fieldset>
          <legend>Jämför med ett annat halvår (valfritt)</legend>
          <div class="field">
            <label for="stats-file-b">SCB-fil att jämföra med</label>
            <input id="stats-file-b" type="file" accept=".txt,.csv,text/plain" onChange={async (e) => setFileB(await readPicked(e.currentTarget as HTMLInputElement))} />
          </div>
          {period('stats-period-b', 'Dess insamlingsperiod', periodB, setPeriodB)}
        </fieldset>
        <div class="actions">
          <button type="submit" disabled={jobA.progress !== null}>
            Räkna
          </button>
          {results && (
            <button type="button" class="secondary" onClick={() => window.print()}>
              Skriv ut statistiken
            </button>
          )}
        </div>
      </form>
      <Progress progress={jobA.progress} onCancel={jobA.cancel} label="Statistikens förlopp" />
      <div role="status" aria-live="polite" class={message?.kind === 'error' ? 'error' : 'ok'} data-testid="stats-message">
        {message?.text ?? ''}
      </div>
      {results && <StatsView a={results.a} b={results.b} />}
    </section>
  );
}

function StatsView(props: { a: StatsResult; b?: StatsResult }) {
  const { a, b } = props;
  const aName = a.period.replace('H', ' H');
  const bName = b ? `${b.period.replace('H', ' H')} (jämförelse)` : undefined;
  const totals = (r: StatsResult, name: string, id: string) => (
    <dl class="totals" data-testid={`totals-${id}`}>
      <div>
        <dt>Ungdomar i KAA ({name})</dt>
        <dd data-testid={`total-persons-${id}`}>{r.stats.persons}</dd>
      </div>
      <div>
        <dt>Kvinnor</dt>
        <dd data-testid={`total-kvinna-${id}`}>{r.stats.byGender.kvinna}</dd>
      </div>
      <div>
        <dt>Män</dt>
        <dd data-testid={`total-man-${id}`}>{r.stats.byGender.man}</dd>
      </div>
      <div>
        <dt>Nådda under halvåret</dt>
        <dd data-testid={`total-reached-${id}`}>{r.stats.reached}</dd>
      </div>
      <div>
        <dt>Inte nådda</dt>
        <dd data-testid={`total-notReached-${id}`}>{r.stats.notReached}</dd>
      </div>
    </dl>
  );
  const errors = (r: StatsResult, name: string) =>
    r.blocking > 0 || r.unreadable ? (
      <details class="errors">
        <summary>
          {r.unreadable ? `Filen för ${name} kunde inte läsas som SCB-fil; siffrorna bygger på de rader som gick att läsa.` : `Filen för ${name} har ${r.blocking} blockerande fel; den är räknad ändå.`}
        </summary>
        <ul>
          {r.errors.slice(0, 200).map((e, i) => (
            <li key={i}>
              {e.line !== null ? `Rad ${e.line}` : 'Filen'}
              {e.field ? ` (${e.field})` : ''}: {e.message}
              {e.personKey ? ` [${maskId(e.personKey)}]` : ''}
            </li>
          ))}
        </ul>
      </details>
    ) : null;
  const chart = (id: string, title: string, key: 'byAge' | 'bySenSysReg' | 'measuresByAtgard' | 'outcomesBySysEfter' | 'endedByGrundRegSlut', list: StatsList) => (
    <BarChart id={id} title={title} a={a.stats[key]} b={b?.stats[key]} label={(k) => statsLabel(list, k)} aName={aName} bName={bName} />
  );
  const gender = (r: StatsResult) => ({ kvinna: r.stats.byGender.kvinna, man: r.stats.byGender.man });
  const reached = (r: StatsResult) => ({ reached: r.stats.reached, notReached: r.stats.notReached });
  return (
    <div class="stats" data-testid="stats-results">
      {totals(a, aName, 'a')}
      {b && totals(b, bName as string, 'b')}
      {errors(a, aName)}
      {b && errors(b, bName as string)}
      <div class="charts">
        <BarChart id="gender" title="Kön (enligt personnumret)" a={gender(a)} b={b ? gender(b) : undefined} label={(k) => (k === 'kvinna' ? 'Kvinnor' : 'Män')} aName={aName} bName={bName} />
        {chart('age', 'Ålder vid halvårets sista dag', 'byAge', 'age')}
        {chart('sensysreg', 'Registreringsorsak (SenSysReg), per registreringsperiod', 'bySenSysReg', 'SenSysReg')}
        <BarChart id="reached" title="Nådda under halvåret (kontakt med annan sysselsättning än 13)" a={reached(a)} b={b ? reached(b) : undefined} label={(k) => (k === 'reached' ? 'Nådda' : 'Inte nådda')} aName={aName} bName={bName} />
        {chart('atgard', 'Åtgärder per slag (Atgard)', 'measuresByAtgard', 'Atgard')}
        {chart('sysefter', 'Sysselsättning efter avslutad åtgärd (SysEfter)', 'outcomesBySysEfter', 'Sysselsattning')}
        {chart('grundregslut', 'Avslutade registreringar per orsak (GrundRegSlut)', 'endedByGrundRegSlut', 'GrundRegSlut')}
      </div>
    </div>
  );
}
