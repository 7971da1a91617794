/**
 * The SCB file checked in the background: the guard's validation on "Export till SCB" and the upload check on SCB's
 * page. The upload check, done here: the page script (entrypoints/scb.tsx) only sends the chosen file and
 * shows the answer, so SCB's page carries neither the validator nor the schemas. A file byte-identical to one in the
 * export log is "unchanged"; any other file is checked by the validator and summarised (masked, no personal data kept).
 */
import type { UploadCheckAnswer } from '../../../lib/messages/commands';
import { mainFindings } from '../../../components/scb/model';
import { loadSettings } from '../../../lib/settings';
import { sha256Hex } from '../../../lib/scb/hash';
import { validateScbFile } from '../../../lib/scb/validate';
import { today } from '../../../lib/platform/clock';
import { fromBase64 } from '../../../lib/platform/base64';
import type { DomainHandlers, HandlerDeps } from './types';

export function uploadCheckHandlers({ store }: Pick<HandlerDeps, 'store'>): DomainHandlers<'scb-start' | 'check-upload' | 'validate-export'> {
  return {
    'scb-start': async () => {
      const { settings } = await loadSettings();
      return { enabled: Boolean(settings.scbOrigin) && settings.features['upload-check'] !== false };
    },
    'check-upload': async ({ data }): Promise<UploadCheckAnswer> => {
      const { settings } = await loadSettings();
      if (settings.features['upload-check'] === false) throw new Error('kontrollen vid uppladdning är avstängd');
      const bytes = fromBase64(data);
      if (!bytes) throw new Error('filen kunde inte läsas');
      const found = await (await store()).findExport(await sha256Hex(bytes));
      if (found) return { kind: 'unchanged', exportedAt: found.time, period: found.period, verdict: found.verdict, override: Boolean(found.override) };
      const report = validateScbFile(bytes, { kommun: settings.kommun ?? undefined, today: await today() });
      return { kind: 'changed', verdict: report.verdict, excelDamage: report.excelDamage, counts: report.counts, top: mainFindings(report) };
    },
    // The SCB-file guard on "Export till SCB": the file UKA served, validated here so that UKA's page carries no
    // validator. The report stays in memory (the page shows it); nothing of it is stored here.
    'validate-export': async ({ data }) => {
      const bytes = fromBase64(data);
      if (!bytes) throw new Error('filen kunde inte läsas');
      const { settings } = await loadSettings();
      return validateScbFile(bytes, { kommun: settings.kommun ?? undefined, today: await today() });
    },
  };
}
