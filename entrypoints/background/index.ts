/**
 * The service worker: one message listener with a command → handler map (every message validated with zod),
 * run-time registration of the content scripts, and alarms. All listeners are registered synchronously at start so
 * that a stopped MV3 worker wakes up for them.
 */
import { browser } from 'wxt/browser';
import { createMessageListener } from '../../lib/messages';
import { watchSettings } from '../../lib/settings';
import { syncContentScripts } from './registration';
import { getTabStatus, setTabStatus, watchTabs } from './tab-status';
import { createHandlers } from './handlers';

export default defineBackground({
  type: 'module',
  main() {
    browser.runtime.onMessage.addListener(createMessageListener(createHandlers({ setTabStatus, getTabStatus })));
    watchTabs();

    const resync = () => void syncContentScripts().catch((error) => console.warn('KAA-lotsen: registration failed', error instanceof Error ? error.message : error));
    browser.runtime.onInstalled.addListener(resync);
    browser.runtime.onStartup.addListener(resync);
    browser.permissions.onAdded.addListener(resync);
    browser.permissions.onRemoved.addListener(resync);
    watchSettings(resync);
    resync();
  },
});
