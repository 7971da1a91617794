/**
 * The content pack ("metodbokspaket"): the metodbok texts, tips, explainers of UKA's SCB warnings, the glossary and
 * the onboarding tour, plus the kommun's routine intervals. Versioned JSON, validated with zod; a kommun can export,
 * edit and import its own pack (options page).
 *
 * `parsePack` never throws; it returns precise errors: a path like `sections[3].links[0]` and a Swedish reason.
 */
import { z } from 'zod';
import { lazySchema } from '../startup/lazy-schema';
import { WARNING_KINDS, type WarningKind } from '../domain/warnings';
import { ANCHORS, PAGE_KINDS, type AnchorName, type PageKind } from '../uka/types';
import { checkMarkdown, parseMarkdown, sectionLinks, SLUG_RE } from './markdown';
import { EXPLAINER_KEYS } from './keys';
import { DEFAULT_LADDER_SETTINGS, FIXED_STEP_IDS, type Stage } from '../ladder/types';
import { clampLegacy, PACK_KEYS, readableRange, ROUTINE, type RoutineKey } from '../domain/routine';
import { describeValue, formatPath, issueMessage } from './zod-messages';

export { formatPath, issueMessage };

export const PACK_FORMAT = 'kaa-lotsen-pack' as const;
export const PACK_FORMAT_VERSION = 1 as const;

export const SCB_PHASES = ['normal', 'before-deadline', 'export-week', 'after-upload'] as const;
export type ScbPhase = (typeof SCB_PHASES)[number];

export const TOUR_PAGE_KINDS = ['person', 'export'] as const;
export type TourPageKind = (typeof TOUR_PAGE_KINDS)[number];

/**
 * Contact-ladder values a tip can be tied to (tip.contexts.ladderSteps): the ladder's stages and the ids of its next
 * actions (lib/ladder), with `call` standing for every phone attempt `call1`…`callN`. The schema accepts any
 * identifier so a kommun's pack keeps working if the ladder grows; tests check that the default pack uses known ones.
 */
export const LADDER_STAGES = ['notStarted', 'calling', 'contactLetter', 'homeVisit', 'afterVisit', 'notInterested', 'followUp', 'inMeasure', 'ended'] as const satisfies readonly Stage[];
export const KNOWN_LADDER_STEPS: readonly string[] = [...new Set<string>([...LADDER_STAGES, 'call', ...FIXED_STEP_IDS])];

/** Text length limits (characters). */
export const LIMITS = {
  id: 60,
  title: 100,
  packTitle: 120,
  sectionBody: 8000,
  tipText: 300,
  explainerText: 600,
  explainerStep: 300,
  explainerSteps: 10,
  glossaryShort: 160,
  glossaryLong: 1200,
  tourText: 400,
  tags: 12,
  tag: 40,
  links: 20,
} as const;

// ---------- zod building blocks (messages in Swedish) ----------

const slug = z
  .string({ error: 'ska vara en text' })
  .max(LIMITS.id, { error: `får vara högst ${LIMITS.id} tecken` })
  .regex(SLUG_RE, { error: 'ska vara ett id med små bokstäver a–z, siffror och bindestreck (t.ex. "hembesok")' });

const HTML_IN_TEXT = /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>|<!--/;

/** Plain text (never interpreted as markup, but HTML-looking tags are refused to keep packs clean). */
function plain(max: number, min = 1) {
  return z
    .string({ error: 'ska vara en text' })
    .min(min, { error: min === 1 ? 'får inte vara tom' : `ska vara minst ${min} tecken` })
    .max(max, { error: `är för lång: högst ${max} tecken är tillåtna` })
    .refine((s) => !HTML_IN_TEXT.test(s), { error: 'HTML är inte tillåtet här; skriv vanlig text' });
}

const markdownBody = z
  .string({ error: 'ska vara en text' })
  .min(1, { error: 'får inte vara tom' })
  .max(LIMITS.sectionBody, { error: `är för lång: högst ${LIMITS.sectionBody} tecken är tillåtna` })
  .superRefine((s, ctx) => {
    for (const p of checkMarkdown(s)) ctx.addIssue({ code: 'custom', message: `rad ${p.line}: ${p.message}` });
  });

/**
 * A routine number of the pack (lib/domain/routine.ts: range and default). A value an earlier version accepted but
 * today's range does not (Bounds.legacy) is brought into range rather than refused, so such a pack keeps loading.
 */
const routineInt = (key: RoutineKey) => {
  const bounds = ROUTINE[key];
  const readable = readableRange(key, 'pack');
  return z
    .number({ error: 'ska vara ett tal' })
    .int({ error: 'ska vara ett heltal' })
    .min(readable.min, { error: `ska vara minst ${bounds.min}` })
    .max(readable.max, { error: `får vara högst ${bounds.max}` })
    .transform((n) => clampLegacy(key, n, 'pack') as number)
    .default(bounds.default);
};

/**
 * The kommun's routine: the numbers of the routine table that a pack carries (PACK_KEYS), and the words that, in
 * UKA's note of a home visit without contact, make the Skatteverket step likely (the ladder quotes them). Plain
 * words, letters and spaces only; matched as whole words, any case, not right after "inte"/"ej".
 *
 * `retentionDays` (lagringstid: days kept after a youth was last seen, at the latest after the 20th birthday) is capped:
 * at most RETENTION_MAX_DAYS (365) and at least 30. A pack with more, up to the 3650 earlier versions accepted, loads
 * with 365 (the cap in force, shown on the options page); beyond 3650 it is refused.
 */
export const PackSettings = lazySchema(() =>
  z
    .object({
      ...(Object.fromEntries(PACK_KEYS.map((key) => [key, routineInt(key)])) as Record<(typeof PACK_KEYS)[number], ReturnType<typeof routineInt>>),
      notLivingPatterns: z
        .array(z.string({ error: 'ska vara en text' }).trim().regex(/^[\p{L} ]{2,60}$/u, { error: 'bara bokstäver och mellanslag, 2–60 tecken' }), {
          error: 'ska vara en lista med ord',
        })
        .max(40, { error: 'högst 40 uttryck' })
        .default([...DEFAULT_LADDER_SETTINGS.notLivingPatterns]),
    })
    .strict(),
);
export type PackSettings = z.infer<typeof PackSettings>;

export const Section = lazySchema(() => z
  .object({
    id: slug,
    title: plain(LIMITS.title),
    body: markdownBody,
    links: z.array(slug, { error: 'ska vara en lista med avsnitts-id' }).max(LIMITS.links, { error: `högst ${LIMITS.links} länkar` }).default([]),
    tags: z.array(plain(LIMITS.tag), { error: 'ska vara en lista med ord' }).max(LIMITS.tags, { error: `högst ${LIMITS.tags} taggar` }).default([]),
  })
  .strict());
export type Section = z.infer<typeof Section>;

const nonEmptyList = <T extends z.ZodType>(item: T) =>
  z.array(item, { error: 'ska vara en lista' }).min(1, { error: 'ta bort fältet i stället för att lämna listan tom' }).optional();

export const TipContexts = lazySchema(() => z
  .object({
    pageKinds: nonEmptyList(z.enum(PAGE_KINDS, { error: `okänd sidtyp; tillåtna är ${PAGE_KINDS.join(', ')}` })),
    anchors: nonEmptyList(z.enum(ANCHORS, { error: `okänd plats; tillåtna är ${ANCHORS.join(', ')}` })),
    warningKinds: nonEmptyList(z.enum(WARNING_KINDS, { error: `okänd varningstyp; tillåtna är ${WARNING_KINDS.join(', ')}` })),
    ladderSteps: nonEmptyList(
      z
        .string({ error: 'ska vara en text' })
        .regex(/^[A-Za-z][A-Za-z0-9-]{0,59}$/, { error: 'ska vara ett steg-id ur kontakttrappan, t.ex. "calling" eller "homeVisit"' }),
    ),
    scbPhases: nonEmptyList(z.enum(SCB_PHASES, { error: `okänd SCB-fas; tillåtna är ${SCB_PHASES.join(', ')}` })),
  })
  .strict());
export type TipContexts = z.infer<typeof TipContexts>;

export const Tip = lazySchema(() => z
  .object({
    id: slug,
    sectionId: slug,
    title: plain(LIMITS.title),
    text: plain(LIMITS.tipText),
    contexts: TipContexts.default({}),
  })
  .strict());
export type Tip = z.infer<typeof Tip>;

export const Explainer = lazySchema(() => z
  .object({
    title: plain(LIMITS.title),
    meaning: plain(LIMITS.explainerText),
    whyScbCares: plain(LIMITS.explainerText),
    steps: z
      .array(plain(LIMITS.explainerStep), { error: 'ska vara en lista med steg' })
      .min(1, { error: 'ska ha minst ett steg' })
      .max(LIMITS.explainerSteps, { error: `högst ${LIMITS.explainerSteps} steg` }),
    typicalMistake: plain(LIMITS.explainerText),
    /** Optional "read more" section. */
    sectionId: slug.optional(),
  })
  .strict());
export type Explainer = z.infer<typeof Explainer>;

export { EXPLAINER_KEYS };
export type ExplainerKey = WarningKind | 'generic';

export const GlossaryEntry = lazySchema(() => z
  .object({
    /** Exactly as UKA/SCB spell it. */
    term: plain(LIMITS.title),
    short: plain(LIMITS.glossaryShort),
    long: plain(LIMITS.glossaryLong),
    /** Other spellings that should be recognised in text (e.g. "IM" for introduktionsprogram). */
    aliases: z.array(plain(LIMITS.title), { error: 'ska vara en lista' }).optional(),
    /**
     * Match case exactly. Defaults to true for code-like terms (an upper-case letter after the first character,
     * e.g. SysKontakt, or all capitals like KAA) and false for ordinary words.
     */
    caseSensitive: z.boolean({ error: 'ska vara true eller false' }).optional(),
    sectionId: slug.optional(),
  })
  .strict());
export type GlossaryEntry = z.infer<typeof GlossaryEntry>;

export const TourStep = lazySchema(() => z
  .object({
    id: slug,
    pageKind: z.enum(TOUR_PAGE_KINDS, { error: 'ska vara "person" eller "export"' }),
    anchor: z.enum(ANCHORS, { error: `okänd plats; tillåtna är ${ANCHORS.join(', ')}` }),
    title: plain(LIMITS.title),
    text: plain(LIMITS.tourText),
  })
  .strict());
export type TourStep = z.infer<typeof TourStep>;

const explainersShape = Object.fromEntries(EXPLAINER_KEYS.map((k) => [k, Explainer])) as Record<ExplainerKey, typeof Explainer>;

export const Pack = lazySchema(() => z
  .object({
    format: z.literal(PACK_FORMAT),
    formatVersion: z.literal(PACK_FORMAT_VERSION),
    id: slug,
    version: z
      .string({ error: 'ska vara en text' })
      .regex(/^\d+\.\d+\.\d+$/, { error: 'ska vara ett versionsnummer som 1.0.0' }),
    title: plain(LIMITS.packTitle),
    language: z.literal('sv', { error: 'ska vara "sv" (bara svenska stöds)' }),
    locked: z.boolean({ error: 'ska vara true eller false' }).optional(),
    settings: PackSettings.default(PackSettings.parse({})),
    sections: z.array(Section, { error: 'ska vara en lista med avsnitt' }).min(1, { error: 'paketet måste ha minst ett avsnitt' }),
    tips: z.array(Tip, { error: 'ska vara en lista med tips' }),
    explainers: z.object(explainersShape, { error: 'ska vara ett objekt med en förklaring per varningstyp' }).strict(),
    glossary: z.array(GlossaryEntry, { error: 'ska vara en lista med ordlisteposter' }),
    tour: z.array(TourStep, { error: 'ska vara en lista med introduktionssteg' }),
  })
  .strict());
export type Pack = z.infer<typeof Pack>;
/** The JSON shape before defaults are applied (what an author writes). */
export type PackInput = z.input<typeof Pack>;

export interface PackError {
  /** e.g. `sections[3].links[0]`, `explainers.R4`, `` for the whole file. */
  path: string;
  /** Swedish reason. */
  message: string;
}

export type ParsePackResult = { ok: true; pack: Pack } | { ok: false; errors: PackError[] };

function zodErrors(error: z.ZodError): PackError[] {
  return error.issues.map((issue) => {
    const path = formatPath(issue.path);
    const [head, key] = issue.path;
    if (head === 'explainers' && issue.path.length === 2 && issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined) {
      return { path, message: `förklaringen för ${String(key)} saknas (alla ${EXPLAINER_KEYS.length} förklaringar måste finnas: ${EXPLAINER_KEYS.join(', ')})` };
    }
    return { path, message: issueMessage(issue) };
  });
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Cross-reference checks on a structurally valid pack. */
function crossCheck(pack: Pack): PackError[] {
  const errors: PackError[] = [];
  const dupCheck = (items: { id: string }[], base: string, what: string) => {
    const seen = new Map<string, number>();
    items.forEach((it, i) => {
      const first = seen.get(it.id);
      if (first !== undefined) errors.push({ path: `${base}[${i}].id`, message: `${what}-id "${it.id}" finns redan (${base}[${first}])` });
      else seen.set(it.id, i);
    });
  };
  dupCheck(pack.sections, 'sections', 'avsnitts');
  dupCheck(pack.tips, 'tips', 'tips');
  dupCheck(pack.tour, 'tour', 'steg');

  const sectionIds = new Set(pack.sections.map((s) => s.id));
  const missing = (id: string) => `avsnittet "${id}" finns inte i paketet`;
  pack.sections.forEach((s, i) => {
    s.links.forEach((l, j) => {
      if (!sectionIds.has(l)) errors.push({ path: `sections[${i}].links[${j}]`, message: missing(l) });
      else if (l === s.id) errors.push({ path: `sections[${i}].links[${j}]`, message: 'ett avsnitt ska inte länka till sig självt' });
    });
    for (const target of new Set(sectionLinks(parseMarkdown(s.body)))) {
      if (!sectionIds.has(target)) errors.push({ path: `sections[${i}].body`, message: `länken #${target} pekar på ett ${missing(target)}` });
    }
  });
  pack.tips.forEach((t, i) => {
    if (!sectionIds.has(t.sectionId)) errors.push({ path: `tips[${i}].sectionId`, message: missing(t.sectionId) });
  });
  for (const key of EXPLAINER_KEYS) {
    const sid = pack.explainers[key].sectionId;
    if (sid !== undefined && !sectionIds.has(sid)) errors.push({ path: `explainers.${key}.sectionId`, message: missing(sid) });
  }
  const terms = new Map<string, number>();
  pack.glossary.forEach((g, i) => {
    for (const [k, name] of [[g.term, 'term'], ...(g.aliases ?? []).map((a, j) => [a, `aliases[${j}]`] as const)] as const) {
      const first = terms.get(k);
      if (first !== undefined) errors.push({ path: `glossary[${i}].${name}`, message: `ordet "${k}" finns redan i ordlistan (glossary[${first}])` });
      else terms.set(k, i);
    }
    if (g.sectionId !== undefined && !sectionIds.has(g.sectionId)) errors.push({ path: `glossary[${i}].sectionId`, message: missing(g.sectionId) });
  });
  return errors;
}

/** Validate an untrusted pack (parsed JSON). Never throws. */
export function parsePack(json: unknown): ParsePackResult {
  if (!isRecord(json)) {
    return { ok: false, errors: [{ path: '', message: `Filen ska innehålla ett JSON-objekt, men innehåller ${describeValue(json)}.` }] };
  }
  if (json.format !== PACK_FORMAT) {
    return {
      ok: false,
      errors: [{ path: 'format', message: `Det här är inte ett metodbokspaket för KAA-lotsen (fältet format ska vara "${PACK_FORMAT}").` }],
    };
  }
  if (json.formatVersion !== PACK_FORMAT_VERSION) {
    const v = json.formatVersion;
    const shown = v === undefined ? 'saknas' : JSON.stringify(v);
    const newer = typeof v === 'number' && v > PACK_FORMAT_VERSION;
    return {
      ok: false,
      errors: [
        {
          path: 'formatVersion',
          message: `Okänd formatversion (${shown}). Den här versionen av KAA-lotsen läser formatversion ${PACK_FORMAT_VERSION}.${
            newer ? ' Paketet är gjort för en nyare version: uppdatera tillägget.' : ''
          }`,
        },
      ],
    };
  }
  const result = Pack.safeParse(json, { reportInput: true });
  if (!result.success) return { ok: false, errors: zodErrors(result.error) };
  const cross = crossCheck(result.data);
  if (cross.length > 0) return { ok: false, errors: cross };
  return { ok: true, pack: result.data };
}

/** Parse a JSON text (e.g. an imported file) and validate it. */
export function parsePackText(text: string): ParsePackResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [{ path: '', message: `Filen är inte giltig JSON: ${e instanceof Error ? e.message : String(e)}` }] };
  }
  return parsePack(json);
}

/** Serialise for export: stable key order, two-space indentation, trailing newline. Round-trips through parsePack. */
export function serializePack(pack: Pack): string {
  const ordered = {
    format: PACK_FORMAT,
    formatVersion: PACK_FORMAT_VERSION,
    id: pack.id,
    version: pack.version,
    title: pack.title,
    language: pack.language,
    ...(pack.locked !== undefined ? { locked: pack.locked } : {}),
    settings: pack.settings,
    sections: pack.sections,
    tips: pack.tips,
    explainers: Object.fromEntries(EXPLAINER_KEYS.map((k) => [k, pack.explainers[k]])),
    glossary: pack.glossary,
    tour: pack.tour,
  };
  return JSON.stringify(ordered, null, 2) + '\n';
}

export type { AnchorName, PageKind, WarningKind };
