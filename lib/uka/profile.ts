/**
 * A markup profile as the adapter uses it: everything that knows what one release of UKA's HTML looks like
 * (selectors, column headings, heading wordings), with its patterns compiled. Profiles are written as JSON documents
 * (./profile-json.ts, checked by ./profile-schema.ts) and made into this by ./compile.ts; the adapter is generic.
 */
import type { AnchorName, ContactKind, ContactTarget, PageKind, WarningColour } from './types';
import type { WarningKind } from '../domain/warnings';
import type { ProfileSource, UkaProfileJson } from './profile-json';

/** How a block of rows is marked up. Column regexes are tested against normalised header text (lower case). */
export type GridSpec =
  | { layout: 'table'; selector: string; columns: Record<string, RegExp>; required: string[] }
  | { layout: 'role-table'; selector: string; columns: Record<string, RegExp>; required: string[] }
  /** A list of <dl> items: each <dt> is a column heading, the next <dd> its value. */
  | { layout: 'dl-list'; selector: string; item: string; columns: Record<string, RegExp>; required: string[] }
  /** A list whose fields are found by sub-selectors inside each item. */
  | { layout: 'list'; selector: string; item: string; fields: Record<string, string>; required: string[] };

export interface HeadingRule {
  kind: WarningKind;
  /** All must match the normalised heading (prefix removed). */
  all: RegExp[];
}

export interface HeadingPatterns {
  /** Tested in order on the normalised heading; the first that matches gives the colour. */
  colours: Array<{ colour: WarningColour; prefix: RegExp }>;
  rules: HeadingRule[];
}

export interface UkaProfile {
  id: string;
  version: string;
  description: string;
  /** Where the profile came from (imported and policy profiles are tried first). */
  source?: ProfileSource;
  /** The document it was compiled from. */
  json?: UkaProfileJson;
  /** True when the document is a page of this UKA release. */
  matches(doc: Document): boolean;
  /** Page-kind recognition: a page is of a kind when its selector finds an element (tested in this order). */
  pageKinds: Array<{ kind: 'login' | 'person' | 'start' | 'export'; selector: string }>;
  header: {
    container: string;
    name: string;
    /** Label/value pairs: 'th-td' (th followed by td) or 'dt-dd'. */
    facts: 'th-td' | 'dt-dd';
    labels: { personnummer: RegExp; kon: RegExp; alder: RegExp; etikett: RegExp };
  };
  warnings: {
    container: string;
    section: string;
    heading: string;
    item: string;
    /** Colour from the section's class when the heading has no known prefix. */
    classColours: Array<{ colour: WarningColour; className: string }>;
  };
  headings: HeadingPatterns;
  grids: {
    contacts: GridSpec;
    measures: GridSpec;
    occupations: GridSpec;
    registrations: GridSpec;
    bevakningar: GridSpec;
    startList: GridSpec;
  };
  startListLink: string;
  exportList: {
    container: string;
    group: string;
    heading: string;
    rows: GridSpec;
    link: string;
  };
  exportButton: string;
  anchors: Record<AnchorName, string>;
  /** The anchors each page kind can have (see COMMON_PAGE_ANCHORS). */
  pageAnchors: Readonly<Record<PageKind, readonly AnchorName[]>>;
  values: {
    contactKinds: Array<[RegExp, ContactKind]>;
    targets: Array<[RegExp, ContactTarget]>;
    yes: RegExp;
  };
}
