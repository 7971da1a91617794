/**
 * The background's command → handler map: the store/settings handlers from lib/messages plus the ones that need the
 * background's own modules (tab status, metodbok page, reminders, content-script registration).
 */
import { browser } from 'wxt/browser';
import { createCoreHandlers, type Handlers } from '../../lib/messages';
import { getStore } from '../../lib/store';
import { syncContentScripts } from './registration';
import { getTabStatus, setTabStatus } from './tab-status';
import { createReviewHandlers } from './handlers-review';
import { openMetodbok, restartTour } from './handlers-content';
import { recordListedPersons, reminderViews, remindersIcs, scheduleReminders } from './reminders';

/** The review-mode handlers; starting a review moves the monthly-review reminder, so the schedule is rebuilt. */
function reviewHandlersThatReschedule() {
  const review = createReviewHandlers(getStore);
  return {
    ...review,
    'review-begin': async (payload: Parameters<typeof review['review-begin']>[0]) => {
      const result = await review['review-begin'](payload);
      await scheduleReminders().catch(() => undefined);
      return result;
    },
  };
}

export function createHandlers(): Partial<Handlers> {
  const core = createCoreHandlers({
    afterDeleteAll: async () => {
      await browser.storage.session.clear();
      await browser.storage.local.remove(['remindersLastFired', 'tourProgress']);
      await browser.notifications.getAll().then((all) => Promise.all(Object.keys(all).map((id) => browser.notifications.clear(id)))).catch(() => undefined);
      await syncContentScripts().catch(() => undefined);
      await scheduleReminders().catch(() => undefined);
    },
    afterReminderChange: () => scheduleReminders().catch(() => undefined),
  });
  return {
    ...core,
    ...(reviewHandlersThatReschedule() as Partial<Handlers>),
    'page-status': async (status, sender) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return;
      await setTabStatus(tabId, status);
    },
    'get-tab-status': async (payload) => {
      let tabId = payload?.tabId;
      if (tabId === undefined) {
        const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
        tabId = tab?.id;
      }
      return tabId === undefined ? null : getTabStatus(tabId);
    },
    'open-metodbok': async ({ sectionId }, sender) => {
      await openMetodbok({ sectionId }, sender);
    },
    'tour-restart': async () => restartTour(),
    'persons-listed': async ({ persons }) => recordListedPersons(persons),
    'get-reminders': async () => reminderViews(),
    'reminders-ics': async () => remindersIcs(),
  } as Partial<Handlers>;
}
