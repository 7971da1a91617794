/** Reminders for the popup: the current list, the .ics file, snoozing and marking done. */
import { ladderSummary, reminderViews, remindersIcs } from '../../../lib/reminders/stored';
import type { DomainHandlers, HandlerDeps } from './types';

export function reminderHandlers({ store, remindersChanged }: HandlerDeps): DomainHandlers<'get-reminders' | 'reminders-ics' | 'ladder-summary' | 'reminder-snooze' | 'reminder-done'> {
  return {
    'get-reminders': () => reminderViews(),
    'reminders-ics': (payload) => remindersIcs({ includeBirthDates: payload?.includeBirthDates ?? false }),
    'ladder-summary': () => ladderSummary(),
    'reminder-snooze': async ({ id, until, personKey }) => {
      const state = await (await store()).snoozeReminder(id, until, personKey);
      await remindersChanged();
      return state;
    },
    'reminder-done': async ({ id, personKey }) => {
      const state = await (await store()).markReminderDone(id, personKey);
      await remindersChanged();
      return state;
    },
  };
}
