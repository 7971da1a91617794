/**
 * The UKA content script. Registered at run time by the background for exactly the configured UKA origin (the
 * manifest has no static content script and no host permission). It only wires: settings + adapter + features.
 *
 * It runs at document_idle, after UKA's page is parsed: its ~200 kB are compiled then, not while a long list
 * is parsed. What has to happen during parsing (the reads the first view needs, the reserved panel places) the small
 * early script (entrypoints/uka-early.ts) began at document_start; this script takes it over
 * (./early-start.ts), or begins it itself when it runs alone. The page view then starts with everything at hand
 * (entrypoints/uka.content/runtime.ts). Nothing is injected before the page is recognised, and on an unknown page
 * nothing at all.
 */
import type { LoadedSettings } from '../../lib/settings';
import type { Pack } from '../../lib/content/schema';
import { STORAGE_KEY as SETTINGS_KEY } from '../../lib/settings/raw';
import { sendCommand } from '../../lib/messages/client';
import type { PageStart } from '../../lib/messages/commands';
import { browser } from 'wxt/browser';
import { isManagedChange } from '../../lib/platform/managed';
import { applyPackDefaults } from '../../lib/platform/routine';
import { today } from '../../lib/platform/clock';
import { adoptEarlyReads } from './early';
import { PACK_KEY } from '../../lib/platform/pack-raw';
import { beginEarlyStart, takeOver, type EarlyStart } from './early-start';
import { mark } from '../../lib/platform/marks';
import { nextTask } from '../../lib/platform/next-task';

/** The settings name this page's origin as the UKA to help with. */
function isThisUka(loaded: LoadedSettings): boolean {
  const origin = loaded.settings.ukaOrigin;
  return Boolean(origin) && new URL(origin!).origin === location.origin;
}

/** A second ask for the page start waits this long (the background may be starting or updating). */
const RETRY_PAGE_START_MS = 500;

/**
 * The settings as in force and the active metodbok pack. The background checks them (it holds the zod schemas), so
 * UKA's page builds and runs no schema, and it sends the built-in pack too, so UKA's page carries no copy of it.
 * Without an answer it is asked once more; then the page view does not start and nothing is injected.
 */
async function readPageStart(asked?: Promise<PageStart>): Promise<{ loaded: LoadedSettings; pack: Pack }> {
  const ask = () => sendCommand('page-start');
  const answer = await (asked ?? ask()).catch(() => new Promise<void>((resolve) => setTimeout(resolve, RETRY_PAGE_START_MS)).then(ask));
  // The background always sends the active pack (the built-in one included): this script carries none of its own.
  if (!answer?.loaded || !answer.pack) throw new Error('page-start utan inställningar eller metodbok');
  return { loaded: answer.loaded, pack: answer.pack };
}

export default defineContentScript({
  matches: [],
  registration: 'runtime',
  // No "script started" postMessage into the page: UKA's (and SCB's) own message listeners never see anything of ours.
  noScriptStartedPostMessage: true,
  runAt: 'document_idle',
  async main(ctx) {
    // The script can arrive twice (registered script + injection into an already open tab): run once per page.
    const w = window as unknown as Record<string, boolean>;
    if (w.__kaaLotsenUka) return;
    w.__kaaLotsenUka = true;
    mark('main');
    ctx.onInvalidated(() => {
      w.__kaaLotsenUka = false;
    });
    // The page view starts in a task of its own after DOMContentLoaded (not in the task that compiled this script).
    const domReady = new Promise<void>((resolve) => {
      const next = () => void nextTask().then(resolve);
      if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', next, { once: true });
      else next();
    });
    const early = takeOver() ?? beginEarlyStart(document);
    adoptEarlyReads(early.reads);
    const slots = early.slots;
    try {
      await start(early);
    } catch (error) {
      slots.abandon();
      throw error;
    }

    /** The rest of the start (any failure gives the reserved places back). */
    async function start(early: EarlyStart): Promise<void> {
      const firstToday = early.firstToday;
      let { loaded, pack } = await readPageStart(early.pageStart);
      mark('settings-read');
      if (!isThisUka(loaded)) return slots.abandon();
      mark('settings-checked');
      await domReady;
      mark('dom-ready');
      const { createUkaAdapter, FEATURES, startRuntime } = await import('./boot');
      mark('boot');
      // Settings as in force: the pack supplies the routine intervals that were not set on purpose.
      const effective = () => applyPackDefaults(loaded, pack);
      if (ctx.isInvalid) return slots.abandon();
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
        onFirstViewDrawn: () => void slots.remember().catch(() => undefined),
      });
      // Changed settings, or a newly imported or policy-supplied metodbok, show in open UKA tabs without a reload.
      const refresh = () =>
        void readPageStart().then(
          (next) => {
            if (controller.signal.aborted) return;
            loaded = next.loaded;
            // UKA address removed or changed (or all local data deleted): stop and remove our UI.
            if (!isThisUka(loaded)) return controller.abort();
            pack = next.pack;
            runtime.rerun();
          },
          () => undefined,
        );
      const onStorage = (changes: Record<string, unknown>, area: string) => {
        if ((area === 'local' && (SETTINGS_KEY in changes || PACK_KEY in changes)) || isManagedChange(changes, area)) refresh();
      };
      browser.storage.onChanged.addListener(onStorage);
      controller.signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(onStorage));
    }
  },
});
