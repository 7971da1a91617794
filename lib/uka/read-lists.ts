/**
 * The two lists: "Export till SCB" (the warning groups with their rows, and the export button) and the start list
 * ("Mina deltagare"). Both are generators (./read-steps.ts) so that a 5,000-row list can be read in slices.
 */
import { isoDate, openGrid, readFieldRows, text } from './dom';
import type { UkaProfile } from './profile';
import { cleanHeading, recogniseWarningHeading, sectionColour } from './read-warnings';
import { collectRows, fail, type Steps } from './read-steps';
import type { ExportList, ExportListGroup, ReadResult, StartList } from './types';

/** The fields read from each row of "Export till SCB", in this order. */
const EXPORT_FIELDS = ['name', 'personnummer', 'label'] as const;

/** The export list's groups and the elements they were read from; a string is the reason the list is unreadable. */
export function* exportGroups(p: UkaProfile, doc: Document): Steps<{ groups: ExportListGroup[]; elements: Element[] } | string> {
  const container = doc.querySelector(p.exportList.container);
  if (!container) return 'hittar inte exportlistan';
  const groups: ExportListGroup[] = [];
  const elements: Element[] = [];
  for (const el of Array.from(container.querySelectorAll(p.exportList.group))) {
    const heading = text(el.querySelector(p.exportList.heading));
    const rec = heading ? recogniseWarningHeading(heading, p.headings, sectionColour(p, el)) : null;
    if (!rec) return `grupp utan känd rubrik: "${heading.slice(0, 80)}"`;
    const read = readFieldRows(el, p.exportList.rows, EXPORT_FIELDS, p.exportList.link, ([name, personnummer, label], href) => ({
      name: name ?? '',
      personnummer: personnummer || null,
      label: label || null,
      href,
    }));
    if (!read.ok) return read.reason;
    const rows = read.rows;
    // A pause between sections (the largest is a few ms to read), so the read never becomes one long task.
    yield;
    groups.push({ colour: rec.colour, heading: cleanHeading(heading), kind: rec.kind, rows });
    elements.push(el);
  }
  return { groups, elements };
}

/** "Export till SCB"; `found` is told the group elements of a successful read. */
export function* exportListSteps(p: UkaProfile, doc: Document, found: (value: ExportList, elements: Element[]) => void): Steps<ReadResult<ExportList>> {
  const g = yield* exportGroups(p, doc);
  if (typeof g === 'string') return fail<ExportList>(g);
  const button = doc.querySelector(p.exportButton);
  if (!button) return fail<ExportList>('exportknappen saknas');
  const disabled = button.hasAttribute('disabled') || button.getAttribute('aria-disabled') === 'true';
  const href = button.getAttribute('href') ?? button.closest('form')?.getAttribute('action') ?? null;
  // Every value above is built here from DOM strings and recognised kinds, so it has the ExportList shape by
  // construction (the unit tests parse the adapter's results with the zod schema of lib/uka/types.ts). No check
  // per load: on a 5,000-youth list it was a large part of the read, in code that runs cold on every page load.
  const value: ExportList = { groups: g.groups, exportButton: { enabled: !disabled, href: disabled ? null : href } };
  found(value, g.elements);
  return { ok: true, value };
}

/** The start list ("Mina deltagare"). */
export function* startListSteps(p: UkaProfile, doc: Document): Steps<ReadResult<StartList>> {
  const grid = openGrid(doc, p.grids.startList, [p.startListLink]);
  if (!grid.ok) return fail<StartList>(grid.reason);
  const rows = yield* collectRows(grid.rows, (r) => ({
    name: r.get('name') ?? '',
    personnummer: r.get('personnummer') ?? '',
    label: r.get('label') || null,
    status: r.get('status') ?? '',
    latestContact: isoDate(r.get('latestContact')),
    href: r.first(p.startListLink)?.getAttribute('href') ?? '',
  }));
  if (typeof rows === 'string') return fail<StartList>(rows);
  // The StartList shape by construction, as for the export list.
  return { ok: true, value: { rows } };
}
