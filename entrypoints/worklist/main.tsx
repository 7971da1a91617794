import '../../lib/platform/zod-setup';
/**
 * The worklist page ("Att göra", opened from the popup): the week's steps for my youths, and the home-visit list for a
 * visit day with its print view. Data comes from the background; the visit list's free text (coaches, note, times)
 * lives in storage.session for this browser session only.
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { WorkList, WORKLIST_CSS } from '../../components/worklist/WorkList';
import { DEFAULT_TEAM_NOTE, VisitList, VISITLIST_CSS, type VisitSession } from '../../components/worklist/VisitList';
import { sendCommand } from '../../lib/messages/client';
import { reminderActions } from '../../components/reminders/actions';
import type { VisitListData, WorklistData } from '../../lib/messages/commands';
import type { IsoDate } from '../../lib/domain/dates';
// storage.session: the visit list's free text for this browser session (coach names are kept nowhere else).
import { VISIT_SESSION_KEY } from '../../lib/platform/storage-keys';
import { count } from '../../lib/domain/swedish';


async function readVisitSession(): Promise<VisitSession> {
  const got = (await browser.storage.session.get(VISIT_SESSION_KEY))[VISIT_SESSION_KEY] as Partial<VisitSession> | undefined;
  const coaches = Array.isArray(got?.coaches) ? got.coaches : [];
  return {
    coaches: [String(coaches[0] ?? ''), String(coaches[1] ?? '')],
    note: typeof got?.note === 'string' ? got.note : DEFAULT_TEAM_NOTE,
    times: got?.times && typeof got.times === 'object' ? (got.times as Record<string, string>) : {},
  };
}

type View = 'worklist' | 'visits';
const viewOf = (hash: string): View => (hash === '#hembesok' ? 'visits' : 'worklist');

function App(props: { initialSession: VisitSession }) {
  const [view, setView] = useState<View>(viewOf(location.hash));
  const [data, setData] = useState<WorklistData | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [visitDay, setVisitDay] = useState<IsoDate | null>(null);
  const [visits, setVisits] = useState<VisitListData | null>(null);
  const [session, setSession] = useState<VisitSession>(props.initialSession);

  const load = async () => {
    try {
      const next = await sendCommand('worklist-get', {});
      setData(next);
      setFailed(null);
      setVisitDay((current) => current ?? ((next.visitDays[0] as IsoDate | undefined) ?? null));
    } catch (error) {
      setFailed(error instanceof Error ? error.message : 'okänt fel');
    }
  };
  const loadVisits = async (day: IsoDate | null) => {
    if (!day) return setVisits(null);
    setVisits(null);
    try {
      setVisits(await sendCommand('visit-list', { visitDay: day }));
    } catch (error) {
      setFailed(error instanceof Error ? error.message : 'okänt fel');
    }
  };

  useEffect(() => {
    void load();
    const onHash = () => setView(viewOf(location.hash));
    // Back from UKA: names and steps seen there meanwhile show at once.
    const onVisible = () => {
      if (document.visibilityState === 'visible') void load();
    };
    window.addEventListener('hashchange', onHash);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.removeEventListener('hashchange', onHash);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, []);
  useEffect(() => {
    void loadVisits(visitDay);
  }, [visitDay, data]);
  useEffect(() => {
    document.title = view === 'visits' ? 'Hembesökslista – KAA-lotsen' : 'Att göra – KAA-lotsen';
  }, [view]);

  const open = (url: string | null) => {
    if (url) void browser.tabs.create({ url });
  };
  const saveDays = async (days: string[]) => {
    await sendCommand('visit-days-set', { days });
    await load();
  };

  return (
    <main class="options wl-page">
      <h1 class="screen-only">Att göra</h1>
      <nav class="wl-page-nav" aria-label="Vyer">
        <a href="#att-gora" aria-current={view === 'worklist' ? 'page' : undefined} data-testid="view-worklist">
          Att göra
        </a>
        {' · '}
        <a href="#hembesok" aria-current={view === 'visits' ? 'page' : undefined} data-testid="view-visits">
          Hembesökslista
        </a>
      </nav>
      <p class="muted page-intro" data-testid="names-note">
        Listorna gäller ungdomar som du har sett på Mina deltagare eller vars sidor du har öppnat i UKA. Namnen visas för dem du har sett i UKA sedan
        webbläsaren startades; de sparas aldrig på datorn.
        {data ? ` Namn finns nu för ${data.named} av ${count(data.persons, 'ungdom')}.` : ''}
      </p>
      {failed && (
        <p role="alert" class="error">
          Listan kunde inte hämtas: {failed}
        </p>
      )}
      {!data ? (
        !failed && <p class="muted">Hämtar …</p>
      ) : view === 'worklist' ? (
        <>
          <style>{WORKLIST_CSS}</style>
          <WorkList
            items={data.items}
            today={data.today as IsoDate}
            onOpen={(item) => open(item.url)}
            {...reminderActions(() => load())}
          />
        </>
      ) : (
        <>
          <style>{VISITLIST_CSS}</style>
          <VisitList
            today={data.today as IsoDate}
            visitDays={data.visitDays as IsoDate[]}
            visitDay={visitDay}
            rows={visits && visits.visitDay === visitDay ? visits.rows : null}
            letterDaysBeforeVisit={data.letterDaysBeforeVisit}
            unread={visits?.unread ?? 0}
            session={session}
            onChooseDay={setVisitDay}
            onSaveDay={(day) => void saveDays([...data.visitDays, day])}
            onRemoveDay={(day) => void saveDays(data.visitDays.filter((d) => d !== day))}
            onSession={(next) => {
              setSession(next);
              void browser.storage.session.set({ [VISIT_SESSION_KEY]: next });
            }}
            onOpen={(row) => open(row.url)}
            onPrint={() => window.print()}
          />
        </>
      )}
    </main>
  );
}

async function main(): Promise<void> {
  const container = document.getElementById('app')!;
  const initialSession = await readVisitSession();
  container.textContent = ''; // the "loading" line
  render(<App initialSession={initialSession} />, container);
}

void main();
