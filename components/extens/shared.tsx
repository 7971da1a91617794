/** What both parts of the "Extens och statistik" page share: its props, picked files, fetching the SCB file from UKA, CSV download, the worker job and its progress bar. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { IsoDate } from '../../lib/domain/dates';
import { previewExtract } from '../../lib/extens/extract';
import { type SavedMapping } from '../../lib/extens/mapping';
import type { WorkerRequest, WorkerResponse } from './protocol';

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

export interface PickedFile {
  name: string;
  bytes: Uint8Array;
}

export type Preview = ReturnType<typeof previewExtract>;

/** "Hämta SCB-filen från UKA": fetches the file through the page's props (the button is busy meanwhile); the file, or why not, when done. */
export function FetchFromUkaButton(props: { fetchFromUka: ExtensPageProps['fetchFromUka']; onStart?(): void; onFile(file: PickedFile & { source: string }): void; onError(text: string): void }) {
  const [fetching, setFetching] = useState(false);
  const onFetch = async () => {
    setFetching(true);
    props.onStart?.();
    try {
      const r = await props.fetchFromUka();
      if (r.ok) props.onFile({ name: r.fileName, bytes: r.bytes, source: 'hämtad från UKA' });
      else props.onError(r.message);
    } finally {
      setFetching(false);
    }
  };
  return (
    <button type="button" class="secondary" onClick={() => void onFetch()} disabled={fetching}>
      {fetching ? 'Hämtar …' : 'Hämta SCB-filen från UKA'}
    </button>
  );
}

export async function readPicked(input: HTMLInputElement): Promise<PickedFile | null> {
  const file = input.files?.[0];
  if (!file) return null;
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

export function download(text: string, fileName: string): void {
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
export function useWorkerJob(start: () => Worker) {
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

export function Progress(props: { progress: { share: number; stage: string } | null; onCancel(): void; label: string }) {
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
