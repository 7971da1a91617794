/** The errors store: the latest feature errors, redacted, for the popup's error list. */
import type { Db } from './db';
import { redactMessage } from './redact';
import type { ErrorRecord } from './types';

/** Most recent feature errors kept. */
export const MAX_ERRORS = 50;

/** Keep a feature error, redacted (personnummer-like numbers and the given names). Keeps the latest MAX_ERRORS. */
export async function addError(db: Db, feature: string, message: string, knownNames: readonly string[] = [], now: number = Date.now()): Promise<ErrorRecord> {
  const record: ErrorRecord = { time: now, feature: redactMessage(feature, knownNames).slice(0, 60), message: redactMessage(message, knownNames) };
  const tx = db.transaction('errors', 'readwrite');
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
export async function listErrors(db: Db, limit: number = MAX_ERRORS): Promise<ErrorRecord[]> {
  return (await db.getAll('errors')).reverse().slice(0, limit);
}

export function clearErrors(db: Db): Promise<void> {
  return db.clear('errors');
}
