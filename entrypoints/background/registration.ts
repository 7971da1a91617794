/**
 * Content scripts are registered at run time for exactly the origins the user configured and granted. The manifest
 * holds no static content script and no host permission, so KAA-lotsen sees nothing until it is set up. When the
 * configured origins change, the scripts are re-registered for the new origins only and the old origins' host
 * permissions are removed.
 */
import { browser } from 'wxt/browser';
import { loadSettings, originPattern } from '../../lib/settings';

/** UKA's pages get two scripts: a small one while the page is parsed, the main one after (lib/startup/README.md). */
export const UKA_EARLY_SCRIPT_ID = 'kaa-uka-early';
export const UKA_SCRIPT_ID = 'kaa-uka';
export const SCB_SCRIPT_ID = 'kaa-scb';
const OUR_IDS = [UKA_EARLY_SCRIPT_ID, UKA_SCRIPT_ID, SCB_SCRIPT_ID];

interface Wanted {
  id: string;
  matches: string[];
  js: string[];
  runAt: 'document_start' | 'document_end' | 'document_idle';
}

async function granted(pattern: string): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [pattern] });
  } catch {
    return false;
  }
}

/**
 * Give back the host permissions of origins no longer configured (the address changed, or "Radera all lokal data"
 * cleared it). Permissions the manifest requires (the loopback origins of test builds) cannot be removed; they are
 * skipped.
 */
export async function pruneHostPermissions(configured: readonly string[]): Promise<string[]> {
  const keep = new Set(configured);
  const held = (await browser.permissions.getAll()).origins ?? [];
  const removed: string[] = [];
  for (const origin of held) {
    if (keep.has(origin)) continue;
    if (await browser.permissions.remove({ origins: [origin] }).catch(() => false)) removed.push(origin);
  }
  return removed;
}

export interface SyncOptions {
  /** Also remove the host permissions of origins no longer configured (after a settings change or deleting data). */
  prune?: boolean;
}

export async function syncContentScripts(options: SyncOptions = {}): Promise<string[]> {
  const { settings } = await loadSettings();
  if (options.prune) {
    const configured = [settings.ukaOrigin, settings.scbOrigin].filter((o): o is string => !!o).map(originPattern);
    await pruneHostPermissions(configured).catch(() => []);
  }
  const wanted: Wanted[] = [];
  if (settings.ukaOrigin) {
    const pattern = originPattern(settings.ukaOrigin);
    if (await granted(pattern)) {
      wanted.push({ id: UKA_EARLY_SCRIPT_ID, matches: [pattern], js: ['uka-early.js'], runAt: 'document_start' });
      wanted.push({ id: UKA_SCRIPT_ID, matches: [pattern], js: ['uka.js'], runAt: 'document_idle' });
    }
  }
  if (settings.scbOrigin && settings.features['upload-check'] !== false) {
    const pattern = originPattern(settings.scbOrigin);
    if (await granted(pattern)) wanted.push({ id: SCB_SCRIPT_ID, matches: [pattern], js: ['scb.js'], runAt: 'document_idle' });
  }
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: OUR_IDS });
  const stale = existing.filter((e) => {
    const w = wanted.find((x) => x.id === e.id);
    return !w || JSON.stringify(w.matches) !== JSON.stringify(e.matches ?? []) || JSON.stringify(w.js) !== JSON.stringify(e.js ?? []) || (e.runAt ?? 'document_idle') !== w.runAt;
  });
  if (stale.length) await browser.scripting.unregisterContentScripts({ ids: stale.map((s) => s.id) });
  const have = new Set(existing.filter((e) => !stale.includes(e)).map((e) => e.id));
  const toRegister = wanted.filter((w) => !have.has(w.id));
  if (toRegister.length) {
    await browser.scripting.registerContentScripts(
      toRegister.map((w) => ({ id: w.id, matches: w.matches, js: w.js as never[], runAt: w.runAt, persistAcrossSessions: true })),
    );
    // Tabs already open on the origin get the scripts now, without a reload (in order: the early one first).
    for (const w of toRegister) {
      const tabs = await browser.tabs.query({ url: w.matches });
      for (const tab of tabs) {
        if (tab.id === undefined) continue;
        await browser.scripting.executeScript({ target: { tabId: tab.id }, files: w.js as never[] }).catch(() => undefined);
      }
    }
  }
  return wanted.map((w) => w.id);
}
