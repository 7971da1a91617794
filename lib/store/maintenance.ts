/** Across all stores: retention, "Radera all lokal data", and the dump for tests and diagnostics. */
import { browser } from 'wxt/browser';
import { addDays } from '../domain/dates';
import { loadSettings } from '../settings';
import { STORE_NAMES, type Db, type StoreName } from './db';
import { deletePersons, type PurgeResult } from './persons';
import type { IsoDate, SecretRecord } from './types';

export type DumpAll = { [K in StoreName]: unknown[] } & { localStorage: Record<string, unknown> };

/**
 * Remove everything about persons whose 20th birthday (expiresAt) is at least `retentionDays` days before `today`:
 * with retentionDays 90 and a 20th birthday on 2026-03-01, the data is kept through 2026-05-29 and removed from
 * 2026-05-30 (= expiresAt + 90 days). retentionDays defaults to the setting.
 */
export async function purgeExpired(db: Db, today: IsoDate, retentionDays?: number): Promise<PurgeResult> {
  const days = retentionDays ?? (await loadSettings()).settings.retentionDays;
  const cutoff = addDays(today, -days);
  // Walk the byExpires index in ascending order (no IDBKeyRange global needed, so any IDBFactory works).
  const keys: string[] = [];
  let cursor = await db.transaction('persons').store.index('byExpires').openKeyCursor();
  while (cursor && cursor.key <= cutoff) {
    keys.push(cursor.primaryKey);
    cursor = await cursor.continue();
  }
  return deletePersons(db, keys);
}

/**
 * "Radera all lokal data": empty every store, the secret included (so a new secret and new person keys are made
 * on next use), and clear the extension's local storage (the user's settings too). Policy settings are untouched.
 */
export async function deleteAll(db: Db): Promise<void> {
  const tx = db.transaction([...STORE_NAMES], 'readwrite');
  await Promise.all(STORE_NAMES.map((name) => tx.objectStore(name).clear()));
  await tx.done;
  await browser.storage.local.clear();
}

/** What dumpAll shows of the key record: what kind of key it is, never a value. */
function describeSecret(record: SecretRecord): Record<string, unknown> {
  const { key, createdAt, id } = record;
  const raw = (record as unknown as { bytes?: unknown }).bytes;
  if (raw !== undefined) return { id, createdAt, bytes: '[hemlig]' };
  return { id, createdAt, key: key ? { type: key.type, extractable: key.extractable, algorithm: key.algorithm, usages: key.usages } : null };
}

/** Everything stored, for tests and diagnostics. Of the key, only its kind is shown (it cannot be read anyway). */
export async function dumpAll(db: Db): Promise<DumpAll> {
  const out = {} as DumpAll;
  for (const name of STORE_NAMES) {
    const rows: unknown[] = await db.getAll(name);
    out[name] = name === 'secret' ? rows.map((r) => describeSecret(r as SecretRecord)) : rows;
  }
  out.localStorage = (await browser.storage.local.get(null)) as Record<string, unknown>;
  return out;
}
