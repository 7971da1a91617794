/**
 * Whether a storage change concerns policy values: apart from ./managed.ts so that a content script can watch for
 * policy changes without carrying the extension API wrapper that reading the policy needs.
 */
import { IS_TEST_BUILD } from './build';
import { TEST_MANAGED_KEY } from './storage-keys';

/** True when a storage change concerns policy values (real or, in the test build, simulated). */
export function isManagedChange(changes: Record<string, unknown>, area: string): boolean {
  return area === 'managed' || (IS_TEST_BUILD && area === 'local' && TEST_MANAGED_KEY in changes);
}
