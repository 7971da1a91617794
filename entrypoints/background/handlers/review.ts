/** The monthly review of "Export till SCB": only pseudonymous keys and counts arrive here. */
import { reviewBegin, reviewState, reviewVisit } from '../../../lib/review/records';
import type { DomainHandlers, HandlerDeps } from './types';

export function reviewHandlers({ store, remindersChanged }: HandlerDeps): DomainHandlers<'review-state' | 'review-begin' | 'review-visit'> {
  return {
    'review-state': async () => reviewState(await store()),
    'review-begin': async (input) => {
      const started = await reviewBegin(await store(), input);
      // Starting a review moves the monthly-review reminder.
      await remindersChanged();
      return started;
    },
    'review-visit': async (input) => reviewVisit(await store(), input),
  };
}
