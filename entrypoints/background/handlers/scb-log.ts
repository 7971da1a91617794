/** The local export log of SCB files saved from UKA (counts and hash, no personal data), and the upload check's lookup. */
import type { DomainHandlers, HandlerDeps } from './types';

export function scbLogHandlers({ store, remindersChanged }: HandlerDeps): DomainHandlers<'log-export' | 'find-export'> {
  return {
    'log-export': async (entry) => {
      const logged = await (await store()).logExport(entry);
      // A saved file closes its half-year's deadline reminders.
      await remindersChanged();
      return logged;
    },
    'find-export': async ({ sha256 }) => (await store()).findExport(sha256),
  };
}
