/**
 * The monthly review panel on "Export till SCB", placed above UKA's list (UKA's rows are never touched): counts per
 * section and colour, the "Bara mina" filter as our own compact list of persons with their red/yellow kinds, and the
 * progress of the current review. Everything is computed from UKA's list by the feature; this is only the view.
 */
import { useState } from 'preact/hooks';
import type { ReviewSummary, ReviewPerson, PersonSection } from '../../lib/review';
import { problemSections } from '../../lib/review';
import { ukaUrl } from '../../lib/platform/links';
import { COLOUR_LABEL } from '../ui/labels';
import { trusted } from '../ui/trusted';

export type ProgressState =
  | { status: 'loading' }
  | { status: 'none' }
  | { status: 'ready'; text: string; note?: string }
  | { status: 'error'; message: string };

export interface ReviewPanelProps {
  all: ReviewSummary;
  /** Summary for my etikett; null when no etikett is set in the settings. */
  mine: ReviewSummary | null;
  myLabel: string | null;
  progress: ProgressState;
  /** Whether a start is possible (red persons in scope could be counted). */
  starting: boolean;
  onStart(): void;
  /** Plain-Swedish title of a section (from the content pack), for the person list. */
  sectionTitle(section: PersonSection): string;
  /** Open "Bara mina" at first (true when an etikett is set). */
  initialMine?: boolean;
  /**
   * The UKA origin the page is on. A person's path read from the list becomes a link only when it is a plain path on
   * this origin (lib/platform/links.ts); anything else is shown as the name without a link.
   */
  ukaOrigin: string;
}

const PAGE = 100;
const COLOUR_WORD = { red: 'Problem', yellow: 'Kontrollera', green: 'Pågående' } as const;

export function ReviewPanel(props: ReviewPanelProps) {
  const [mineOnly, setMineOnly] = useState(Boolean(props.initialMine && props.mine));
  const [listOpen, setListOpen] = useState(false);
  const [shown, setShown] = useState(PAGE);
  const summary = mineOnly && props.mine ? props.mine : props.all;
  // The persons themselves are grouped only when the list is opened.
  const problems = listOpen ? summary.persons.filter((p) => p.hasRed || p.hasYellow) : [];
  const { progress } = props;

  return (
    <div class="kaa-card kaa-review">
      <h2 id="kaa-review-title">
        <span class="kaa-brand">KAA-lotsen</span> Månadsgenomgång
      </h2>

      <div class="kaa-review-progress">
        <p aria-live="polite" data-testid="review-progress">
          {progress.status === 'loading' && 'Räknar genomgången…'}
          {progress.status === 'none' && 'Ingen genomgång pågår. Starta en för att följa hur många röda som blir rättade.'}
          {progress.status === 'ready' && <strong>{progress.text}</strong>}
          {progress.status === 'ready' && progress.note && <span class="kaa-muted"> {progress.note}</span>}
          {progress.status === 'error' && <span>Genomgången kunde inte räknas: {progress.message}</span>}
        </p>
        <button type="button" class="kaa-secondary" onClick={trusted(props.onStart)} disabled={props.starting}>
          {props.starting ? 'Startar…' : 'Starta ny genomgång'}
        </button>
      </div>

      <div class="kaa-review-filter">
        <label>
          <input type="checkbox" checked={mineOnly} disabled={!props.mine} onChange={(e) => setMineOnly((e.currentTarget as HTMLInputElement).checked)} /> Bara mina
          {props.myLabel ? ` (etikett ${props.myLabel})` : ''}
        </label>
        {!props.mine && <span class="kaa-muted"> Ange din etikett i KAA-lotsens inställningar för att kunna välja bara dina.</span>}
      </div>

      <ul class="kaa-review-colours" aria-label={mineOnly ? 'Personer per färg, bara mina' : 'Personer per färg'}>
        {(['red', 'yellow', 'green'] as const).map((c) => (
          <li key={c} data-colour={c}>
            <span class={`kaa-badge kaa-${c}`}>{COLOUR_LABEL[c]}</span> <span data-testid={`review-colour-${c}`}>{summary.colours[c].persons}</span> personer
          </li>
        ))}
      </ul>

      <table class="kaa-review-table">
        <caption>Personer per avsnitt{mineOnly ? ' – bara mina' : ''}</caption>
        <thead>
          <tr>
            <th scope="col">Avsnitt i UKA</th>
            <th scope="col">Färg</th>
            <th scope="col">Personer</th>
          </tr>
        </thead>
        <tbody>
          {summary.sections.map((s, i) => (
            <tr key={i} data-kind={s.kind ?? 'unknown'}>
              <th scope="row">{s.heading}</th>
              <td>{COLOUR_WORD[s.colour]}</td>
              <td data-testid="review-section-count">{s.count}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <button type="button" class="kaa-secondary" aria-expanded={listOpen} aria-controls="kaa-review-persons" onClick={() => setListOpen(!listOpen)}>
        <span aria-hidden="true">{listOpen ? '▾' : '▸'}</span> {mineOnly ? 'Mina personer' : 'Personer'} med röda eller gula avsnitt ({summary.problemPersons})
      </button>
      <div id="kaa-review-persons" hidden={!listOpen}>
        {listOpen && (
          <>
            {problems.length === 0 ? (
              <p class="kaa-muted">Inga personer med röda eller gula avsnitt.</p>
            ) : (
              <ul class="kaa-review-persons" aria-label={mineOnly ? 'Mina personer med röda eller gula avsnitt' : 'Personer med röda eller gula avsnitt'}>
                {problems.slice(0, shown).map((p) => (
                  <PersonRow key={p.href} person={p} ukaOrigin={props.ukaOrigin} sectionTitle={props.sectionTitle} />
                ))}
              </ul>
            )}
            {problems.length > shown && (
              <button type="button" class="kaa-link" onClick={() => setShown(shown + PAGE)}>
                Visa fler ({problems.length - shown} kvar)
              </button>
            )}
          </>
        )}
      </div>
    </div>
  );
}

export function PersonRow({ person, ukaOrigin, sectionTitle }: { person: ReviewPerson; ukaOrigin: string; sectionTitle(s: PersonSection): string }) {
  const href = ukaUrl(ukaOrigin, person.href);
  return (
    <li data-href={href ? person.href : undefined}>
      {href ? (
        <a href={href}>{person.name}</a>
      ) : (
        <span>
          {person.name} <span class="kaa-muted">(ingen länk: adressen i listan leder inte till en sida i UKA)</span>
        </span>
      )}
      <ul class="kaa-review-kinds">
        {problemSections(person).map((s, i) => (
          <li key={i} data-kind={s.kind ?? 'unknown'}>
            <span class={`kaa-badge kaa-${s.colour}`}>{COLOUR_WORD[s.colour]}</span> {sectionTitle(s)}
          </li>
        ))}
      </ul>
    </li>
  );
}

export const REVIEW_CSS = `
.kaa-review { margin: 8px 0 12px; }
.kaa-review-progress { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin-bottom: 6px; }
.kaa-review-progress p { margin: 0; flex: 1 1 240px; }
.kaa-review-filter { margin: 4px 0 8px; }
.kaa-review-filter input { margin: 0 4px 0 0; vertical-align: middle; }
.kaa-review-colours { list-style: none; padding: 0; margin: 0 0 8px; display: flex; flex-wrap: wrap; gap: 6px 16px; }
.kaa-review-table { border-collapse: collapse; margin: 0 0 8px; width: 100%; max-width: 760px; }
.kaa-review-table caption { text-align: left; font-weight: 600; margin-bottom: 2px; }
.kaa-review-table th, .kaa-review-table td { text-align: left; padding: 2px 8px 2px 0; border-bottom: 1px solid #d1d5db; font-weight: normal; }
.kaa-review-table thead th { font-weight: 600; }
.kaa-review-table td:last-child { text-align: right; }
.kaa-review-persons { list-style: none; padding: 0; margin: 6px 0; max-height: 420px; overflow: auto; }
.kaa-review-persons > li { padding: 4px 0; border-bottom: 1px solid #e5e7eb; }
.kaa-review-kinds { list-style: none; padding: 0; margin: 2px 0 0 12px; font-size: 13px; }
`;
