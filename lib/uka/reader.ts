/**
 * The UKA adapter's reader: picks the markup profile that matches a page, recognises the page kind and reads pages
 * into the typed view of lib/uka/types.ts. Never throws: every read gives { ok: true, value } or { ok: false, reason }.
 * It is given its profiles (./adapter.ts adds the built-in ones as the default); the UKA content script gets them,
 * checked, from the background, and so carries no copy of the built-in profile documents.
 */
import {
  ANCHORS,
  type ContactEntry,
  type PersonPage,
  type ExportList,
  type StartList,
  type AnchorName,
  type PageKind,
  type ContactKind,
  type ContactTarget,
  type ExportListGroup,
  type ReadResult,
  type Recognition,
  type UkaAdapter,
  type WarningColour,
  type WarningSection,
  type SliceOptions,
} from './types';
import type { WarningKind } from '../domain/warnings';
import type { HeadingPatterns, UkaProfile } from './profile';
import { isoDate, normalise, openGrid, readFacts, readFieldRows, readGrid, splitCode, text, type GridRow } from './dom';
import { nextTask } from '../startup/next-task';
import { personPageIssue } from './check';
import { probeParts, type PartRule } from './parts';

export type { UkaProfile } from './profile';

const KIND_COLOUR = (k: WarningKind): WarningColour => (k.startsWith('R') ? 'red' : k.startsWith('Y') ? 'yellow' : 'green');

/**
 * Colour and kind of a warning heading ("Problem: Åtgärder utan …"). Tolerant to case, whitespace and punctuation;
 * a trailing count "(3)" is ignored. Unknown wording under a known prefix gives kind null. No known prefix and no
 * fallback colour gives null.
 */
export function recogniseWarningHeading(
  heading: string,
  patterns: HeadingPatterns,
  fallbackColour: WarningColour | null = null,
): { colour: WarningColour; kind: WarningKind | null } | null {
  const n = normalise(heading.replace(/\(\s*\d+\s*\)\s*$/, ''));
  let colour: WarningColour | null = null;
  let rest = n;
  for (const c of patterns.colours) {
    const m = c.prefix.exec(n);
    if (m) {
      colour = c.colour;
      rest = c.colour === 'green' ? n : n.slice(m[0].length).trim();
      break;
    }
  }
  colour ??= fallbackColour;
  if (!colour) return null;
  const rule = patterns.rules.find((r) => KIND_COLOUR(r.kind) === colour && r.all.every((re) => re.test(rest)));
  return { colour, kind: rule?.kind ?? null };
}

function cleanHeading(s: string): string {
  return s.replace(/\s*\(\s*\d+\s*\)\s*$/, '').trim();
}

function fail<T>(reason: string): ReadResult<T> {
  return { ok: false, reason };
}

/** A person page read as the PersonPage schema would have it (./check.ts; no zod on UKA's pages). */
function checkedPersonPage(value: PersonPage): ReadResult<PersonPage> {
  const issue = personPageIssue(value);
  return issue ? fail(`ogiltiga uppgifter: ${issue.path.join('.')}: ${issue.message}`) : { ok: true, value };
}

function safe<T>(fn: () => T, fallback: (error: unknown) => T): T {
  try {
    return fn();
  } catch (error) {
    return fallback(error);
  }
}

const errText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Long reads are generators that pause (yield) every SLICE_ROWS rows. The synchronous reads run them straight
 * through; the *Async reads give the page its main thread back whenever a slice budget is used up, so a 5,000-row
 * list never becomes one long task.
 */
const SLICE_ROWS = 100;
type Steps<T> = Generator<void, T, void>;

function runThrough<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

const clock = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

async function runInSlices<T>(steps: Steps<T>, options: SliceOptions = {}): Promise<T> {
  const budget = options.budgetMs ?? 8;
  const yieldNow = options.yieldNow ?? nextTask;
  let until = clock() + budget;
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (clock() >= until) {
      await yieldNow();
      if (options.signal?.aborted) {
        steps.return(undefined as never);
        throw new Error('avbruten');
      }
      until = clock() + budget;
    }
  }
}

/** Collect a grid's rows, mapping each, pausing every SLICE_ROWS rows; a string is the reason the grid is unreadable. */
function* collectRows<R>(rows: Generator<GridRow, string | null, void>, map: (row: GridRow) => R): Generator<void, R[] | string, void> {
  const out: R[] = [];
  for (;;) {
    const next = rows.next();
    if (next.done) return next.value ?? out;
    out.push(map(next.value));
    if (out.length % SLICE_ROWS === 0) yield;
  }
}

export type UkaReader = UkaAdapter & {
  profileFor(doc: Document): UkaProfile | null;
  probeParts(doc: Document, kind: PageKind): { found: PartRule[]; missing: PartRule[] };
};

/** A reader over these profiles, tried in order (the list is read on every call: it may be changed in place). */
export function createUkaReader(profiles: readonly UkaProfile[]): UkaReader {
  const profileFor = (doc: Document): UkaProfile | null =>
    safe(
      () => profiles.find((p) => safe(() => p.matches(doc), () => false)) ?? null,
      () => null,
    );

  const withProfile = <T>(doc: Document, what: string, read: (p: UkaProfile) => ReadResult<T>): ReadResult<T> =>
    safe(
      () => {
        const p = profileFor(doc);
        if (!p) return fail<T>('sidan känns inte igen som UKA');
        return read(p);
      },
      (e) => fail<T>(`${what}: ${errText(e)}`),
    );

  /** Section elements found by a read, keyed by the value it returned (see sectionElements). */
  const elementsOfRead = new WeakMap<object, Element[]>();

  const sectionColour = (p: UkaProfile, el: Element): WarningColour | null =>
    p.warnings.classColours.find((c) => el.classList.contains(c.className))?.colour ?? null;

  const readSections = (p: UkaProfile, doc: Document): { sections: WarningSection[]; elements: Element[] } => {
    const container = doc.querySelector(p.warnings.container);
    const sections: WarningSection[] = [];
    const elements: Element[] = [];
    if (!container) return { sections, elements };
    for (const el of Array.from(container.querySelectorAll(p.warnings.section))) {
      const heading = text(el.querySelector(p.warnings.heading));
      if (!heading) continue;
      const rec = recogniseWarningHeading(heading, p.headings, sectionColour(p, el));
      if (!rec) continue;
      sections.push({ colour: rec.colour, heading: cleanHeading(heading), kind: rec.kind, items: Array.from(el.querySelectorAll(p.warnings.item)).map((li) => text(li)) });
      elements.push(el);
    }
    return { sections, elements };
  };

  /** The fields read from each row of "Export till SCB", in this order. */
  const EXPORT_FIELDS = ['name', 'personnummer', 'label'] as const;

  function* exportGroups(p: UkaProfile, doc: Document): Steps<{ groups: ExportListGroup[]; elements: Element[] } | string> {
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

  const readExportGroups = (p: UkaProfile, doc: Document) => runThrough(exportGroups(p, doc));

  /** Generator version of withProfile: never throws, failures become { ok: false }. */
  function* withProfileSteps<T>(doc: Document, what: string, read: (p: UkaProfile) => Steps<ReadResult<T>>): Steps<ReadResult<T>> {
    try {
      const p = profileFor(doc);
      if (!p) return fail<T>('sidan känns inte igen som UKA');
      return yield* read(p);
    } catch (e) {
      return fail<T>(`${what}: ${errText(e)}`);
    }
  }

  const exportListSteps = (doc: Document): Steps<ReadResult<ExportList>> =>
    withProfileSteps(doc, 'exportlista', function* (p) {
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
      elementsOfRead.set(value, g.elements);
      return { ok: true, value };
    });

  const startListSteps = (doc: Document): Steps<ReadResult<StartList>> =>
    withProfileSteps(doc, 'startlista', function* (p) {
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
    });

  const mapValue = <T extends string>(list: Array<[RegExp, T]>, raw: string | null, fallback: T): T => {
    const n = normalise(raw ?? '');
    return list.find(([re]) => re.test(n))?.[1] ?? fallback;
  };

  const adapter: UkaReader = {
    profileFor,

    recognise(doc: Document, _url: URL): Recognition {
      return safe(
        () => {
          const p = profileFor(doc);
          if (!p) return { kind: 'unknown', profileId: null };
          const hit = p.pageKinds.find((k) => doc.querySelector(k.selector) !== null);
          return { kind: hit?.kind ?? 'unknown', profileId: p.id };
        },
        () => ({ kind: 'unknown', profileId: null }),
      );
    },

    readPersonPage(doc: Document): ReadResult<PersonPage> {
      return withProfile(doc, 'personsida', (p) => {
        const headerEl = doc.querySelector(p.header.container);
        if (!headerEl) return fail('personhuvudet saknas');
        const facts = readFacts(headerEl, p.header.facts);
        const fact = (re: RegExp) => facts.find(([label]) => re.test(normalise(label)))?.[1] ?? null;
        const pnr = fact(p.header.labels.personnummer);
        const name = text(headerEl.querySelector(p.header.name));
        if (!name || !pnr) return fail('namn eller personnummer saknas i personhuvudet');
        const ageText = fact(p.header.labels.alder);
        const ageNum = ageText ? /\d+/.exec(ageText) : null;
        const header = { name, personnummer: pnr, kon: fact(p.header.labels.kon), alder: ageNum ? Number(ageNum[0]) : null };

        const grids = p.grids;
        const regs = readGrid(doc, grids.registrations);
        if (!regs.ok) return fail(regs.reason);
        const contacts = readGrid(doc, grids.contacts);
        if (!contacts.ok) return fail(contacts.reason);
        const occ = readGrid(doc, grids.occupations);
        if (!occ.ok) return fail(occ.reason);
        const measures = readGrid(doc, grids.measures);
        if (!measures.ok) return fail(measures.reason);
        const bev = readGrid(doc, grids.bevakningar);
        if (!bev.ok) return fail(bev.reason);

        const found = readSections(p, doc);
        const value = {
          header,
          label: fact(p.header.labels.etikett) || null,
          sections: found.sections,
          contacts: contacts.rows.map((r) => ({
            date: isoDate(r.get('date')) ?? r.get('date') ?? '',
            kind: mapValue<ContactKind>(p.values.contactKinds, r.get('kind'), 'annat'),
            reached: p.values.yes.test(normalise(r.get('reached') ?? '')),
            target: mapValue<ContactTarget>(p.values.targets, r.get('target'), 'annan'),
            note: r.get('note') ?? '',
          })) satisfies ContactEntry[],
          measures: measures.rows.map((r) => {
            const a = splitCode(r.get('atgard'));
            return {
              atgardCode: a.code,
              atgardText: a.text || (r.get('atgard') ?? ''),
              start: isoDate(r.get('start')) ?? r.get('start') ?? '',
              // An end with digits that is not a date stays as shown (the ladder reports it); empty, '–' or words mean ongoing.
              end: isoDate(r.get('end')) ?? (/\d/.test(r.get('end') ?? '') ? r.get('end')!.trim() : null),
              grundAtgSlut: splitCode(r.get('grund')).code ?? (r.get('grund') || null),
              sysEfter: splitCode(r.get('sysEfter')).code ?? (r.get('sysEfter') || null),
            };
          }),
          occupations: occ.rows.map((r) => {
            const c = splitCode(r.get('code'));
            return { date: isoDate(r.get('date')) ?? r.get('date') ?? '', sysKontakt: c.code, text: r.get('text') || c.text };
          }),
          registrations: regs.rows.map((r) => ({
            start: isoDate(r.get('start')) ?? r.get('start') ?? '',
            end: isoDate(r.get('end')),
            senSysReg: splitCode(r.get('senSysReg')).code,
          })),
          bevakningar: bev.rows.map((r) => ({ date: isoDate(r.get('date')) ?? r.get('date') ?? '', text: r.get('text') ?? '' })),
        };
        const checked = checkedPersonPage(value);
        if (checked.ok) elementsOfRead.set(checked.value, found.elements);
        return checked;
      });
    },

    readStartList(doc: Document): ReadResult<StartList> {
      return runThrough(startListSteps(doc));
    },

    readExportList(doc: Document): ReadResult<ExportList> {
      return runThrough(exportListSteps(doc));
    },

    readStartListAsync(doc: Document, options?: SliceOptions): Promise<ReadResult<StartList>> {
      return runInSlices(startListSteps(doc), options);
    },

    readExportListAsync(doc: Document, options?: SliceOptions): Promise<ReadResult<ExportList>> {
      return runInSlices(exportListSteps(doc), options);
    },

    anchor(doc: Document, name: AnchorName): Element | null {
      return safe(
        () => {
          const p = profileFor(doc);
          return p ? doc.querySelector(p.anchors[name]) : null;
        },
        () => null,
      );
    },

    presentAnchors(doc: Document, kind: PageKind): Map<AnchorName, Element> {
      const found = new Map<AnchorName, Element>();
      safe(
        () => {
          const p = profileFor(doc);
          if (!p) return;
          const possible = p.pageAnchors[kind] ?? [];
          for (const name of ANCHORS) {
            if (!possible.includes(name)) continue;
            const el = doc.querySelector(p.anchors[name]);
            if (el) found.set(name, el);
          }
        },
        () => undefined,
      );
      return found;
    },

    probeParts(doc: Document, kind: PageKind) {
      return safe(
        () => {
          const p = profileFor(doc);
          return p ? probeParts(p, kind, doc) : { found: [], missing: [] };
        },
        () => ({ found: [], missing: [] }),
      );
    },

    sectionElements(doc: Document, read?: PersonPage | ExportList): Element[] {
      return safe(
        () => {
          const known = read ? elementsOfRead.get(read) : undefined;
          if (known && known.every((el) => el.ownerDocument === doc && el.isConnected)) return known;
          const p = profileFor(doc);
          if (!p) return [];
          const kind = adapter.recognise(doc, new URL('about:blank')).kind;
          if (kind === 'export') {
            const g = readExportGroups(p, doc);
            return typeof g === 'string' ? [] : g.elements;
          }
          return readSections(p, doc).elements;
        },
        () => [],
      );
    },
  };
  return adapter;
}
