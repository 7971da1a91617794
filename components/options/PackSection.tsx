/**
 * Options page: the active metodbok content pack. Import (validated; a bad file never replaces the working pack and
 * every problem is listed with its place in the file), export as JSON, and reset to the built-in pack. A pack from
 * the organisation's policy is shown as locked.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { serializePack, type Pack, type PackError } from '../../lib/content';
import { importPack, loadActivePack, resetPack, type ActivePack } from '../../lib/platform/pack';
import { useFileImport } from './file-import';
import { IssueList } from './IssueList';

export interface PackApi {
  load(): Promise<ActivePack>;
  importText(text: string): Promise<{ ok: true; pack: Pack } | { ok: false; errors: PackError[] }>;
  reset(): Promise<void>;
  /** Save a text file (default: a Blob link with the download attribute). */
  download?(fileName: string, text: string): void;
}

const DEFAULT_API: PackApi = { load: loadActivePack, importText: importPack, reset: resetPack };

const SOURCE_LABEL: Record<ActivePack['source'], string> = {
  default: 'Standardpaketet som följer med KAA-lotsen',
  imported: 'Importerat av dig',
  policy: 'Från din organisation',
};

const MAX_FILE_BYTES = 2 * 1024 * 1024;

/** "kaa-lotsen-metodbok-standard-1.0.0.json" */
export function packFileName(pack: Pack): string {
  return `kaa-lotsen-metodbok-${pack.id}-${pack.version}.json`;
}

/** Save a text file through a Blob link with the download attribute. */
export function downloadText(fileName: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function PackSection(props: { api?: PackApi }) {
  const api = props.api ?? DEFAULT_API;
  const [active, setActive] = useState<ActivePack | null>(null);
  const { errors, message, setMessage, busy, run, importFile, setErrors } = useFileImport<PackError>();
  const fileRef = useRef<HTMLInputElement>(null);
  const errorsRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    void api.load().then(setActive);
  }, []);

  useEffect(() => {
    if (errors.length > 0) errorsRef.current?.focus();
  }, [errors]);

  const locked = active?.locked ?? false;

  const onFile = (e: Event) =>
    importFile(e, MAX_FILE_BYTES, (kB) => `Filen är för stor (${kB} kB). Ett metodbokspaket får vara högst 2 MB.`, async (text) => {
      const result = await api.importText(text);
      if (result.ok) {
        setActive(await api.load());
        setMessage(`Metodboken ”${result.pack.title}” (version ${result.pack.version}) är nu aktiv.`);
      } else {
        setErrors(result.errors);
      }
    });

  const onExport = () => {
    if (!active) return;
    (api.download ?? downloadText)(packFileName(active.pack), serializePack(active.pack));
    setMessage('Metodboken är exporterad som JSON-fil.');
  };

  const onReset = () =>
    run(async () => {
      await api.reset();
      setActive(await api.load());
      setMessage('Standardmetodboken används igen.');
    });

  return (
    <section aria-labelledby="pack-heading" class="pack-section" data-testid="pack-section">
      <h2 id="pack-heading">Metodbok och tips (metodbokspaket)</h2>
      {!active ? (
        <p>Läser in …</p>
      ) : (
        <>
          <dl class="pack-facts" data-testid="pack-active" data-source={active.source}>
            <dt>Aktiv metodbok</dt>
            <dd data-testid="pack-title">{active.pack.title}</dd>
            <dt>Version</dt>
            <dd>{active.pack.version}</dd>
            <dt>Källa</dt>
            <dd data-testid="pack-source">{SOURCE_LABEL[active.source]}</dd>
          </dl>
          {locked && (
            <p class="locked" data-testid="pack-locked">
              Låst av din organisation. Metodboken kan inte bytas eller återställas här.
            </p>
          )}
          {active.policyErrors.length > 0 && (
            <div class="error">
              <p>Din organisations metodbok kunde inte läsas och används inte:</p>
              <IssueList errors={active.policyErrors} />
            </div>
          )}
          <p>
            <a href="/metodbok.html" target="_blank" rel="noopener">
              Öppna metodboken
            </a>
          </p>
          <div class="field">
            <label for="pack-file">Importera metodbok (JSON)</label>
            <input
              ref={fileRef}
              id="pack-file"
              type="file"
              accept=".json,application/json"
              disabled={locked || busy}
              aria-describedby="pack-file-hint"
              onChange={(e) => void onFile(e)}
            />
            <span id="pack-file-hint" class="hint">
              Ett metodbokspaket från din kommun. Det kontrolleras först; är något fel behålls den metodbok du har nu.
            </span>
          </div>
          <div class="actions">
            <button type="button" class="secondary" onClick={onExport} disabled={busy}>
              Exportera
            </button>
            <button type="button" class="secondary" onClick={() => void onReset()} disabled={locked || busy || active.source === 'default'}>
              Återställ standard
            </button>
          </div>
          <div role="status" aria-live="polite" data-testid="pack-message">
            {message}
          </div>
          {errors.length > 0 && (
            <div ref={errorsRef} tabIndex={-1} role="group" class="pack-errors" data-testid="pack-errors" aria-labelledby="pack-errors-heading">
              <h3 id="pack-errors-heading" class="error">
                Metodboken importerades inte ({errors.length} fel)
              </h3>
              <p>Den metodbok du hade används fortfarande. Rätta filen och försök igen.</p>
              <IssueList errors={errors} />
            </div>
          )}
        </>
      )}
    </section>
  );
}
