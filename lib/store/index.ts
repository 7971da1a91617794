/**
 * KAA-lotsen's local state, in the extension's own IndexedDB ("kaa-lotsen", see ./db.ts for versions).
 *
 * Owned by the background service worker: content scripts run in UKA's origin and cannot see this database, so they
 * reach it through messages (lib/messages). Privacy rules are documented in ./types.ts: persons are known only by
 * a pseudonymous HMAC key, no names or personnummer are stored, only youths the user works on are recorded ("Mina
 * deltagare", person pages opened), and everything is removed `retentionDays` after its last use: a youth after they
 * were last seen in UKA (at the latest after the 20th birthday), reviews, export-log entries, reminder states
 * (./maintenance.ts, purgeExpired).
 *
 * One file per store area, each a set of functions over an open connection: ./person-key.ts (the pseudonymisation key and person keys),
 * ./persons.ts, ./notes.ts, ./reminder-state.ts, ./export-log.ts, ./reviews.ts, ./errors.ts, and ./maintenance.ts
 * (retention, deletion, dump). KaaStore binds them to one connection.
 */
import type { Db } from './db';
import { DB_VERSION, openDatabase } from './db';
import * as errors from './errors';
import * as exportLog from './export-log';
import * as maintenance from './maintenance';
import * as notes from './notes';
import * as keys from './person-key';
import * as persons from './persons';
import * as reminderState from './reminder-state';
import * as reviews from './reviews';
import type { IsoDate } from './types';

export * from './types';
export { DB_VERSION, MIGRATIONS, openDatabase, STORE_NAMES, type Db, type KaaDB, type StoreName } from './db';
export { redactMessage, containsIdLike, REDACTED_ID, REDACTED_NAME } from './redact';
export { hmacHex, importHmacKey, InvalidPersonnummerError } from './person-key';
export { safePath, InvalidLadderSummaryError, type PurgeResult } from './persons';
export { UnknownPersonError } from './notes';
export { MAX_ERRORS } from './errors';
export type { DumpAll, RetentionPurge } from './maintenance';

/** The arguments of a store-area function after its connection. */
type Args<F> = F extends (db: Db, ...rest: infer R) => unknown ? R : never;

/** The store areas bound to one open connection (see each area's file for what a method does). */
export class KaaStore {
  constructor(readonly db: Db) {}

  close(): void {
    this.db.close();
  }

  // secret & person keys
  personKey = (...a: Args<typeof keys.personKey>) => keys.personKey(this.db, ...a);

  // persons
  recordPersonSeen = (...a: Args<typeof persons.recordPersonSeen>) => persons.recordPersonSeen(this.db, ...a);
  setPersonLadder = (...a: Args<typeof persons.setPersonLadder>) => persons.setPersonLadder(this.db, ...a);
  getPerson = (...a: Args<typeof persons.getPerson>) => persons.getPerson(this.db, ...a);
  listPersons = () => persons.listPersons(this.db);
  /** Remove a person and everything kept about them (notes, reminder states, review entries). */
  deletePerson = async (key: string): Promise<void> => void (await persons.deletePersons(this.db, [key]));

  // notes
  addNote = (...a: Args<typeof notes.addNote>) => notes.addNote(this.db, ...a);
  listNotes = (...a: Args<typeof notes.listNotes>) => notes.listNotes(this.db, ...a);
  deleteNote = (...a: Args<typeof notes.deleteNote>) => notes.deleteNote(this.db, ...a);

  // reminder state
  getReminderState = (...a: Args<typeof reminderState.getReminderState>) => reminderState.getReminderState(this.db, ...a);
  listReminderStates = () => reminderState.listReminderStates(this.db);
  snoozeReminder = (...a: Args<typeof reminderState.snoozeReminder>) => reminderState.snoozeReminder(this.db, ...a);
  markReminderDone = (...a: Args<typeof reminderState.markReminderDone>) => reminderState.markReminderDone(this.db, ...a);
  reminderMaps = () => reminderState.reminderMaps(this.db);
  clearReminderState = (...a: Args<typeof reminderState.clearReminderState>) => reminderState.clearReminderState(this.db, ...a);

  // export log
  logExport = (...a: Args<typeof exportLog.logExport>) => exportLog.logExport(this.db, ...a);
  findExport = (...a: Args<typeof exportLog.findExport>) => exportLog.findExport(this.db, ...a);
  listExports = () => exportLog.listExports(this.db);

  // reviews
  startReview = (...a: Args<typeof reviews.startReview>) => reviews.startReview(this.db, ...a);
  markReviewFixed = (...a: Args<typeof reviews.markReviewFixed>) => reviews.markReviewFixed(this.db, ...a);
  finishReview = (...a: Args<typeof reviews.finishReview>) => reviews.finishReview(this.db, ...a);
  saveReview = (...a: Args<typeof reviews.saveReview>) => reviews.saveReview(this.db, ...a);
  getReview = (...a: Args<typeof reviews.getReview>) => reviews.getReview(this.db, ...a);
  latestReview = () => reviews.latestReview(this.db);

  // errors
  addError = (...a: Args<typeof errors.addError>) => errors.addError(this.db, ...a);
  listErrors = (...a: Args<typeof errors.listErrors>) => errors.listErrors(this.db, ...a);
  clearErrors = () => errors.clearErrors(this.db);

  // retention, deletion, diagnostics
  purgeExpired = (...a: Args<typeof maintenance.purgeExpired>) => maintenance.purgeExpired(this.db, ...a);
  deleteAll = () => maintenance.deleteAll(this.db);
  dumpAll = () => maintenance.dumpAll(this.db);
}

/** Open the store. Pass a factory in tests (fake-indexeddb); the default is the environment's indexedDB. */
export async function openStore(factory?: IDBFactory, version: number = DB_VERSION): Promise<KaaStore> {
  const f = factory ?? globalThis.indexedDB;
  if (!f) throw new Error('IndexedDB saknas i den här miljön');
  const db = await openDatabase(f, version);
  // Raw key bytes of an older version become a non-extractable key now, not on the first person seen. Should that
  // fail, the store still opens (its other areas work) and the first person key tries again.
  await keys.migrateLegacySecret(db).catch(() => undefined);
  return new KaaStore(db);
}

let shared: Promise<KaaStore> | null = null;

/** The background's shared store (opened once, on first use). */
export function getStore(): Promise<KaaStore> {
  if (!shared) {
    shared = openStore().then((store) => {
      store.db.addEventListener('close', () => (shared = null));
      return store;
    });
    shared.catch(() => (shared = null));
  }
  return shared;
}

/** Forget the shared store (tests, or after the database was deleted elsewhere). */
export function resetSharedStore(): void {
  void shared?.then((s) => s.close(), () => undefined);
  shared = null;
}

// Convenience wrappers over the shared store (background only).
export const personKey = async (personnummer: string) => (await getStore()).personKey(personnummer);
export const purgeExpired = async (today: IsoDate, retentionDays?: number) => (await getStore()).purgeExpired(today, retentionDays);
export const deleteAll = async () => (await getStore()).deleteAll();
export const dumpAll = async () => (await getStore()).dumpAll();
