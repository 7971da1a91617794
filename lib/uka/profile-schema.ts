/**
 * The check of a UKA markup profile document (./profile-json.ts): its shape by a zod schema, then its patterns by
 * compiling them (./compile.ts), every problem with its path and a Swedish reason, like the metodbok pack's check.
 * Runs in the background and on the extension's pages; the UKA content script gets profiles already checked.
 */
import { z } from 'zod';
import { WARNING_KINDS } from '../domain/warnings';
import { ANCHORS, PAGE_KINDS } from './types';
import { formatPath, issueMessage } from '../content/zod-messages';
import { compileProfile, type ProfileIssue } from './compile';
import { GRID_NAMES, PROFILE_FORMAT, PROFILE_FORMAT_VERSION, type ProfileSource, type UkaProfileJson } from './profile-json';
import type { UkaProfile } from './profile';
import { expandProfile } from './profiles';

const Selector = z.string().trim().min(1, 'väljaren är tom').max(500, 'väljaren är längre än 500 tecken');
const Pattern = z.string().min(1, 'mönstret är tomt').max(500, 'mönstret är längre än 500 tecken');
const FieldName = z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/, 'fältnamn ska vara bokstäver och siffror');
const Colour = z.enum(['red', 'yellow', 'green']);
const Required = z.array(FieldName).max(20);

const tableLike = <L extends string>(layout: L) =>
  z.strictObject({ layout: z.literal(layout), selector: Selector, columns: z.record(FieldName, Pattern), required: Required });

const GridSpec = z
  .discriminatedUnion('layout', [
    tableLike('table'),
    tableLike('role-table'),
    z.strictObject({ layout: z.literal('dl-list'), selector: Selector, item: Selector, columns: z.record(FieldName, Pattern), required: Required }),
    z.strictObject({ layout: z.literal('list'), selector: Selector, item: Selector, fields: z.record(FieldName, Selector), required: Required }),
  ])
  .superRefine((spec, ctx) => {
    const named = spec.layout === 'list' ? spec.fields : spec.columns;
    spec.required.forEach((field, i) => {
      if (!(field in named)) ctx.addIssue({ code: 'custom', path: ['required', i], message: `fältet "${field}" krävs men har ingen ${spec.layout === 'list' ? 'väljare i fields' : 'kolumn i columns'}` });
    });
  });

/** The fields the adapter reads from each grid: a profile must name these (others are allowed, and unused). */
const GRID_FIELDS: Record<string, readonly string[]> = {
  registrations: ['start', 'end', 'senSysReg'],
  contacts: ['date', 'kind', 'reached'],
  occupations: ['date', 'code'],
  measures: ['atgard', 'start', 'end'],
  bevakningar: ['date', 'text'],
  startList: ['name', 'personnummer'],
  exportRows: ['name'],
};

const withFields = (grid: string) =>
  GridSpec.superRefine((spec, ctx) => {
    const named = spec.layout === 'list' ? spec.fields : spec.columns;
    for (const field of GRID_FIELDS[grid] ?? []) {
      if (!(field in named)) ctx.addIssue({ code: 'custom', path: [spec.layout === 'list' ? 'fields' : 'columns'], message: `fältet "${field}" saknas (det läses av KAA-lotsen)` });
    }
  });

export const UkaProfileSchema = z.strictObject({
  format: z.literal(PROFILE_FORMAT),
  formatVersion: z.literal(PROFILE_FORMAT_VERSION),
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,39}$/, 'id ska vara 2–40 tecken: små bokstäver a–z, siffror och bindestreck'),
  version: z.string().min(1).max(40),
  description: z.string().max(300),
  matches: z.strictObject({ all: z.array(Selector).min(1, 'minst en väljare som känner igen UKA').max(10), none: z.array(Selector).max(10).optional() }),
  pageKinds: z
    .array(z.strictObject({ kind: z.enum(['login', 'person', 'start', 'export']), selector: Selector }))
    .min(1)
    .max(10),
  header: z.strictObject({
    container: Selector,
    name: Selector,
    facts: z.enum(['th-td', 'dt-dd']),
    labels: z.strictObject({ personnummer: Pattern, kon: Pattern, alder: Pattern, etikett: Pattern }),
  }),
  warnings: z.strictObject({
    container: Selector,
    section: Selector,
    heading: Selector,
    item: Selector,
    classColours: z.array(z.strictObject({ colour: Colour, className: z.string().regex(/^[\w-]+$/, 'ett klassnamn utan punkt') })).max(10),
  }),
  headings: z
    .strictObject({
      colours: z.array(z.strictObject({ colour: Colour, prefix: Pattern })).min(1).max(10),
      rules: z.array(z.strictObject({ kind: z.enum(WARNING_KINDS), all: z.array(Pattern).min(1).max(5) })).max(40),
    })
    .optional(),
  grids: z.strictObject(Object.fromEntries(GRID_NAMES.map((g) => [g, withFields(g)])) as Record<(typeof GRID_NAMES)[number], ReturnType<typeof withFields>>),
  startListLink: Selector,
  exportList: z.strictObject({ container: Selector, group: Selector, heading: Selector, rows: withFields('exportRows'), link: Selector }),
  exportButton: Selector,
  anchors: z.strictObject(Object.fromEntries(ANCHORS.map((a) => [a, Selector])) as Record<(typeof ANCHORS)[number], typeof Selector>),
  pageAnchors: z.strictObject(Object.fromEntries(PAGE_KINDS.map((k) => [k, z.array(z.enum(ANCHORS))])) as Record<(typeof PAGE_KINDS)[number], z.ZodArray<z.ZodEnum<{ [K in (typeof ANCHORS)[number]]: K }>>>).optional(),
  values: z
    .strictObject({
      contactKinds: z.array(z.strictObject({ pattern: Pattern, value: z.enum(['telefon', 'brev', 'vykort', 'hembesok', 'mote', 'sms', 'annat']) })).max(30),
      targets: z.array(z.strictObject({ pattern: Pattern, value: z.enum(['ungdom', 'vardnadshavare', 'annan']) })).max(30),
      yes: Pattern,
    })
    .optional(),
});

export type { ProfileIssue };

export type ParseProfileResult = { ok: true; json: UkaProfileJson; profile: UkaProfile } | { ok: false; errors: ProfileIssue[] };

/**
 * Check a profile document: its shape, then every pattern compiled (and, where `checkSelector` is given, every
 * selector tried). Never throws.
 */
export function parseProfile(input: unknown, options: { source?: ProfileSource; checkSelector?: (selector: string) => string | null } = {}): ParseProfileResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, errors: [{ path: '', message: 'Filen ska innehålla ett JSON-objekt (en UKA-profil).' }] };
  }
  const record = input as Record<string, unknown>;
  if (record.format !== PROFILE_FORMAT) {
    return { ok: false, errors: [{ path: 'format', message: `Det här är inte en UKA-profil för KAA-lotsen (fältet format ska vara "${PROFILE_FORMAT}").` }] };
  }
  if (record.formatVersion !== PROFILE_FORMAT_VERSION) {
    return { ok: false, errors: [{ path: 'formatVersion', message: `Okänd formatversion (${JSON.stringify(record.formatVersion) ?? 'saknas'}). Den här versionen av KAA-lotsen läser formatversion ${PROFILE_FORMAT_VERSION}.` }] };
  }
  const parsed = UkaProfileSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issueMessage(issue) })) };
  // The document complete: what it leaves out is the wording every UKA release shares.
  const json = expandProfile(parsed.data as UkaProfileJson);
  const compiled = compileProfile(json, options);
  return compiled.ok ? { ok: true, json, profile: compiled.profile } : compiled;
}

/** Parse a JSON text (an imported file, a policy value given as text) and check it. */
export function parseProfileText(text: string, options: { source?: ProfileSource; checkSelector?: (selector: string) => string | null } = {}): ParseProfileResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [{ path: '', message: `Filen är inte giltig JSON: ${e instanceof Error ? e.message : String(e)}` }] };
  }
  return parseProfile(json, options);
}

/** A stored or policy value: a document, or a document as JSON text. */
export function parseStoredProfile(value: unknown, source: ProfileSource): ParseProfileResult {
  return typeof value === 'string' ? parseProfileText(value, { source }) : parseProfile(value, { source });
}

/** A selector check for pages with a DOM (the options and calibration pages): the browser's own selector parser. */
export function domSelectorCheck(doc: Document): (selector: string) => string | null {
  const fragment = doc.createDocumentFragment();
  return (selector) => {
    try {
      fragment.querySelector(selector);
      return null;
    } catch {
      return `"${selector}" är ingen giltig CSS-väljare`;
    }
  };
}
