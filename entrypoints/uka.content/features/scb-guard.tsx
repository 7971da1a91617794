/**
 * Safe SCB-file download. On "Export till SCB" the guard takes over UKA's export button (mouse and keyboard),
 * fetches the file itself (same origin, GET only), validates it, and lets the user save the exact bytes UKA served.
 * When UKA has disabled its export because of red problems, the guard explains why and lists the persons.
 */
import { render } from 'preact';
import { GuardDialog, GUARD_CSS, type GuardReport } from '../../../components/scb/GuardDialog';
import { ExportBlocked, EXPORT_BLOCKED_CSS } from '../../../components/scb/ExportBlocked';
import { validateScbFile } from '../../../lib/scb/validate';
import { sha256Hex } from '../../../lib/scb/hash';
import { safeFileName } from '../../../lib/scb/save';
import { halfYearOf, todayInStockholm } from '../../../lib/domain/dates';
import { sendCommand } from '../../../lib/messages';
import type { FeatureDefinition } from '../../../lib/features/manager';
import type { ExportList } from '../../../lib/uka/types';
import type { UkaFeatureContext } from '../context';

/** Save bytes exactly as given: a Blob of the very same Uint8Array, downloaded through a link in our shadow root. */
export function saveExactBytes(root: ShadowRoot, bytes: Uint8Array, fileName: string): void {
  const blob = new Blob([bytes as BlobPart], { type: 'application/octet-stream' });
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

function personIndex(list: ExportList): Map<string, { name: string; href: string }> {
  const index = new Map<string, { name: string; href: string }>();
  for (const group of list.groups) {
    for (const row of group.rows) {
      const digits = row.personnummer?.replace(/\D/g, '');
      if (digits && digits.length === 12 && !index.has(digits)) index.set(digits, { name: row.name, href: row.href });
    }
  }
  return index;
}

export const scbGuard: FeatureDefinition<UkaFeatureContext> = {
  id: 'scb-guard',
  pages: ['export'],
  init(ctx, signal) {
    const list = ctx.read.exportList();
    if (!list.ok) throw new Error(`exportlistan kunde inte läsas: ${list.reason}`);
    const button = ctx.adapter.anchor(ctx.doc, 'exportButton');
    if (!button) throw new Error('exportknappen hittades inte');
    const people = personIndex(list.value);
    const kommun = ctx.settings.kommun ?? undefined;

    if (!list.value.exportButton.enabled) {
      const red = list.value.groups.filter((g) => g.colour === 'red');
      const mounted = ctx.mount('scb-guard', { anchor: button, where: 'afterend', css: EXPORT_BLOCKED_CSS, label: 'Varför exporten är spärrad' });
      if (!mounted) return false;
      render(<ExportBlocked groups={red} />, mounted.container);
      return () => render(null, mounted.container);
    }

    const href = list.value.exportButton.href;
    if (!href) throw new Error('exportknappens adress hittades inte');
    const exportUrl = new URL(href, ctx.url);
    if (exportUrl.origin !== ctx.url.origin) throw new Error('exportadressen ligger utanför UKA');

    let dialog: ReturnType<UkaFeatureContext['mount']> = null;
    let busy = false;
    const closeDialog = () => {
      if (dialog) {
        render(null, dialog.container);
        dialog.remove();
        dialog = null;
      }
      (button as HTMLElement).focus?.();
    };

    const onActivate = async (event: Event) => {
      event.preventDefault();
      event.stopImmediatePropagation();
      if (busy) return;
      busy = true;
      try {
        const response = await fetch(exportUrl.href, { method: 'GET', credentials: 'include', cache: 'no-store' });
        if (!response.ok) throw new Error(`UKA svarade ${response.status}`);
        const bytes = new Uint8Array(await response.arrayBuffer());
        const period = halfYearOf(todayInStockholm(new Date()));
        const report = validateScbFile(bytes, { kommun, period });
        const fileName = safeFileName(kommun ?? '0000', report.period ?? period);
        const sha256 = await sha256Hex(bytes);
        if (signal.aborted) return;
        dialog = ctx.mount('scb-guard', { where: 'floating', css: GUARD_CSS });
        if (!dialog) return;
        const mountedDialog = dialog;
        render(
          <GuardDialog
            report={report as GuardReport}
            fileName={fileName}
            linkFor={(pnr) => people.get(pnr.replace(/\D/g, '')) ?? null}
            onCancel={closeDialog}
            onSave={(override) => {
              saveExactBytes(mountedDialog.root, bytes, fileName);
              void sendCommand('log-export', {
                time: Date.now(),
                period: report.period ?? period,
                kommun: kommun ?? null,
                rows: report.rows,
                persons: report.persons,
                sha256,
                verdict: report.verdict,
                override,
              }).catch(() => undefined);
              closeDialog();
            }}
          />,
          mountedDialog.container,
        );
      } catch (error) {
        void sendCommand('report-error', { feature: 'scb-guard', message: error instanceof Error ? error.message : 'okänt fel' }).catch(() => undefined);
      } finally {
        busy = false;
      }
    };
    const listener = (event: Event) => void onActivate(event);
    // Capture phase, so that UKA's own download never starts; keyboard activation of a link or button arrives as click.
    button.addEventListener('click', listener, { capture: true });
    return () => {
      button.removeEventListener('click', listener, { capture: true });
      closeDialog();
    };
  },
};
