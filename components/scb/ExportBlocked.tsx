/** Shown next to UKA's disabled export button: why the export is blocked and who needs fixing first. */
import { useState } from 'preact/hooks';
import type { ExportListGroup } from '../../lib/uka/types';
import { count } from '../../lib/domain/swedish';
import { isUkaPath } from '../../lib/platform/links';

/** Persons listed at first, and added per "Visa fler" (a long list is worked through from the top anyway). */
export const BLOCKED_PAGE = 25;

export interface BlockedPerson {
  name: string;
  href: string;
  label: string | null;
  headings: string[];
}

/** Every person of the red groups once (by person page), with the headings of all their red problems. */
export function blockedPersons(groups: readonly ExportListGroup[]): BlockedPerson[] {
  const persons = new Map<string, BlockedPerson>();
  for (const group of groups) {
    if (group.colour !== 'red') continue;
    for (const row of group.rows) {
      const entry = persons.get(row.href) ?? { name: row.name, href: row.href, label: row.label, headings: [] };
      if (!entry.headings.includes(group.heading)) entry.headings.push(group.heading);
      persons.set(row.href, entry);
    }
  }
  return [...persons.values()];
}

export function ExportBlocked(props: { groups: ExportListGroup[] }) {
  const persons = blockedPersons(props.groups);
  const [shown, setShown] = useState(BLOCKED_PAGE);
  return (
    <div class="kaa-blocked" data-testid="export-blocked">
      <h3>
        <span class="kaa-badge kaa-red">Spärrad</span> Därför går det inte att exportera ännu
      </h3>
      <p>
        UKA skapar ingen fil så länge någon har ett rött problem.{' '}
        {persons.length === 1 ? 'En person behöver' : `${count(persons.length, 'person')} behöver`} rättas först. Öppna personen, rätta
        uppgiften och kom sedan tillbaka hit.
      </p>
      <ul aria-label="Personer med röda problem">
        {persons.slice(0, shown).map((p) => (
          <li key={p.href}>
            {isUkaPath(p.href) ? <a href={p.href}>{p.name}</a> : <span>{p.name}</span>}
            {p.label && <span class="kaa-muted"> · {p.label}</span>} – {p.headings.join('; ')}
          </li>
        ))}
      </ul>
      {persons.length > shown && (
        <button type="button" class="kaa-link" onClick={() => setShown(shown + BLOCKED_PAGE * 4)}>
          Visa fler ({persons.length - shown} kvar)
        </button>
      )}
    </div>
  );
}

export const EXPORT_BLOCKED_CSS = `
.kaa-blocked ul { max-height: 240px; overflow: auto; }
`;
