/**
 * Every number of the kommun's routine (its metodbok, not law) and of the contact ladder, with the range it may take:
 * `{ key: { min, max, default } }`. This one table builds the ladder's defaults and schema (lib/ladder), the settings'
 * `ladder` and `retentionDays` (lib/settings: defaults, checks, the options form's limits), the content pack's
 * `settings` (lib/content/schema.ts and the built-in pack) and, checked by a test, public/managed_schema.json.
 * Pure data.
 */

export interface Bounds {
  min: number;
  max: number;
  default: number;
  /**
   * The wider range an earlier version accepted, where it differs: in stored settings and policies (`stored`), or in
   * metodbok packs (`pack`). Such a value still loads: on reading it is brought into [min, max] (`clampLegacy`).
   * New input (the options form) must be within [min, max].
   */
  legacy?: { stored?: Range; pack?: Range };
}

export interface Range {
  min: number;
  max: number;
}

export type RoutineSource = 'stored' | 'pack';

export const ROUTINE = {
  /** Follow-up of a reached youth without a measure, and contact again after "not interested" (mb 2.2.3, 5.2). At most a half-year. */
  followUpMonths: { min: 1, max: 6, default: 3, legacy: { stored: { min: 1, max: 24 } } },
  /** Failed phone attempts before the contact letter/postcard (mb 2.3). */
  failedCallsBeforeLetter: { min: 1, max: 10, default: 3, legacy: { stored: { min: 1, max: 20 } } },
  /** The visit letter goes out at least this many days before a home visit (mb 2.4.1). */
  letterDaysBeforeVisit: { min: 1, max: 30, default: 7, legacy: { stored: { min: 1, max: 60 } } },
  /** Hand-over prompt this many days before the 20th birthday (our default). */
  handoverDaysBefore20: { min: 1, max: 365, default: 30, legacy: { pack: { min: 0, max: 365 } } },
  /** After a home visit without contact, start the attempts again after this many months (mb 2.5). */
  restartMonthsAfterVisit: { min: 1, max: 12, default: 3 },
  /** A youth who said no is contacted again after this many months (mb 2.2.3). At most a half-year. */
  notInterestedMonths: { min: 1, max: 6, default: 3 },
  /**
   * Retention (lagringstid): days the extension keeps what it stored about a youth after the youth was last seen in UKA
   * (on "Mina deltagare" or their own page), and never longer than this many days after the 20th birthday; reviews,
   * export-log entries and reminder states likewise after their latest use. Capped at RETENTION_MAX_DAYS: a pack,
   * policy or stored setting of an earlier version with more (up to 3650), or less than the minimum, is brought into
   * range when read.
   */
  retentionDays: { min: 30, max: 365, default: 90, legacy: { stored: { min: 0, max: 3650 }, pack: { min: 0, max: 3650 } } },
  /** The tips' "before-deadline" phase starts this many days before an SCB deadline. */
  beforeDeadlineDays: { min: 7, max: 120, default: 30 },
  /** The tips' "export-week" phase: this many days before the deadline. */
  exportWeekDays: { min: 1, max: 21, default: 7 },
  /** The tips' "after-upload" phase lasts this many days after the upload (SCB may return error lists). */
  afterUploadDays: { min: 1, max: 60, default: 14 },
  /** From this age the youth, not the guardians, is called and gets a postcard instead of a letter (law: of age). */
  adultAge: { min: 15, max: 20, default: 18 },
  /** KAA ends on this birthday (Skollagen 29:9). */
  endAge: { min: 16, max: 25, default: 20 },
  /** Our default (not in the metodbok): days between phone attempts, and from the last failed call to the letter. */
  callRetryDays: { min: 0, max: 366, default: 3 },
  /** Our default (not in the metodbok): days to wait for an answer to the contact letter before planning a visit. */
  letterAnswerDays: { min: 0, max: 366, default: 14 },
  /** A step is 'due' (rather than 'upcoming') when its due date is at most this many days ahead. */
  dueSoonDays: { min: 0, max: 366, default: 7 },
  /** A local note is superseded by a UKA entry of the same kind at most this many days away from it. */
  supersedeWindowDays: { min: 0, max: 366, default: 7 },
  /** Our default (not in the metodbok): days within which a Skatteverket report or orosanmälan is due. */
  reportWithinDays: { min: 0, max: 366, default: 1 },
} as const satisfies Record<string, Bounds>;

export type RoutineKey = keyof typeof ROUTINE;

/** The longest retention anything can set (content pack, policy, the options page): documented in the README. */
export const RETENTION_MAX_DAYS = ROUTINE.retentionDays.max;

/** The contact-ladder intervals a user can set on the options page (or a policy), all in the ladder's own names. */
export const SETTINGS_LADDER_KEYS = ['followUpMonths', 'failedCallsBeforeLetter', 'letterDaysBeforeVisit', 'handoverDaysBefore20'] as const;
/** The contact-ladder intervals a metodbok pack carries: the settable ones and two more. */
const PACK_LADDER_KEYS = [...SETTINGS_LADDER_KEYS, 'restartMonthsAfterVisit', 'notInterestedMonths'] as const;
/** The numbers a metodbok pack carries in its `settings`, in the pack's order. */
export const PACK_KEYS = [...PACK_LADDER_KEYS, 'retentionDays', 'beforeDeadlineDays', 'exportWeekDays', 'afterUploadDays'] as const;
/** The numbers the ladder engine reads (LadderSettings). */
export const LADDER_NUMBER_KEYS = [
  ...PACK_LADDER_KEYS,
  'adultAge',
  'endAge',
  'callRetryDays',
  'letterAnswerDays',
  'dueSoonDays',
  'supersedeWindowDays',
  'reportWithinDays',
] as const;

/** The defaults of the given keys, as an object. */
export function routineDefaults<K extends RoutineKey>(keys: readonly K[]): { [P in K]: number } {
  return Object.fromEntries(keys.map((key) => [key, ROUTINE[key].default])) as { [P in K]: number };
}

/** True when `value` is a whole number within the key's range. */
export function inRoutineRange(key: RoutineKey, value: number): boolean {
  const bounds: Bounds = ROUTINE[key];
  return Number.isInteger(value) && value >= bounds.min && value <= bounds.max;
}

/** The range a value read from `source` may have: today's, widened by what an earlier version accepted there. */
export function readableRange(key: RoutineKey, source: RoutineSource): Range {
  const bounds: Bounds = ROUTINE[key];
  const legacy = bounds.legacy?.[source];
  return legacy ? { min: Math.min(bounds.min, legacy.min), max: Math.max(bounds.max, legacy.max) } : { min: bounds.min, max: bounds.max };
}

/**
 * A value read from `source` (stored settings or a policy; a metodbok pack) that an earlier version accepted there,
 * brought into today's range: a whole number (or a numeric text, as the options form saves) within `legacy` is
 * clamped to [min, max]. Anything else is returned as it is, for the schema to accept or refuse.
 */
export function clampLegacy(key: RoutineKey, value: unknown, source: RoutineSource): unknown {
  const bounds: Bounds = ROUTINE[key];
  const legacy = bounds.legacy?.[source];
  if (!legacy) return value;
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value.trim()) : Number.NaN;
  if (!Number.isInteger(n) || n < legacy.min || n > legacy.max) return value;
  return Math.min(bounds.max, Math.max(bounds.min, n));
}

/** SCB's due dates as MM-DD: H1 (first half-year) is due in the same year, H2 in the following year. */
export const SCB_DEADLINES: Readonly<{ H1: string; H2: string }> = Object.freeze({ H1: '09-01', H2: '02-01' });
