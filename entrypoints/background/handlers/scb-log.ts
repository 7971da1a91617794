/** The local export log of SCB files saved from UKA (counts and hash, no personal data), and the upload check's lookup. */
import { browser } from 'wxt/browser';
import { IS_TEST_BUILD } from '../../../lib/platform/build';
import { TEST_FAIL_EXPORT_LOG_KEY } from '../../../lib/platform/storage-keys';
import type { DomainHandlers, HandlerDeps } from './types';

/** Test builds only: a log write that fails on request (TEST_FAIL_EXPORT_LOG_KEY), as a full disk or a broken database would. */
async function testLogFailure(): Promise<void> {
  if (!IS_TEST_BUILD) return;
  if ((await browser.storage.local.get(TEST_FAIL_EXPORT_LOG_KEY))[TEST_FAIL_EXPORT_LOG_KEY] === true) throw new Error('skrivningen misslyckades (testläge)');
}

export function scbLogHandlers({ store, remindersChanged }: HandlerDeps): DomainHandlers<'log-export' | 'find-export'> {
  return {
    'log-export': async (entry) => {
      await testLogFailure();
      const logged = await (await store()).logExport(entry);
      // A saved file closes its half-year's deadline reminders.
      await remindersChanged();
      return logged;
    },
    'find-export': async ({ sha256 }) => (await store()).findExport(sha256),
  };
}
