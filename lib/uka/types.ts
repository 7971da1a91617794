/**
 * The typed view of UKA that the rest of the extension sees. Everything UKA-markup-specific lives in lib/uka/;
 * features only ever get these objects (or "not recognised").
 */
import { z } from 'zod';
import { lazySchema } from '../startup/lazy-schema';
import { WARNING_KINDS } from '../domain/warnings';
import type { PartRule } from './parts';

export const PAGE_KINDS = ['login', 'start', 'person', 'export', 'unknown'] as const;
export type PageKind = (typeof PAGE_KINDS)[number];

/** ISO calendar date, YYYY-MM-DD. */
export const IsoDate = lazySchema(() => z.string().regex(/^\d{4}-\d{2}-\d{2}$/));
export type IsoDate = z.infer<typeof IsoDate>;

export const WarningColour = lazySchema(() => z.enum(['red', 'yellow', 'green']));
export type WarningColour = z.infer<typeof WarningColour>;

export const WarningKind = lazySchema(() => z.enum(WARNING_KINDS));

export const PersonHeader = lazySchema(() => z.object({
  name: z.string().min(1),
  /** As UKA shows it (12 digits, with or without a hyphen). Never stored by the extension. */
  personnummer: z.string().min(10),
  kon: z.string().nullable(),
  alder: z.number().int().nonnegative().nullable(),
}));
export type PersonHeader = z.infer<typeof PersonHeader>;

export const WarningSection = lazySchema(() => z.object({
  colour: WarningColour,
  /** The heading text as shown by UKA, whitespace-normalised. */
  heading: z.string(),
  /** The recognised kind (R1…R6, Y1…Y4, G1), or null when the heading is not one we know. */
  kind: WarningKind.nullable(),
  /** Text of each listed item. */
  items: z.array(z.string()),
}));
export type WarningSection = z.infer<typeof WarningSection>;

export const ContactKind = lazySchema(() => z.enum(['telefon', 'brev', 'vykort', 'hembesok', 'mote', 'sms', 'annat']));
export type ContactKind = z.infer<typeof ContactKind>;
export const ContactTarget = lazySchema(() => z.enum(['ungdom', 'vardnadshavare', 'annan']));
export type ContactTarget = z.infer<typeof ContactTarget>;

/**
 * A date of the contact log or a measure exactly as UKA shows it when it is not YYYY-MM-DD ("18 nov 2026",
 * "2026-10-xx"): kept, so that the contact ladder can name the bad date and carry on with the rest (lib/ladder checks
 * every date; a page is not unreadable because one of its dates is).
 */
export const ShownDate = lazySchema(() => z.string());

export const ContactEntry = lazySchema(() => z.object({
  date: ShownDate,
  kind: ContactKind,
  reached: z.boolean(),
  target: ContactTarget,
  note: z.string(),
}));
export type ContactEntry = z.infer<typeof ContactEntry>;

export const MeasureEntry = lazySchema(() => z.object({
  /** Atgard code when UKA shows one (e.g. "16"), else null. */
  atgardCode: z.string().nullable(),
  atgardText: z.string(),
  start: ShownDate,
  end: ShownDate.nullable(),
  grundAtgSlut: z.string().nullable(),
  sysEfter: z.string().nullable(),
}));
export type MeasureEntry = z.infer<typeof MeasureEntry>;

export const OccupationEntry = lazySchema(() => z.object({
  date: IsoDate,
  /** SysKontakt code, e.g. "11" for InSys. */
  sysKontakt: z.string().nullable(),
  text: z.string(),
}));
export type OccupationEntry = z.infer<typeof OccupationEntry>;

export const RegistrationPeriod = lazySchema(() => z.object({
  start: IsoDate,
  end: IsoDate.nullable(),
  senSysReg: z.string().nullable(),
}));
export type RegistrationPeriod = z.infer<typeof RegistrationPeriod>;

export const Bevakning = lazySchema(() => z.object({ date: IsoDate, text: z.string() }));
export type Bevakning = z.infer<typeof Bevakning>;

export const PersonPage = lazySchema(() => z.object({
  header: PersonHeader,
  /** The coach's label (etikett) on this person, if UKA shows one. */
  label: z.string().nullable(),
  sections: z.array(WarningSection),
  contacts: z.array(ContactEntry),
  measures: z.array(MeasureEntry),
  occupations: z.array(OccupationEntry),
  registrations: z.array(RegistrationPeriod),
  bevakningar: z.array(Bevakning),
}));
export type PersonPage = z.infer<typeof PersonPage>;

export const StartListRow = lazySchema(() => z.object({
  name: z.string(),
  personnummer: z.string(),
  label: z.string().nullable(),
  status: z.string(),
  latestContact: IsoDate.nullable(),
  /** Same-origin path of the person page, e.g. "/person/123". Contains no personnummer. */
  href: z.string(),
}));
export type StartListRow = z.infer<typeof StartListRow>;

export const StartList = lazySchema(() => z.object({ rows: z.array(StartListRow) }));
export type StartList = z.infer<typeof StartList>;

export const ExportListRow = lazySchema(() => z.object({
  name: z.string(),
  personnummer: z.string().nullable(),
  label: z.string().nullable(),
  href: z.string(),
}));
export type ExportListRow = z.infer<typeof ExportListRow>;

export const ExportListGroup = lazySchema(() => z.object({
  colour: WarningColour,
  heading: z.string(),
  kind: WarningKind.nullable(),
  rows: z.array(ExportListRow),
}));
export type ExportListGroup = z.infer<typeof ExportListGroup>;

export const ExportList = lazySchema(() => z.object({
  groups: z.array(ExportListGroup),
  exportButton: z.object({
    enabled: z.boolean(),
    /** Same-origin URL the export button downloads from (GET), when it can be read off the page. */
    href: z.string().nullable(),
  }),
}));
export type ExportList = z.infer<typeof ExportList>;

/** A read never throws: it either gives typed data or says why it could not. */
export type ReadResult<T> = { ok: true; value: T } | { ok: false; reason: string };

export interface Recognition {
  kind: PageKind;
  /** The markup profile that matched (e.g. "uka-2024"), or null for an unrecognised page. */
  profileId: string | null;
}

/** Named places in UKA's page that features may anchor UI next to (never modify). */
export const ANCHORS = ['header', 'warnings', 'contactLog', 'measures', 'occupations', 'exportButton', 'exportList', 'startList', 'loginForm'] as const;
export type AnchorName = (typeof ANCHORS)[number];

export interface UkaAdapter {
  recognise(doc: Document, url: URL): Recognition;
  readPersonPage(doc: Document): ReadResult<PersonPage>;
  readStartList(doc: Document): ReadResult<StartList>;
  readExportList(doc: Document): ReadResult<ExportList>;
  /** The same reads in slices: the main thread is given back between slices (long lists, no long task). */
  readStartListAsync?(doc: Document, options?: SliceOptions): Promise<ReadResult<StartList>>;
  readExportListAsync?(doc: Document, options?: SliceOptions): Promise<ReadResult<ExportList>>;
  /** Find a named element to anchor UI next to, or null ("not found": never a guess). */
  anchor(doc: Document, name: AnchorName): Element | null;
  /** The named elements on a page of this kind, in ANCHORS order (only the anchors such a page can have are looked up). */
  presentAnchors(doc: Document, kind: PageKind): Map<AnchorName, Element>;
  /**
   * Elements of one warning section, in the same order as readPersonPage/readExportList return them. Given the value
   * of a read of this document (`read`), the elements found by that read are returned without reading the page again
   * (a 5,000-row export list is then walked once, not twice).
   */
  sectionElements(doc: Document, read?: PersonPage | ExportList): Element[];
  /** The named parts a page of this kind has (lib/uka/parts.ts), found and missing, with the matching profile's rules. */
  probeParts?(doc: Document, kind: PageKind): { found: PartRule[]; missing: PartRule[] };
}

/** How a sliced read shares the main thread. */
export interface SliceOptions {
  /** Longest stretch of work before yielding (ms). Default 8. */
  budgetMs?: number;
  /** How to give the main thread back. Default: a macrotask (setTimeout 0). */
  yieldNow?(): Promise<void>;
  /** Stop reading (the promise rejects) when this aborts. */
  signal?: AbortSignal;
}
