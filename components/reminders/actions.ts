/** Snooze and done of a reminder, the same from the popup and the worklist page. */
import { sendCommand } from '../../lib/messages/client';

export async function snoozeReminder(item: { id: string; personKey?: string | undefined }, until: string): Promise<void> {
  await sendCommand('reminder-snooze', { id: item.id, until, ...(item.personKey ? { personKey: item.personKey } : {}) });
}

export async function markReminderDone(item: { id: string; personKey?: string | undefined }): Promise<void> {
  await sendCommand('reminder-done', { id: item.id, ...(item.personKey ? { personKey: item.personKey } : {}) });
}
