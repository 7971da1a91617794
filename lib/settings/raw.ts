/**
 * The stored settings as they are, before any checking (no zod here); ./index.ts checks them (settingsFrom). The key
 * is imported alone by the UKA content script, which watches it for changes.
 */
import { browser } from 'wxt/browser';
import { asRecord } from '../platform/managed';
import { SETTINGS_KEY } from '../platform/storage-keys';

/** The locally stored settings object (unchecked; {} when absent or unreadable). */
export async function readStoredSettings(): Promise<Record<string, unknown>> {
  try {
    const got = await browser.storage.local.get(SETTINGS_KEY);
    return asRecord(got[SETTINGS_KEY]);
  } catch {
    return {};
  }
}
