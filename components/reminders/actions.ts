/** Snooze and done of a reminder, the same from the popup and the worklist page. */
import { sendCommand } from '../../lib/messages/client';

export async function snoozeReminder(item: { id: string; personKey?: string | undefined }, until: string): Promise<void> {
  await sendCommand('reminder-snooze', { id: item.id, until, ...(item.personKey ? { personKey: item.personKey } : {}) });
}

export async function markReminderDone(item: { id: string; personKey?: string | undefined }): Promise<void> {
  await sendCommand('reminder-done', { id: item.id, ...(item.personKey ? { personKey: item.personKey } : {}) });
}

type ReminderItem = { id: string; personKey?: string | undefined };

/** The list's snooze and done handlers: each sends its command, then reloads the list. */
export function reminderActions(reload: () => Promise<unknown>): {
  onSnooze(item: ReminderItem, until: string): Promise<void>;
  onDone(item: ReminderItem): Promise<void>;
} {
  return {
    async onSnooze(item, until) {
      await snoozeReminder(item, until);
      await reload();
    },
    async onDone(item) {
      await markReminderDone(item);
      await reload();
    },
  };
}
