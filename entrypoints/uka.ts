/**
 * The main UKA script. Registered at run time by the background for exactly the configured UKA origin (the manifest
 * has no static content script and no host permission). It only wires: settings + adapter + the page-view runtime.
 * It carries no feature code: each page kind's features come in that kind's bundle (entrypoints/uka-<kind>.ts), which
 * the background injects when the adapter has recognised a page of that kind (lib/startup/kinds.ts).
 *
 * It runs at document_idle, after UKA's page is parsed; it takes over what the early script (entrypoints/uka-early.ts)
 * began while the page was parsed (when it runs alone, it has the background inject the early script first). What
 * runs when, and why:
 * lib/startup/README.md. Nothing is injected before the page is recognised, and on an unknown page nothing at all.
 * An unlisted script, not a WXT content script: WXT's content script context announces itself with an event on UKA's
 * document; this script's lifetime (lib/startup/lifetime.ts) makes no sign in the page.
 */
import { nativeBrowser } from '../lib/platform/native-api';
import { sendCommand } from '../lib/messages/client';
import { isManagedChange } from '../lib/platform/managed-change';
import { today } from '../lib/platform/clock';
import { mark } from '../lib/platform/marks';
import { PACK_KEY, PROFILE_KEY, SETTINGS_KEY } from '../lib/platform/storage-keys';
import { adoptEarlyReads } from '../lib/startup/early-reads';
import { injectEarlyStart, takeOver, type EarlyStart } from '../lib/startup/early-start';
import { afterDomReady, claimPage, isThisUka, readPageStart } from '../lib/startup/page-start';
import { startLifetime } from '../lib/startup/lifetime';
import { openShelf, shelvedReads } from '../lib/startup/kinds';
import { publishKit } from '../lib/startup/kit-publish';
import { createUkaReader } from '../lib/uka/reader';
import { compileProfiles } from '../lib/uka/compile';
import { ukaFeatures } from './uka.content/features';
import { startRuntime } from './uka.content/runtime';

export default defineUnlistedScript(async () => {
  const life = startLifetime();
  if (!claimPage(life)) return life.end();
  mark('main');
  openShelf();
  // The shared kit for the page kind's bundle and the parts injected later (lib/startup/kit.ts).
  publishKit();
  const domReady = afterDomReady();
  // Alone in a tab that was already open, the main script has the early script injected and takes its start then.
  const early = takeOver() ?? (await injectEarlyStart(() => sendCommand('load-early-start')).catch(() => null));
  if (!early) return life.end();
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
    // Settings and routine as in force: the background has applied the pack's intervals that were not set on purpose.
    let { loaded, pack, routine, profiles, partsSeen } = await readPageStart(early.pageStart);
    mark('settings-read');
    if (!isThisUka(loaded)) return slots.abandon();
    mark('settings-checked');
    await domReady;
    mark('dom-ready');
    // The profiles as the background checked them, the kommun's before the built-in ones. The reader looks at this
    // list on every page view, so a profile imported or set by policy meanwhile is used from the next page view on.
    const profileList = compileProfiles(profiles);
    const setProfiles = () => profileList.splice(0, profileList.length, ...compileProfiles(profiles));
    mark('boot');
    if (life.ended) return slots.abandon();
    const controller = new AbortController();
    life.signal.addEventListener('abort', () => controller.abort());
    const runtime = startRuntime({
      doc: document,
      // The list reads come with the bundle of the page kind that has the list (lib/uka/read-lists.ts).
      adapter: createUkaReader(profileList, shelvedReads),
      // Each page kind's features are injected by the background into this frame on the first page of that kind.
      features: ukaFeatures((kind) => sendCommand('load-page-kind', { kind })),
      getSettings: () => loaded.settings,
      getRoutine: () => routine,
      getPack: () => pack,
      today,
      firstToday,
      openMetodbok: (sectionId) => void sendCommand('open-metodbok', { sectionId }).catch(() => undefined),
      reportStatus: (status) => {
        void sendCommand('page-status', status).catch(() => undefined);
      },
      getPartsSeen: () => partsSeen,
      recordPartsSeen: (profileId, parts) => {
        partsSeen = { ...partsSeen, [profileId]: [...(partsSeen[profileId] ?? []), ...parts] };
        void sendCommand('uka-parts-seen', { profileId, parts }).catch(() => undefined);
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
          routine = next.routine;
          profiles = next.profiles;
          partsSeen = next.partsSeen;
          setProfiles();
          runtime.rerun();
        },
        () => undefined,
      );
    const onStorage = (changes: Record<string, unknown>, area: string) => {
      if ((area === 'local' && (SETTINGS_KEY in changes || PACK_KEY in changes || PROFILE_KEY in changes)) || isManagedChange(changes, area)) refresh();
    };
    const storage = nativeBrowser().storage;
    storage.onChanged.addListener(onStorage);
    controller.signal.addEventListener('abort', () => storage.onChanged.removeListener(onStorage));
  }
});
