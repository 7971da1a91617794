/** Shown next to UKA's disabled export button: why the export is blocked and who needs fixing first. */
import type { ExportListGroup } from '../../lib/uka/types';

export function ExportBlocked(props: { groups: ExportListGroup[] }) {
  const persons = new Map<string, { name: string; href: string; label: string | null; headings: string[] }>();
  for (const group of props.groups) {
    for (const row of group.rows) {
      const entry = persons.get(row.href) ?? { name: row.name, href: row.href, label: row.label, headings: [] };
      entry.headings.push(group.heading);
      persons.set(row.href, entry);
    }
  }
  return (
    <div class="kaa-card kaa-blocked" data-testid="export-blocked">
      <h2>
        <span class="kaa-badge kaa-red">Spärrad</span> Därför går det inte att exportera än
      </h2>
      <p>
        UKA släpper inte exporten så länge någon har ett rött problem. {persons.size === 1 ? 'En person' : `${persons.size} personer`} behöver rättas
        först. Öppna personen, rätta uppgiften och gå tillbaka hit med webbläsarens bakåtknapp.
      </p>
      <ul>
        {[...persons.values()].map((p) => (
          <li key={p.href}>
            <a href={p.href}>{p.name}</a>
            {p.label && <span class="kaa-muted"> · {p.label}</span>} – {p.headings.join('; ')}
          </li>
        ))}
      </ul>
    </div>
  );
}

export const EXPORT_BLOCKED_CSS = `
.kaa-blocked ul { max-height: 240px; overflow: auto; }
`;
