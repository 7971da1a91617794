/**
 * Record types of the local database and zod schemas for the values that arrive from content scripts.
 *
 * Privacy decisions (see also README of the store in ./index.ts):
 * - No plaintext personnummer and no names are ever stored. A person is known by a pseudonymous key:
 *   HMAC-SHA-256(per-install key, normalised 12-digit number) as hex. The space of valid personnummer is small, so
 *   the person key is only as safe as the install's key: a non-extractable CryptoKey that no code can read back
 *   (./person-key.ts), and that dumpAll() only describes.
 * - We keep the BIRTH DATE (not only the expiry date). Reasons: the contact ladder needs the age (under 18 → call the
 *   guardians and send a letter; from 18 → the youth and a postcard) and the 20th birthday (end of KAA, hand-over).
 *   A birth date alone does not identify a youth, but together with the UKA page path it is pseudonymous personal data
 *   in the GDPR sense: it stays on this computer, is covered by "Radera all lokal data", and is removed automatically
 *   `retentionDays` after the 20th birthday (purgeExpired).
 * - The UKA page path is kept without query string or fragment, and not at all if it contains anything that looks
 *   like a personnummer.
 */
import type { LocalNote } from '../ladder/types';
import { IsoDate } from '../uka/types';

export type { IsoDate };

export interface SecretRecord {
  id: 'hmac';
  /**
   * The pseudonymisation key: a non-extractable HMAC-SHA-256 CryptoKey (256 bits), kept as IndexedDB's structured
   * clone. Never raw bytes (./person-key.ts migrates the raw bytes of older installs).
   */
  key: CryptoKey;
  createdAt: number;
}

export interface PersonRecord {
  /** HMAC-SHA-256(secret, 12-digit personnummer) as 64 hex characters. */
  key: string;
  /** YYYY-MM-DD (for a samordningsnummer the real day, i.e. day − 60). */
  birthDate: IsoDate;
  /** UKA page path of the person, e.g. "/person/123"; null when unknown or unsafe to keep. */
  path: string | null;
  /** Epoch milliseconds. */
  firstSeen: number;
  lastSeen: number;
  /**
   * The 20th birthday: the day the KAA responsibility ends. Local data about the person is removed
   * `retentionDays` (setting) after this date. (Added by the v2 migration; v1 records get it back-filled.)
   */
  expiresAt: IsoDate;
  /**
   * The latest contact-ladder summary computed on the person page (for background reminders), if any. Holds dates,
   * step ids and text keys only — never names or numbers. Not indexed, so no migration was needed to add it.
   */
  ladder?: PersonLadderSummary | null;
}

export interface PersonLadderSummary {
  /** Whatever the ladder engine reported as the next action (LadderResult['next']), stored as given. */
  next: unknown;
  handoverDue: unknown;
  lastContact: IsoDate | null;
  /** Optional richer snapshot for the reminders engine (owned by the background's reminders module). */
  snapshot?: unknown;
  updatedAt: number;
}

/**
 * Runtime schema for a ladder note: the ladder's own (lib/ladder/schema.ts, which checks it against LocalNote at
 * compile time and rejects dates that are not calendar dates), so stored and sent notes are checked by one schema.
 */
export { LocalNoteSchema } from '../ladder/schema';

export type NoteRecord = LocalNote & {
  id: string;
  personKey: string;
  createdAt: number;
};

export interface ReminderStateRecord {
  /** The reminder's id as made by the reminders engine (e.g. "<personKey>:<step>:<dueDate>"). */
  id: string;
  /** Owner, so that the state is purged with the person (indexed since v2). */
  personKey?: string;
  /** Hidden before this date: shown again on that day (the reminders engine's convention). */
  snoozedUntil?: IsoDate;
  /** Epoch ms when marked done. */
  doneAt?: number;
  /** The calendar date (Stockholm) it was marked done. */
  doneOn?: IsoDate;
  updatedAt: number;
}

export interface ExportLogEntry {
  id: string;
  /** Epoch ms of the export. */
  time: number;
  /** Collection period, e.g. "2026H1". */
  period: string;
  kommun: string | null;
  rows: number;
  persons: number;
  /** SHA-256 of the exact file bytes, hex. */
  sha256: string;
  /** The validator's verdict: "ok" | "warn" | "block" | "unreadable". */
  verdict: string;
  /** Set when the user saved despite blocking findings; the reason is free text (redacted before it is kept). */
  override?: { reason: string } | null;
}

export interface ReviewRecord {
  id: string;
  startedAt: number;
  /** The label (etikett) the review was filtered on, if any. */
  label?: string | null;
  redAtStart: number;
  redFixed: number;
  /** Person keys fixed during this review (never personnummer). */
  fixedKeys: string[];
  finishedAt?: number | null;
  /** Keys of the persons that were red when the review started (the monthly review mode). */
  redKeys?: string[];
  /** Stockholm calendar date the review started, and of the latest visit to the list. */
  startedOn?: IsoDate;
  lastVisitOn?: IsoDate | null;
}

export interface ErrorRecord {
  id?: number;
  time: number;
  feature: string;
  /** Redacted with redactMessage before it is stored. */
  message: string;
}
