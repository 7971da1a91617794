/**
 * The per-install pseudonymisation key and the person keys made with it: HMAC-SHA-256(key, normalised 12-digit
 * number) as hex.
 *
 * The key is a non-extractable WebCrypto CryptoKey ({ extractable: false, usages: ['sign'] }), kept in IndexedDB as a
 * structured clone. Neither the extension's code nor anyone who reads the database through the browser can get its
 * bytes back: the browser signs with it and nothing else. Its bytes exist only in the browser's own serialisation of
 * the key inside the profile's database files (see README, "Integritet och skydd i vila").
 *
 * Installs made before this held the key as 32 raw bytes ({ bytes: Uint8Array }). Those bytes are imported once as a
 * non-extractable key with the same value (so every person key and everything stored under it stays valid), and the
 * record is overwritten without them (migrateLegacySecret, run when the store opens and on first use).
 */
import { parseId } from '../domain/personnummer';
import type { Db } from './db';
import type { SecretRecord } from './types';

const SECRET_ID = 'hmac';
const HMAC = { name: 'HMAC', hash: 'SHA-256' } as const;

export class InvalidPersonnummerError extends Error {
  constructor() {
    super('Ogiltigt personnummer');
    this.name = 'InvalidPersonnummerError';
  }
}

function toHex(bytes: ArrayBuffer | Uint8Array): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let out = '';
  for (const b of view) out += b.toString(16).padStart(2, '0');
  return out;
}

/** Raw bytes as a non-extractable HMAC key (the migration of old installs, and tests). */
export function importHmacKey(bytes: Uint8Array): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', new Uint8Array(bytes), HMAC, false, ['sign']);
}

/** HMAC-SHA-256(key, digits12) as hex. */
export async function signHex(key: CryptoKey, digits12: string): Promise<string> {
  return toHex(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(digits12)));
}

/** HMAC-SHA-256(raw secret, digits12) as hex. For tests of old installs; product code uses KaaStore.personKey. */
export async function hmacHex(secret: Uint8Array, digits12: string): Promise<string> {
  return signHex(await importHmacKey(secret), digits12);
}

/** A record as an older version may have left it: raw bytes instead of a CryptoKey. */
interface LegacySecretRecord {
  id: typeof SECRET_ID;
  bytes: Uint8Array;
  createdAt: number;
}

function isCryptoKey(value: unknown): value is CryptoKey {
  return typeof CryptoKey !== 'undefined' && value instanceof CryptoKey;
}

function legacyBytes(record: unknown): Uint8Array | null {
  const bytes: unknown = (record as Partial<LegacySecretRecord> | undefined)?.bytes;
  if (bytes instanceof Uint8Array) return bytes;
  if (bytes instanceof ArrayBuffer) return new Uint8Array(bytes);
  return null;
}

/**
 * Store `candidate` unless another context stored a key first (one readwrite transaction with no await on anything
 * but IndexedDB, so concurrent callers agree on one key). Raw bytes still in the record are replaced only when they
 * are the bytes the candidate was imported from (`from`), so that a concurrent migration is never undone.
 */
async function storeKey(db: Db, candidate: CryptoKey, from: Uint8Array | null, createdAt: number): Promise<CryptoKey> {
  const tx = db.transaction('secret', 'readwrite');
  const current = (await tx.store.get(SECRET_ID)) as unknown;
  let key = candidate;
  const currentKey = (current as Partial<SecretRecord> | undefined)?.key;
  if (isCryptoKey(currentKey)) key = currentKey;
  else {
    const bytes = legacyBytes(current);
    if (bytes && !(from && sameBytes(bytes, from))) {
      // Bytes we did not import: leave them to the caller's next attempt.
      tx.abort();
      await tx.done.catch(() => undefined);
      return readKey(db);
    }
    const record: SecretRecord = { id: SECRET_ID, key: candidate, createdAt };
    await tx.store.put(record);
  }
  await tx.done;
  return key;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/**
 * The install's key: the stored CryptoKey; raw bytes of an older version migrated to one first; a new random key
 * (never extractable, never seen as bytes) on first use.
 */
async function readKey(db: Db): Promise<CryptoKey> {
  const record = (await db.get('secret', SECRET_ID)) as unknown;
  const stored = (record as Partial<SecretRecord> | undefined)?.key;
  if (isCryptoKey(stored)) return stored;
  const bytes = legacyBytes(record);
  if (bytes) {
    const createdAt = (record as LegacySecretRecord).createdAt ?? Date.now();
    return storeKey(db, await importHmacKey(bytes), bytes, createdAt);
  }
  const fresh = (await crypto.subtle.generateKey({ ...HMAC, length: 256 }, false, ['sign'])) as CryptoKey;
  return storeKey(db, fresh, null, Date.now());
}

/** Replace raw key bytes left by an older version with a non-extractable key of the same value (no-op otherwise). */
export async function migrateLegacySecret(db: Db): Promise<void> {
  if (legacyBytes(await db.get('secret', SECRET_ID))) await readKey(db);
}

/** The key of a parsed (normalised) number. */
export async function keyOfDigits(db: Db, digits12: string): Promise<string> {
  return signHex(await readKey(db), digits12);
}

/**
 * The pseudonymous key of a person. The same for "200601012396", "20060101-2396", "060101-2396" and "0601012396".
 * Throws InvalidPersonnummerError.
 */
export async function personKey(db: Db, personnummer: string): Promise<string> {
  const parsed = parseId(personnummer);
  if (!parsed) throw new InvalidPersonnummerError();
  return keyOfDigits(db, parsed.digits12);
}
