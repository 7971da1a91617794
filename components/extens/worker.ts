/**
 * Web Worker of the "Extens och statistik" page: reads the extract (papaparse, row by row), the SCB file and works
 * out the comparison or the statistics off the page's main thread, with progress. Cancelling terminates the worker.
 * Names, phone numbers and addresses exist only in this worker's and the page's memory.
 */
import { compare, readRegister } from '../../lib/extens/compare';
import { readExtract } from '../../lib/extens/extract';
import { halfYearStats } from '../../lib/stats/stats';
import type { WorkerRequest, WorkerResponse } from './protocol';

const post = (m: WorkerResponse) => (self as unknown as Worker).postMessage(m);

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const req = event.data;
  try {
    if (req.kind === 'compare') {
      post({ kind: 'progress', share: 0, stage: 'Läser utdraget' });
      const extract = readExtract(new Uint8Array(req.extract), {
        map: req.map,
        hasHeader: req.hasHeader,
        date: req.date,
        onProgress: (share) => post({ kind: 'progress', share: share * 0.7, stage: 'Läser utdraget' }),
      });
      post({ kind: 'progress', share: 0.7, stage: 'Läser SCB-filen' });
      const register = readRegister(new Uint8Array(req.register));
      post({ kind: 'progress', share: 0.9, stage: 'Jämför' });
      const comparison = compare(extract.persons, register, extract.rowErrors, { date: req.date, kommun: req.kommun });
      post({
        kind: 'compared',
        comparison,
        summary: { encoding: extract.encoding, separator: extract.separator, rows: extract.rows, persons: extract.persons.length, registerUnreadableLines: register.unreadableLines },
      });
    } else {
      const results = req.files.map((buf, i) => {
        post({ kind: 'progress', share: i / req.files.length, stage: `Räknar fil ${i + 1} av ${req.files.length}` });
        return halfYearStats(new Uint8Array(buf), { period: req.period, kommun: req.kommun });
      });
      post({ kind: 'stats', results });
    }
  } catch (error) {
    post({ kind: 'failed', message: error instanceof Error ? error.message : 'okänt fel' });
  }
};
