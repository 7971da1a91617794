import '../../lib/platform/zod-setup';
/**
 * The UKA content script. Registered at run time by the background for exactly the configured UKA origin (the
 * manifest has no static content script and no host permission). It only wires: settings + adapter + features.
 */
import { loadSettings, watchSettings, type LoadedSettings } from '../../lib/settings';
import { applyPackDefaults } from '../../lib/platform/routine';
import { sendCommand } from '../../lib/messages/client';
import { browser } from 'wxt/browser';
import type { ActivePack } from '../../lib/platform/pack';
import { isManagedChange } from '../../lib/platform/managed';
import { today } from '../../lib/platform/clock';

const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export default defineContentScript({
  matches: [],
  registration: 'runtime',
  runAt: 'document_idle',
  async main(ctx) {
    // The script can arrive twice (registered script + injection into an already open tab): run once per page.
    const w = window as unknown as Record<string, boolean>;
    if (w.__kaaLotsenUka) return;
    w.__kaaLotsenUka = true;
    ctx.onInvalidated(() => {
      w.__kaaLotsenUka = false;
    });
    // Start-up comes in several short tasks instead of one long one: this module holds only what is needed to read
    // the settings; the metodbok pack (schema, default texts) and the rest (adapter, runtime, features and their UI)
    // are modules that are evaluated on dynamic import, each after a macrotask of its own. Settings and pack are read
    // side by side (their storage round trips overlap).
    const packModule = macrotask().then(() => import('../../lib/platform/pack'));
    const loadActivePack = async (): Promise<ActivePack> => (await packModule).loadActivePack();
    const packRead = loadActivePack();
    packRead.catch(() => undefined);
    let loaded: LoadedSettings = await loadSettings();
    if (!loaded.settings.ukaOrigin || new URL(loaded.settings.ukaOrigin).origin !== location.origin) return;
    let pack = (await packRead).pack;
    // Settings as in force: the pack supplies the routine intervals that were not set on purpose.
    const effective = () => applyPackDefaults(loaded, pack);
    const { PACK_KEY } = await packModule;
    await macrotask();
    const { createUkaAdapter, FEATURES, startRuntime } = await import('./boot');
    const controller = new AbortController();
    ctx.onInvalidated(() => controller.abort());
    const runtime = startRuntime({
      doc: document,
      adapter: createUkaAdapter(),
      features: FEATURES,
      getSettings: () => effective().loaded.settings,
      getRoutine: () => effective().routine,
      getPack: () => pack,
      today,
      openMetodbok: (sectionId) => void sendCommand('open-metodbok', { sectionId }).catch(() => undefined),
      reportStatus: (status) => {
        void sendCommand('page-status', status).catch(() => undefined);
      },
      signal: controller.signal,
    });
    const stop = watchSettings((next) => {
      loaded = next;
      // UKA address removed or changed (or all local data deleted): stop at once and remove our UI.
      if (!loaded.settings.ukaOrigin || new URL(loaded.settings.ukaOrigin).origin !== location.origin) {
        controller.abort();
        return;
      }
      void loadActivePack().then((active) => {
        pack = active.pack;
        runtime.rerun();
      });
    });
    // A newly imported or policy-supplied metodbok shows in open UKA tabs without a reload.
    const onStorage = (changes: Record<string, unknown>, area: string) => {
      if ((area === 'local' && PACK_KEY in changes) || isManagedChange(changes, area)) {
        void loadActivePack().then((active) => {
          pack = active.pack;
          runtime.rerun();
        });
      }
    };
    browser.storage.onChanged.addListener(onStorage);
    controller.signal.addEventListener('abort', () => {
      stop();
      browser.storage.onChanged.removeListener(onStorage);
    });
  },
});
