/**
 * Upload check on SCB's page (registered at run time for the configured SCB origin only). When a file is chosen in
 * the upload form, its SHA-256 is compared with the export log. The check never blocks or changes SCB's page.
 */
import { render } from 'preact';
import { mountShadow } from '../../components/ui/shadow';
import { UploadCheck } from '../../components/scb/UploadCheck';
import { sha256Hex } from '../../lib/scb/hash';
import { validateScbFile } from '../../lib/scb/validate';
import { sendCommand } from '../../lib/messages';
import { loadSettings } from '../../lib/settings';

export default defineContentScript({
  matches: [],
  registration: 'runtime',
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

    const handled = new WeakSet<HTMLInputElement>();
    const attach = (input: HTMLInputElement) => {
      if (handled.has(input)) return;
      handled.add(input);
      const mounted = mountShadow(document, { feature: 'upload-check', anchor: input, where: 'afterend' });
      if (!mounted) return;
      const onChange = async () => {
        const file = input.files?.[0];
        if (!file) return render(null, mounted.container);
        render(<UploadCheck state={{ kind: 'checking', fileName: file.name }} />, mounted.container);
        try {
          const bytes = new Uint8Array(await file.arrayBuffer());
          const sha256 = await sha256Hex(bytes);
          const found = (await sendCommand('find-export', { sha256 })) as { time: number; period: string; verdict: string } | null;
          if (found) {
            render(<UploadCheck state={{ kind: 'unchanged', fileName: file.name, exportedAt: found.time, period: found.period, verdict: found.verdict }} />, mounted.container);
            return;
          }
          const report = validateScbFile(bytes, { kommun: settings.kommun ?? undefined });
          const top = report.findings.filter((f) => f.severity !== 'info').slice(0, 5).map((f) => ({ ruleId: f.ruleId, line: f.line, message: f.message }));
          render(<UploadCheck state={{ kind: 'changed', fileName: file.name, verdict: report.verdict, counts: report.counts, top }} />, mounted.container);
        } catch (error) {
          render(<UploadCheck state={{ kind: 'error', fileName: file.name, message: error instanceof Error ? error.message : 'okänt fel' }} />, mounted.container);
        }
      };
      input.addEventListener('change', () => void onChange());
      ctx.onInvalidated(() => mounted.remove());
    };
    const scan = () => document.querySelectorAll<HTMLInputElement>('input[type="file"]').forEach(attach);
    scan();
    const observer = new MutationObserver(scan);
    observer.observe(document.body, { childList: true, subtree: true });
    ctx.onInvalidated(() => observer.disconnect());
  },
});
