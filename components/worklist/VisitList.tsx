/**
 * The home-visit list for one visit day: the youths the contact ladder puts on it, with the planned date, whether the
 * visit letter went out and the last day it can go out. The two coaches, the team's note and the planned times are
 * free text for this browser session only. Printing shows one large table without personnummer, links or colours:
 * name, age, planned time, and empty columns for the address and notes, to fill in by hand. Printing stores nothing.
 */
import type { IsoDate } from '../../lib/domain/dates';
import type { VisitPlan, VisitRow } from '../../lib/worklist/types';
import { Who } from './WorkList';
import { OpenLink } from '../ui/OpenLink';
import { count } from '../../lib/domain/swedish';

export interface VisitSession {
  coaches: [string, string];
  note: string;
  /** Planned time per youth (pseudonymous key → free text such as "10.30"). */
  times: Record<string, string>;
}

export const DEFAULT_TEAM_NOTE = 'Ta med: den här listan, broschyren om aktivitetsansvaret, visitkort och samtyckesblanketter. Följ arbetsplatsens rutin för hot och våld.';

export interface VisitListProps {
  today: IsoDate;
  /** The team's coming visit days (content pack and saved days). */
  visitDays: IsoDate[];
  visitDay: IsoDate | null;
  rows: VisitRow[] | null;
  letterDaysBeforeVisit: number;
  /** Youths known only from "Mina deltagare": the ladder cannot place them until their page is opened. */
  unread: number;
  session: VisitSession;
  onChooseDay(day: IsoDate | null): void;
  onSaveDay(day: IsoDate): void;
  onRemoveDay(day: IsoDate): void;
  onSession(next: VisitSession): void;
  onOpen(row: VisitRow): void;
  onPrint(): void;
}

export const PLAN_LABEL: Record<VisitPlan, string> = {
  planned: 'Planerat',
  missed: 'Besöksdagen passerade',
  letterSent: 'Brev om besöket skickat, dag ej noterad',
  toPlan: 'Ska planeras',
};

function letterText(row: VisitRow, today: IsoDate): string {
  if (row.letterSent) return `Skickat ${row.letterSent}`;
  const to = row.letterTo === 'vardnadshavare' ? 'brev till vårdnadshavarna' : 'vykort till ungdomen';
  return row.letterLatest < today ? `Inte skickat (${to}); sista dag var ${row.letterLatest}` : `Inte skickat (${to}); senast ${row.letterLatest}`;
}

export function VisitList(props: VisitListProps) {
  const { session, rows, visitDay } = props;
  const setCoach = (i: 0 | 1, value: string) => {
    const coaches: [string, string] = [...session.coaches];
    coaches[i] = value;
    props.onSession({ ...session, coaches });
  };
  const isTeamDay = visitDay !== null && props.visitDays.includes(visitDay);
  const coaches = session.coaches.map((c) => c.trim()).filter(Boolean);
  return (
    <section aria-labelledby="vl-heading" data-testid="visit-list">
      <div class="screen-only">
        <h2 id="vl-heading">Hembesökslista</h2>
        <p class="muted">
          Ungdomar som ska få hembesök på besöksdagen: de vars brev eller vykort inte har gett svar, och de som redan är planerade till dagen. Brevet om
          besöket ska gå ut minst {count(props.letterDaysBeforeVisit, 'dag')} före.
        </p>
        <fieldset>
          <legend>Besöksdag</legend>
          <div class="field">
            <label for="vl-team-day">Teamets besöksdagar</label>
            <select
              id="vl-team-day"
              data-testid="visit-day-select"
              value={isTeamDay ? (visitDay ?? '') : ''}
              onChange={(e) => props.onChooseDay(((e.currentTarget as HTMLSelectElement).value || null) as IsoDate | null)}
            >
              <option value="">{props.visitDays.length ? 'Välj en besöksdag' : 'Inga besöksdagar sparade'}</option>
              {props.visitDays.map((d) => (
                <option key={d} value={d}>
                  {d}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="vl-date">Eller välj ett datum</label>
            <input
              id="vl-date"
              type="date"
              data-testid="visit-day-input"
              min={props.today}
              value={visitDay ?? ''}
              onChange={(e) => props.onChooseDay(((e.currentTarget as HTMLInputElement).value || null) as IsoDate | null)}
            />
          </div>
          {visitDay && !isTeamDay && (
            <button type="button" class="secondary" data-testid="visit-day-save" onClick={() => props.onSaveDay(visitDay)}>
              Spara {visitDay} som teamets besöksdag
            </button>
          )}
          {visitDay && isTeamDay && (
            <button type="button" class="secondary" onClick={() => props.onRemoveDay(visitDay)}>
              Ta bort {visitDay} ur teamets besöksdagar
            </button>
          )}
        </fieldset>
        <fieldset>
          <legend>Inför besöken (sparas bara tills webbläsaren stängs)</legend>
          <div class="field">
            <label for="vl-coach1">Coach 1</label>
            <input id="vl-coach1" type="text" autocomplete="off" value={session.coaches[0]} onInput={(e) => setCoach(0, (e.currentTarget as HTMLInputElement).value)} />
          </div>
          <div class="field">
            <label for="vl-coach2">Coach 2</label>
            <input id="vl-coach2" type="text" autocomplete="off" value={session.coaches[1]} onInput={(e) => setCoach(1, (e.currentTarget as HTMLInputElement).value)} />
          </div>
          <div class="field">
            <label for="vl-note">Teamets anteckning överst på listan</label>
            <textarea id="vl-note" rows={2} value={session.note} onInput={(e) => props.onSession({ ...session, note: (e.currentTarget as HTMLTextAreaElement).value })} />
          </div>
        </fieldset>
        {!visitDay ? (
          <p data-testid="visit-list-empty">Välj en besöksdag för att se listan.</p>
        ) : rows === null ? (
          <p class="muted">Hämtar listan …</p>
        ) : (
          <>
            <table class="vl-table" data-testid="visit-table">
              <caption>
                Hembesök {visitDay}: {count(rows.length, 'ungdom')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Ungdom</th>
                  <th scope="col">Ålder</th>
                  <th scope="col">Planering</th>
                  <th scope="col">Brev om besöket</th>
                  <th scope="col">Tid</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.personKey} data-testid="visit-row" data-person={row.personKey} data-plan={row.plan}>
                    <td>
                      <Who name={row.name} url={row.url} onOpen={() => props.onOpen(row)} />
                      {row.name && row.url && (
                        <>
                          {' '}
                          <OpenLink href={row.url} onOpen={() => props.onOpen(row)}>
                            UKA<span class="sr-only">: {row.name}</span>
                          </OpenLink>
                        </>
                      )}
                    </td>
                    <td>{row.age} år</td>
                    <td>
                      {PLAN_LABEL[row.plan]}
                      {row.plannedDate ? ` ${row.plannedDate}` : ''}
                    </td>
                    <td>{letterText(row, props.today)}</td>
                    <td>
                      <label class="sr-only" for={`vl-time-${row.personKey}`}>
                        Planerad tid för {row.name ?? 'ungdomen'}
                      </label>
                      <input
                        id={`vl-time-${row.personKey}`}
                        class="vl-time"
                        type="text"
                        inputMode="numeric"
                        placeholder="t.ex. 10.30"
                        value={session.times[row.personKey] ?? ''}
                        onInput={(e) => props.onSession({ ...session, times: { ...session.times, [row.personKey]: (e.currentTarget as HTMLInputElement).value } })}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {rows.length === 0 && <p data-testid="visit-list-none">Ingen ungdom ska ha hembesök den dagen enligt kontakttrappan.</p>}
            {props.unread > 0 && (
              <p class="muted" data-testid="visit-list-unread">
                {count(props.unread, 'ungdom')} från Mina deltagare finns inte med i bedömningen förrän deras sida har öppnats i UKA.
              </p>
            )}
            {rows.some((r) => !r.name) && (
              <p class="muted">Namn som saknas visas när ungdomens sida eller Mina deltagare har öppnats i UKA under den här sessionen.</p>
            )}
            <button type="button" data-testid="visit-print" onClick={props.onPrint}>
              Skriv ut besökslistan
            </button>
            <p class="muted">Utskriften visar namn, ålder och tid, och tomma kolumner för adress och anteckningar. Den innehåller inga personnummer, och inget sparas.</p>
          </>
        )}
      </div>
      {visitDay && rows && (
        <div class="print-only" data-testid="visit-print-view">
          <h1>Hembesök {visitDay}</h1>
          {coaches.length > 0 && <p class="vp-coaches">Coacher: {coaches.join(' och ')}</p>}
          {session.note.trim() && <p class="vp-note">{session.note.trim()}</p>}
          <table class="vp-table">
            <thead>
              <tr>
                <th scope="col">Namn</th>
                <th scope="col">Ålder</th>
                <th scope="col">Tid</th>
                <th scope="col">Adress</th>
                <th scope="col">Anteckningar</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.personKey}>
                  <td>{row.name ?? 'Namnet saknas: öppna ungdomens sida i UKA'}</td>
                  <td>{row.age} år</td>
                  <td>{(session.times[row.personKey] ?? '').trim()}</td>
                  <td />
                  <td />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export const VISITLIST_CSS = `
.vl-table { border-collapse: collapse; width: 100%; margin: 8px 0; }
.vl-table caption { text-align: left; font-weight: 700; margin-bottom: 4px; }
.vl-table th, .vl-table td { border: 1px solid #9ca3af; padding: 4px 6px; text-align: left; vertical-align: top; }
.vl-time { width: 7em; }
textarea { font: inherit; width: 100%; box-sizing: border-box; border: 1px solid #6b7280; border-radius: 4px; padding: 4px 6px; }
.print-only { display: none; }
@media print {
  @page { size: A4 landscape; margin: 12mm; }
  body { font-size: 16pt; color: #000; background: #fff; }
  .wl-page { max-width: none; padding: 0; }
  .screen-only, .wl-page-nav, [data-testid="worklist"], .page-intro { display: none !important; }
  .print-only { display: block; }
  .print-only h1 { font-size: 24pt; color: #000; margin: 0 0 6pt; }
  .vp-coaches, .vp-note { font-size: 16pt; margin: 0 0 6pt; }
  .vp-table { border-collapse: collapse; width: 100%; font-size: 16pt; }
  .vp-table th, .vp-table td { border: 1.5pt solid #000; padding: 8pt; text-align: left; vertical-align: top; }
  .vp-table tbody td { height: 2.4em; }
  .vp-table th:nth-child(1) { width: 28%; }
  .vp-table th:nth-child(2) { width: 9%; }
  .vp-table th:nth-child(3) { width: 9%; }
  .vp-table th:nth-child(4), .vp-table th:nth-child(5) { width: 27%; }
}
`;
