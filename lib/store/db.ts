/**
 * The IndexedDB database "kaa-lotsen": schema, versions and migrations.
 *
 * Versions (never edit a released migration; add a new one):
 * - v1: stores secret, persons, notes (index byPerson), reminderState, exportLog (index byTime), reviews,
 *       errors (auto-increment).
 * - v2: persons get `expiresAt` (the 20th birthday, back-filled from birthDate) and an index byExpires, used by
 *       purgeExpired; reminderState gets an index byPerson (purged with the person); exportLog gets an index
 *       bySha256 (the upload check looks a file up by its hash).
 */
import { wrap, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { birthdayOn, isIsoDate } from '../domain/dates';
import { IDB_NAME } from '../platform/storage-keys';
import type { ErrorRecord, ExportLogEntry, NoteRecord, PersonRecord, ReminderStateRecord, ReviewRecord, SecretRecord } from './types';

export const DB_VERSION = 2;

export interface KaaDB extends DBSchema {
  secret: { key: string; value: SecretRecord };
  persons: { key: string; value: PersonRecord; indexes: { byExpires: string } };
  notes: { key: string; value: NoteRecord; indexes: { byPerson: string } };
  reminderState: { key: string; value: ReminderStateRecord; indexes: { byPerson: string } };
  exportLog: { key: string; value: ExportLogEntry; indexes: { byTime: number; bySha256: string } };
  reviews: { key: string; value: ReviewRecord };
  errors: { key: number; value: ErrorRecord };
}

/** An open connection to the database (what every store area works on). */
export type Db = IDBPDatabase<KaaDB>;

export type StoreName = StoreNames<KaaDB>;
export const STORE_NAMES: readonly StoreName[] = ['secret', 'persons', 'notes', 'reminderState', 'exportLog', 'reviews', 'errors'];

/**
 * Migrations see the database as it is mid-upgrade, so they use untyped handles: the typed schema describes only the
 * latest version.
 */
type AnyDB = IDBPDatabase<unknown>;
type AnyTx = IDBPTransaction<unknown, string[], 'versionchange'>;
export type Migration = (db: AnyDB, tx: AnyTx) => Promise<void> | void;

export const MIGRATIONS: Readonly<Record<number, Migration>> = {
  1: (db) => {
    db.createObjectStore('secret', { keyPath: 'id' });
    db.createObjectStore('persons', { keyPath: 'key' });
    db.createObjectStore('notes', { keyPath: 'id' }).createIndex('byPerson', 'personKey');
    db.createObjectStore('reminderState', { keyPath: 'id' });
    db.createObjectStore('exportLog', { keyPath: 'id' }).createIndex('byTime', 'time');
    db.createObjectStore('reviews', { keyPath: 'id' });
    db.createObjectStore('errors', { keyPath: 'id', autoIncrement: true });
  },
  2: async (_db, tx) => {
    const persons = tx.objectStore('persons');
    persons.createIndex('byExpires', 'expiresAt');
    tx.objectStore('reminderState').createIndex('byPerson', 'personKey');
    tx.objectStore('exportLog').createIndex('bySha256', 'sha256');
    // Back-fill expiresAt. A v1 record without a usable birth date cannot be retained safely: drop it.
    let cursor = await persons.openCursor();
    while (cursor) {
      const value = cursor.value as Partial<PersonRecord>;
      if (!value.expiresAt) {
        if (isIsoDate(value.birthDate)) await cursor.update({ ...value, expiresAt: birthdayOn(value.birthDate, 20) });
        else await cursor.delete();
      }
      cursor = await cursor.continue();
    }
  },
};

/**
 * Open (and upgrade) the database with a given IndexedDB factory. `version` is for tests of old versions only.
 * The connection closes itself when another context upgrades the database.
 */
export function openDatabase(factory: IDBFactory, version: number = DB_VERSION): Promise<IDBPDatabase<KaaDB>> {
  const request = factory.open(IDB_NAME, version);
  request.addEventListener('upgradeneeded', (event) => {
    const db = wrap(request.result) as AnyDB;
    const rawTx = request.transaction;
    if (!rawTx) return;
    const tx = wrap(rawTx) as unknown as AnyTx;
    const target = event.newVersion ?? version;
    const run = async () => {
      for (let v = event.oldVersion + 1; v <= target; v++) {
        const migration = MIGRATIONS[v];
        if (!migration) throw new Error(`No migration to database version ${v}`);
        await migration(db, tx);
      }
    };
    run().catch(() => {
      try {
        rawTx.abort();
      } catch {
        // already finished
      }
    });
  });
  return (wrap(request) as Promise<IDBPDatabase<KaaDB>>).then((db) => {
    db.addEventListener('versionchange', () => db.close());
    return db;
  });
}
