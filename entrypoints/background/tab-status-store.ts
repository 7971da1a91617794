/**
 * What the content script last reported for each tab (page kind, feature states, unknown warning headings).
 * Kept in storage.session so that it survives the MV3 service worker being stopped, and dropped with the tab.
 * Holds no personal data: page paths are UKA's internal ids, headings are UKA's own texts.
 */
import { browser } from 'wxt/browser';
import type { PageStatus, TabStatus } from '../../lib/messages/commands';
import { tabStatusKey as key } from '../../lib/platform/storage-keys';

export async function setTabStatus(tabId: number, status: PageStatus): Promise<void> {
  const stored: TabStatus = { ...status, time: Date.now() };
  await browser.storage.session.set({ [key(tabId)]: stored });
}

export async function getTabStatus(tabId: number): Promise<TabStatus | null> {
  const got = await browser.storage.session.get(key(tabId));
  return (got[key(tabId)] as TabStatus | undefined) ?? null;
}

export function watchTabs(): void {
  browser.tabs.onRemoved.addListener((tabId) => {
    void browser.storage.session.remove(key(tabId));
  });
}
