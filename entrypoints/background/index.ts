import '../../lib/platform/zod-setup';
/**
 * The service worker: one message listener with a command → handler map (every message validated with zod),
 * run-time registration of the content scripts, and alarms. All listeners are registered synchronously at start so
 * that a stopped MV3 worker wakes up for them.
 */
import { browser } from 'wxt/browser';
import { createMessageListener } from '../../lib/messages';
import { watchSettings } from '../../lib/settings';
import { syncContentScripts } from './registration';
import { watchTabs } from './tab-status-store';
import { createHandlers } from './handlers';
import { ALARM_NEXT, ALARM_TICK, onNotificationClicked, onReminderAlarm, scheduleReminders, watchTestClock } from './reminders';
import { getStore, purgeExpired } from '../../lib/store';
import { loadEffective } from '../../lib/platform/effective';
import { today } from '../../lib/platform/clock';

export default defineBackground({
  type: 'module',
  main() {
    const remindersChanged = () => scheduleReminders().catch(() => undefined);
    const handlers = createHandlers({
      store: getStore,
      remindersChanged,
      afterDeleteAll: async () => {
        await browser.storage.session.clear();
        await browser.storage.local.remove(['remindersLastFired', 'tourProgress']);
        await browser.notifications.getAll().then((all) => Promise.all(Object.keys(all).map((id) => browser.notifications.clear(id)))).catch(() => undefined);
        await syncContentScripts().catch(() => undefined);
        await remindersChanged();
      },
    });
    browser.runtime.onMessage.addListener(createMessageListener(handlers, { onError: (cmd, message) => console.warn(`KAA-lotsen: ${cmd} failed: ${message}`) }));
    watchTabs();

    const resync = () => void syncContentScripts().catch((error) => console.warn('KAA-lotsen: registration failed', error instanceof Error ? error.message : error));
    browser.runtime.onInstalled.addListener(resync);
    browser.runtime.onStartup.addListener(resync);
    browser.permissions.onAdded.addListener(resync);
    browser.permissions.onRemoved.addListener(resync);
    watchSettings(resync);
    resync();

    // Reminders: alarms wake the worker; the schedule is rebuilt on every start (also after a browser restart).
    browser.alarms.onAlarm.addListener((alarm) => {
      if (alarm.name === ALARM_NEXT || alarm.name === ALARM_TICK) void onReminderAlarm(alarm.name).catch(() => undefined);
    });
    browser.notifications.onClicked.addListener((id) => void onNotificationClicked(id).catch(() => undefined));
    watchTestClock();
    const housekeeping = async () => {
      const { loaded } = await loadEffective();
      await purgeExpired(await today(), loaded.settings.retentionDays);
      await scheduleReminders();
    };
    void housekeeping().catch((error) => console.warn('KAA-lotsen: housekeeping failed', error instanceof Error ? error.message : error));
  },
});
