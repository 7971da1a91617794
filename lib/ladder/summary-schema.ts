/**
 * The strict schemas of what the background keeps of a person page's ladder (PersonRecord.ladder): the snapshot the
 * reminders recompute the ladder from (dates as UKA showed them, kinds and codes; no names, no free text) and the latest
 * contact date. Every part is a closed object of known fields: no `unknown`, no passthrough. The store checks a summary
 * on write and again on read (lib/store/persons.ts); one that fails is dropped and counted, never trusted. The
 * background's 'ladder-view' handler passes the snapshot it makes through the same schema.
 */
import { z } from 'zod';
import { ContactKind, ContactTarget, IsoDate } from '../uka/types';
import type { LadderSnapshot } from './snapshot';

/** A date as UKA showed it: checked by the ladder, which reports a bad one rather than drop the whole record. */
const ShownDate = z.string().max(40);
/** Of a failed home visit's note only the words that matched a pattern: letters and spaces, never digits. */
const NotLivingWords = z.string().regex(/^[\p{L} ]{2,60}$/u);

const CONTACT = { date: ShownDate, kind: ContactKind, reached: z.boolean(), target: ContactTarget, notLivingWords: NotLivingWords.optional() };
const MEASURE = { atgardCode: z.string().max(10).nullable(), start: ShownDate, end: ShownDate.nullable() };
const SNAPSHOT_REST = {
  registeredFrom: ShownDate.nullable().optional(),
  /** '2008-00-06' for a samordningsnummer with an unknown month: the shape only, the ladder checks the rest. */
  birthDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
};

/** The stored snapshot: closed objects, an unknown field fails. */
export const LadderSnapshotSchema = z.strictObject({
  contacts: z.array(z.strictObject(CONTACT)).max(1000),
  measures: z.array(z.strictObject(MEASURE)).max(500),
  ...SNAPSHOT_REST,
});

/**
 * The same fields as the snapshot input ('ladder-view'): anything else that comes along (a note's free text, a
 * measure's name) is dropped here, before the store's strict check.
 */
export const LadderSnapshotInput = z.object({
  contacts: z.array(z.object(CONTACT)).max(1000),
  measures: z.array(z.object(MEASURE)).max(500),
  ...SNAPSHOT_REST,
});

/** The stored summary: the latest contact date (person page or "Mina deltagare"), the snapshot, when it was written. */
export const PersonLadderSummarySchema = z.strictObject({
  lastContact: IsoDate.nullable(),
  snapshot: LadderSnapshotSchema.optional(),
  updatedAt: z.number().int().nonnegative(),
});
export type PersonLadderSummary = z.infer<typeof PersonLadderSummarySchema>;

/**
 * Fields that summaries of earlier versions carried and nothing reads any more (the ladder's next step and hand-over,
 * recomputed from the snapshot). They are removed before the strict check, not trusted: everything else must match.
 */
const RETIRED_FIELDS = ['next', 'handoverDue'] as const;

/** A stored summary as read: the checked summary, or null when it is not one (the caller drops and counts it). */
export function checkLadderSummary(raw: unknown): PersonLadderSummary | null {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return null;
  const rest: Record<string, unknown> = { ...(raw as Record<string, unknown>) };
  for (const field of RETIRED_FIELDS) delete rest[field];
  const parsed = PersonLadderSummarySchema.safeParse(rest);
  return parsed.success ? parsed.data : null;
}

// Compile-time check: the schema describes exactly the snapshot the ladder makes.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _snapshotOk: Same<z.infer<typeof LadderSnapshotSchema>, LadderSnapshot> = true;
void _snapshotOk;
