/**
 * The pages of KAA-lotsen and what UKA's page starts from: the settings, the active metodbok pack, the UKA markup
 * profiles and the parts of UKA's pages found before (drift), the options page, the Metodbok page at a section, and
 * the onboarding tour.
 */
import { browser } from 'wxt/browser';
import { SLUG_RE } from '../../../lib/content/markdown';
import { loadSettings, settingsFrom } from '../../../lib/settings';
import { readStoredSettings } from '../../../lib/settings/raw';
import { readManagedArea } from '../../../lib/platform/managed';
import { activePackFrom } from '../../../lib/platform/pack';
import { applyPackDefaults } from '../../../lib/platform/routine';
import { POLICY_PACK_KEY, POLICY_PROFILE_KEY } from '../../../lib/platform/storage-keys';
import { readImportedPack } from '../../../lib/platform/pack-raw';
import { activeProfilesFrom, profilesInOrder } from '../../../lib/platform/uka-profile';
import { readImportedProfile } from '../../../lib/platform/profile-raw';
import { readPartsSeen, recordPartsSeen } from '../../../lib/platform/parts-seen';
import { requestTourRestart } from '../../../components/tour/restart';
import type { MessageSender } from '../../../lib/messages/dispatch';
import type { DomainHandlers } from './types';
import { bundleFor } from '../../../lib/startup/kinds';

/** The Metodbok page's path with an optional section ("/metodbok.html#hembesok"). Invalid ids are dropped. */
export function metodbokPath(sectionId?: string | null): string {
  return sectionId && SLUG_RE.test(sectionId) && sectionId.length <= 80 ? `/metodbok.html#${sectionId}` : '/metodbok.html';
}

/** Open the Metodbok page at a section in a new tab next to the UKA tab that asked. */
async function openMetodbok(sectionId: string, sender: MessageSender): Promise<void> {
  const url = browser.runtime.getURL(metodbokPath(sectionId) as '/metodbok.html');
  const tab = sender.tab;
  await browser.tabs.create({
    url,
    active: true,
    ...(tab?.id !== undefined ? { openerTabId: tab.id } : {}),
    ...(tab?.index !== undefined ? { index: tab.index + 1 } : {}),
    ...(tab?.windowId !== undefined ? { windowId: tab.windowId } : {}),
  });
}

/**
 * Inject a UKA page kind's bundle into the frame (and, where the browser names it, the very document) that asked, in
 * the extension's isolated world: never into another frame or a page of another origin (the sender is checked as the
 * UKA main script before this runs), and never as a web-accessible resource.
 */
export async function injectPageKind(kind: string, sender: MessageSender): Promise<void> {
  const file = bundleFor(kind);
  if (!file) throw new Error('ingen sidtyp att läsa in koden för');
  await injectIntoSender(file, sender);
}

/** The UKA page's early script (entrypoints/uka-early.ts), for a main script that runs without it. */
export const UKA_EARLY_FILE = 'uka-early.js';

/** Inject one of the extension's own script files into the sender's frame and document, in the isolated world. */
export async function injectIntoSender(file: string, sender: MessageSender): Promise<void> {
  const tabId = sender.tab?.id;
  if (tabId === undefined) throw new Error('ingen flik att läsa in koden i');
  const target = sender.documentId ? { tabId, documentIds: [sender.documentId] } : { tabId, frameIds: [sender.frameId ?? 0] };
  await browser.scripting.executeScript({ target, files: [file] } as Parameters<typeof browser.scripting.executeScript>[0]);
}

export interface PageDeps {
  /** Open the options page (default: browser.runtime.openOptionsPage). */
  openOptionsPage?(): Promise<void>;
}

export function pageHandlers(deps: PageDeps = {}): DomainHandlers<'get-settings' | 'page-start' | 'load-page-kind' | 'load-early-start' | 'uka-parts-seen' | 'open-options' | 'open-metodbok' | 'tour-restart'> {
  return {
    'get-settings': () => loadSettings(),
    'page-start': async () => {
      // Each store read once: the policy (managed area) holds both the locked settings and the policy's pack.
      const [local, managed, imported, importedProfile, partsSeen] = await Promise.all([readStoredSettings(), readManagedArea(), readImportedPack(), readImportedProfile(), readPartsSeen()]);
      const active = activePackFrom(managed[POLICY_PACK_KEY], imported);
      // Every markup profile, the kommun's first, checked here (zod): UKA's page only compiles their patterns and
      // carries no copy of the built-in documents.
      const profiles = profilesInOrder(activeProfilesFrom(managed[POLICY_PROFILE_KEY], importedProfile));
      // The pack is sent even when it is the built-in one: UKA's page then carries no copy of the built-in texts. The
      // settings and the routine come as in force (the pack's defaults applied), so UKA's page carries no routine table.
      const { loaded, routine } = applyPackDefaults(settingsFrom(local, managed), active.pack);
      return { loaded, routine, pack: active.pack, profiles, partsSeen };
    },
    'load-page-kind': ({ kind }, sender) => injectPageKind(kind, sender),
    'load-early-start': (_payload, sender) => injectIntoSender(UKA_EARLY_FILE, sender),
    'uka-parts-seen': ({ profileId, parts }) => recordPartsSeen(profileId, parts),
    'open-options': async () => {
      await (deps.openOptionsPage ?? (() => browser.runtime.openOptionsPage()))();
    },
    'open-metodbok': ({ sectionId }, sender) => openMetodbok(sectionId, sender),
    'tour-restart': () => requestTourRestart(),
  };
}
