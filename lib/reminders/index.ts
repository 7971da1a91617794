export * from './types';
export { deriveReminders, nextAlarmTime, remindersFiringBetween, expiresAt, scbDeadline, compareReminders } from './reminders';
export { toIcs, foldLine, escapeText, ukaLink, type IcsOptions } from './ics';
export { REMINDER_TEXTS_SV, renderReminderTitle, renderReminderDetail } from './texts';
