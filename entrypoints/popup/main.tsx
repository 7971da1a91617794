import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup, type PopupTabStatus } from '../../components/popup/Popup';
import { loadSettings } from '../../lib/settings';
import { sendCommand } from '../../lib/messages';

async function activeTab(): Promise<{ id: number | null; url: string | null }> {
  // ?tab=ID lets the popup describe a given tab when it is opened as a page (diagnostics and tests).
  const fromQuery = new URLSearchParams(location.search).get('tab');
  if (fromQuery) {
    const tab = await browser.tabs.get(Number(fromQuery)).catch(() => null);
    return { id: Number(fromQuery), url: tab?.url ?? null };
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return { id: tab?.id ?? null, url: tab?.url ?? null };
}

async function main(): Promise<void> {
  const { settings } = await loadSettings();
  const tab = await activeTab();
  const onUka = !!(settings.ukaOrigin && tab.url && new URL(tab.url).origin === settings.ukaOrigin);
  const status = tab.id !== null ? ((await sendCommand('get-tab-status', { tabId: tab.id }).catch(() => null)) as PopupTabStatus | null) : null;
  const recentErrors = ((await sendCommand('get-errors', {}).catch(() => [])) ?? []) as { time: number; feature: string; message: string }[];
  render(
    <Popup
      configured={!!settings.ukaOrigin}
      onUka={onUka}
      status={onUka ? status : null}
      recentErrors={recentErrors}
      onOpenOptions={() => void browser.runtime.openOptionsPage()}
    />,
    document.getElementById('app')!,
  );
}

void main();
