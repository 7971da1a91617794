/** The half-year statistics of one SCB file, or two compared: SVG charts, each with its data table. */
import { useState } from 'preact/hooks';
import type { IsoDate, HalfYear } from '../../lib/domain/dates';
import { addHalfYears, halfYearOf } from '../../lib/domain/dates';
import { maskId } from '../../lib/domain/personnummer';
import { maskPersonnummer } from '../../lib/scb/mask';
import type { StatsResult } from '../../lib/stats/stats';
import { statsLabel, type StatsList } from '../../lib/stats/labels';
import { BarChart } from './Charts';
import { type ExtensPageProps, type PickedFile, readPicked, useWorkerJob, Progress, FetchFromUkaButton } from './shared';

function halfYearChoices(today: IsoDate): HalfYear[] {
  const cur = halfYearOf(today);
  return Array.from({ length: 8 }, (_, i) => addHalfYears(cur, -i));
}

export function StatsSection(props: ExtensPageProps) {
  const choices = halfYearChoices(props.today);
  const [fileA, setFileA] = useState<(PickedFile & { source: string }) | null>(null);
  const [fileB, setFileB] = useState<PickedFile | null>(null);
  const [periodA, setPeriodA] = useState<HalfYear>(choices[0] as HalfYear);
  const [periodB, setPeriodB] = useState<HalfYear>(choices[1] as HalfYear);
  const [results, setResults] = useState<{ a: StatsResult; b?: StatsResult } | null>(null);
  const [message, setMessage] = useState<{ kind: 'error' | 'ok'; text: string } | null>(null);
  const jobA = useWorkerJob(props.startWorker);

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
            <FetchFromUkaButton fetchFromUka={props.fetchFromUka} onFile={setFileA} onError={(text) => setMessage({ kind: 'error', text })} />
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
              {e.field ? ` (${e.field})` : ''}: {maskPersonnummer(e.message)}
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
