/**
 * "Att göra": every step for my youths, grouped by what is to be done, each group by due date. Counts per group at
 * the top (links to the groups), filters by week, snooze and done as in the popup. A youth's name shows where this
 * browser session has seen it in UKA; otherwise the entry says to open the youth's page in UKA.
 */
import { useState } from 'preact/hooks';
import { addDays as addDaysIso, diffDays, type IsoDate } from '../../lib/domain/dates';
import { buildWorklist, weeksOf } from '../../lib/worklist/worklist';
import type { WorkFilter, WorkItem } from '../../lib/worklist/types';
import { OpenLink } from '../ui/OpenLink';
import { relativeDays } from '../../lib/domain/swedish';

export const FILTER_LABEL: Record<WorkFilter, string> = {
  all: 'Allt till och med nästa vecka',
  overdue: 'Bara förfallna',
  thisWeek: 'Denna vecka',
  nextWeek: 'Nästa vecka',
};

const STATE_LABEL: Record<WorkItem['state'], string> = { overdue: 'Försenad', due: 'Att göra', upcoming: 'Kommande' };

export interface WorkListProps {
  items: WorkItem[];
  today: IsoDate;
  initialFilter?: WorkFilter;
  onOpen(item: WorkItem): void;
  onSnooze(item: WorkItem, until: IsoDate): Promise<void>;
  onDone(item: WorkItem): Promise<void>;
  /** Snooze length in days (default 7, as in the popup). */
  snoozeDays?: number;
}

function when(today: IsoDate, due: IsoDate): string {
  return relativeDays(diffDays(today, due));
}

/** Who the entry is about: the name, or a link into UKA that says the name shows there. */
export function Who(props: { name: string | null; url: string | null; onOpen(): void }) {
  if (props.name) return <strong class="wl-name">{props.name}</strong>;
  if (!props.url) return <span class="muted">Namnet är okänt</span>;
  return (
    <OpenLink href={props.url} onOpen={props.onOpen} testId="name-unknown">
      öppna i UKA för att se namnet
    </OpenLink>
  );
}

function Entry(props: { item: WorkItem; today: IsoDate; onOpen(): void; onSnooze(): void; onDone(): void }) {
  const { item } = props;
  const label = item.name ?? 'ungdomen';
  return (
    <li class={`wl-item wl-${item.state}`} data-testid="work-item" data-id={item.id} data-person={item.personKey ?? ''} data-state={item.state}>
      <div class="wl-head">
        <Who name={item.name} url={item.url} onOpen={props.onOpen} />
        <span class="wl-when">
          <strong class={`state-${item.state}`}>{STATE_LABEL[item.state]}</strong>, senast <time dateTime={item.dueDate}>{item.dueDate}</time> ({when(props.today, item.dueDate)})
        </span>
      </div>
      <div class="wl-title">{item.title}</div>
      {item.reason && <div class="muted wl-reason">{item.reason}</div>}
      <div class="wl-actions">
        {item.url && (
          <OpenLink href={item.url} onOpen={props.onOpen}>
            Öppna i UKA<span class="sr-only">: {label}</span>
          </OpenLink>
        )}
        <button type="button" class="secondary" onClick={props.onSnooze}>
          Påminn om en vecka<span class="sr-only">: {label}, {item.title}</span>
        </button>
        <button type="button" class="secondary" onClick={props.onDone}>
          Klar<span class="sr-only">: {label}, {item.title}</span>
        </button>
      </div>
    </li>
  );
}

export function WorkList(props: WorkListProps) {
  const [filter, setFilter] = useState<WorkFilter>(props.initialFilter ?? 'all');
  const [message, setMessage] = useState('');
  const list = buildWorklist(props.items, props.today, filter);
  const weeks = weeksOf(props.today);
  const snoozeDays = props.snoozeDays ?? 7;

  return (
    <section aria-labelledby="wl-heading" data-testid="worklist">
      <h2 id="wl-heading">Att göra för mina ungdomar</h2>
      <fieldset class="wl-filters">
        <legend>Visa</legend>
        {(Object.keys(FILTER_LABEL) as WorkFilter[]).map((f) => (
          <label key={f} class="check">
            <input type="radio" name="wl-filter" value={f} checked={filter === f} onChange={() => setFilter(f)} data-testid={`filter-${f}`} />
            {FILTER_LABEL[f]}
          </label>
        ))}
        <p class="muted wl-hint">
          Denna vecka: det som ska vara gjort senast söndag {weeks.thisSunday}, även det som redan är försenat. Nästa vecka: {weeks.nextMonday} – {weeks.nextSunday}.
        </p>
      </fieldset>
      <nav aria-label="Antal per grupp" data-testid="group-counts">
        <ul class="wl-counts">
          {list.groups.map((g) => (
            <li key={g.id} data-group={g.id}>
              <a href={`#grupp-${g.id}`}>
                {g.title}: <span data-testid="group-count">{g.items.length}</span>
              </a>
            </li>
          ))}
        </ul>
        <p class="muted" data-testid="worklist-total">
          {list.total === 1 ? '1 steg' : `${list.total} steg`} visas.
          {list.snoozed > 0 ? ` ${list.snoozed} uppskjutna visas igen på sin dag.` : ''}
        </p>
      </nav>
      <div role="status" aria-live="polite" data-testid="worklist-message">
        {message}
      </div>
      {list.groups.map((g) => (
        <section key={g.id} class="wl-group" id={`grupp-${g.id}`} data-group={g.id} data-testid="work-group" aria-labelledby={`rubrik-${g.id}`}>
          <h3 id={`rubrik-${g.id}`}>
            {g.title} ({g.items.length})
          </h3>
          {g.items.length === 0 ? (
            <p class="muted">Inget här med det valda urvalet.</p>
          ) : (
            <ul class="wl-list">
              {g.items.map((item) => (
                <Entry
                  key={item.id}
                  item={item}
                  today={props.today}
                  onOpen={() => props.onOpen(item)}
                  onSnooze={() => {
                    const until = addDaysIso(props.today, snoozeDays);
                    void props.onSnooze(item, until).then(() => setMessage(`${item.name ?? 'Steget'}: visas igen ${until}.`));
                  }}
                  onDone={() => void props.onDone(item).then(() => setMessage(`${item.name ?? 'Steget'}: markerat som klart.`))}
                />
              ))}
            </ul>
          )}
        </section>
      ))}
    </section>
  );
}

export const WORKLIST_CSS = `
.wl-filters { display: flex; flex-wrap: wrap; gap: 4px 16px; align-items: center; }
.wl-filters legend { width: 100%; }
.wl-hint { width: 100%; margin: 2px 0 0; font-size: 13px; }
.wl-counts { display: flex; flex-wrap: wrap; gap: 6px 14px; list-style: none; padding: 0; margin: 8px 0; }
.wl-counts a { display: inline-block; padding: 2px 6px; border: 1px solid #9ca3af; border-radius: 4px; text-decoration: none; }
.wl-group h3 { font-size: 15px; margin: 18px 0 4px; border-bottom: 1px solid #d1d5db; padding-bottom: 2px; }
.wl-list { list-style: none; padding: 0; margin: 0; }
.wl-item { border-left: 4px solid #6b7280; background: #f9fafb; padding: 6px 10px; margin: 6px 0; }
.wl-overdue { border-left-color: #8a1c1c; }
.wl-due { border-left-color: #b45309; }
.wl-head { display: flex; flex-wrap: wrap; gap: 4px 14px; align-items: baseline; }
.wl-name { font-size: 15px; }
.state-overdue { color: #8a1c1c; }
.state-due { color: #7c2d12; }
.wl-actions { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin-top: 4px; }
.wl-actions button { padding: 2px 8px; min-height: 26px; }
.sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
`;
