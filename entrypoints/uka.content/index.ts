/**
 * The UKA content script. Registered at run time by the background for exactly the configured UKA origin (the
 * manifest has no static content script and no host permission). It only wires: settings + adapter + features.
 */
import { createUkaAdapter } from '../../lib/uka/adapter';
import { loadSettings, watchSettings, type Settings } from '../../lib/settings';
import { sendCommand } from '../../lib/messages';
import { FEATURES } from './features';
import { startRuntime } from './runtime';

export default defineContentScript({
  matches: [],
  registration: 'runtime',
  runAt: 'document_idle',
  async main(ctx) {
    const { settings: initial } = await loadSettings();
    if (!initial.ukaOrigin || new URL(initial.ukaOrigin).origin !== location.origin) return;
    let settings: Settings = initial;
    const controller = new AbortController();
    ctx.onInvalidated(() => controller.abort());
    const runtime = startRuntime({
      doc: document,
      adapter: createUkaAdapter(),
      features: FEATURES,
      getSettings: () => settings,
      reportStatus: (status) => {
        void sendCommand('page-status', status).catch(() => undefined);
      },
      signal: controller.signal,
    });
    const stop = watchSettings((next) => {
      settings = next.settings;
      runtime.rerun();
    });
    controller.signal.addEventListener('abort', () => stop());
  },
});
