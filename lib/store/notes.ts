/** The notes store: the contact-ladder notes the user adds for a known person. */
import { compareCodePoints } from '../domain/dates';
import type { LocalNote } from '../ladder/types';
import type { Db } from './db';
import type { NoteRecord } from './types';

export class UnknownPersonError extends Error {
  constructor() {
    super('Okänd person: personen måste ha setts i UKA först');
    this.name = 'UnknownPersonError';
  }
}

/** Add a ladder note for a known person (one seen through recordPersonSeen, so that retention applies). */
export async function addNote(db: Db, personKey: string, note: LocalNote, now: number = Date.now()): Promise<NoteRecord> {
  const tx = db.transaction(['persons', 'notes'], 'readwrite');
  if (!(await tx.objectStore('persons').getKey(personKey))) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw new UnknownPersonError();
  }
  const record = { ...note, id: crypto.randomUUID(), personKey, createdAt: now } as NoteRecord;
  await tx.objectStore('notes').put(record);
  await tx.done;
  return record;
}

/**
 * A person's notes, oldest first. Notes added in the same millisecond are ordered by their own date (an undated one
 * first), then by id: the index gives them in the order of their random ids, so without this the same notes could
 * come back in another order.
 */
export async function listNotes(db: Db, personKey: string): Promise<NoteRecord[]> {
  const notes = await db.getAllFromIndex('notes', 'byPerson', personKey);
  return notes.sort((a, b) => a.createdAt - b.createdAt || compareCodePoints(a.date ?? '', b.date ?? '') || compareCodePoints(a.id, b.id));
}

export function deleteNote(db: Db, id: string): Promise<void> {
  return db.delete('notes', id);
}
