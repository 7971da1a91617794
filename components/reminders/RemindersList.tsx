/**
 * The reminders in the popup: what is overdue or due first (overdue before due), then what is coming soon. Each entry
 * opens the UKA page it is about; it can be snoozed for a week or marked done. The calendar export is a plain
 * download link to an .ics file made from the same reminders (UKA links and dates only, no names or personnummer).
 */
import { useEffect, useState } from 'preact/hooks';
import { addDays, compareCodePoints, diffDays, type IsoDate } from '../../lib/domain/dates';
import { OpenLink } from '../ui/OpenLink';
import { trusted } from '../ui/trusted';
import { count, relativeDays } from '../../lib/domain/swedish';

export interface ReminderItem {
  id: string;
  kind: string;
  state: 'overdue' | 'due' | 'upcoming';
  dueDate: string;
  title: string;
  detail: string;
  url: string | null;
  personKey?: string;
  /** The youth's name when seen in UKA this browser session. */
  name?: string;
}

export const REMINDER_STATE_LABEL: Record<ReminderItem['state'], string> = {
  overdue: 'Försenad',
  due: 'Att göra',
  upcoming: 'Kommande',
};

export interface RemindersListProps {
  reminders: ReminderItem[];
  today: IsoDate;
  /** Upcoming reminders due within this many days are listed under "Kommande" (default 30). */
  upcomingDays?: number;
  /** At most this many entries in each part of the list (default: all); the rest are on the worklist page. */
  limit?: number;
  /** Opens the worklist page ("Att göra"), when the list is cut short there. */
  onOpenWorklist?(): void;
  /** The .ics text for "Exportera till kalender", or null while it is being made. */
  icsText: string | null;
  /** Whether the .ics file includes the reminders dated from birth dates (20th birthday, hand-over); off by default. */
  icsBirthDates?: boolean;
  /** The user ticked or unticked "Ta med 20-årsdagar"; the caller makes the .ics text again. */
  onIcsBirthDates?(include: boolean): void;
  onOpen(item: ReminderItem): void;
  onSnooze(item: ReminderItem, until: IsoDate): Promise<void>;
  onDone(item: ReminderItem): Promise<void>;
}

/** Overdue first, then due, then upcoming; each by due date. (The background already sorts; this keeps it so.) */
export function orderReminders(items: readonly ReminderItem[]): ReminderItem[] {
  const rank = { overdue: 0, due: 1, upcoming: 2 } as const;
  return [...items].sort((a, b) => rank[a.state] - rank[b.state] || compareCodePoints(a.dueDate, b.dueDate) || compareCodePoints(a.id, b.id));
}

/** Where the entry leads, in words without personal data (the UKA page path). */
function target(item: ReminderItem): string {
  if (!item.url) return '';
  try {
    return new URL(item.url).pathname;
  } catch {
    return '';
  }
}

function Entry(props: { item: ReminderItem; today: IsoDate; onOpen(): void; onSnooze(): void; onDone(): void }) {
  const { item } = props;
  const days = diffDays(props.today, item.dueDate as IsoDate);
  const when = relativeDays(days);
  return (
    <li class={`reminder reminder-${item.state}`} data-reminder-id={item.id} data-kind={item.kind} data-state={item.state} data-testid="reminder">
      <div>
        <strong class={`reminder-state state-${item.state}`}>{REMINDER_STATE_LABEL[item.state]}</strong>{' '}
        <span>
          senast <time dateTime={item.dueDate}>{item.dueDate}</time> ({when})
        </span>
      </div>
      {item.personKey && (
        <div class="reminder-who" data-testid="reminder-who">
          {item.name ? <strong>{item.name}</strong> : <span class="muted">Namnet är inte känt i den här sessionen</span>}
        </div>
      )}
      {item.url ? (
        <OpenLink href={item.url} onOpen={props.onOpen}>
          {item.title}
          <span class="muted"> – {item.personKey && !item.name ? 'öppna i UKA för att se namnet' : `öppna ${target(item) || 'UKA'}`}</span>
        </OpenLink>
      ) : (
        <span>{item.title}</span>
      )}
      {item.detail && <div class="muted">{item.detail}</div>}
      <div class="reminder-actions">
        <button type="button" class="secondary" onClick={trusted(props.onSnooze)}>
          Påminn om en vecka<span class="sr-only"> om: {item.title}</span>
        </button>
        <button type="button" class="secondary" onClick={trusted(props.onDone)}>
          Klar<span class="sr-only"> med: {item.title}</span>
        </button>
      </div>
    </li>
  );
}

export function RemindersList(props: RemindersListProps) {
  const [message, setMessage] = useState('');
  const [icsUrl, setIcsUrl] = useState<string | null>(null);
  useEffect(() => {
    if (props.icsText === null) return;
    const url = URL.createObjectURL(new Blob([props.icsText], { type: 'text/calendar;charset=utf-8' }));
    setIcsUrl(url);
    return () => URL.revokeObjectURL(url);
  }, [props.icsText]);

  const horizon = addDays(props.today, props.upcomingDays ?? 30);
  const ordered = orderReminders(props.reminders);
  const allNow = ordered.filter((r) => r.state !== 'upcoming');
  const allSoon = ordered.filter((r) => r.state === 'upcoming' && r.dueDate <= horizon);
  const limit = props.limit ?? Infinity;
  const now = allNow.slice(0, limit);
  const soon = allSoon.slice(0, limit);
  const more = allNow.length - now.length + (allSoon.length - soon.length);
  const entry = (r: ReminderItem) => (
    <Entry
      key={r.id}
      item={r}
      today={props.today}
      onOpen={() => props.onOpen(r)}
      onSnooze={() => {
        const until = addDays(props.today, 7);
        void props.onSnooze(r, until).then(() => setMessage(`Påminnelsen visas igen ${until}.`));
      }}
      onDone={() => void props.onDone(r).then(() => setMessage('Påminnelsen är markerad som klar.'))}
    />
  );

  return (
    <section aria-labelledby="popup-reminders" class="reminders" data-testid="reminders">
      <style>{REMINDERS_CSS}</style>
      <h2 id="popup-reminders">Påminnelser</h2>
      <p class="muted" data-testid="reminders-count" data-count={allNow.length}>
        {allNow.length === 1 ? '1 sak att göra nu' : `${allNow.length} saker att göra nu`}
        {more > 0 ? `, de närmaste visas här` : ''}
      </p>
      {now.length === 0 ? (
        <p data-testid="reminders-empty">Inget är försenat eller ska göras just nu.</p>
      ) : (
        <ul class="reminder-list" data-testid="reminders-now" aria-label="Försenade och att göra">
          {now.map(entry)}
        </ul>
      )}
      {soon.length > 0 && (
        <details data-testid="reminders-soon-box">
          <summary>Kommande inom {count(props.upcomingDays ?? 30, 'dag')} ({allSoon.length})</summary>
          <ul class="reminder-list" data-testid="reminders-soon">
            {soon.map(entry)}
          </ul>
        </details>
      )}
      {props.onOpenWorklist && (
        <p>
          <button type="button" data-testid="open-worklist" onClick={props.onOpenWorklist}>
            Öppna Att göra{more > 0 ? ` (${more} till)` : ''}
          </button>
        </p>
      )}
      <div role="status" aria-live="polite" data-testid="reminders-message">
        {message}
      </div>
      <p>
        {icsUrl ? (
          <a href={icsUrl} download="kaa-lotsen-paminnelser.ics" data-testid="reminders-ics">
            Exportera till kalender (.ics)
          </a>
        ) : (
          <span class="muted">Kalenderfilen görs i ordning …</span>
        )}
        <br />
        {props.onIcsBirthDates && (
          <>
            <label>
              <input type="checkbox" checked={props.icsBirthDates ?? false} onChange={(e) => props.onIcsBirthDates?.((e.currentTarget as HTMLInputElement).checked)} data-testid="reminders-ics-birthdates" />{' '}
              Ta med 20-årsdagar och överlämningar (de visar födelsedatum)
            </label>
            <br />
          </>
        )}
        <span class="muted">
          Filen innehåller datum och länkar till UKA, inga namn eller personnummer{props.icsBirthDates ? '.' : ', och inga datum räknade från födelsedatum.'}
        </span>
      </p>
    </section>
  );
}

export const REMINDERS_CSS = `
.reminder-list { list-style: none; padding-left: 0 !important; }
.reminder { border-left: 4px solid #6b7280; padding: 4px 8px; margin: 6px 0; background: #f9fafb; }
.reminder-overdue { border-left-color: #8a1c1c; }
.reminder-due { border-left-color: #b45309; }
.state-overdue { color: #8a1c1c; }
.state-due { color: #7c2d12; }
.reminder-actions { display: flex; gap: 6px; margin-top: 4px; flex-wrap: wrap; }
.reminder-actions button { padding: 2px 8px; min-height: 26px; }
.sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
`;
