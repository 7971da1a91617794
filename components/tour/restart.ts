/**
 * Restart the onboarding tour (called from the popup, or from the background's 'tour-restart' handler): forget the
 * progress and bump "tourRestart"; a UKA tab showing a page with tour steps starts the tour at once, and every
 * page kind's tour starts again the next time it is opened.
 */
import { browser } from 'wxt/browser';
import { TOUR_PROGRESS_KEY, TOUR_RESTART_KEY } from '../../lib/platform/storage-keys';
import { EMPTY_PROGRESS } from './progress';

export async function requestTourRestart(now: number = Date.now()): Promise<void> {
  await browser.storage.local.set({ [TOUR_PROGRESS_KEY]: EMPTY_PROGRESS, [TOUR_RESTART_KEY]: now });
}
