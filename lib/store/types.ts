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
 *   `retentionDays` after the youth was last seen in UKA, and at the latest `retentionDays` after the 20th birthday
 *   (purgeExpired, lib/store/maintenance.ts).
 * - Only youths the user works on are recorded: those listed on "Mina deltagare" and those whose person page was
 *   opened. "Export till SCB" records nobody: the monthly review keeps counts, and keys only of recorded youths.
 * - The UKA page path is kept without query string or fragment, and not at all if it contains anything that looks
 *   like a personnummer.
 */
import type { LocalNote } from '../ladder/types';
import type { PersonLadderSummary } from '../ladder/summary-schema';
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
  /**
   * Epoch milliseconds on the extension's clock: when the youth was last seen in UKA (listed on "Mina deltagare" or
   * their person page opened). The record is removed `retentionDays` after this day (purgeExpired).
   */
  lastSeen: number;
  /** Kept by records of earlier versions only (no longer written: nothing needs it). */
  firstSeen?: number;
  /**
   * The 20th birthday: the day the KAA responsibility ends. The record is removed `retentionDays` after this date at
   * the latest, however recently the youth was seen. (Added by the v2 migration; v1 records get it back-filled.)
   */
  expiresAt: IsoDate;
  /**
   * The latest contact-ladder summary (for background reminders), if any: checked by a strict schema on write and on
   * read (lib/ladder/summary-schema.ts). Dates, kinds and codes only — never names, numbers or free text.
   */
  ladder?: PersonLadderSummary | null;
}

export type { PersonLadderSummary };

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
  /** How many persons were red (in the review's scope) when it started: a count, whoever they are. */
  redAtStart: number;
  /** How many of them were no longer red at the latest visit. */
  redFixed: number;
  /** Of `redKeys`, those no longer red at the latest visit (never personnummer). */
  fixedKeys: string[];
  finishedAt?: number | null;
  /**
   * Keys of the persons red at the start who are recorded youths (on "Mina deltagare" or whose page was opened): the
   * only persons a review names. Everyone else on the export list is only counted in `redAtStart`.
   */
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
