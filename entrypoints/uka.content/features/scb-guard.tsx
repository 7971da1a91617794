/**
 * Safe SCB-file download. On "Export till SCB" the guard takes over UKA's export button (mouse and keyboard),
 * fetches the file itself (same origin, GET only), has the background validate it, and lets the user save the exact bytes UKA served.
 * When UKA has disabled its export because of red problems, the guard explains why and lists the persons.
 * The panel beside the button also holds "Tolka SCB:s fellista" (in memory only).
 * The dialog (with the rules' texts) and the error list's form are an on-demand part (lib/startup/parts.ts): loaded
 * when the user first presses the button (alongside the file's fetch) or opens the disclosure, not at page load.
 */
import { GuardPanel, GUARD_PANEL_CSS, type GuardPanelState } from '../../../components/scb/GuardPanel';
import { buildPersonIndex, exportListNames, maskReason, type PersonIndex } from '../../../components/scb/model';
import { sha256Hex } from '../../../lib/scb/hash';
import { prepareSave } from '../../../lib/scb/save';
import { halfYearOf } from '../../../lib/domain/dates';
import { sendCommand } from '../../../lib/messages/client';
import { base64Of } from '../../../lib/platform/base64';
import { loadPart } from '../../../lib/startup/parts';
import type { UkaFeature, UkaFeatureContext } from '../context';

/** Save bytes exactly as given: a Blob of the very same Uint8Array, downloaded through a link in our shadow root. */
export function saveExactBytes(root: ShadowRoot, bytes: Uint8Array, fileName: string, mimeType = 'application/octet-stream'): void {
  const blob = new Blob([bytes as BlobPart], { type: mimeType });
  const url = URL.createObjectURL(blob);
  const a = root.ownerDocument.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  root.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const isActivationKey = (e: KeyboardEvent) => (e.key === 'Enter' || e.key === ' ' || e.key === 'Spacebar') && !e.altKey && !e.ctrlKey && !e.metaKey;

export const scbGuard: UkaFeature = {
  init(ctx, signal) {
    const list = ctx.read.exportList();
    if (!list.ok) throw new Error(`exportlistan kunde inte läsas: ${list.reason}`);
    const button = ctx.adapter.anchor(ctx.doc, 'exportButton') as HTMLElement | null;
    if (!button) throw new Error('exportknappen hittades inte');
    // Who is who on the list: needed only once the user checks a file or an error list, so built then (once).
    let index: PersonIndex | null = null;
    const people = () => (index ??= buildPersonIndex(list.value));
    // The names an override reason must not keep (in memory on this page only), also built when first needed.
    let names: string[] | null = null;
    const listNames = () => (names ??= exportListNames(list.value));
    const kommun = ctx.settings.kommun ?? undefined;

    const panel = ctx.mount('scb-guard', { anchor: button.closest('form') ?? button, where: 'afterend', css: GUARD_PANEL_CSS, label: 'KAA-lotsen: säker SCB-fil' });
    if (!panel) return false;
    const showPanel = (state: GuardPanelState) => panel.render(<GuardPanel state={state} people={people} />);

    if (!list.value.exportButton.enabled) {
      showPanel({ kind: 'blocked', redGroups: list.value.groups.filter((g) => g.colour === 'red') });
      return () => panel.render(null);
    }

    const href = list.value.exportButton.href;
    if (!href) throw new Error('exportknappens adress hittades inte');
    const exportUrl = new URL(href, ctx.url);
    if (exportUrl.origin !== ctx.url.origin) throw new Error('exportadressen ligger utanför UKA');
    showPanel({ kind: 'ready' });

    let dialog: ReturnType<UkaFeatureContext['mount']> = null;
    let busy = false;
    const closeDialog = (refocus: boolean) => {
      if (dialog) {
        dialog.render(null);
        dialog.remove();
        dialog = null;
      }
      if (refocus && button.isConnected) button.focus();
    };

    const activate = async () => {
      if (busy || dialog) return;
      busy = true;
      showPanel({ kind: 'checking' });
      // The dialog's code is loaded while the file is fetched and checked (once per page; see lib/startup/parts.ts).
      const part = loadPart('scb-guard').catch((error: unknown) => {
        throw new Error(`dialogen kunde inte laddas (${error instanceof Error ? error.message : 'okänt fel'})`);
      });
      part.catch(() => undefined);
      try {
        const response = await fetch(exportUrl.href, { method: 'GET', credentials: 'same-origin', cache: 'no-store', redirect: 'error' });
        if (!response.ok) throw new Error(`UKA svarade ${response.status}`);
        const bytes = new Uint8Array(await response.arrayBuffer());
        const today = await ctx.today();
        // Validated by the background (the validator is not in UKA's page); the bytes saved are these very bytes.
        const report = await sendCommand('validate-export', { data: await base64Of(new Blob([bytes as BlobPart])) });
        const period = report.period ?? halfYearOf(today);
        const plan = prepareSave(bytes, report.kommun ?? kommun ?? '0000', period);
        const sha256 = await sha256Hex(bytes);
        const { GuardDialog, GUARD_CSS } = await part;
        if (signal.aborted) return;
        showPanel({ kind: 'ready' });
        const mounted = ctx.mount('scb-guard', { where: 'floating', css: GUARD_CSS });
        if (!mounted) return;
        dialog = mounted;
        mounted.render(
          <GuardDialog
            report={report}
            fileName={plan.fileName}
            people={people()}
            onCancel={() => closeDialog(true)}
            maskReason={(reason) => maskReason(reason, listNames())}
            onSave={async (override) => {
              const time = Date.now();
              const entry = {
                time,
                period,
                kommun: report.kommun && /^\d{4}$/.test(report.kommun) ? report.kommun : (kommun ?? null),
                rows: report.rows,
                persons: report.persons,
                sha256,
                verdict: report.verdict,
                // Masked again here (names of the list, numbers), whatever the dialog handed over.
                override: override ? { reason: maskReason(override.reason, listNames()) } : null,
              };
              const saved = () => {
                saveExactBytes(mounted.root, plan.bytes, plan.fileName, plan.mimeType);
                closeDialog(true);
                showPanel({ kind: 'saved', fileName: plan.fileName, time, override: override !== null });
              };
              if (override) {
                // The override is a record: the file is saved only once the export log has accepted the entry. When
                // the log cannot be written, the rejection reaches the dialog, which refuses and saves nothing.
                try {
                  await sendCommand('log-export', entry);
                } catch (error) {
                  const message = `exportloggen kunde inte skrivas: ${error instanceof Error ? error.message : 'okänt fel'}`;
                  void sendCommand('report-error', { feature: 'scb-guard', message }).catch(() => undefined);
                  throw error;
                }
                if (signal.aborted || dialog !== mounted) return;
                saved();
                return;
              }
              // A file without blocking errors is saved at once (UKA's own export must keep working when our
              // database does not); a log that fails is reported in the panel.
              saved();
              await sendCommand('log-export', entry).catch((error: unknown) => {
                showPanel({ kind: 'error', message: `exportloggen kunde inte skrivas (${error instanceof Error ? error.message : 'okänt fel'})` });
              });
            }}
          />,
        );
      } catch (error) {
        const message = error instanceof Error ? error.message : 'okänt fel';
        showPanel({ kind: 'error', message });
        void sendCommand('report-error', { feature: 'scb-guard', message }).catch(() => undefined);
      } finally {
        busy = false;
      }
    };

    // Capture phase on the button itself, so that UKA's own download (link or form submit) never starts.
    const onClick = (event: Event) => {
      event.preventDefault();
      event.stopImmediatePropagation();
      void activate();
    };
    const onKey = (event: KeyboardEvent) => {
      if (!isActivationKey(event)) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      if (!event.repeat) void activate();
    };
    // A submit of UKA's export form by any other way (e.g. Enter in a field of the form) is taken over too.
    const form = button.closest('form');
    const onSubmit = (event: Event) => {
      event.preventDefault();
      event.stopImmediatePropagation();
      void activate();
    };
    button.addEventListener('click', onClick, { capture: true });
    button.addEventListener('keydown', onKey, { capture: true });
    form?.addEventListener('submit', onSubmit, { capture: true });
    return () => {
      button.removeEventListener('click', onClick, { capture: true });
      button.removeEventListener('keydown', onKey, { capture: true });
      form?.removeEventListener('submit', onSubmit, { capture: true });
      closeDialog(false);
      panel.render(null);
    };
  },
};
