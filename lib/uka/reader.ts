/**
 * The UKA adapter's reader: picks the markup profile that matches a page, recognises the page kind and reads pages
 * into the typed view of lib/uka/types.ts. Never throws: every read gives { ok: true, value } or { ok: false, reason }.
 * It is given its profiles (./adapter.ts adds the built-in ones as the default); the UKA content script gets them,
 * checked, from the background, and so carries no copy of the built-in profile documents.
 *
 * The reads, one file per page kind: read-person.ts (person page), read-lists.ts (start list, "Export till SCB"),
 * read-warnings.ts (SCB's warning headings and sections); read-steps.ts runs them (never throwing, long lists in
 * slices). The list reads are given to the reader (`lists`), not imported: the UKA main script's reader takes them from
 * the page kind's bundle that has the list (read-lists.ts says why).
 */
import { ANCHORS, type PersonPage, type ExportList, type StartList, type AnchorName, type PageKind, type ReadResult, type Recognition, type UkaAdapter, type SliceOptions } from './types';
import type { UkaProfile } from './profile';
import { probeParts, type PartRule } from './parts';
import { readPerson } from './read-person';
import type { ListReads } from './read-lists';
import { readSections } from './read-warnings';
import { errText, fail, runInSlices, runThrough, safe, type Steps } from './read-steps';

export type { UkaProfile } from './profile';
export { recogniseWarningHeading } from './read-warnings';

export type UkaReader = UkaAdapter & {
  profileFor(doc: Document): UkaProfile | null;
  probeParts(doc: Document, kind: PageKind): { found: PartRule[]; missing: PartRule[] };
};

/**
 * A reader over these profiles, tried in order (the list is read on every call: it may be changed in place), with the
 * list reads `lists` gives at the time of each read (none: a list read fails, saying so).
 */
export function createUkaReader(profiles: readonly UkaProfile[], lists: () => ListReads = () => ({})): UkaReader {
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

  /** Section elements found by a read, keyed by the value it returned (see sectionElements). */
  const elementsOfRead = new WeakMap<object, Element[]>();
  const remember = (value: object, elements: Element[]) => elementsOfRead.set(value, elements);

  /** A list read this reader has not been given. */
  function* notGiven<T>(what: string): Steps<ReadResult<T>> {
    return fail<T>(`${what}: koden som läser listan saknas`);
  }
  const exportList = (doc: Document) => {
    const read = lists().exportList;
    return read ? withProfileSteps(doc, 'exportlista', (p) => read(p, doc, remember)) : notGiven<ExportList>('exportlista');
  };
  const startList = (doc: Document) => {
    const read = lists().startList;
    return read ? withProfileSteps(doc, 'startlista', (p) => read(p, doc)) : notGiven<StartList>('startlista');
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
      return withProfile(doc, 'personsida', (p) => readPerson(p, doc, remember));
    },

    readStartList(doc: Document): ReadResult<StartList> {
      return runThrough(startList(doc));
    },

    readExportList(doc: Document): ReadResult<ExportList> {
      return runThrough(exportList(doc));
    },

    readStartListAsync(doc: Document, options?: SliceOptions): Promise<ReadResult<StartList>> {
      return runInSlices(startList(doc), options);
    },

    readExportListAsync(doc: Document, options?: SliceOptions): Promise<ReadResult<ExportList>> {
      return runInSlices(exportList(doc), options);
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
            const groups = lists().exportGroups;
            const g = groups ? runThrough(groups(p, doc)) : '';
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
