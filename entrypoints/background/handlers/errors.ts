/** Feature errors: redacted before they are kept, listed newest first for the popup. */
import type { DomainHandlers, HandlerDeps } from './types';

export function errorHandlers({ store }: HandlerDeps): DomainHandlers<'report-error' | 'get-errors'> {
  return {
    'report-error': async ({ feature, message, knownNames }) => {
      await (await store()).addError(feature, message, knownNames ?? []);
    },
    'get-errors': async (payload) => (await store()).listErrors(payload?.limit),
  };
}
