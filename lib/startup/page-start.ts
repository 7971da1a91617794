/**
 * The main UKA script's own start (entrypoints/uka.ts, at document_idle): run once per page, read the
 * checked settings and the active pack from the background, check that this page's origin is the configured UKA, and
 * wait for the task after DOMContentLoaded. See ./README.md.
 */
import type { Pack } from '../content/schema';
import type { PageStart } from '../messages/commands';
import { sendCommand } from '../messages/client';
import type { LoadedSettings } from '../settings';
import { nextTask } from './next-task';
import { claimFor, type Lifetime } from './lifetime';

/** Held while a main script runs in this page (the script can arrive twice: registered script + injection). */
const MAIN_RAN_KEY = '__kaaLotsenUka';

/**
 * Claim the page for this copy of the main script: false when a living copy already runs here. A copy left by an
 * extension that was reloaded or updated is stopped and the page claimed anew (./lifetime.ts).
 */
export function claimPage(lifetime: Lifetime, win: object = globalThis): boolean {
  return claimFor(MAIN_RAN_KEY, lifetime, win);
}

/** The settings name this page's origin as the UKA to help with. */
export function isThisUka(loaded: LoadedSettings, origin: string = location.origin): boolean {
  const configured = loaded.settings.ukaOrigin;
  return Boolean(configured) && new URL(configured!).origin === origin;
}

/** A second ask for the page start waits this long (the background may be starting or updating). */
const RETRY_PAGE_START_MS = 500;

/**
 * The settings and the routine as in force, the active metodbok pack and the UKA markup profiles (with the parts of UKA's pages found
 * before, for drift). The background checks them (it holds the zod schemas), so UKA's page builds and runs no schema,
 * and it sends the built-in pack and profiles too, so UKA's page carries no copy of them.
 * Without an answer it is asked once more; then the page view does not start and nothing is injected.
 */
export async function readPageStart(
  asked?: Promise<PageStart>,
): Promise<{ loaded: LoadedSettings; pack: Pack; routine: NonNullable<PageStart['routine']>; profiles: NonNullable<PageStart['profiles']>; partsSeen: NonNullable<PageStart['partsSeen']> }> {
  const ask = () => sendCommand('page-start');
  const answer = await (asked ?? ask()).catch(() => new Promise<void>((resolve) => setTimeout(resolve, RETRY_PAGE_START_MS)).then(ask));
  // The background always sends the active pack (the built-in one included): this script carries none of its own.
  if (!answer?.loaded || !answer.pack) throw new Error('page-start utan inställningar eller metodbok');
  return { loaded: answer.loaded, pack: answer.pack, routine: answer.routine ?? {}, profiles: answer.profiles ?? [], partsSeen: answer.partsSeen ?? {} };
}

/** Resolves in a task of its own after DOMContentLoaded (not in the task that compiled the script). */
export function afterDomReady(doc: Document = document): Promise<void> {
  return new Promise<void>((resolve) => {
    const next = () => void nextTask().then(resolve);
    if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', next, { once: true });
    else next();
  });
}
