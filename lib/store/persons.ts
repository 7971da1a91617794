/**
 * The persons store: one pseudonymous record per person seen in UKA (key, birth date, safe page path, when seen,
 * the latest ladder summary), and the deletion of a person with everything kept about them.
 */
import { birthdayOn } from '../domain/dates';
import { parseId } from '../domain/personnummer';
import type { Db } from './db';
import { InvalidPersonnummerError, keyOfDigits } from './person-key';
import { containsIdLike } from './redact';
import type { PersonLadderSummary, PersonRecord } from './types';

export interface PurgeResult {
  persons: number;
  notes: number;
  reminders: number;
}

/** Keep a UKA page path only without query/fragment and only if it holds nothing personnummer-like. */
export function safePath(path: string | null | undefined): string | null {
  if (!path) return null;
  const bare = path.split(/[?#]/)[0] ?? '';
  if (!bare.startsWith('/') || bare.length > 500 || containsIdLike(bare)) return null;
  return bare;
}

/**
 * A person page was seen in UKA: create or refresh the person's record. The personnummer is used to derive the
 * key and birth date and then dropped. Returns the stored record.
 */
export async function recordPersonSeen(db: Db, personnummer: string, path: string | null, now: number = Date.now()): Promise<PersonRecord> {
  const parsed = parseId(personnummer);
  if (!parsed) throw new InvalidPersonnummerError();
  const key = await keyOfDigits(db, parsed.digits12);
  const tx = db.transaction('persons', 'readwrite');
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
export async function setPersonLadder(db: Db, key: string, summary: Omit<PersonLadderSummary, 'updatedAt'>, now: number = Date.now()): Promise<boolean> {
  const tx = db.transaction('persons', 'readwrite');
  const person = await tx.store.get(key);
  if (person) await tx.store.put({ ...person, ladder: { ...summary, updatedAt: now } });
  await tx.done;
  return Boolean(person);
}

export function getPerson(db: Db, key: string): Promise<PersonRecord | undefined> {
  return db.get('persons', key);
}

export function listPersons(db: Db): Promise<PersonRecord[]> {
  return db.getAll('persons');
}

/** Remove persons and everything kept about them (notes, reminder states, their keys in reviews). */
export async function deletePersons(db: Db, keys: readonly string[]): Promise<PurgeResult> {
  const result: PurgeResult = { persons: 0, notes: 0, reminders: 0 };
  if (!keys.length) return result;
  const tx = db.transaction(['persons', 'notes', 'reminderState', 'reviews'], 'readwrite');
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
