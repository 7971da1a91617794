/**
 * The persons store: one pseudonymous record per youth the user works on (listed on "Mina deltagare" or whose person
 * page was opened): key, birth date, safe page path, when last seen, the 20th birthday, the latest ladder summary
 * (strictly checked). And the deletion of a person with everything kept about them.
 */
import { birthdayOn } from '../domain/dates';
import { parseId } from '../domain/personnummer';
import type { Db } from './db';
import { InvalidPersonnummerError, keyOfDigits } from './person-key';
import { containsIdLike } from './redact';
import type { PersonLadderSummary, PersonRecord } from './types';
import { checkLadderSummary, PersonLadderSummarySchema } from '../ladder/summary-schema';
import { addError } from './errors';

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
 * A youth was seen in UKA (their person page opened, or listed on "Mina deltagare"): create or refresh the record. The
 * personnummer is used to derive the key and birth date and then dropped. `now` is on the extension's clock (the
 * retention counts from it). Returns the stored record.
 */
export async function recordPersonSeen(db: Db, personnummer: string, path: string | null, now: number = Date.now()): Promise<PersonRecord> {
  const parsed = parseId(personnummer);
  if (!parsed) throw new InvalidPersonnummerError();
  const key = await keyOfDigits(db, parsed.digits12);
  const tx = db.transaction('persons', 'readwrite');
  const existing = await tx.store.get(key);
  // Seeing the person again must not forget what the person page last showed (reminders rely on it), if it checks.
  const ladder = existing?.ladder ? checkLadderSummary(existing.ladder) : null;
  const record: PersonRecord = {
    key,
    birthDate: parsed.birthDate,
    path: safePath(path) ?? existing?.path ?? null,
    lastSeen: now,
    expiresAt: birthdayOn(parsed.birthDate, 20),
    ...(ladder ? { ladder } : {}),
  };
  await tx.store.put(record);
  await tx.done;
  if (existing?.ladder && !ladder) await countDropped(db, 1);
  return record;
}

/** A ladder summary failed its strict schema (lib/ladder/summary-schema.ts). */
export class InvalidLadderSummaryError extends Error {
  constructor() {
    super('Kontakttrappans sammanfattning klarade inte kontrollen och sparades inte');
    this.name = 'InvalidLadderSummaryError';
  }
}

/** Summaries dropped because they failed the strict check: counted in the popup's error list (no content). */
async function countDropped(db: Db, count: number): Promise<void> {
  if (count > 0) await addError(db, 'lagring', `${count === 1 ? 'En sparad sammanfattning' : `${count} sparade sammanfattningar`} av kontakttrappan klarade inte kontrollen och togs bort.`).catch(() => undefined);
}

/**
 * Keep the latest ladder summary of a known person (for background reminders). False when the person is unknown.
 * The summary is checked by its strict schema first: one that fails is not stored, is counted, and throws
 * InvalidLadderSummaryError.
 */
export async function setPersonLadder(db: Db, key: string, summary: Omit<PersonLadderSummary, 'updatedAt'>, now: number = Date.now()): Promise<boolean> {
  // Written as the schema says, exactly (fields of earlier versions are not accepted on write either).
  const parsed = PersonLadderSummarySchema.safeParse({ ...summary, updatedAt: now });
  const checked = parsed.success ? parsed.data : null;
  if (!checked) {
    await countDropped(db, 1);
    throw new InvalidLadderSummaryError();
  }
  const tx = db.transaction('persons', 'readwrite');
  const person = await tx.store.get(key);
  if (person) await tx.store.put({ ...person, ladder: checked });
  await tx.done;
  return Boolean(person);
}

/**
 * Persons as read: each stored ladder summary checked again by its strict schema. A summary that fails is dropped
 * from the database (the person stays, as one whose page has not been read) and counted, never handed on.
 */
async function checkedPersons(db: Db, records: readonly (PersonRecord | undefined)[]): Promise<PersonRecord[]> {
  const out: PersonRecord[] = [];
  const failed: PersonRecord[] = [];
  for (const record of records) {
    if (!record) continue;
    if (record.ladder === undefined || record.ladder === null) {
      out.push(record);
      continue;
    }
    const ladder = checkLadderSummary(record.ladder);
    if (ladder) out.push({ ...record, ladder });
    else {
      const { ladder: _dropped, ...rest } = record;
      failed.push(rest);
      out.push(rest);
    }
  }
  if (failed.length) {
    const tx = db.transaction('persons', 'readwrite');
    for (const record of failed) await tx.store.put(record);
    await tx.done;
    await countDropped(db, failed.length);
  }
  return out;
}

export async function getPerson(db: Db, key: string): Promise<PersonRecord | undefined> {
  return (await checkedPersons(db, [await db.get('persons', key)]))[0];
}

export async function listPersons(db: Db): Promise<PersonRecord[]> {
  return checkedPersons(db, await db.getAll('persons'));
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
