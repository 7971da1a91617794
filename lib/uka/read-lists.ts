/**
 * The two lists: "Export till SCB" (the warning groups with their rows, and the export button) and the start list
 * ("Mina deltagare"). Both are generators (./read-steps.ts) so that a 5,000-row list can be read in slices.
 *
 * The reader (./reader.ts) is given these reads (`ListReads`) rather than importing them: the UKA main script's reader
 * takes them from the bundle of the page kind that has the list (entrypoints/uka-export.ts, uka-start.ts, through
 * lib/startup/kinds.ts), so that the main script, which every UKA page runs, carries no list reading; the adapter for
 * everything else (./adapter.ts) gives it all of them.
 */
import { isoDate, openGrid, text } from './dom';
import { collectRows, fieldRowSteps, type FieldReader } from './dom-rows';
import type { UkaProfile } from './profile';
import { cleanHeading, recogniseWarningHeading, sectionColour } from './read-warnings';
import { fail, type Steps } from './read-steps';
import type { ExportList, ExportListGroup, ExportListRow, ReadResult, StartList } from './types';

/** The fields of each row of "Export till SCB", in this order. */
const EXPORT_FIELDS = ['name', 'personnummer', 'label'] as const;
/** Read with the list: the etikett ("Bara mina" counts); the name and personnummer when first used (./dom-rows.ts fieldRowSteps). */
const EXPORT_FIELDS_NOW = [2];

/**
 * A row of "Export till SCB": its link and etikett read with the list, its name and personnummer from the page when
 * first asked for (the persons list, the guard, a review's keys), then kept. At load the panels need only counts,
 * and on a 5,000-youth list these two texts were most of the read.
 */
class ExportRow implements ExportListRow {
  readonly #reader: FieldReader;
  readonly #handle: unknown;
  #name: string | undefined;
  #personnummer: string | null | undefined;
  constructor(
    reader: FieldReader,
    handle: unknown,
    readonly label: string | null,
    readonly href: string,
  ) {
    this.#reader = reader;
    this.#handle = handle;
  }
  get name(): string {
    return (this.#name ??= this.#reader.field(this.#handle, 0) ?? '');
  }
  get personnummer(): string | null {
    if (this.#personnummer === undefined) this.#personnummer = this.#reader.field(this.#handle, 1) || null;
    return this.#personnummer;
  }
}

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
    // Pauses inside a section and between sections, so the read never becomes one long task.
    const read = yield* fieldRowSteps(el, p.exportList.rows, EXPORT_FIELDS, p.exportList.link, EXPORT_FIELDS_NOW, (reader, handle, values, href) => new ExportRow(reader, handle, values[2] || null, href));
    if (!read.ok) return read.reason;
    const rows: ExportListRow[] = read.rows;
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

/** The list reads a reader can be given (each page kind's bundle gives those of its own list). */
export interface ListReads {
  exportList?: typeof exportListSteps;
  exportGroups?: typeof exportGroups;
  startList?: typeof startListSteps;
}

/** Every list read (for a reader outside UKA's page: ./adapter.ts). */
export const LIST_READS: Required<ListReads> = { exportList: exportListSteps, exportGroups, startList: startListSteps };
