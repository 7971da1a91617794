/** How reminders reach the user outside UKA's page: the toolbar badge and system notifications. */
import { browser } from 'wxt/browser';
import { loadSettings } from '../settings';
import { FIRED_LOG_KEY } from '../platform/storage-keys';
import { reminderViews } from './stored';
import { renderReminderTitle } from './texts';
import type { Reminder } from './types';
import { isOnUka, ukaUrl } from '../platform/links';

/** At most this many notifications at once; the rest are summed up in one. */
const MAX_NOTIFICATIONS = 10;
const NOTIFICATION_PREFIX = 'kaa:';

/** The badge counts what is due or overdue; it is dark red when anything is overdue. */
export async function updateBadge(reminders: readonly Reminder[]): Promise<void> {
  const count = reminders.filter((r) => !r.snoozedUntil && (r.state === 'due' || r.state === 'overdue')).length;
  await browser.action.setBadgeText({ text: count ? String(count) : '' });
  await browser.action.setBadgeBackgroundColor({ color: reminders.some((r) => r.state === 'overdue') ? '#8a1c1c' : '#0b4f6c' });
}

/** One notification per reminder that became due (titles and dates only, no names), and a note of their ids. */
export async function notify(firing: readonly Reminder[]): Promise<void> {
  if (!firing.length) return;
  const iconUrl = browser.runtime.getURL('/icon/128.png');
  for (const r of firing.slice(0, MAX_NOTIFICATIONS)) {
    await browser.notifications
      .create(`${NOTIFICATION_PREFIX}${r.id}`, { type: 'basic', iconUrl, title: 'KAA-lotsen', message: `${renderReminderTitle(r)} (senast ${r.dueDate})` })
      .catch(() => undefined);
  }
  if (firing.length > MAX_NOTIFICATIONS) {
    await browser.notifications
      .create(`${NOTIFICATION_PREFIX}more`, { type: 'basic', iconUrl, title: 'KAA-lotsen', message: `${firing.length - MAX_NOTIFICATIONS} påminnelser till väntar i KAA-lotsen.` })
      .catch(() => undefined);
  }
  const log = ((await browser.storage.session.get(FIRED_LOG_KEY))[FIRED_LOG_KEY] as string[] | undefined) ?? [];
  await browser.storage.session.set({ [FIRED_LOG_KEY]: [...log, ...firing.map((r) => r.id)].slice(-200) });
}

/** A click on a notification opens the UKA page it is about (UKA's start page when there is none). */
export async function onNotificationClicked(notificationId: string): Promise<void> {
  if (!notificationId.startsWith(NOTIFICATION_PREFIX)) return;
  const id = notificationId.slice(NOTIFICATION_PREFIX.length);
  const view = (await reminderViews()).find((r) => r.id === id);
  const { settings } = await loadSettings();
  const url = isOnUka(view?.url, settings.ukaOrigin) ? view.url : ukaUrl(settings.ukaOrigin, '/');
  if (url) await browser.tabs.create({ url });
  await browser.notifications.clear(notificationId);
}

/** Close every notification of ours ("Radera all lokal data"). */
export async function clearNotifications(): Promise<void> {
  const all = await browser.notifications.getAll();
  await Promise.all(Object.keys(all).map((id) => browser.notifications.clear(id)));
}
