import '../../lib/platform/zod-setup';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Popup } from '../../components/popup/Popup';
import { RemindersList, type ReminderItem } from '../../components/reminders/RemindersList';
import { LadderSummaryLine } from '../../components/reminders/LadderSummaryLine';
import type { LadderSummary } from '../../lib/reminders/types';
import { loadSettings } from '../../lib/settings';
import { sendCommand } from '../../lib/messages/client';
import { today as clockToday } from '../../lib/platform/clock';
import type { IsoDate } from '../../lib/domain/dates';
import { requestTourRestart } from '../../components/tour/restart';
import { isOnUka } from '../../lib/platform/links';
import { reminderActions } from '../../components/reminders/actions';

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

function Reminders(props: { today: IsoDate; ukaOrigin: string }) {
  const [items, setItems] = useState<ReminderItem[] | null>(null);
  const [ics, setIcs] = useState<string | null>(null);
  const [summary, setSummary] = useState<LadderSummary | null>(null);
  const [failed, setFailed] = useState(false);
  const [birthDates, setBirthDates] = useState(false);
  const load = async (includeBirthDates = birthDates) => {
    try {
      setItems(await sendCommand('get-reminders'));
      setIcs(await sendCommand('reminders-ics', { includeBirthDates }));
      // The counts are a help, not the list: a failure here never hides the reminders.
      setSummary(await sendCommand('ladder-summary').catch(() => null));
      setFailed(false);
    } catch {
      setFailed(true);
    }
  };
  useEffect(() => {
    void load();
  }, []);
  if (failed) return <p class="error">Påminnelserna kunde inte hämtas.</p>;
  if (!items) return <p class="muted">Hämtar påminnelser …</p>;
  return (
    <>
      {summary ? <LadderSummaryLine summary={summary} /> : null}
      <RemindersList
        reminders={items}
        today={props.today}
        limit={5}
        onOpenWorklist={() => void browser.tabs.create({ url: browser.runtime.getURL('/worklist.html') })}
        icsText={ics}
        icsBirthDates={birthDates}
        onIcsBirthDates={(include) => {
          setBirthDates(include);
          setIcs(null);
          void load(include);
        }}
        onOpen={(item) => {
          if (isOnUka(item.url, props.ukaOrigin)) void browser.tabs.create({ url: item.url });
        }}
        {...reminderActions(() => load())}
      />
    </>
  );
}

async function main(): Promise<void> {
  const { settings } = await loadSettings();
  const tab = await activeTab();
  const onUka = !!(settings.ukaOrigin && tab.url && new URL(tab.url).origin === settings.ukaOrigin);
  const status = tab.id !== null ? await sendCommand('get-tab-status', { tabId: tab.id }).catch(() => null) : null;
  const recentErrors = await sendCommand('get-errors', {}).catch(() => []);
  const today = await clockToday();
  render(
    <Popup
      configured={!!settings.ukaOrigin}
      onUka={onUka}
      status={onUka ? status : null}
      recentErrors={recentErrors}
      onOpenOptions={() => void browser.runtime.openOptionsPage()}
      onOpenMetodbok={() => void browser.tabs.create({ url: browser.runtime.getURL('/metodbok.html') })}
      onOpenExtens={() => void browser.tabs.create({ url: browser.runtime.getURL('/extens.html') })}
      onRestartTour={() => void requestTourRestart()}
      onCalibrate={tab.id !== null ? () => void browser.tabs.create({ url: browser.runtime.getURL(`/calibrate.html?tab=${tab.id}`) }) : undefined}
    >
      {settings.ukaOrigin ? <Reminders today={today} ukaOrigin={settings.ukaOrigin} /> : null}
    </Popup>,
    document.getElementById('app')!,
  );
}

void main();
