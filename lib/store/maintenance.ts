/** Across all stores: retention, "Radera all lokal data", and the dump for tests and diagnostics. */
import { browser } from 'wxt/browser';
import { addDays, isIsoDate, todayInStockholm } from '../domain/dates';
import { RETENTION_MAX_DAYS } from '../domain/routine';
import { loadEffective } from '../platform/effective';
import { STORE_NAMES, type Db, type KaaDB, type StoreName } from './db';
import { deletePersons, type PurgeResult } from './persons';
import type { IsoDate, SecretRecord } from './types';

export type DumpAll = { [K in StoreName]: unknown[] } & { localStorage: Record<string, unknown> };

/** What a purge removed. */
export interface RetentionPurge extends PurgeResult {
  /** Monthly reviews not used within the retention. */
  reviews: number;
  /** Export-log entries older than the retention. */
  exports: number;
  /** Feature errors older than the retention. */
  errors: number;
}

/** The Stockholm day of an epoch-ms instant; null when it is not a usable instant. */
function dayOf(ms: unknown): IsoDate | null {
  return typeof ms === 'number' && Number.isFinite(ms) && Math.abs(ms) < 8.64e15 ? todayInStockholm(new Date(ms)) : null;
}

/** The latest of some days (null ones ignored); null when none. */
function latest(...days: (IsoDate | null | undefined)[]): IsoDate | null {
  let out: IsoDate | null = null;
  for (const d of days) if (d && isIsoDate(d) && (out === null || d > out)) out = d;
  return out;
}

/**
 * The retention (lagringstid). With R = `retentionDays` (default: the one in force, lib/platform/routine.ts; never more than RETENTION_MAX_DAYS) and
 * cutoff = today − R days, everything whose last day of use is on or before the cutoff is removed — that is, exactly
 * R days after it was last used:
 * - a youth (with their notes, reminder states and their keys in reviews) R days after they were last seen in UKA
 *   (`lastSeen`: "Mina deltagare" or their person page), and at the latest R days after the 20th birthday
 *   (`expiresAt`): seen on 2026-01-10 with R = 90, the youth is kept through 2026-04-09 and removed from 2026-04-10;
 *   a record without a usable last-seen instant is removed;
 * - a monthly review R days after its latest use (start, visit or finish);
 * - an export-log entry R days after the file was saved;
 * - a reminder state R days after it was last set (or after the day it was snoozed to, when later), and at once when
 *   it belongs to a youth no longer recorded; notes of a youth no longer recorded likewise;
 * - a feature error R days after it happened.
 * Reviews keep keys of recorded youths only: any other key (a person since removed) is taken out of them.
 */
export async function purgeExpired(db: Db, today: IsoDate, retentionDays?: number): Promise<RetentionPurge> {
  const wanted = retentionDays ?? (await loadEffective()).loaded.settings.retentionDays;
  const days = Math.min(RETENTION_MAX_DAYS, Math.max(0, Math.floor(wanted)));
  const cutoff = addDays(today, -days);
  const expired = (day: IsoDate | null) => day === null || day <= cutoff;

  const gone: string[] = [];
  let cursor = await db.transaction('persons').store.openCursor();
  while (cursor) {
    const p = cursor.value;
    if (expired(dayOf(p.lastSeen)) || !isIsoDate(p.expiresAt) || p.expiresAt <= cutoff) gone.push(cursor.primaryKey);
    cursor = await cursor.continue();
  }
  const result: RetentionPurge = { ...(await deletePersons(db, gone)), reviews: 0, exports: 0, errors: 0 };

  const tx = db.transaction(['persons', 'notes', 'reminderState', 'reviews', 'exportLog', 'errors'], 'readwrite');
  const recorded = new Set(await tx.objectStore('persons').getAllKeys());
  /** Walk a store, deleting each row `drop` says so (and updating one it answers a replacement for); the count deleted. */
  const sweep = async <S extends 'notes' | 'reminderState' | 'reviews' | 'exportLog' | 'errors'>(
    name: S,
    drop: (row: KaaDB[S]['value']) => boolean | KaaDB[S]['value'],
  ): Promise<number> => {
    let removed = 0;
    let cursor = await tx.objectStore(name).openCursor();
    while (cursor) {
      const verdict = drop(cursor.value as KaaDB[S]['value']);
      if (verdict === true) {
        await cursor.delete();
        removed++;
      } else if (verdict !== false) await cursor.update(verdict as never);
      cursor = await cursor.continue();
    }
    return removed;
  };
  result.notes += await sweep('notes', (n) => !recorded.has(n.personKey));
  result.reminders += await sweep('reminderState', (r) => (r.personKey !== undefined && !recorded.has(r.personKey)) || expired(latest(dayOf(r.updatedAt), r.snoozedUntil)));
  result.reviews = await sweep('reviews', (r) => {
    if (expired(latest(r.startedOn, r.lastVisitOn, dayOf(r.startedAt), dayOf(r.finishedAt)))) return true;
    const keep = (keys: readonly string[] | undefined) => (keys ?? []).filter((k) => recorded.has(k));
    const redKeys = keep(r.redKeys);
    const fixedKeys = keep(r.fixedKeys);
    const changed = redKeys.length !== (r.redKeys ?? []).length || fixedKeys.length !== r.fixedKeys.length;
    return changed ? { ...r, fixedKeys, ...(r.redKeys ? { redKeys } : {}) } : false;
  });
  result.exports = await sweep('exportLog', (e) => expired(dayOf(e.time)));
  result.errors = await sweep('errors', (e) => expired(dayOf(e.time)));
  await tx.done;
  return result;
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
