/**
 * The pseudonymisation key (#17 item 5): a non-extractable CryptoKey in IndexedDB, never raw bytes in any storage;
 * raw bytes left by an older version are migrated once to a key of the same value (person keys stay the same).
 */
import { testPersonnummer } from '../../fixtures/testpersonnummer';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import type { IDBPDatabase } from 'idb';
import { hmacHex, openDatabase, openStore, STORE_NAMES, type KaaStore } from '../../../lib/store';
import { keyOfDigits, migrateLegacySecret } from '../../../lib/store/person-key';

const A = testPersonnummer().find((p) => p.startsWith('20060101'))!;
const B = testPersonnummer().find((p) => p.startsWith('20060102'))!;

/** Every binary value (Uint8Array, ArrayBuffer, any typed array) anywhere inside `value`, with where it is. */
function binaries(value: unknown, at = '$', out: string[] = [], seen = new Set<unknown>()): string[] {
  if (value === null || typeof value !== 'object' || seen.has(value)) return out;
  seen.add(value);
  if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) out.push(at);
  else if (value instanceof CryptoKey) return out;
  else for (const [k, v] of Object.entries(value)) binaries(v, `${at}.${k}`, out, seen);
  return out;
}

/** Every store of the database and the extension's local storage, searched for binaries and for the raw bytes. */
async function rawKeyTraces(store: KaaStore, raw?: Uint8Array): Promise<string[]> {
  const found: string[] = [];
  for (const name of STORE_NAMES) for (const [i, row] of (await store.db.getAll(name)).entries()) binaries(row, `${name}[${i}]`, found);
  binaries(await fakeBrowser.storage.local.get(null), 'storage.local', found);
  binaries(await fakeBrowser.storage.session.get(null), 'storage.session', found);
  if (raw) {
    const hex = Array.from(raw, (b) => b.toString(16).padStart(2, '0')).join('');
    const dump = JSON.stringify(await store.dumpAll());
    if (dump.includes(hex) || dump.includes(Array.from(raw).join(','))) found.push('dumpAll: the raw bytes');
  }
  return found;
}

/** A database as a version before this one left it: the key as 32 raw bytes. */
async function legacyInstall(factory: IDBFactory, raw: Uint8Array): Promise<void> {
  const db = (await openDatabase(factory)) as unknown as IDBPDatabase<unknown>;
  await db.put('secret', { id: 'hmac', bytes: raw, createdAt: 42 });
  db.close();
}

beforeEach(() => fakeBrowser.reset());

describe('the pseudonymisation key', () => {
  it('is made on first use as a non-extractable HMAC CryptoKey, with no raw bytes anywhere', async () => {
    const store = await openStore(new IDBFactory());
    expect(await store.db.count('secret')).toBe(0);
    await store.recordPersonSeen(A, '/person/1');
    const record = (await store.db.get('secret', 'hmac'))!;
    expect(record.key).toBeInstanceOf(CryptoKey);
    expect(record.key.extractable).toBe(false);
    expect(record.key.usages).toEqual(['sign']);
    expect(record.key.algorithm).toMatchObject({ name: 'HMAC', hash: { name: 'SHA-256' }, length: 256 });
    expect(Object.keys(record).sort()).toEqual(['createdAt', 'id', 'key']);
    await expect(crypto.subtle.exportKey('raw', record.key)).rejects.toThrow();
    expect(await rawKeyTraces(store)).toEqual([]);
    store.close();
  });

  it('stays the same key across restarts (the structured clone signs as the original)', async () => {
    const factory = new IDBFactory();
    const first = await openStore(factory);
    const key = await first.personKey(A);
    first.close();
    const second = await openStore(factory);
    expect(await second.personKey(A)).toBe(key);
    expect(await second.personKey(B)).not.toBe(key);
    second.close();
  });

  it('is one key under concurrent first use, from several connections too', async () => {
    const factory = new IDBFactory();
    const [s1, s2] = await Promise.all([openStore(factory), openStore(factory)]);
    const keys = await Promise.all([s1.personKey(A), s2.personKey(A), s1.personKey(A), s2.personKey(A)]);
    expect(new Set(keys).size).toBe(1);
    expect(await s1.db.count('secret')).toBe(1);
    s1.close();
    s2.close();
  });
});

describe('migration of raw key bytes from an older version', () => {
  const raw = Uint8Array.from({ length: 32 }, (_, i) => (i * 37 + 11) & 0xff);

  it('on start: the raw bytes are gone, the key is non-extractable, and person keys are unchanged', async () => {
    const factory = new IDBFactory();
    await legacyInstall(factory, raw);
    const before = await hmacHex(raw, A);

    const store = await openStore(factory);
    const record = (await store.db.get('secret', 'hmac'))!;
    expect(record.key).toBeInstanceOf(CryptoKey);
    expect(record.key.extractable).toBe(false);
    expect(record.createdAt).toBe(42);
    expect('bytes' in record).toBe(false);
    expect(await rawKeyTraces(store, raw)).toEqual([]);
    expect(await store.personKey(A)).toBe(before);
    expect(await store.personKey(B)).toBe(await hmacHex(raw, B));
    store.close();
  });

  it('records stored under the old key stay valid after the migration', async () => {
    const factory = new IDBFactory();
    await legacyInstall(factory, raw);
    const key = await hmacHex(raw, A);
    const old = (await openDatabase(factory)) as unknown as IDBPDatabase<unknown>;
    await old.put('persons', { key, birthDate: '2006-01-01', path: '/person/1', firstSeen: 1, lastSeen: 2, expiresAt: '2026-01-01' });
    old.close();

    const store = await openStore(factory);
    // The record written under the old key is found (its path is kept when none is given).
    expect((await store.recordPersonSeen(A, null, 3)).path).toBe('/person/1');
    expect(await store.listPersons()).toHaveLength(1);
    store.close();
  });

  it('on first use too (a connection opened before the migration), and only once', async () => {
    const factory = new IDBFactory();
    await legacyInstall(factory, raw);
    const db = await openDatabase(factory);
    const [k1, k2] = await Promise.all([keyOfDigits(db, A), keyOfDigits(db, A)]);
    expect(k1).toBe(await hmacHex(raw, A));
    expect(k2).toBe(k1);
    expect(await db.count('secret')).toBe(1);
    await migrateLegacySecret(db); // nothing left to migrate
    expect(await db.count('secret')).toBe(1);
    expect((await db.get('secret', 'hmac'))!.createdAt).toBe(42);
    expect(await keyOfDigits(db, A)).toBe(k1);
    const store = await openStore(factory);
    expect(await rawKeyTraces(store, raw)).toEqual([]);
    store.close();
    db.close();
  });

  it('"Radera all lokal data" removes the key: a new one (also non-extractable) gives new person keys', async () => {
    const factory = new IDBFactory();
    await legacyInstall(factory, raw);
    const store = await openStore(factory);
    const before = await store.personKey(A);
    await store.deleteAll();
    expect(await store.db.count('secret')).toBe(0);
    expect(await store.personKey(A)).not.toBe(before);
    expect((await store.db.get('secret', 'hmac'))!.key.extractable).toBe(false);
    store.close();
  });
});
