/**
 * KAA-lotsen's local state, in the extension's own IndexedDB ("kaa-lotsen", see ./db.ts for versions).
 *
 * Owned by the background service worker: content scripts run in UKA's origin and cannot see this database, so they
 * reach it through messages (lib/messages). Privacy rules are documented in ./types.ts: persons are known only by
 * a pseudonymous HMAC key, no names or personnummer are stored, and everything about a person is removed
 * `retentionDays` after their 20th birthday.
 */
import type { IDBPDatabase } from 'idb';
import { browser } from 'wxt/browser';
import { addDays, birthdayOn, todayInStockholm } from '../domain/dates';
import { parseId } from '../domain/personnummer';
import { loadSettings } from '../settings';
import type { LocalNote } from '../ladder/types';
import { DB_VERSION, openDatabase, STORE_NAMES, type KaaDB, type StoreName } from './db';
import { containsIdLike, redactMessage } from './redact';
import type { ErrorRecord, ExportLogEntry, IsoDate, NoteRecord, PersonLadderSummary, PersonRecord, ReminderStateRecord, ReviewRecord, SecretRecord } from './types';

export * from './types';
export { DB_NAME, DB_VERSION, MIGRATIONS, openDatabase, STORE_NAMES, type KaaDB, type StoreName } from './db';
export { redactMessage, containsIdLike, REDACTED_ID, REDACTED_NAME } from './redact';

/** Most recent feature errors kept. */
export const MAX_ERRORS = 50;
const SECRET_ID = 'hmac';

export class InvalidPersonnummerError extends Error {
  constructor() {
    super('Ogiltigt personnummer');
    this.name = 'InvalidPersonnummerError';
  }
}

export class UnknownPersonError extends Error {
  constructor() {
    super('Okänd person: personen måste ha setts i UKA först');
    this.name = 'UnknownPersonError';
  }
}

function toHex(bytes: ArrayBuffer | Uint8Array): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let out = '';
  for (const b of view) out += b.toString(16).padStart(2, '0');
  return out;
}

/** HMAC-SHA-256(secret, digits12) as hex. Exported for tests; use KaaStore.personKey in product code. */
export async function hmacHex(secret: Uint8Array, digits12: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new Uint8Array(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return toHex(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(digits12)));
}

/** Keep a UKA page path only without query/fragment and only if it holds nothing personnummer-like. */
export function safePath(path: string | null | undefined): string | null {
  if (!path) return null;
  const bare = path.split(/[?#]/)[0] ?? '';
  if (!bare.startsWith('/') || bare.length > 500 || containsIdLike(bare)) return null;
  return bare;
}

function newId(): string {
  return crypto.randomUUID();
}

export interface PurgeResult {
  persons: number;
  notes: number;
  reminders: number;
}

export type DumpAll = { [K in StoreName]: unknown[] } & { localStorage: Record<string, unknown> };

export class KaaStore {
  constructor(readonly db: IDBPDatabase<KaaDB>) {}

  close(): void {
    this.db.close();
  }

  // ---- secret & person keys ---------------------------------------------------------------------------------------

  /** The per-install secret, created on first use (one readwrite transaction, so concurrent callers agree). */
  private async secret(): Promise<Uint8Array> {
    const tx = this.db.transaction('secret', 'readwrite');
    let record = await tx.store.get(SECRET_ID);
    if (!record) {
      record = { id: SECRET_ID, bytes: crypto.getRandomValues(new Uint8Array(32)), createdAt: Date.now() } satisfies SecretRecord;
      await tx.store.put(record);
    }
    await tx.done;
    return record.bytes;
  }

  /**
   * The pseudonymous key of a person: HMAC-SHA-256(secret, normalised 12-digit number) as hex. The same for
   * "200601012396", "20060101-2396", "060101-2396" and "0601012396". Throws InvalidPersonnummerError.
   */
  async personKey(personnummer: string): Promise<string> {
    const parsed = parseId(personnummer);
    if (!parsed) throw new InvalidPersonnummerError();
    return hmacHex(await this.secret(), parsed.digits12);
  }

  // ---- persons ----------------------------------------------------------------------------------------------------

  /**
   * A person page was seen in UKA: create or refresh the person's record. The personnummer is used to derive the
   * key and birth date and then dropped. Returns the stored record.
   */
  async recordPersonSeen(personnummer: string, path: string | null, now: number = Date.now()): Promise<PersonRecord> {
    const parsed = parseId(personnummer);
    if (!parsed) throw new InvalidPersonnummerError();
    const key = await hmacHex(await this.secret(), parsed.digits12);
    const tx = this.db.transaction('persons', 'readwrite');
    const existing = await tx.store.get(key);
    const record: PersonRecord = {
      key,
      birthDate: parsed.birthDate,
      path: safePath(path) ?? existing?.path ?? null,
      firstSeen: existing?.firstSeen ?? now,
      lastSeen: now,
      expiresAt: birthdayOn(parsed.birthDate, 20),
      // Seeing the person again must not forget what the person page last showed (reminders rely on it).
      ...(existing?.ladder ? { ladder: existing.ladder } : {}),
    };
    await tx.store.put(record);
    await tx.done;
    return record;
  }

  /** Keep the latest ladder summary of a known person (for background reminders). False when the person is unknown. */
  async setPersonLadder(key: string, summary: Omit<PersonLadderSummary, 'updatedAt'>, now: number = Date.now()): Promise<boolean> {
    const tx = this.db.transaction('persons', 'readwrite');
    const person = await tx.store.get(key);
    if (person) await tx.store.put({ ...person, ladder: { ...summary, updatedAt: now } });
    await tx.done;
    return Boolean(person);
  }

  getPerson(key: string): Promise<PersonRecord | undefined> {
    return this.db.get('persons', key);
  }

  listPersons(): Promise<PersonRecord[]> {
    return this.db.getAll('persons');
  }

  /** Remove a person and everything kept about them (notes, reminder states, review entries). */
  async deletePerson(key: string): Promise<void> {
    await this.deletePersons([key]);
  }

  private async deletePersons(keys: string[]): Promise<PurgeResult> {
    const result: PurgeResult = { persons: 0, notes: 0, reminders: 0 };
    if (!keys.length) return result;
    const tx = this.db.transaction(['persons', 'notes', 'reminderState', 'reviews'], 'readwrite');
    const gone = new Set(keys);
    for (const key of keys) {
      if (await tx.objectStore('persons').getKey(key)) result.persons++;
      await tx.objectStore('persons').delete(key);
      for (const id of await tx.objectStore('notes').index('byPerson').getAllKeys(key)) {
        await tx.objectStore('notes').delete(id);
        result.notes++;
      }
      for (const id of await tx.objectStore('reminderState').index('byPerson').getAllKeys(key)) {
        await tx.objectStore('reminderState').delete(id);
        result.reminders++;
      }
    }
    let cursor = await tx.objectStore('reviews').openCursor();
    while (cursor) {
      const review = cursor.value;
      const touches = review.fixedKeys.some((k) => gone.has(k)) || (review.redKeys ?? []).some((k) => gone.has(k));
      if (touches) {
        await cursor.update({
          ...review,
          fixedKeys: review.fixedKeys.filter((k) => !gone.has(k)),
          ...(review.redKeys ? { redKeys: review.redKeys.filter((k) => !gone.has(k)) } : {}),
        });
      }
      cursor = await cursor.continue();
    }
    await tx.done;
    return result;
  }

  // ---- notes ------------------------------------------------------------------------------------------------------

  /** Add a checklist note for a known person (one seen through recordPersonSeen, so that retention applies). */
  async addNote(personKey: string, note: LocalNote, now: number = Date.now()): Promise<NoteRecord> {
    const tx = this.db.transaction(['persons', 'notes'], 'readwrite');
    if (!(await tx.objectStore('persons').getKey(personKey))) {
      tx.abort();
      await tx.done.catch(() => undefined);
      throw new UnknownPersonError();
    }
    const record = { ...note, id: newId(), personKey, createdAt: now } as NoteRecord;
    await tx.objectStore('notes').put(record);
    await tx.done;
    return record;
  }

  /** A person's notes, oldest first. */
  async listNotes(personKey: string): Promise<NoteRecord[]> {
    const notes = await this.db.getAllFromIndex('notes', 'byPerson', personKey);
    return notes.sort((a, b) => a.createdAt - b.createdAt);
  }

  deleteNote(id: string): Promise<void> {
    return this.db.delete('notes', id);
  }

  // ---- reminder state ---------------------------------------------------------------------------------------------

  getReminderState(id: string): Promise<ReminderStateRecord | undefined> {
    return this.db.get('reminderState', id);
  }

  listReminderStates(): Promise<ReminderStateRecord[]> {
    return this.db.getAll('reminderState');
  }

  private async updateReminder(id: string, personKey: string | undefined, change: Partial<ReminderStateRecord>, now: number): Promise<ReminderStateRecord> {
    const tx = this.db.transaction('reminderState', 'readwrite');
    const existing = await tx.store.get(id);
    const record: ReminderStateRecord = { ...existing, id, ...change, updatedAt: now };
    const owner = personKey ?? existing?.personKey;
    if (owner) record.personKey = owner;
    await tx.store.put(record);
    await tx.done;
    return record;
  }

  /** Hide a reminder until `until` (it shows again on that day). */
  snoozeReminder(id: string, until: IsoDate, personKey?: string, now: number = Date.now()): Promise<ReminderStateRecord> {
    return this.updateReminder(id, personKey, { snoozedUntil: until }, now);
  }

  markReminderDone(id: string, personKey?: string, now: number = Date.now()): Promise<ReminderStateRecord> {
    return this.updateReminder(id, personKey, { doneAt: now, doneOn: todayInStockholm(new Date(now)) }, now);
  }

  /** The maps the reminders engine takes (ReminderInputs.snoozed / .done). */
  async reminderMaps(): Promise<{ snoozed: Record<string, IsoDate>; done: Record<string, IsoDate> }> {
    const snoozed: Record<string, IsoDate> = {};
    const done: Record<string, IsoDate> = {};
    for (const r of await this.db.getAll('reminderState')) {
      if (r.snoozedUntil) snoozed[r.id] = r.snoozedUntil;
      if (r.doneOn) done[r.id] = r.doneOn;
    }
    return { snoozed, done };
  }

  clearReminderState(id: string): Promise<void> {
    return this.db.delete('reminderState', id);
  }

  // ---- export log -------------------------------------------------------------------------------------------------

  /** Log an SCB export (no personal data: counts and the file hash). An override reason is redacted. */
  async logExport(entry: Omit<ExportLogEntry, 'id'>): Promise<ExportLogEntry> {
    const record: ExportLogEntry = { ...entry, sha256: entry.sha256.toLowerCase(), id: newId() };
    if (entry.override) record.override = { reason: redactMessage(entry.override.reason) };
    await this.db.put('exportLog', record);
    return record;
  }

  /** The latest logged export with exactly these bytes, or null. */
  async findExport(sha256: string): Promise<ExportLogEntry | null> {
    const all = await this.db.getAllFromIndex('exportLog', 'bySha256', sha256.toLowerCase());
    return all.sort((a, b) => b.time - a.time)[0] ?? null;
  }

  /** All exports, newest first. */
  async listExports(): Promise<ExportLogEntry[]> {
    return (await this.db.getAllFromIndex('exportLog', 'byTime')).reverse();
  }

  // ---- reviews ----------------------------------------------------------------------------------------------------

  async startReview(input: { label?: string | null; redAtStart: number }, now: number = Date.now()): Promise<ReviewRecord> {
    const record: ReviewRecord = { id: newId(), startedAt: now, label: input.label ?? null, redAtStart: input.redAtStart, redFixed: 0, fixedKeys: [], finishedAt: null };
    await this.db.put('reviews', record);
    return record;
  }

  /** Mark a person as fixed in a review (idempotent). Throws when the review does not exist. */
  async markReviewFixed(reviewId: string, personKey: string): Promise<ReviewRecord> {
    const tx = this.db.transaction('reviews', 'readwrite');
    const review = await tx.store.get(reviewId);
    if (!review) {
      tx.abort();
      await tx.done.catch(() => undefined);
      throw new Error('Okänd genomgång');
    }
    if (!review.fixedKeys.includes(personKey)) {
      review.fixedKeys = [...review.fixedKeys, personKey];
      review.redFixed = review.fixedKeys.length;
    }
    await tx.store.put(review);
    await tx.done;
    return review;
  }

  async finishReview(reviewId: string, now: number = Date.now()): Promise<ReviewRecord | null> {
    const review = await this.db.get('reviews', reviewId);
    if (!review) return null;
    const done = { ...review, finishedAt: now };
    await this.db.put('reviews', done);
    return done;
  }

  saveReview(review: ReviewRecord): Promise<string> {
    return this.db.put('reviews', review);
  }

  getReview(id: string): Promise<ReviewRecord | undefined> {
    return this.db.get('reviews', id);
  }

  /** The most recently started review, or null. */
  async latestReview(): Promise<ReviewRecord | null> {
    const all = await this.db.getAll('reviews');
    return all.sort((a, b) => b.startedAt - a.startedAt)[0] ?? null;
  }

  // ---- errors -----------------------------------------------------------------------------------------------------

  /** Keep a feature error, redacted (personnummer-like numbers and the given names). Keeps the latest MAX_ERRORS. */
  async addError(feature: string, message: string, knownNames: readonly string[] = [], now: number = Date.now()): Promise<ErrorRecord> {
    const record: ErrorRecord = { time: now, feature: redactMessage(feature, knownNames).slice(0, 60), message: redactMessage(message, knownNames) };
    const tx = this.db.transaction('errors', 'readwrite');
    record.id = await tx.store.add(record);
    let excess = (await tx.store.count()) - MAX_ERRORS;
    let cursor = excess > 0 ? await tx.store.openCursor() : null;
    while (cursor && excess > 0) {
      await cursor.delete();
      excess--;
      cursor = await cursor.continue();
    }
    await tx.done;
    return record;
  }

  /** Recent errors, newest first. */
  async listErrors(limit: number = MAX_ERRORS): Promise<ErrorRecord[]> {
    return (await this.db.getAll('errors')).reverse().slice(0, limit);
  }

  clearErrors(): Promise<void> {
    return this.db.clear('errors');
  }

  // ---- retention, deletion, diagnostics ---------------------------------------------------------------------------

  /**
   * Remove everything about persons whose 20th birthday (expiresAt) is at least `retentionDays` days before `today`:
   * with retentionDays 90 and a 20th birthday on 2026-03-01, the data is kept through 2026-05-29 and removed from
   * 2026-05-30 (= expiresAt + 90 days). retentionDays defaults to the setting.
   */
  async purgeExpired(today: IsoDate, retentionDays?: number): Promise<PurgeResult> {
    const days = retentionDays ?? (await loadSettings()).settings.retentionDays;
    const cutoff = addDays(today, -days);
    // Walk the byExpires index in ascending order (no IDBKeyRange global needed, so any IDBFactory works).
    const keys: string[] = [];
    let cursor = await this.db.transaction('persons').store.index('byExpires').openKeyCursor();
    while (cursor && cursor.key <= cutoff) {
      keys.push(cursor.primaryKey);
      cursor = await cursor.continue();
    }
    return this.deletePersons(keys);
  }

  /**
   * "Radera all lokal data": empty every store, the secret included (so a new secret and new person keys are made
   * on next use), and clear the extension's local storage (the user's settings too). Policy settings are untouched.
   */
  async deleteAll(): Promise<void> {
    const tx = this.db.transaction([...STORE_NAMES], 'readwrite');
    await Promise.all(STORE_NAMES.map((name) => tx.objectStore(name).clear()));
    await tx.done;
    await browser.storage.local.clear();
  }

  /** Everything stored, for tests and diagnostics. The secret's bytes are masked. */
  async dumpAll(): Promise<DumpAll> {
    const out = {} as DumpAll;
    for (const name of STORE_NAMES) {
      const rows: unknown[] = await this.db.getAll(name);
      out[name] = name === 'secret' ? rows.map((r) => ({ ...(r as SecretRecord), bytes: '[hemlig]' })) : rows;
    }
    out.localStorage = (await browser.storage.local.get(null)) as Record<string, unknown>;
    return out;
  }
}

/** Open the store. Pass a factory in tests (fake-indexeddb); the default is the environment's indexedDB. */
export async function openStore(factory?: IDBFactory, version: number = DB_VERSION): Promise<KaaStore> {
  const f = factory ?? globalThis.indexedDB;
  if (!f) throw new Error('IndexedDB saknas i den här miljön');
  return new KaaStore(await openDatabase(f, version));
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
