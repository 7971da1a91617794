/**
 * Which parts of UKA's pages each markup profile has found (part names only, no page content), kept in
 * storage.local so that a part that stops being found can be told from one that never was (drift, lib/uka/parts.ts).
 */
import { browser } from 'wxt/browser';
import { PART_NAMES, type PartsSeen } from '../uka/parts';
import { PARTS_SEEN_KEY } from './storage-keys';

/** At most this many profiles are remembered (a kommun has one or two). */
const MAX_PROFILES = 20;

export async function readPartsSeen(): Promise<PartsSeen> {
  try {
    const raw = (await browser.storage.local.get(PARTS_SEEN_KEY))[PARTS_SEEN_KEY];
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
    const out: Record<string, string[]> = {};
    for (const [id, parts] of Object.entries(raw as Record<string, unknown>)) {
      if (Array.isArray(parts)) out[id] = parts.filter((x): x is string => typeof x === 'string' && (PART_NAMES as readonly string[]).includes(x));
    }
    return out;
  } catch {
    return {};
  }
}

export async function recordPartsSeen(profileId: string, parts: readonly string[]): Promise<void> {
  const seen = await readPartsSeen();
  const before = seen[profileId] ?? [];
  const merged = [...new Set([...before, ...parts])];
  if (merged.length === before.length) return;
  const next: Record<string, readonly string[]> = { ...seen, [profileId]: merged };
  const ids = Object.keys(next);
  for (const id of ids.slice(0, Math.max(0, ids.length - MAX_PROFILES))) delete next[id];
  await browser.storage.local.set({ [PARTS_SEEN_KEY]: next });
}

/** Forget what was seen (after a profile change, every part is learnt afresh). */
export async function clearPartsSeen(): Promise<void> {
  await browser.storage.local.remove(PARTS_SEEN_KEY);
}
