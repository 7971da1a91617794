/**
 * Enterprise policy values (storage.managed). Firefox rejects when no managed-storage manifest is installed and some
 * browsers have no managed area: both simply mean "no policy".
 *
 * Test build only: Chromium cannot fake enterprise policy for one test, so end-to-end tests write the policy values
 * to storage.local under "__testManaged"; they are read as if they came from storage.managed. The branch is removed
 * from production builds (import.meta.env.MODE is a build-time constant).
 */
import { IS_TEST_BUILD } from './build';
import { browser } from 'wxt/browser';
import { TEST_MANAGED_KEY } from './storage-keys';

/** A plain object as a record; anything else (null, arrays, values) as {}. */
export function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export async function readManagedArea(): Promise<Record<string, unknown>> {
  let managed: Record<string, unknown> = {};
  try {
    const area = browser.storage.managed;
    if (area) managed = asRecord(await area.get(null));
  } catch {
    managed = {};
  }
  if (IS_TEST_BUILD) {
    try {
      const fake = asRecord((await browser.storage.local.get(TEST_MANAGED_KEY))[TEST_MANAGED_KEY]);
      managed = { ...managed, ...fake };
    } catch {
      // keep the real policy
    }
  }
  return managed;
}

export { isManagedChange } from './managed-change';
