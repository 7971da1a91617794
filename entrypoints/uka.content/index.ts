import '../../lib/platform/zod-setup';
/**
 * The UKA content script. Registered at run time by the background for exactly the configured UKA origin (the
 * manifest has no static content script and no host permission). It only wires: settings + adapter + features.
 *
 * It runs at document_start. Every read the first page view needs (settings, metodbok pack, clock, the features'
 * early reads) is started at once, side by side, while UKA's HTML is still being parsed; the features then run as
 * soon as the document is parsed (DOMContentLoaded), with their data already at hand. Nothing is injected before
 * the page is recognised, and on an unknown page nothing at all.
 */
import { loadSettings, watchSettings, type LoadedSettings } from '../../lib/settings';
import { applyPackDefaults } from '../../lib/platform/routine';
import { sendCommand } from '../../lib/messages/client';
import { browser } from 'wxt/browser';
import { loadActivePack, PACK_KEY } from '../../lib/platform/pack';
import { isManagedChange } from '../../lib/platform/managed';
import { today } from '../../lib/platform/clock';
import { createUkaAdapter } from '../../lib/uka/adapter';
import { FEATURES } from './features';
import { startRuntime } from './runtime';
import { startEarlyReads } from './early';

export default defineContentScript({
  matches: [],
  registration: 'runtime',
  runAt: 'document_start',
  async main(ctx) {
    // The script can arrive twice (registered script + injection into an already open tab): run once per page.
    const w = window as unknown as Record<string, boolean>;
    if (w.__kaaLotsenUka) return;
    w.__kaaLotsenUka = true;
    ctx.onInvalidated(() => {
      w.__kaaLotsenUka = false;
    });
    const domReady =
      document.readyState === 'loading' ? new Promise<void>((resolve) => document.addEventListener('DOMContentLoaded', () => resolve(), { once: true })) : Promise.resolve();
    const settingsRead = loadSettings();
    const packRead = loadActivePack();
    const firstToday = today();
    for (const read of [packRead, firstToday]) read.catch(() => undefined);
    startEarlyReads();
    let loaded: LoadedSettings = await settingsRead;
    if (!loaded.settings.ukaOrigin || new URL(loaded.settings.ukaOrigin).origin !== location.origin) return;
    let pack = (await packRead).pack;
    // Settings as in force: the pack supplies the routine intervals that were not set on purpose.
    const effective = () => applyPackDefaults(loaded, pack);
    await domReady;
    if (ctx.isInvalid) return;
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
      firstToday,
      openMetodbok: (sectionId) => void sendCommand('open-metodbok', { sectionId }).catch(() => undefined),
      reportStatus: (status) => {
        void sendCommand('page-status', status).catch(() => undefined);
      },
      signal: controller.signal,
    });
    const reloadPack = () =>
      void loadActivePack().then((active) => {
        pack = active.pack;
        runtime.rerun();
      });
    const stop = watchSettings((next) => {
      loaded = next;
      // UKA address removed or changed (or all local data deleted): stop at once and remove our UI.
      if (!loaded.settings.ukaOrigin || new URL(loaded.settings.ukaOrigin).origin !== location.origin) {
        controller.abort();
        return;
      }
      reloadPack();
    });
    // A newly imported or policy-supplied metodbok shows in open UKA tabs without a reload.
    const onStorage = (changes: Record<string, unknown>, area: string) => {
      if ((area === 'local' && PACK_KEY in changes) || isManagedChange(changes, area)) reloadPack();
    };
    browser.storage.onChanged.addListener(onStorage);
    controller.signal.addEventListener('abort', () => {
      stop();
      browser.storage.onChanged.removeListener(onStorage);
    });
  },
});
