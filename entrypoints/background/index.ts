import '../../lib/platform/zod-setup';
/**
 * The service worker: one message listener with a command → handler map (every message validated with zod),
 * run-time registration of the content scripts, and the reminders' alarms. All listeners are registered
 * synchronously at start so that a stopped MV3 worker wakes up for them.
 */
import { browser } from 'wxt/browser';
import { createMessageListener } from '../../lib/messages';
import { senderAllowed } from '../../lib/messages/senders';
import { loadSettings, watchSettings } from '../../lib/settings';
import { getStore, purgeExpired } from '../../lib/store';
import { loadEffective } from '../../lib/platform/effective';
import { today } from '../../lib/platform/clock';
import { TOUR_PROGRESS_KEY } from '../../lib/platform/storage-keys';
import { clearNotifications, onNotificationClicked } from '../../lib/reminders/alerts';
import { onReminderAlarm, reminderScheduler, resetReminders, scheduleReminders, startReminders, watchTestClock } from '../../lib/reminders/schedule';
import { syncContentScripts } from './registration';
import { watchTabs } from './tab-status-store';
import { createHandlers } from './handlers';

const warn = (what: string) => (error: unknown) => console.warn(`KAA-lotsen: ${what}`, error instanceof Error ? error.message : error);

export default defineBackground({
  type: 'module',
  main() {
    const remindersChanged = () => scheduleReminders().catch(warn('reminders failed'));
    const handlers = createHandlers({
      store: getStore,
      remindersChanged,
      afterDeleteAll: async () => {
        await browser.storage.session.clear();
        await browser.storage.local.remove(TOUR_PROGRESS_KEY);
        await clearNotifications().catch(() => undefined);
        await syncContentScripts({ prune: true }).catch(() => undefined);
        await resetReminders().catch(() => undefined);
      },
    });
    browser.runtime.onMessage.addListener(
      createMessageListener(handlers, {
        onError: (cmd, message) => console.warn(`KAA-lotsen: ${cmd} failed: ${message}`),
        // Each command only from where it belongs (lib/messages/senders.ts); a refusal is counted in the popup's error
        // list by command name, never with its content.
        authorize: async (cmd, sender) => {
          const { settings } = await loadSettings();
          return senderAllowed(cmd, sender, { extensionUrl: browser.runtime.getURL('/'), ukaOrigin: settings.ukaOrigin, scbOrigin: settings.scbOrigin });
        },
        onRefused: async (cmd) => (await getStore()).addError('meddelanden', `Ett meddelande (${cmd}) från en otillåten avsändare nekades.`, []),
      }),
    );
    watchTabs();

    // Permissions granted on the options page arrive before the address is saved: they are pruned only when the
    // settings changed (or at browser start), never on a permission change.
    const resync = (prune = false) => void syncContentScripts({ prune }).catch(warn('registration failed'));
    browser.runtime.onInstalled.addListener(() => resync());
    browser.runtime.onStartup.addListener(() => resync(true));
    browser.permissions.onAdded.addListener(() => resync());
    browser.permissions.onRemoved.addListener(() => resync());
    watchSettings(() => resync(true));
    resync();

    reminderScheduler();
    browser.alarms.onAlarm.addListener((alarm) => void onReminderAlarm(alarm.name));
    browser.notifications.onClicked.addListener((id) => void onNotificationClicked(id).catch(() => undefined));
    watchTestClock();
    const housekeeping = async () => {
      const { loaded } = await loadEffective();
      await purgeExpired(await today(), loaded.settings.retentionDays);
      await startReminders();
    };
    void housekeeping().catch(warn('housekeeping failed'));
  },
});
