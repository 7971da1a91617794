/**
 * Column mapping of an Extens extract: which column holds which field. A mapping is saved by column NAMES only
 * (never data), and offered again when a file with the same headers comes back; a kommun can ship mappings in the
 * policy. Pure: no DOM, no browser APIs.
 */
import { z } from 'zod';

export const EXTENS_FIELDS = [
  'personnummer',
  'name',
  'firstName',
  'lastName',
  'kommun',
  'schoolForm',
  'programme',
  'enrolledFrom',
  'enrolledTo',
  'examen',
  'gymnasieintyg',
  'studiebevis',
  'sarskolebevis',
  'protectedIdentity',
  'phone',
  'address',
] as const;
export type ExtensField = (typeof EXTENS_FIELDS)[number];

/** Swedish label of each field, as the page shows it. */
export const FIELD_LABELS: Record<ExtensField, string> = {
  personnummer: 'Personnummer',
  name: 'Namn (en kolumn)',
  firstName: 'Förnamn',
  lastName: 'Efternamn',
  kommun: 'Folkbokföringskommun',
  schoolForm: 'Skolform',
  programme: 'Program',
  enrolledFrom: 'Inskriven från',
  enrolledTo: 'Inskriven till',
  examen: 'Gymnasieexamen',
  gymnasieintyg: 'Gymnasieintyg',
  studiebevis: 'Studiebevis',
  sarskolebevis: 'Gymnasiesärskolebevis',
  protectedIdentity: 'Skyddad identitet',
  phone: 'Telefon',
  address: 'Adress',
};

/** A column: a header name, or a 1-based column number when the file has no header row. */
export type ColumnRef = string | number;
export type ExtensMapping = Partial<Record<ExtensField, ColumnRef>>;

export const MappingSchema = z
  .object(Object.fromEntries(EXTENS_FIELDS.map((f) => [f, z.union([z.string().min(1), z.number().int().min(1)]).optional()])) as Record<ExtensField, z.ZodOptional<z.ZodUnion<[z.ZodString, z.ZodNumber]>>>)
  .strict();

/** A saved mapping: the headers it was made for (normalised) and the mapping by header name. */
export const SavedMappingSchema = z.object({
  name: z.string().max(100).optional(),
  headers: z.array(z.string()).min(1),
  map: MappingSchema,
});
export type SavedMapping = z.infer<typeof SavedMappingSchema>;

export const SavedMappingsSchema = z.array(SavedMappingSchema).max(50);

/** Header text as compared: lower case, one space, no BOM or quotes. */
export function normaliseHeader(h: string): string {
  return h.replace(/^\ufeff/, '').replace(/\u00a0/g, ' ').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The saved mapping made for exactly these headers (order does not matter), if any. */
export function findSavedMapping(saved: readonly SavedMapping[], headers: readonly string[]): SavedMapping | null {
  const key = [...headers.map(normaliseHeader)].sort().join('\u0001');
  for (const s of saved) if ([...s.headers.map(normaliseHeader)].sort().join('\u0001') === key) return s;
  return null;
}

/** What a mapping must have before the comparison can run. */
export function mappingProblems(map: ExtensMapping): string[] {
  const out: string[] = [];
  if (map.personnummer === undefined) out.push('Välj kolumnen med personnummer.');
  return out;
}

/** Check a mapping against the file's headers (or column count); one message per reference that does not exist. */
export function unresolvedColumns(map: ExtensMapping, headers: readonly string[] | null, columnCount: number): string[] {
  const out: string[] = [];
  const names = headers ? new Set(headers.map(normaliseHeader)) : null;
  for (const f of EXTENS_FIELDS) {
    const ref = map[f];
    if (ref === undefined) continue;
    if (typeof ref === 'number') {
      if (ref > columnCount) out.push(`${FIELD_LABELS[f]}: kolumn ${ref} finns inte (filen har ${columnCount} kolumner)`);
    } else if (!names) out.push(`${FIELD_LABELS[f]}: filen saknar rubrikrad, ange kolumnens nummer i stället för "${ref}"`);
    else if (!names.has(normaliseHeader(ref))) out.push(`${FIELD_LABELS[f]}: kolumnen "${ref}" finns inte i filen`);
  }
  return out;
}

/** Resolve a mapping to 0-based column indexes (unresolved fields left out). */
export function resolveMapping(map: ExtensMapping, headers: readonly string[] | null): Partial<Record<ExtensField, number>> {
  const out: Partial<Record<ExtensField, number>> = {};
  const index = new Map<string, number>();
  headers?.forEach((h, i) => {
    const k = normaliseHeader(h);
    if (!index.has(k)) index.set(k, i);
  });
  for (const f of EXTENS_FIELDS) {
    const ref = map[f];
    if (ref === undefined) continue;
    if (typeof ref === 'number') out[f] = ref - 1;
    else {
      const i = index.get(normaliseHeader(ref));
      if (i !== undefined) out[f] = i;
    }
  }
  return out;
}

const GUESSES: Array<[ExtensField, RegExp]> = [
  ['personnummer', /^(personnummer|personnr|pnr|person ?nr|personnummer \(12\)|persnr|personid)$/],
  ['firstName', /^(förnamn|fornamn|tilltalsnamn)$/],
  ['lastName', /^(efternamn)$/],
  ['name', /^(namn|elevnamn|fullständigt namn)$/],
  ['kommun', /^(folkbokföringskommun|folkbokf\.? ?kommun|kommun|kommunkod|hemkommun)$/],
  ['schoolForm', /^(skolform|skolformkod)$/],
  ['programme', /^(program|programkod|studievägskod|studieväg)$/],
  ['enrolledFrom', /^(inskriven från|inskriven fr\.?o\.?m\.?|startdatum|från|inskrivningsdatum)$/],
  ['enrolledTo', /^(inskriven till|inskriven t\.?o\.?m\.?|slutdatum|till|utskrivningsdatum|avgångsdatum)$/],
  ['examen', /^(examen|gymnasieexamen|examensdatum)$/],
  ['gymnasieintyg', /^(gymnasieintyg|intyg)$/],
  ['studiebevis', /^(studiebevis)$/],
  ['sarskolebevis', /^(gymnasiesärskolebevis|särskolebevis|bevis anpassad gymnasieskola)$/],
  ['protectedIdentity', /^(skyddad identitet|skyddade personuppgifter|sekretessmarkering|skyddad)$/],
  ['phone', /^(telefon|telefonnummer|mobil|mobilnummer|tel)$/],
  ['address', /^(adress|folkbokföringsadress|gatuadress|postadress)$/],
];

/** A first suggestion from common header names; the user confirms or changes it. */
export function suggestMapping(headers: readonly string[]): ExtensMapping {
  const out: ExtensMapping = {};
  headers.forEach((h) => {
    const k = normaliseHeader(h);
    for (const [field, re] of GUESSES) {
      if (out[field] === undefined && re.test(k)) {
        out[field] = h.trim();
        break;
      }
    }
  });
  return out;
}

/** Load a MAP.json (CLI) or a policy entry; returns Swedish messages on failure. */
export function loadMapping(json: unknown): { ok: true; map: ExtensMapping } | { ok: false; errors: string[] } {
  const r = MappingSchema.safeParse(json);
  if (r.success) return { ok: true, map: r.data as ExtensMapping };
  return { ok: false, errors: r.error.issues.map((i) => `${i.path.join('.') || '(rot)'}: ${i.message}`) };
}
