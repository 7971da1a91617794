/** The reminderState store: which reminders the user snoozed or marked done. */
import { todayInStockholm } from '../domain/dates';
import type { Db } from './db';
import type { IsoDate, ReminderStateRecord } from './types';

export function getReminderState(db: Db, id: string): Promise<ReminderStateRecord | undefined> {
  return db.get('reminderState', id);
}

export function listReminderStates(db: Db): Promise<ReminderStateRecord[]> {
  return db.getAll('reminderState');
}

async function updateReminder(db: Db, id: string, personKey: string | undefined, change: Partial<ReminderStateRecord>, now: number): Promise<ReminderStateRecord> {
  const tx = db.transaction('reminderState', 'readwrite');
  const existing = await tx.store.get(id);
  const record: ReminderStateRecord = { ...existing, id, ...change, updatedAt: now };
  const owner = personKey ?? existing?.personKey;
  if (owner) record.personKey = owner;
  await tx.store.put(record);
  await tx.done;
  return record;
}

/** Hide a reminder until `until` (it shows again on that day). */
export function snoozeReminder(db: Db, id: string, until: IsoDate, personKey?: string, now: number = Date.now()): Promise<ReminderStateRecord> {
  return updateReminder(db, id, personKey, { snoozedUntil: until }, now);
}

export function markReminderDone(db: Db, id: string, personKey?: string, now: number = Date.now()): Promise<ReminderStateRecord> {
  return updateReminder(db, id, personKey, { doneAt: now, doneOn: todayInStockholm(new Date(now)) }, now);
}

/** The maps the reminders engine takes (ReminderInputs.snoozed / .done). */
export async function reminderMaps(db: Db): Promise<{ snoozed: Record<string, IsoDate>; done: Record<string, IsoDate> }> {
  const snoozed: Record<string, IsoDate> = {};
  const done: Record<string, IsoDate> = {};
  for (const r of await db.getAll('reminderState')) {
    if (r.snoozedUntil) snoozed[r.id] = r.snoozedUntil;
    if (r.doneOn) done[r.id] = r.doneOn;
  }
  return { snoozed, done };
}

export function clearReminderState(db: Db, id: string): Promise<void> {
  return db.delete('reminderState', id);
}
