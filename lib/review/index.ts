/**
 * The monthly review of "Export till SCB", as pure functions over the typed export list (lib/uka/types): counts per
 * section and per colour, the red/yellow kinds of each person, the "bara mina" filter by etikett, and the progress of
 * a review. UKA's current list is the only source of truth for what is red: local state only remembers WHICH
 * persons (pseudonymous keys) were red when the review started.
 */
import type { WarningKind } from '../domain/warnings';
import type { ExportList, IsoDate, WarningColour } from '../uka/types';

/** One warning section a person is listed under. */
export interface PersonSection {
  colour: WarningColour;
  /** Recognised kind, or null for a section heading we do not know. */
  kind: WarningKind | null;
  heading: string;
}

/** A person on the export list with every section they appear in (a person can be listed under several). */
export interface ReviewPerson {
  /** Same-origin path of the person page; identifies the person on this page. */
  href: string;
  name: string;
  personnummer: string | null;
  label: string | null;
  sections: PersonSection[];
  hasRed: boolean;
  hasYellow: boolean;
  hasGreen: boolean;
}

export interface SectionCount {
  colour: WarningColour;
  kind: WarningKind | null;
  heading: string;
  /** Persons listed in this section (after the filter). */
  count: number;
}

export interface ColourCount {
  /** Distinct persons with at least one section of this colour. */
  persons: number;
  /** Listings (a person in two red sections counts twice). */
  listings: number;
}

export interface ReviewSummary {
  sections: SectionCount[];
  colours: Record<WarningColour, ColourCount>;
  /** How many persons have a red or a yellow section. */
  problemPersons: number;
  /**
   * Persons in list order, red first, then yellow, then green only. Grouped when first read (the counts above do
   * not need it, and the panel shows persons only when asked to).
   */
  readonly persons: ReviewPerson[];
}

const COLOURS: readonly WarningColour[] = ['red', 'yellow', 'green'];

/**
 * Compare etiketts the way a person reads them: case, surrounding and repeated whitespace do not matter. (toLowerCase
 * equals toLocaleLowerCase('sv') for every code point, Swedish has no special casing, and needs no ICU start-up.)
 */
export function normaliseLabel(label: string | null | undefined): string {
  return (label ?? '').replace(/\s+/g, ' ').trim().toLowerCase();
}

export function hasLabel(person: { label: string | null }, label: string | null | undefined): boolean {
  const wanted = normaliseLabel(label);
  return wanted !== '' && normaliseLabel(person.label) === wanted;
}

/** Every person on the list (deduplicated by page path) with the sections they appear in. */
export function reviewPersons(list: ExportList): ReviewPerson[] {
  const byHref = new Map<string, ReviewPerson>();
  for (const group of list.groups) {
    // One section object per group, shared by its rows (nobody changes them).
    const section: PersonSection = { colour: group.colour, kind: group.kind, heading: group.heading };
    for (const row of group.rows) {
      let person = byHref.get(row.href);
      if (!person) {
        person = { href: row.href, name: row.name, personnummer: row.personnummer, label: row.label, sections: [section], hasRed: false, hasYellow: false, hasGreen: false };
        byHref.set(row.href, person);
      } else {
        if (!person.personnummer && row.personnummer) person.personnummer = row.personnummer;
        if (!person.label && row.label) person.label = row.label;
        if (!person.sections.some((s) => s === section || (s.heading === section.heading && s.kind === section.kind))) person.sections.push(section);
      }
      if (group.colour === 'red') person.hasRed = true;
      else if (group.colour === 'yellow') person.hasYellow = true;
      else person.hasGreen = true;
    }
  }
  const order = (s: PersonSection) => COLOURS.indexOf(s.colour);
  // Kinds are ASCII ids (R1…G1; 'Z' sorts unknown last): a plain comparison orders them like localeCompare, without
  // a locale lookup per comparison (thousands of persons on a large list).
  const byKind = (a: PersonSection, b: PersonSection) => {
    const x = a.kind ?? 'Z';
    const y = b.kind ?? 'Z';
    return x < y ? -1 : x > y ? 1 : 0;
  };
  // Red persons first, then yellow, then green only; UKA's order is kept inside each (three buckets, no sort).
  const ranked: [ReviewPerson[], ReviewPerson[], ReviewPerson[]] = [[], [], []];
  for (const p of byHref.values()) {
    if (p.sections.length > 1) p.sections.sort((a, b) => order(a) - order(b) || byKind(a, b));
    ranked[p.hasRed ? 0 : p.hasYellow ? 1 : 2].push(p);
  }
  return ranked[0].concat(ranked[1], ranked[2]);
}

/** Each person on a list (by page path): their etikett (the first one given on any of their rows) and colours. */
interface PersonMarks {
  label: string | null;
  red: boolean;
  yellow: boolean;
  green: boolean;
}

/** The persons of a list, worked out once per list object: the review's two summaries (all, "bara mina") share it. */
const marksOf = new WeakMap<ExportList, Map<string, PersonMarks>>();

function personMarks(list: ExportList): Map<string, PersonMarks> {
  let marks = marksOf.get(list);
  if (marks) return marks;
  marks = new Map();
  for (const g of list.groups) {
    for (const r of g.rows) {
      let m = marks.get(r.href);
      if (!m) {
        m = { label: r.label, red: false, yellow: false, green: false };
        marks.set(r.href, m);
      } else if (!m.label) m.label = r.label;
      m[g.colour] = true;
    }
  }
  marksOf.set(list, marks);
  return marks;
}

/**
 * Counts per section and per colour. With `onlyLabel` set, only persons with that etikett are counted and listed
 * ("bara mina"); sections keep their place with a count of 0 so the table does not jump. `all` is
 * reviewPersons(list), when the caller already has it.
 */
export function summariseReview(list: ExportList, onlyLabel?: string | null, all: readonly ReviewPerson[] | (() => readonly ReviewPerson[]) = () => reviewPersons(list)): ReviewSummary {
  const wanted = normaliseLabel(onlyLabel);
  const filtering = wanted !== '';
  // Same test as hasLabel, with the wanted label normalised once and each distinct label once.
  const seen = new Map<string | null, boolean>();
  const matches = (label: string | null) => {
    if (!filtering) return true;
    let match = seen.get(label);
    if (match === undefined) {
      match = normaliseLabel(label) === wanted;
      seen.set(label, match);
    }
    return match;
  };
  const count = (rows: ReadonlyArray<{ label: string | null }>) => {
    if (!filtering) return rows.length;
    let n = 0;
    for (const r of rows) if (matches(r.label)) n++;
    return n;
  };
  const sections: SectionCount[] = list.groups.map((g) => ({ colour: g.colour, kind: g.kind, heading: g.heading, count: count(g.rows) }));
  const colours = Object.fromEntries(COLOURS.map((c) => [c, { persons: 0, listings: 0 }])) as Record<WarningColour, ColourCount>;
  for (const s of sections) colours[s.colour].listings += s.count;
  // A person counts under every colour they are listed with; filtered by their etikett (as in reviewPersons).
  let problemPersons = 0;
  for (const m of personMarks(list).values()) {
    if (filtering && !matches(m.label)) continue;
    if (m.red) colours.red.persons++;
    if (m.yellow) colours.yellow.persons++;
    if (m.green) colours.green.persons++;
    if (m.red || m.yellow) problemPersons++;
  }
  let persons: ReviewPerson[] | undefined;
  return {
    sections,
    colours,
    problemPersons,
    get persons() {
      // `all` lets a caller that summarises the same list twice (all, then "bara mina") group its persons once.
      return (persons ??= (typeof all === 'function' ? all() : all).filter((p) => matches(p.label)));
    },
  };
}

/** The red/yellow sections of a person (green "ongoing measure" is not a problem to fix). */
export function problemSections(person: ReviewPerson): PersonSection[] {
  return person.sections.filter((s) => s.colour !== 'green');
}

/** The persons a review is about: red persons, with the reviewer's etikett when one is given. */
export function reviewScope(persons: readonly ReviewPerson[], label: string | null | undefined): ReviewPerson[] {
  const filtering = normaliseLabel(label) !== '';
  return persons.filter((p) => p.hasRed && (!filtering || hasLabel(p, label)));
}

export interface ReviewProgress {
  /** Red persons when the review started. */
  total: number;
  /** Of those, how many are not red on UKA's current list. */
  fixed: number;
  /** Of those, how many are still red. */
  stillRed: number;
  /** Red persons on the current list whose key could not be made (fixed is a lower bound then). */
  unknown: number;
}

/**
 * Progress of a review: of the `redAtStart` persons red at the start, how many are no longer red on UKA's current
 * list. Persons whose key was kept at the start (`startKeys`: recorded youths) are followed one by one: such a person
 * is still red when their key is among `currentRedKeys`. The others were only counted: they are still red as long as
 * enough persons outside `startKeys` are red now (a person red now who was not red at the start cannot be told apart
 * from one of them, so fixing shows once the count drops). `unknownCurrentRed` persons are red right now but their key
 * is not known (no readable personnummer, or the lookup failed): each might be any start person, so each counts as
 * still red. Local state can therefore never make a person look fixed. `redAtStart` defaults to the start keys.
 */
export function reviewProgress(startKeys: readonly string[], currentRedKeys: Iterable<string>, unknownCurrentRed = 0, redAtStart?: number): ReviewProgress {
  const start = new Set(startKeys);
  const total = Math.max(start.size, Math.floor(redAtStart ?? 0));
  let followedStillRed = 0;
  let others = 0;
  for (const key of new Set(currentRedKeys)) {
    if (start.has(key)) followedStillRed++;
    else others++;
  }
  const unknown = Math.max(0, Math.floor(unknownCurrentRed));
  const countedOnly = total - start.size;
  const stillRed = Math.min(total, followedStillRed + Math.min(countedOnly, others) + unknown);
  return { total, fixed: total - stillRed, stillRed, unknown };
}

const MONTHS = ['jan', 'feb', 'mars', 'apr', 'maj', 'juni', 'juli', 'aug', 'sep', 'okt', 'nov', 'dec'];

/** "3 nov" (with the year when it differs from `today`'s: "3 nov 2025"). */
export function shortSwedishDate(date: IsoDate, today?: IsoDate): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const base = `${d} ${MONTHS[m - 1] ?? ''}`;
  return today && today.slice(0, 4) !== date.slice(0, 4) ? `${base} ${y}` : base;
}

/** "7 av 12 röda rättade sedan 3 nov". */
export function formatProgress(progress: ReviewProgress, startedOn: IsoDate, today?: IsoDate): string {
  const noun = progress.total === 1 ? 'röd' : 'röda';
  const verb = progress.total === 1 ? 'rättad' : 'rättade';
  return `${progress.fixed} av ${progress.total} ${noun} ${verb} sedan ${shortSwedishDate(startedOn, today)}`;
}
