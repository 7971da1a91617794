/**
 * Names of youths seen in UKA during this browser session, so that KAA-lotsen's lists can say who a step is about.
 *
 * Kept in `storage.session` only: in memory, never written to disk, readable by the extension's own pages and its
 * service worker but not by content scripts (Chrome's default access level), gone when the browser closes and cleared
 * by "Radera all lokal data". One entry per youth (`name:<pseudonymous key>`), so that concurrent writes never lose
 * one another. No personnummer is kept here: the key is the pseudonymous HMAC key of lib/store.
 */
import { browser } from 'wxt/browser';
import { SESSION_NAME_PREFIX as PREFIX, sessionNameKey } from './storage-keys';
/** Longest name kept (UKA's text is untrusted). */
export const MAX_NAME_LENGTH = 120;

/** A name as shown: whitespace collapsed, control characters dropped, cut to MAX_NAME_LENGTH; null when empty. */
export function cleanName(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const text = raw.replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/\s+/g, ' ').trim();
  if (!text) return null;
  return text.length > MAX_NAME_LENGTH ? `${text.slice(0, MAX_NAME_LENGTH - 1)}…` : text;
}

/** Remember names for this session (key → name). Entries without a usable name are skipped. */
export async function rememberNames(entries: readonly { key: string; name: unknown }[]): Promise<void> {
  const items: Record<string, string> = {};
  for (const { key, name } of entries) {
    const clean = cleanName(name);
    if (clean) items[sessionNameKey(key)] = clean;
  }
  if (Object.keys(items).length) await browser.storage.session.set(items);
}

/** Every name known this session, by pseudonymous key. */
export async function sessionNames(): Promise<Map<string, string>> {
  const all = (await browser.storage.session.get(null)) as Record<string, unknown>;
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(all)) if (k.startsWith(PREFIX) && typeof v === 'string') out.set(k.slice(PREFIX.length), v);
  return out;
}

/** Forget every name (the rest of storage.session is left alone). */
export async function forgetNames(): Promise<void> {
  const keys = Object.keys((await browser.storage.session.get(null)) as Record<string, unknown>).filter((k) => k.startsWith(PREFIX));
  if (keys.length) await browser.storage.session.remove(keys);
}
