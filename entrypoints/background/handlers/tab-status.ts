/** What the content script last reported for each tab, for the popup. */
import { browser } from 'wxt/browser';
import { getTabStatus, setTabStatus } from '../tab-status-store';
import type { DomainHandlers } from './types';

export function tabStatusHandlers(): DomainHandlers<'page-status' | 'get-tab-status'> {
  return {
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
  };
}
