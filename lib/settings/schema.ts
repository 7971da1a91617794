/**
 * The settings of KAA-lotsen: one zod schema per key, defaults, and Swedish validation messages for the options form.
 * Pure: no browser APIs here (storage lives in ./index.ts), so the schema can be reused by tests and tools.
 */
import { z } from 'zod';
import { FEATURE_IDS, RENAMED_FEATURE_IDS, type FeatureId } from '../features/list';

export { FEATURE_IDS, isFeatureId, RENAMED_FEATURE_IDS, type FeatureId } from '../features/list';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Stored settings, a policy or an import in today's names: renamed feature ids get their new id (a value under the
 * new id wins over one under the old). Pure; returns the input itself when nothing needed renaming.
 */
export function migrateSettings(raw: Record<string, unknown>): Record<string, unknown> {
  const features = raw.features;
  if (!isPlainObject(features) || !Object.keys(features).some((id) => id in RENAMED_FEATURE_IDS)) return raw;
  const renamed: Record<string, unknown> = {};
  for (const [id, value] of Object.entries(features)) {
    const now = RENAMED_FEATURE_IDS[id];
    if (now === undefined) renamed[id] = value;
    else if (!(now in features)) renamed[now] = value;
  }
  return { ...raw, features: renamed };
}

/** Swedish messages shown next to the fields of the options form. */
export const MESSAGES = {
  originInvalid: 'Skriv en fullständig adress som börjar med https://, t.ex. https://uka.kommun.se.',
  originScheme: 'Adressen måste börja med https:// (http:// går bara för den egna datorn, localhost eller 127.0.0.1).',
  originPath: 'Skriv bara adressens början, utan sökväg efter domännamnet, t.ex. https://uka.kommun.se.',
  originCredentials: 'Adressen får inte innehålla användarnamn eller lösenord.',
  kommun: 'Kommunkoden ska vara fyra siffror, t.ex. 0180.',
  myLabel: 'Etiketten får vara högst 100 tecken.',
  language: 'Välj svenska eller engelska.',
  retentionDays: 'Ange ett helt antal dagar mellan 0 och 3650.',
  positiveInt: 'Ange ett helt tal större än noll.',
  deadline: 'Skriv datumet som MM-DD, t.ex. 09-01.',
  feature: 'Okänd funktion.',
  locked: 'Inställningen är låst av din organisation och kan inte ändras här.',
  unknownKey: 'Okänd inställning.',
} as const;

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export type OriginCheck = { ok: true; origin: string } | { ok: false; message: string };

/**
 * Check and normalise an origin typed by a user or set by policy: http(s) only, no path, query, fragment or
 * credentials; https required except for the local machine (localhost / 127.0.0.1). A trailing "/" is accepted and
 * dropped. Returns the normalised origin, e.g. "https://uka.example.se" or "http://127.0.0.1:8080".
 */
export function checkOrigin(input: string): OriginCheck {
  const text = input.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, message: MESSAGES.originInvalid };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, message: MESSAGES.originInvalid };
  if (!url.hostname) return { ok: false, message: MESSAGES.originInvalid };
  if (url.protocol === 'http:' && !LOOPBACK_HOSTS.has(url.hostname)) return { ok: false, message: MESSAGES.originScheme };
  if (url.username || url.password) return { ok: false, message: MESSAGES.originCredentials };
  // new URL() turns "https://x.se" into pathname "/", so only a visible path, query or fragment is refused.
  if (url.pathname !== '/' || url.search || url.hash || /[?#]/.test(text)) return { ok: false, message: MESSAGES.originPath };
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
const intFrom = (min: number, max: number, message: string) =>
  z
    .union([z.number(), z.string()])
    .transform((value, ctx): number => {
      const n = typeof value === 'number' ? value : value.trim() === '' ? Number.NaN : Number(value.trim());
      if (!Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      return n;
    });

export const RetentionDaysSchema = intFrom(0, 3650, MESSAGES.retentionDays);

/**
 * The contact-ladder intervals that are this municipality's routine (metodbok), not law. The names match
 * LadderSettings in lib/ladder/types.ts, so `{ ...DEFAULT_LADDER_SETTINGS, ...settings.ladder }` works.
 */
export const LadderSchema = z.object({
  /** Follow-up of a reached youth without a measure, and contact again after "not interested" (mb 2.2.3, 5.2). */
  followUpMonths: intFrom(1, 24, MESSAGES.positiveInt),
  /** Failed phone attempts before the contact letter/postcard (mb 2.3). */
  failedCallsBeforeLetter: intFrom(1, 20, MESSAGES.positiveInt),
  /** The visit letter goes out at least this many days before a home visit (mb 2.4). */
  letterDaysBeforeVisit: intFrom(1, 60, MESSAGES.positiveInt),
  /** Hand-over prompt this many days before the 20th birthday (our default). */
  handoverDaysBefore20: intFrom(1, 365, MESSAGES.positiveInt),
});
export type LadderIntervals = z.output<typeof LadderSchema>;

const MonthDay = z.string().refine((s) => {
  const m = /^(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const month = Number(m[1]);
  const day = Number(m[2]);
  const days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return days !== undefined && day >= 1 && day <= days;
}, MESSAGES.deadline);

/** SCB due dates as MM-DD: H1 is due in the same year, H2 in the following year. */
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
  retentionDays: 90,
  ladder: { followUpMonths: 3, failedCallsBeforeLetter: 3, letterDaysBeforeVisit: 7, handoverDaysBefore20: 30 },
  scbDeadlines: { H1: '09-01', H2: '02-01' },
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
  const { settings, errors } = applyPatch(defaultSettings(), input);
  return { settings: Object.keys(errors).length ? null : settings, errors };
}
