/**
 * Upload check on SCB's page (registered at run time for the configured SCB origin only, while the check is on).
 * When a file is chosen in the upload form, the background compares it with the export log and, if it is not a
 * logged export, validates it (entrypoints/background/handlers/upload-check.ts): this page carries only the reading
 * of the file and the result's display. The check never blocks or changes SCB's page: it only listens to the file
 * input's change event and shows its result in its own shadow root beside the input.
 *
 * An unlisted script, not a WXT content script: nothing of ours (no event, no message) is visible to SCB's page;
 * its lifetime ends when the extension is reloaded or removed (lib/startup/lifetime.ts).
 */
import { render } from 'preact';
import { mountShadow } from '../components/ui/shadow';
import { UploadCheck, type UploadCheckState } from '../components/scb/UploadCheck';
import { sendCommand } from '../lib/messages/client';
import { MAX_UPLOAD_CHECK_BYTES } from '../lib/scb/upload-limit';
import { claimFor, startLifetime } from '../lib/startup/lifetime';
import { base64Of } from '../lib/platform/base64';

export default defineUnlistedScript(async () => {
  const life = startLifetime();
  if (!claimFor('__kaaLotsenScb', life)) return life.end();
  const { enabled } = await sendCommand('scb-start').catch(() => ({ enabled: false }));
  if (!enabled || life.ended) return life.end();

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
      const show = (state: UploadCheckState) => {
        if (mine === run && !life.signal.aborted) render(<UploadCheck state={state} />, mounted.container);
      };
      show({ kind: 'checking', fileName: file.name });
      try {
        if (file.size > MAX_UPLOAD_CHECK_BYTES) throw new Error('filen är för stor för kontrollen');
        const answer = await sendCommand('check-upload', { data: await base64Of(file) });
        show({ ...answer, fileName: file.name });
      } catch (error) {
        show({ kind: 'error', fileName: file.name, message: error instanceof Error ? error.message : 'okänt fel' });
      }
    };
    // Passive listener: SCB's own handlers and its form submit are never touched.
    const listener = () => void onChange();
    input.addEventListener('change', listener, { passive: true });
    life.signal.addEventListener('abort', () => {
      input.removeEventListener('change', listener);
      render(null, mounted.container);
      mounted.remove();
    });
  };
  const scan = () => document.querySelectorAll<HTMLInputElement>('input[type="file"]').forEach(attach);
  scan();
  const observer = new MutationObserver(scan);
  observer.observe(document.body, { childList: true, subtree: true });
  life.signal.addEventListener('abort', () => observer.disconnect());
});
