/**
 * A UKA markup profile as a JSON document: what a kommun writes, imports on the options page or sets by policy. The
 * zod schema that checks it is ./profile-schema.ts (background and extension pages only); ./compile.ts turns a
 * checked document into the UkaProfile the adapter uses (patterns compiled once), without zod.
 *
 * Patterns are regular expressions as strings (JSON: a backslash is written "\\"). They are tested against normalised
 * text: lower case, punctuation (: ; – — - ( ) [ ] , . ! ? * " ') as spaces, single spaces.
 */
import type { AnchorName, ContactKind, ContactTarget, PageKind, WarningColour } from './types';
import type { WarningKind } from '../domain/warnings';

export const PROFILE_FORMAT = 'kaa-lotsen-uka-profil' as const;
export const PROFILE_FORMAT_VERSION = 1 as const;

/** Pattern text (a regular expression without slashes or flags). */
export type Pattern = string;

export type GridSpecJson =
  | { layout: 'table'; selector: string; columns: Record<string, Pattern>; required: string[] }
  | { layout: 'role-table'; selector: string; columns: Record<string, Pattern>; required: string[] }
  | { layout: 'dl-list'; selector: string; item: string; columns: Record<string, Pattern>; required: string[] }
  | { layout: 'list'; selector: string; item: string; fields: Record<string, string>; required: string[] };

export interface HeadingPatternsJson {
  colours: Array<{ colour: WarningColour; prefix: Pattern }>;
  rules: Array<{ kind: WarningKind; all: Pattern[] }>;
}

export interface ValuesJson {
  contactKinds: Array<{ pattern: Pattern; value: ContactKind }>;
  targets: Array<{ pattern: Pattern; value: ContactTarget }>;
  yes: Pattern;
}

export const GRID_NAMES = ['registrations', 'contacts', 'occupations', 'measures', 'bevakningar', 'startList'] as const;
export type GridName = (typeof GRID_NAMES)[number];

export interface UkaProfileJson {
  format: typeof PROFILE_FORMAT;
  formatVersion: typeof PROFILE_FORMAT_VERSION;
  id: string;
  version: string;
  description: string;
  /** The page is of this UKA when every `all` selector finds an element and no `none` selector does. */
  matches: { all: string[]; none?: string[] };
  pageKinds: Array<{ kind: 'login' | 'person' | 'start' | 'export'; selector: string }>;
  header: {
    container: string;
    name: string;
    facts: 'th-td' | 'dt-dd';
    labels: { personnummer: Pattern; kon: Pattern; alder: Pattern; etikett: Pattern };
  };
  warnings: {
    container: string;
    section: string;
    heading: string;
    item: string;
    classColours: Array<{ colour: WarningColour; className: string }>;
  };
  /** Warning-heading wording; left out: the wording shared by UKA's releases (./profiles/common.json). */
  headings?: HeadingPatternsJson;
  grids: Record<GridName, GridSpecJson>;
  startListLink: string;
  exportList: { container: string; group: string; heading: string; rows: GridSpecJson; link: string };
  exportButton: string;
  anchors: Record<AnchorName, string>;
  /** Left out: the anchors shared by UKA's releases (./profiles/common.json). */
  pageAnchors?: Record<PageKind, AnchorName[]>;
  /** Left out: the contact-log values shared by UKA's releases (./profiles/common.json). */
  values?: ValuesJson;
}

/** Where a profile came from (imported and policy profiles are tried before the built-in ones). */
export type ProfileSource = 'policy' | 'imported' | 'builtin' | 'draft';
