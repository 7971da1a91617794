import '../../lib/platform/zod-setup';
/**
 * Upload check on SCB's page (registered at run time for the configured SCB origin only). When a file is chosen in
 * the upload form, its SHA-256 is compared with the export log. The check never blocks or changes SCB's page: it
 * only listens to the file input's change event and shows its result in its own shadow root beside the input.
 */
import { render } from 'preact';
import { mountShadow } from '../../components/ui/shadow';
import { UploadCheck } from '../../components/scb/UploadCheck';
import { mainFindings } from '../../components/scb/model';
import { sha256Hex } from '../../lib/scb/hash';
import { validateScbFile } from '../../lib/scb/validate';
import { sendCommand } from '../../lib/messages/client';
import { loadSettings } from '../../lib/settings';
import { today } from '../../lib/platform/clock';

export default defineContentScript({
  matches: [],
  registration: 'runtime',
  // No "script started" postMessage into the page: UKA's (and SCB's) own message listeners never see anything of ours.
  noScriptStartedPostMessage: true,
  runAt: 'document_idle',
  async main(ctx) {
    const flag = '__kaaLotsenScb';
    const w = window as unknown as Record<string, boolean>;
    if (w[flag]) return;
    w[flag] = true;
    ctx.onInvalidated(() => {
      w[flag] = false;
    });
    const { settings } = await loadSettings();
    if (!settings.scbOrigin || new URL(settings.scbOrigin).origin !== location.origin) return;
    if (settings.features['upload-check'] === false) return;

    const handled = new WeakSet<HTMLInputElement>();
    const attach = (input: HTMLInputElement) => {
      if (handled.has(input)) return;
      handled.add(input);
      const mounted = mountShadow(document, { feature: 'upload-check', anchor: input, where: 'afterend' });
      if (!mounted) return;
      let run = 0;
      const onChange = async () => {
        const mine = ++run;
        const file = input.files?.[0];
        if (!file) return render(null, mounted.container);
        const show = (state: Parameters<typeof UploadCheck>[0]['state']) => {
          if (mine === run) render(<UploadCheck state={state} />, mounted.container);
        };
        show({ kind: 'checking', fileName: file.name });
        try {
          const bytes = new Uint8Array(await file.arrayBuffer());
          const sha256 = await sha256Hex(bytes);
          const found = await sendCommand('find-export', { sha256 });
          if (found) {
            show({ kind: 'unchanged', fileName: file.name, exportedAt: found.time, period: found.period, verdict: found.verdict, override: Boolean(found.override) });
            return;
          }
          const report = validateScbFile(bytes, { kommun: settings.kommun ?? undefined, today: await today() });
          show({ kind: 'changed', fileName: file.name, verdict: report.verdict, excelDamage: report.excelDamage, counts: report.counts, top: mainFindings(report) });
        } catch (error) {
          show({ kind: 'error', fileName: file.name, message: error instanceof Error ? error.message : 'okänt fel' });
        }
      };
      // Passive listener: SCB's own handlers and its form submit are never touched.
      input.addEventListener('change', () => void onChange(), { passive: true });
      ctx.onInvalidated(() => mounted.remove());
    };
    const scan = () => document.querySelectorAll<HTMLInputElement>('input[type="file"]').forEach(attach);
    scan();
    const observer = new MutationObserver(scan);
    observer.observe(document.body, { childList: true, subtree: true });
    ctx.onInvalidated(() => observer.disconnect());
  },
});
