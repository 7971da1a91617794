/**
 * Who may send which command. The background accepts a command only from the contexts it belongs to:
 * - 'extension': KAA-lotsen's own pages (popup, options, Metodbok and the other extension pages): the sender's URL is
 *   under the extension's own URL;
 * - 'uka': the UKA content script in the top frame of a page on the configured UKA origin;
 * - 'scb': the SCB page script on the configured SCB origin.
 * Anything else is refused before the payload is even parsed.
 */
import type { CommandName } from './commands';
import type { MessageSender } from './dispatch';

export type SenderKind = 'extension' | 'uka' | 'scb';

export const COMMAND_SENDERS = {
  'page-status': ['uka'],
  'get-tab-status': ['extension'],
  'report-error': ['uka', 'scb', 'extension'],
  'get-errors': ['extension'],
  'get-settings': ['extension'],
  'page-start': ['uka'],
  'load-page-kind': ['uka'],
  'load-early-start': ['uka'],
  'load-part': ['uka'],
  'uka-parts-seen': ['uka'],
  'open-options': ['uka', 'extension'],
  'open-metodbok': ['uka', 'extension'],
  'tour-restart': ['extension'],
  'delete-all-data': ['extension'],
  'person-keys': ['uka'],
  'persons-listed': ['uka'],
  'ladder-view': ['uka'],
  'note-add': ['uka'],
  'note-delete': ['uka'],
  'get-reminders': ['extension'],
  'reminders-ics': ['extension'],
  'ladder-summary': ['extension'],
  'reminder-snooze': ['extension'],
  'reminder-done': ['extension'],
  'log-export': ['uka'],
  'find-export': ['scb'],
  'scb-start': ['scb'],
  'check-upload': ['scb'],
  'validate-export': ['uka'],
  'review-state': ['uka'],
  'review-begin': ['uka'],
  'review-visit': ['uka'],
  'worklist-get': ['extension'],
  'visit-list': ['extension'],
  'visit-days-set': ['extension'],
} as const satisfies Record<CommandName, readonly SenderKind[]>;

export interface SenderContext {
  /** The extension's own base URL, e.g. "chrome-extension://<id>/". */
  extensionUrl: string;
  /** The configured origins (null when not set). */
  ukaOrigin: string | null;
  scbOrigin: string | null;
}

function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/** What kind of sender this is, or null when it is none of ours. */
export function senderKind(sender: MessageSender, ctx: SenderContext): SenderKind | null {
  // A content script's messages carry its tab; an extension page's URL is under the extension's URL.
  if (sender.url?.startsWith(ctx.extensionUrl)) return 'extension';
  const origin = sender.origin ?? originOf(sender.url);
  if (!origin || origin === 'null' || !sender.tab) return null;
  if (ctx.ukaOrigin && origin === ctx.ukaOrigin && sender.frameId === 0) return 'uka';
  if (ctx.scbOrigin && origin === ctx.scbOrigin) return 'scb';
  return null;
}

/** True when `cmd` may come from this sender. */
export function senderAllowed(cmd: string, sender: MessageSender, ctx: SenderContext): boolean {
  if (!Object.hasOwn(COMMAND_SENDERS, cmd)) return false;
  const kind = senderKind(sender, ctx);
  return kind !== null && (COMMAND_SENDERS[cmd as CommandName] as readonly SenderKind[]).includes(kind);
}
