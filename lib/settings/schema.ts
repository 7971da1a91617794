/**
 * The settings of KAA-lotsen: one zod schema per key, defaults, and Swedish validation messages for the options form.
 * Pure: no browser APIs here (storage lives in ./index.ts), so the schema can be reused by tests and tools.
 */
import { z } from 'zod';
import { clampLegacy, inRoutineRange, ROUTINE, routineDefaults, SCB_DEADLINES, SETTINGS_LADDER_KEYS, type RoutineKey } from '../domain/routine';
import { FEATURE_IDS, RENAMED_FEATURE_IDS, type FeatureId } from '../features/list';
import { IS_TEST_BUILD } from '../platform/build';

export { FEATURE_IDS, isFeatureId, RENAMED_FEATURE_IDS, type FeatureId } from '../features/list';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Renames the keys of `obj` by `renames` (old → new); a value under the new key wins over one under the old. */
function renameKeys(obj: Record<string, unknown>, renames: Readonly<Record<string, string>>): Record<string, unknown> {
  if (!Object.keys(obj).some((key) => key in renames)) return obj;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(obj)) {
    const now = renames[key];
    if (now === undefined) out[key] = value;
    else if (!(now in obj)) out[now] = value;
  }
  return out;
}

/** SCB deadlines are spelled H1/H2; h1/h2 (as some versions and tools write them) are read as the same. */
const DEADLINE_SPELLINGS: Readonly<Record<string, string>> = Object.freeze({ h1: 'H1', h2: 'H2' });

/**
 * Stored settings, a policy or an import in today's names: renamed feature ids get their new id, and SCB deadlines
 * written h1/h2 become H1/H2 (a value under today's name wins). Pure; returns the input itself when nothing changed.
 */
export function migrateSettings(raw: Record<string, unknown>): Record<string, unknown> {
  let out = raw;
  if (isPlainObject(raw.features)) {
    const features = renameKeys(raw.features, RENAMED_FEATURE_IDS);
    if (features !== raw.features) out = { ...out, features };
  }
  if (isPlainObject(raw.scbDeadlines)) {
    const scbDeadlines = renameKeys(raw.scbDeadlines, DEADLINE_SPELLINGS);
    if (scbDeadlines !== raw.scbDeadlines) out = { ...out, scbDeadlines };
  }
  return out;
}

/**
 * Settings as read from storage, a policy or an import: in today's names (`migrateSettings`), and with each routine
 * interval that an earlier version allowed but today's range does not brought into range (`clampLegacy`), so that
 * such a value never makes loading fall back to the defaults. Input typed on the options page is not clamped: it
 * must be within range.
 */
export function readableSettings(raw: Record<string, unknown>): Record<string, unknown> {
  let out = migrateSettings(raw);
  // The retention an earlier version allowed (0–3650 days) is capped to today's range (lib/domain/routine.ts).
  if ('retentionDays' in out) out = { ...out, retentionDays: clampLegacy('retentionDays', out.retentionDays, 'stored') };
  if (!isPlainObject(out.ladder)) return out;
  const ladder: Record<string, unknown> = { ...out.ladder };
  for (const key of SETTINGS_LADDER_KEYS) if (key in ladder) ladder[key] = clampLegacy(key, ladder[key], 'stored');
  return { ...out, ladder };
}

/** Swedish messages shown next to the fields of the options form. */
export const MESSAGES = {
  originInvalid: 'Skriv en fullständig adress som börjar med https://, t.ex. https://uka.kommun.se.',
  originScheme: 'Adressen måste börja med https://.',
  originPath: 'Skriv bara adressens början, utan sökväg efter domännamnet, t.ex. https://uka.kommun.se.',
  originCredentials: 'Adressen får inte innehålla användarnamn eller lösenord.',
  originWildcard: 'Adressen får inte innehålla *. Skriv den exakta adressen till en server, t.ex. https://uka.kommun.se.',
  originEscape: 'Adressen får inte innehålla %-koder. Skriv den med vanliga tecken, t.ex. https://uka.kommun.se.',
  originTrailingDot: 'Adressen får inte sluta med en punkt. Skriv t.ex. https://uka.kommun.se.',
  originHost: 'Skriv ett fullständigt domännamn, t.ex. https://uka.kommun.se (inte en IP-adress eller ett namn utan punkt).',
  kommun: 'Kommunkoden ska vara fyra siffror, t.ex. 0180.',
  myLabel: 'Etiketten får vara högst 100 tecken.',
  language: 'Välj svenska eller engelska.',
  retentionDays: `Ange ett helt antal dagar mellan ${ROUTINE.retentionDays.min} och ${ROUTINE.retentionDays.max}.`,
  positiveInt: 'Ange ett helt tal större än noll.',
  deadline: 'Skriv datumet som MM-DD, t.ex. 09-01.',
  feature: 'Okänd funktion.',
  locked: 'Inställningen är låst av din organisation och kan inte ändras här.',
  unknownKey: 'Okänd inställning.',
} as const;

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
/** One DNS label as the URL parser leaves it (lower case, IDN already in xn-- form). */
const LABEL_RE = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
/** A top-level domain: letters, or an IDN in xn-- form. */
const TLD_RE = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

export type OriginCheck = { ok: true; origin: string } | { ok: false; message: string };

export interface OriginCheckOptions {
  /** Accept http:// on a loopback name (localhost, 127.0.0.1, [::1]); default true. Production builds never do. */
  allowLoopback?: boolean;
}

/** A real host name: at least two DNS labels, a top-level domain that is not a number (no IP addresses). */
function isHostName(hostname: string): boolean {
  const labels = hostname.split('.');
  return labels.length >= 2 && labels.every((l) => LABEL_RE.test(l)) && TLD_RE.test(labels[labels.length - 1]!);
}

/**
 * Check and normalise an origin typed by a user or set by policy. Only a concrete origin is accepted: https, a real
 * host name, an optional port; in test builds also http on a loopback name. Wildcards, %-escapes, a trailing dot,
 * user info, paths, queries and fragments are refused, each with its own message. A trailing "/" is accepted and
 * dropped. Returns the normalised origin, e.g. "https://uka.example.se" or "http://127.0.0.1:8080".
 */
export function checkOrigin(input: string, options: OriginCheckOptions = {}): OriginCheck {
  const allowLoopback = IS_TEST_BUILD && (options.allowLoopback ?? true);
  const text = input.trim();
  if (text.includes('*')) return { ok: false, message: MESSAGES.originWildcard };
  if (text.includes('%')) return { ok: false, message: MESSAGES.originEscape };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, message: MESSAGES.originInvalid };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, message: MESSAGES.originInvalid };
  if (!url.hostname) return { ok: false, message: MESSAGES.originInvalid };
  if (text.includes('@') || url.username || url.password) return { ok: false, message: MESSAGES.originCredentials };
  // new URL() turns "https://x.se" into pathname "/", so only a visible path, query or fragment is refused; so is a
  // backslash, which the parser reads as a path separator.
  if (url.pathname !== '/' || url.search || url.hash || /[?#\\]/.test(text)) return { ok: false, message: MESSAGES.originPath };
  if (allowLoopback && LOOPBACK_HOSTS.has(url.hostname)) return { ok: true, origin: url.origin };
  if (url.protocol !== 'https:') return { ok: false, message: MESSAGES.originScheme };
  if (url.hostname.endsWith('.')) return { ok: false, message: MESSAGES.originTrailingDot };
  if (!isHostName(url.hostname)) return { ok: false, message: MESSAGES.originHost };
  return { ok: true, origin: url.origin };
}

/**
 * The match pattern for an origin, used for optional host permissions and run-time content-script registration:
 * "https://uka.example.se" → "https://uka.example.se/*". The port is left out on purpose: Firefox match patterns
 * cannot hold a port, and in Chrome a pattern without a port matches every port of that host.
 * Throws on an invalid origin (callers pass settings that were validated already).
 */
export function originPattern(origin: string): string {
  const checked = checkOrigin(origin);
  if (!checked.ok) throw new TypeError(`Not a valid origin for KAA-lotsen: ${origin}`);
  const url = new URL(checked.origin);
  return `${url.protocol}//${url.hostname}/*`;
}

/** An origin setting: null or "" clears it. */
export const OriginSchema = z
  .union([z.string(), z.null()])
  .transform((value, ctx): string | null => {
    if (value === null || value.trim() === '') return null;
    const checked = checkOrigin(value);
    if (!checked.ok) {
      ctx.addIssue({ code: 'custom', message: checked.message });
      return z.NEVER;
    }
    return checked.origin;
  });

/** Kommunkod: exactly four digits, kept as a string so that a leading zero survives ("0180"). */
export const KommunSchema = z
  .union([z.string(), z.null()])
  .transform((value, ctx): string | null => {
    if (value === null || value.trim() === '') return null;
    const text = value.trim();
    if (!/^\d{4}$/.test(text)) {
      ctx.addIssue({ code: 'custom', message: MESSAGES.kommun });
      return z.NEVER;
    }
    return text;
  });

export const MyLabelSchema = z
  .union([z.string(), z.null()])
  .transform((value) => (value === null || value.trim() === '' ? null : value.trim()))
  .refine((value) => value === null || value.length <= 100, { message: MESSAGES.myLabel });

export const LanguageSchema = z.enum(['sv', 'en'], { message: MESSAGES.language });

/** Accepts a number or a numeric string (form fields are strings). */
/** The message for a routine value out of its range (lib/domain/routine.ts). */
export function rangeMessage(key: RoutineKey): string {
  return key === 'retentionDays' ? MESSAGES.retentionDays : `Ange ett helt tal mellan ${ROUTINE[key].min} och ${ROUTINE[key].max}.`;
}

/** A routine value within its range; accepts a number or a numeric string (form fields are strings). */
const routineInt = (key: RoutineKey) =>
  z
    .union([z.number(), z.string()])
    .transform((value, ctx): number => {
      const n = typeof value === 'number' ? value : value.trim() === '' ? Number.NaN : Number(value.trim());
      if (!inRoutineRange(key, n)) {
        ctx.addIssue({ code: 'custom', message: rangeMessage(key) });
        return z.NEVER;
      }
      return n;
    });

export const RetentionDaysSchema = routineInt('retentionDays');

/**
 * The contact-ladder intervals a user or a policy may set: this municipality's routine (metodbok), not law. The names
 * match LadderSettings in lib/ladder/types.ts, so `{ ...DEFAULT_LADDER_SETTINGS, ...settings.ladder }` works.
 */
export const LadderSchema = z.object(
  Object.fromEntries(SETTINGS_LADDER_KEYS.map((key) => [key, routineInt(key)])) as Record<(typeof SETTINGS_LADDER_KEYS)[number], ReturnType<typeof routineInt>>,
);
export type LadderIntervals = z.output<typeof LadderSchema>;

const MonthDay = z.string().refine((s) => {
  const m = /^(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const month = Number(m[1]);
  const day = Number(m[2]);
  const days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return days !== undefined && day >= 1 && day <= days;
}, MESSAGES.deadline);

/** SCB due dates as MM-DD: H1 is due in the same year, H2 in the following year (stored as H1/H2; h1/h2 are read too). */
export const ScbDeadlinesSchema = z.object({ H1: MonthDay, H2: MonthDay });

export const FeaturesSchema = z.object(
  Object.fromEntries(FEATURE_IDS.map((id) => [id, z.boolean({ message: MESSAGES.feature })])) as Record<FeatureId, z.ZodBoolean>,
);

/** One schema per top-level key; loading validates key by key so one bad value never discards the rest. */
export const FIELD_SCHEMAS = {
  ukaOrigin: OriginSchema,
  scbOrigin: OriginSchema,
  kommun: KommunSchema,
  myLabel: MyLabelSchema,
  features: FeaturesSchema,
  language: LanguageSchema,
  retentionDays: RetentionDaysSchema,
  ladder: LadderSchema,
  scbDeadlines: ScbDeadlinesSchema,
} as const;

export const SettingsSchema = z.object(FIELD_SCHEMAS);
export type Settings = z.output<typeof SettingsSchema>;
export type SettingsKey = keyof Settings;
export const SETTINGS_KEYS = Object.keys(FIELD_SCHEMAS) as SettingsKey[];

/** What the options form (or policy) may pass in: raw form values are accepted and normalised. */
export type SettingsPatch = {
  ukaOrigin?: string | null;
  scbOrigin?: string | null;
  kommun?: string | null;
  myLabel?: string | null;
  features?: Partial<Record<FeatureId, boolean>>;
  language?: 'sv' | 'en';
  retentionDays?: number | string;
  ladder?: Partial<Record<keyof LadderIntervals, number | string>>;
  scbDeadlines?: Partial<Settings['scbDeadlines']>;
};

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  ukaOrigin: null,
  scbOrigin: null,
  kommun: null,
  myLabel: null,
  features: Object.fromEntries(FEATURE_IDS.map((id) => [id, true])) as Record<FeatureId, boolean>,
  language: 'sv',
  retentionDays: ROUTINE.retentionDays.default,
  ladder: routineDefaults(SETTINGS_LADDER_KEYS),
  scbDeadlines: { ...SCB_DEADLINES },
});

/** A fresh, mutable copy of the defaults. */
export function defaultSettings(): Settings {
  return structuredClone(DEFAULT_SETTINGS) as Settings;
}

export type FieldErrors = Partial<Record<SettingsKey, string>>;

function firstMessage(error: z.ZodError): string {
  return error.issues[0]?.message ?? MESSAGES.unknownKey;
}

/** The nested keys whose values are merged one level deep (a patch may hold only some of their entries). */
const NESTED = new Set<SettingsKey>(['features', 'ladder', 'scbDeadlines']);

export function isNestedKey(key: SettingsKey): key is 'features' | 'ladder' | 'scbDeadlines' {
  return NESTED.has(key);
}

/**
 * Apply a patch (possibly partial, possibly raw form strings) on top of `base`. Each key is validated on its own;
 * nested objects are merged one level deep. Returns the merged settings, and field errors in Swedish.
 * Unknown top-level keys are reported as errors; unknown feature ids too (renamed ones are read under their new id).
 */
export function applyPatch(base: Settings, input: Record<string, unknown>): { settings: Settings; errors: FieldErrors; changed: SettingsKey[] } {
  const patch = migrateSettings(input);
  const settings = structuredClone(base) as Settings;
  const errors: FieldErrors & Record<string, string> = {};
  const changed: SettingsKey[] = [];
  for (const [rawKey, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (!(rawKey in FIELD_SCHEMAS)) {
      errors[rawKey] = MESSAGES.unknownKey;
      continue;
    }
    const key = rawKey as SettingsKey;
    let candidate: unknown = value;
    if (isNestedKey(key)) {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        errors[key] = key === 'features' ? MESSAGES.feature : key === 'ladder' ? MESSAGES.positiveInt : MESSAGES.deadline;
        continue;
      }
      const allowed = Object.keys(DEFAULT_SETTINGS[key]);
      if (Object.keys(value).some((k) => !allowed.includes(k))) {
        errors[key] = key === 'features' ? MESSAGES.feature : MESSAGES.unknownKey;
        continue;
      }
      candidate = { ...settings[key], ...(value as object) };
    }
    const parsed = FIELD_SCHEMAS[key].safeParse(candidate);
    if (!parsed.success) {
      errors[key] = firstMessage(parsed.error);
      continue;
    }
    if (JSON.stringify(parsed.data) !== JSON.stringify(settings[key])) changed.push(key);
    (settings as Record<SettingsKey, unknown>)[key] = parsed.data;
  }
  return { settings, errors, changed };
}

/** Validate a whole settings object (e.g. an import). Field errors in Swedish; null settings when any failed. */
export function validateSettings(input: Record<string, unknown>): { settings: Settings | null; errors: FieldErrors } {
  const { settings, errors } = applyPatch(defaultSettings(), readableSettings(input));
  return { settings: Object.keys(errors).length ? null : settings, errors };
}
