/**
 * The per-install secret and the pseudonymous person key made from it: HMAC-SHA-256(secret, normalised 12-digit
 * number) as hex. The secret never leaves the database (dumpAll masks it).
 */
import { parseId } from '../domain/personnummer';
import type { Db } from './db';
import type { SecretRecord } from './types';

const SECRET_ID = 'hmac';

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

/** HMAC-SHA-256(secret, digits12) as hex. Exported for tests; use KaaStore.personKey in product code. */
export async function hmacHex(secret: Uint8Array, digits12: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new Uint8Array(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return toHex(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(digits12)));
}

/** The per-install secret, created on first use (one readwrite transaction, so concurrent callers agree). */
async function secret(db: Db): Promise<Uint8Array> {
  const tx = db.transaction('secret', 'readwrite');
  let record = await tx.store.get(SECRET_ID);
  if (!record) {
    record = { id: SECRET_ID, bytes: crypto.getRandomValues(new Uint8Array(32)), createdAt: Date.now() } satisfies SecretRecord;
    await tx.store.put(record);
  }
  await tx.done;
  return record.bytes;
}

/** The key of a parsed (normalised) number. */
export async function keyOfDigits(db: Db, digits12: string): Promise<string> {
  return hmacHex(await secret(db), digits12);
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
