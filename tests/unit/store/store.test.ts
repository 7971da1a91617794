import { testPersonnummer, testSamordningsnummer } from '../../fixtures/testpersonnummer';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
// idb's wrap() checks instanceof IDBRequest/IDBDatabase…, so the fake's classes must be global; each test still
// gets its own fresh IDBFactory (an empty set of databases).
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { parseId } from '../../../lib/domain/personnummer';
import { signHex } from '../../../lib/store/person-key';
import { DB_VERSION, hmacHex, InvalidLadderSummaryError, InvalidPersonnummerError, MAX_ERRORS, openDatabase, openStore, safePath, UnknownPersonError, type KaaStore } from '../../../lib/store';

// Skatteverket's official test numbers only (never invented).
const TEST_PNR: string[] = testPersonnummer();
const TEST_SAM: string[] = testSamordningsnummer();
const pick = (prefix: string, list = TEST_PNR): string => {
  const found = list.find((p) => p.startsWith(prefix));
  if (!found) throw new Error(`no test number with prefix ${prefix}`);
  return found;
};
const A = pick('20060101'); // 12 digits
const B = pick('20060102');
// A samordningsnummer with a real birth month (some official test numbers use month 00, which parseId refuses).
const SAM = TEST_SAM.find((p) => p.startsWith('20') && parseId(p) !== null)!;
const hyphen12 = (p: string) => `${p.slice(0, 8)}-${p.slice(8)}`;
const ten = (p: string) => p.slice(2);
const hyphen10 = (p: string) => `${p.slice(2, 8)}-${p.slice(8)}`;

let factory: IDBFactory;
let store: KaaStore;

beforeEach(async () => {
  fakeBrowser.reset();
  factory = new IDBFactory();
  store = await openStore(factory);
});
afterEach(() => store.close());

describe('personKey', () => {
  it('is the same for every spelling of one number and differs between numbers', async () => {
    const k = await store.personKey(A);
    expect(k).toMatch(/^[0-9a-f]{64}$/);
    for (const spelling of [hyphen12(A), ten(A), hyphen10(A), ` ${A} `]) expect(await store.personKey(spelling)).toBe(k);
    expect(await store.personKey(B)).not.toBe(k);
  });

  it('differs with another secret (another install)', async () => {
    const other = await openStore(new IDBFactory());
    expect(await other.personKey(A)).not.toBe(await store.personKey(A));
    other.close();
  });

  it('is HMAC-SHA-256 over the normalised 12 digits, with the stored non-extractable key', async () => {
    await store.personKey(A);
    const { key } = (await store.db.get('secret', 'hmac'))!;
    expect(key.extractable).toBe(false);
    expect(key.algorithm).toMatchObject({ name: 'HMAC', length: 256 });
    expect(await store.personKey(ten(A))).toBe(await signHex(key, A));
  });

  it('creates one secret even under concurrent first use', async () => {
    const keys = await Promise.all([store.personKey(A), store.personKey(A), store.personKey(hyphen12(A))]);
    expect(new Set(keys).size).toBe(1);
    expect(await store.db.count('secret')).toBe(1);
  });

  it('refuses invalid numbers', async () => {
    await expect(store.personKey('200601012390')).rejects.toBeInstanceOf(InvalidPersonnummerError);
    await expect(store.personKey('hello')).rejects.toBeInstanceOf(InvalidPersonnummerError);
  });
});

describe('persons and privacy', () => {
  it('stores key, birth date, safe path and the 20th birthday, never the number', async () => {
    const p = await store.recordPersonSeen(hyphen12(A), '/person/123?pnr=x#top', 1000);
    // Only what the reminders need: key, birth date, path, when last seen, the 20th birthday.
    expect(p).toEqual({ key: await store.personKey(A), birthDate: '2006-01-01', path: '/person/123', lastSeen: 1000, expiresAt: '2026-01-01' });
    const again = await store.recordPersonSeen(A, null, 2000);
    expect(again.lastSeen).toBe(2000);
    expect(again.path).toBe('/person/123');
    const sam = await store.recordPersonSeen(SAM, `/person/${SAM}`);
    expect(sam.path).toBeNull();
    expect(sam.birthDate).toMatch(/^2000-\d{2}-\d{2}$/);

    await store.addNote(p.key, { step: 'callFailed', date: '2025-01-02' });
    await store.addError('ladder', `Kunde inte läsa ${hyphen12(B)} för Anna Testsson`, ['Anna Testsson']);
    const dump = JSON.stringify(await store.dumpAll());
    for (const number of [A, B, SAM, ten(A), ten(B), ten(SAM)]) expect(dump).not.toContain(number);
    expect(dump).not.toMatch(/Anna|Testsson/);
    expect(dump).toContain('"extractable":false');
  });

  it('safePath drops query, fragment and anything personnummer-like', () => {
    expect(safePath('/person/123')).toBe('/person/123');
    expect(safePath('/person/123?x=1')).toBe('/person/123');
    expect(safePath(`/person/${hyphen10(A)}`)).toBeNull();
    expect(safePath('person/1')).toBeNull();
    expect(safePath(null)).toBeNull();
  });
});

describe('notes, reminders, exports, reviews, errors', () => {
  it('keeps notes per person, only for known persons', async () => {
    const { key } = await store.recordPersonSeen(A, '/person/1');
    const { key: other } = await store.recordPersonSeen(B, '/person/2');
    await store.addNote(key, { step: 'callFailed', date: '2025-01-02' }, 1);
    await store.addNote(key, { step: 'homeVisitDone', date: '2025-02-02', reached: false }, 2);
    await store.addNote(other, { step: 'reached', date: '2025-01-05' }, 3);
    const notes = await store.listNotes(key);
    expect(notes.map((n) => n.step)).toEqual(['callFailed', 'homeVisitDone']);
    await store.deleteNote(notes[0]!.id);
    expect(await store.listNotes(key)).toHaveLength(1);
    await expect(store.addNote('f'.repeat(64), { step: 'reached', date: '2025-01-01' })).rejects.toBeInstanceOf(UnknownPersonError);
  });

  it('gives notes added in the same millisecond in one order: by their date (the index alone orders them by random id)', async () => {
    const { key } = await store.recordPersonSeen(A, '/person/1');
    for (let round = 0; round < 8; round++) {
      await store.addNote(key, { step: 'homeVisitPlanned', date: '2025-03-20' }, 5);
      await store.addNote(key, { step: 'callFailed', date: '2025-03-08' }, 5);
      expect((await store.listNotes(key)).map((n) => n.date)).toEqual(['2025-03-08', '2025-03-20']);
      for (const note of await store.listNotes(key)) await store.deleteNote(note.id);
    }
  });

  it('remembers snooze and done per reminder id', async () => {
    await store.snoozeReminder('r1', '2025-03-01', undefined, 5);
    await store.markReminderDone('r2', undefined, Date.UTC(2025, 2, 3, 12));
    expect(await store.reminderMaps()).toEqual({ snoozed: { r1: '2025-03-01' }, done: { r2: '2025-03-03' } });
    await store.markReminderDone('r1');
    expect((await store.getReminderState('r1'))?.snoozedUntil).toBe('2025-03-01');
    await store.clearReminderState('r1');
    expect(await store.getReminderState('r1')).toBeUndefined();
  });

  it('logs exports and finds them by hash, redacting override reasons', async () => {
    const sha = 'ab'.repeat(32);
    await store.logExport({ time: 1, period: '2025H1', kommun: '0180', rows: 10, persons: 9, sha256: sha, verdict: 'ok' });
    const second = await store.logExport({ time: 2, period: '2025H1', kommun: '0180', rows: 10, persons: 9, sha256: sha, verdict: 'blocked', override: { reason: `SCB sa ok för ${A}` } });
    expect(second.override?.reason).toBe('SCB sa ok för [personnummer]');
    expect((await store.findExport(sha.toUpperCase()))?.time).toBe(2);
    expect(await store.findExport('cd'.repeat(32))).toBeNull();
    expect((await store.listExports()).map((e) => e.time)).toEqual([2, 1]);
  });

  it('tracks monthly review progress', async () => {
    const r = await store.startReview({ label: 'Coach Anna', redAtStart: 4 }, 100);
    await store.markReviewFixed(r.id, 'a'.repeat(64));
    const after = await store.markReviewFixed(r.id, 'a'.repeat(64));
    expect(after.redFixed).toBe(1);
    expect(after.fixedKeys).toEqual(['a'.repeat(64)]);
    expect((await store.latestReview())?.id).toBe(r.id);
    expect((await store.finishReview(r.id, 200))?.finishedAt).toBe(200);
    await expect(store.markReviewFixed('nope', 'a'.repeat(64))).rejects.toThrow();
  });

  it('keeps only the latest errors, redacted', async () => {
    for (let i = 0; i < MAX_ERRORS + 5; i++) await store.addError('f', `fel ${i}`, [], i);
    const errors = await store.listErrors();
    expect(errors).toHaveLength(MAX_ERRORS);
    expect(errors[0]!.message).toBe(`fel ${MAX_ERRORS + 4}`);
    expect(errors.at(-1)!.message).toBe('fel 5');
  });
});

describe('recordPersonSeen', () => {
  it('keeps the ladder summary stored for the person when the person is seen again', async () => {
    const a = await store.recordPersonSeen(A, '/person/1');
    expect(await store.setPersonLadder(a.key, { lastContact: '2025-06-01' })).toBe(true);
    await store.recordPersonSeen(A, '/person/1');
    expect((await store.getPerson(a.key))?.ladder?.lastContact).toBe('2025-06-01');
  });
});

/** Noon in Stockholm on a day, as epoch ms (the extension's clock). */
const noon = (day: string) => Date.parse(`${day}T12:00:00+01:00`);
const Y = pick('20090101'); // 20 on 2029-01-01: only the last-seen rule applies in 2026
const Z = pick('20090102');

describe('purgeExpired (retention)', () => {
  it('removes a youth and all their data exactly retentionDays after they were last seen', async () => {
    const y = await store.recordPersonSeen(Y, '/person/1', noon('2026-01-10'));
    const z = await store.recordPersonSeen(Z, '/person/2', noon('2026-01-11'));
    await store.addNote(y.key, { step: 'callFailed', date: '2026-01-09' });
    await store.snoozeReminder('ry', '2026-01-20', y.key, noon('2026-01-10'));
    await store.markReminderDone('rz', z.key, noon('2026-01-11'));
    const review = await store.startReview({ redAtStart: 5 }, noon('2026-03-20'));
    await store.saveReview({ ...(await store.getReview(review.id))!, redKeys: [y.key, z.key], startedOn: '2026-03-20' });
    await store.markReviewFixed(review.id, y.key);
    await store.markReviewFixed(review.id, z.key);

    // Seen 2026-01-10 + 90 days = 2026-04-10: kept through 2026-04-09.
    expect(await store.purgeExpired('2026-04-09', 90)).toMatchObject({ persons: 0, notes: 0, reminders: 0 });
    expect(await store.purgeExpired('2026-04-10', 90)).toMatchObject({ persons: 1, notes: 1, reminders: 1, reviews: 0 });
    expect(await store.getPerson(y.key)).toBeUndefined();
    expect(await store.getPerson(z.key)).toBeDefined();
    expect(await store.listNotes(y.key)).toEqual([]);
    expect(await store.getReminderState('ry')).toBeUndefined();
    expect(await store.getReminderState('rz')).toBeDefined();
    // The review keeps its counts, and keys of recorded youths only.
    expect(await store.getReview(review.id)).toMatchObject({ redAtStart: 5, fixedKeys: [z.key], redKeys: [z.key] });
    expect((await store.purgeExpired('2026-04-11', 90)).persons).toBe(1);
  });

  it('counts from the latest time seen: seeing a youth again (Mina deltagare, their page) keeps them', async () => {
    const y = await store.recordPersonSeen(Y, '/person/1', noon('2026-01-10'));
    await store.recordPersonSeen(Y, '/person/1', noon('2026-03-01'));
    expect((await store.purgeExpired('2026-04-10', 90)).persons).toBe(0);
    expect((await store.purgeExpired('2026-05-29', 90)).persons).toBe(0);
    expect((await store.purgeExpired('2026-05-30', 90)).persons).toBe(1);
    expect(await store.getPerson(y.key)).toBeUndefined();
  });

  it('removes a youth at the latest retentionDays after the 20th birthday, however recently seen', async () => {
    const a = await store.recordPersonSeen(A, '/person/1', noon('2026-03-30')); // 20 on 2026-01-01
    // 2026-01-01 + 90 days = 2026-04-01.
    expect((await store.purgeExpired('2026-03-31', 90)).persons).toBe(0);
    expect((await store.purgeExpired('2026-04-01', 90)).persons).toBe(1);
    expect(await store.getPerson(a.key)).toBeUndefined();
  });

  it('removes a record without a usable last-seen instant', async () => {
    const y = await store.recordPersonSeen(Y, '/person/1', noon('2026-01-10'));
    await store.db.put('persons', { ...(await store.db.get('persons', y.key))!, lastSeen: Number.NaN });
    expect((await store.purgeExpired('2026-01-10', 90)).persons).toBe(1);
  });

  it('purges reviews, the export log, reminder states and errors retentionDays after their last use', async () => {
    const old = await store.startReview({ redAtStart: 3 }, noon('2026-01-05'));
    await store.saveReview({ ...(await store.getReview(old.id))!, redKeys: [], startedOn: '2026-01-05', lastVisitOn: '2026-01-12' });
    await store.logExport({ time: noon('2026-01-12'), period: '2025H2', kommun: '0180', rows: 1, persons: 1, sha256: 'ab'.repeat(32), verdict: 'ok' });
    await store.snoozeReminder('deadline', '2026-01-12', undefined, noon('2026-01-10'));
    await store.markReminderDone('monthly', undefined, noon('2026-01-12'));
    await store.snoozeReminder('far', '2026-05-01', undefined, noon('2026-01-12'));
    await store.addError('f', 'fel', [], noon('2026-01-12'));
    // Last used 2026-01-12 (the review's latest visit) + 90 days = 2026-04-12.
    expect(await store.purgeExpired('2026-04-11', 90)).toMatchObject({ reviews: 0, exports: 0, reminders: 0, errors: 0 });
    expect(await store.purgeExpired('2026-04-12', 90)).toMatchObject({ reviews: 1, exports: 1, reminders: 2, errors: 1 });
    expect(await store.getReview(old.id)).toBeUndefined();
    expect(await store.listExports()).toEqual([]);
    expect(await store.listErrors()).toEqual([]);
    // A reminder snoozed to a later day counts from that day.
    expect(await store.getReminderState('far')).toBeDefined();
    expect((await store.purgeExpired('2026-07-30', 90)).reminders).toBe(1);
  });

  it('drops reminder states and notes of youths no longer recorded, and keys of others out of reviews', async () => {
    const y = await store.recordPersonSeen(Y, '/person/1', noon('2026-01-10'));
    await store.snoozeReminder('orphan', '2026-01-20', 'c'.repeat(64), noon('2026-01-10'));
    await store.db.put('notes', { id: 'n', personKey: 'c'.repeat(64), step: 'reached', date: '2026-01-01', createdAt: 1 });
    const review = await store.startReview({ redAtStart: 2 }, noon('2026-01-10'));
    // A review of an earlier version kept keys of everyone red on the export list.
    await store.saveReview({ ...(await store.getReview(review.id))!, redKeys: [y.key, 'd'.repeat(64)], fixedKeys: ['d'.repeat(64)], startedOn: '2026-01-10' });
    expect(await store.purgeExpired('2026-01-11', 90)).toMatchObject({ persons: 0, notes: 1, reminders: 1, reviews: 0 });
    expect(await store.getReview(review.id)).toMatchObject({ redAtStart: 2, redKeys: [y.key], fixedKeys: [] });
  });

  it('caps the retention at RETENTION_MAX_DAYS (365), whatever it is given', async () => {
    await store.recordPersonSeen(Y, '/person/1', noon('2026-01-10'));
    expect((await store.purgeExpired('2027-01-09', 3650)).persons).toBe(0);
    expect((await store.purgeExpired('2027-01-10', 3650)).persons).toBe(1);
  });

  it('uses the retention in force by default (the setting)', async () => {
    await store.recordPersonSeen(Y, '/person/1', noon('2026-01-10'));
    await fakeBrowser.storage.local.set({ settings: { retentionDays: 30 } });
    expect((await store.purgeExpired('2026-02-08')).persons).toBe(0);
    expect((await store.purgeExpired('2026-02-09')).persons).toBe(1);
  });
});

describe('ladder summary (strict schema)', () => {
  const snapshot = { contacts: [{ date: '2026-10-01', kind: 'telefon' as const, reached: false, target: 'ungdom' as const }], measures: [{ atgardCode: '16', start: '2026-09-01', end: null }] };
  const errorsAbout = async () => (await store.listErrors()).filter((e) => e.feature === 'lagring');

  it('stores a summary that passes, and refuses and counts one that does not', async () => {
    const y = await store.recordPersonSeen(Y, '/person/1', noon('2026-10-02'));
    expect(await store.setPersonLadder(y.key, { lastContact: '2026-10-01', snapshot }, 5)).toBe(true);
    expect((await store.getPerson(y.key))?.ladder).toEqual({ lastContact: '2026-10-01', snapshot, updatedAt: 5 });
    // Any field outside the schema, at any depth, fails: nothing of it is stored.
    const bad = [
      { lastContact: null, next: { step: 'call' } },
      { lastContact: null, snapshot: { ...snapshot, extra: 1 } },
      { lastContact: null, snapshot: { ...snapshot, contacts: [{ ...snapshot.contacts[0], note: 'Ringde Anna' }] } },
      { lastContact: null, snapshot: { ...snapshot, measures: [{ ...snapshot.measures[0], atgardText: 'Coachning' }] } },
      { lastContact: '1 okt' },
      { lastContact: null, snapshot: { ...snapshot, contacts: [{ ...snapshot.contacts[0], kind: 'brevduva' }] } },
    ];
    for (const summary of bad) await expect(store.setPersonLadder(y.key, summary as never)).rejects.toBeInstanceOf(InvalidLadderSummaryError);
    expect((await store.getPerson(y.key))?.ladder).toEqual({ lastContact: '2026-10-01', snapshot, updatedAt: 5 });
    expect(await errorsAbout()).toHaveLength(bad.length);
  });

  it('drops and counts a stored summary that fails on read; the youth stays, unread', async () => {
    const y = await store.recordPersonSeen(Y, '/person/1', noon('2026-10-02'));
    const z = await store.recordPersonSeen(Z, '/person/2', noon('2026-10-02'));
    const raw = async (key: string, ladder: unknown) => store.db.put('persons', { ...(await store.db.get('persons', key))!, ladder: ladder as never });
    await raw(y.key, { lastContact: null, snapshot: { contacts: [{ date: '2026-10-01', kind: 'telefon', reached: false, target: 'ungdom', note: 'Anna' }], measures: [] }, updatedAt: 1 });
    // A summary of an earlier version: its retired fields (next, handoverDue) are removed; the rest still checks.
    await raw(z.key, { next: { step: 'call' }, handoverDue: null, lastContact: '2026-09-01', updatedAt: 1 });
    const persons = await store.listPersons();
    expect(persons.find((p) => p.key === y.key)?.ladder).toBeUndefined();
    expect(persons.find((p) => p.key === z.key)?.ladder).toEqual({ lastContact: '2026-09-01', updatedAt: 1 });
    expect(await errorsAbout()).toHaveLength(1);
    expect((await errorsAbout())[0]!.message).toContain('En sparad sammanfattning');
    // Dropped from the database: read again, nothing more is counted.
    expect((await store.db.get('persons', y.key))?.ladder).toBeUndefined();
    await store.listPersons();
    await store.getPerson(y.key);
    expect(await errorsAbout()).toHaveLength(1);
    // Seeing the youth again does not bring a failing summary back either.
    await raw(y.key, { lastContact: 'igår', updatedAt: 1 });
    expect((await store.recordPersonSeen(Y, '/person/1', noon('2026-10-03'))).ladder).toBeUndefined();
    expect(await errorsAbout()).toHaveLength(2);
  });
});

describe('deleteAll', () => {
  it('clears every store, the secret and local storage, so keys change afterwards', async () => {
    const before = await store.personKey(A);
    const p = await store.recordPersonSeen(A, '/person/1');
    await store.addNote(p.key, { step: 'reached', date: '2025-01-01' });
    await store.snoozeReminder('r', '2025-01-01');
    await store.logExport({ time: 1, period: '2025H1', kommun: null, rows: 1, persons: 1, sha256: 'ab'.repeat(32), verdict: 'ok' });
    await store.startReview({ redAtStart: 1 });
    await store.addError('f', 'x');
    await fakeBrowser.storage.local.set({ settings: { kommun: '0180' }, other: 1 });

    await store.deleteAll();
    const dump = await store.dumpAll();
    for (const [name, rows] of Object.entries(dump)) {
      if (name === 'localStorage') expect(rows).toEqual({});
      else expect(rows, name).toEqual([]);
    }
    expect(await store.personKey(A)).not.toBe(before);
  });
});

describe('migrations', () => {
  it('upgrades a v1 database with data to v2 without losing anything', async () => {
    expect(DB_VERSION).toBe(2);
    const f = new IDBFactory();
    const v1 = await openDatabase(f, 1);
    expect([...v1.objectStoreNames].sort()).toEqual(['errors', 'exportLog', 'notes', 'persons', 'reminderState', 'reviews', 'secret']);
    const secret = new Uint8Array(32).fill(7);
    const key = await hmacHex(secret, A);
    const db1 = v1 as unknown as import('idb').IDBPDatabase<unknown>;
    await db1.put('secret', { id: 'hmac', bytes: secret, createdAt: 1 });
    // A v1 person record had no expiresAt.
    await db1.put('persons', { key, birthDate: '2006-01-01', path: '/person/1', firstSeen: 1, lastSeen: noon('2026-01-02') });
    await db1.put('persons', { key: 'broken', birthDate: 'not a date', path: null, firstSeen: 1, lastSeen: 1 });
    await db1.put('notes', { id: 'n1', personKey: key, step: 'callFailed', date: '2025-01-02', createdAt: 3 });
    await db1.put('reminderState', { id: 'r1', personKey: key, snoozedUntil: '2025-02-01', updatedAt: 4 });
    await db1.put('exportLog', { id: 'e1', time: 5, period: '2025H1', kommun: '0180', rows: 3, persons: 3, sha256: 'ab'.repeat(32), verdict: 'ok' });
    await db1.add('errors', { time: 6, feature: 'f', message: 'm' });
    v1.close();

    const upgraded = await openStore(f);
    expect(upgraded.db.version).toBe(2);
    // Same secret: keys made before the upgrade still match.
    expect(await upgraded.personKey(A)).toBe(key);
    expect(await upgraded.getPerson(key)).toEqual({ key, birthDate: '2006-01-01', path: '/person/1', firstSeen: 1, lastSeen: noon('2026-01-02'), expiresAt: '2026-01-01' });
    expect(await upgraded.getPerson('broken')).toBeUndefined();
    expect((await upgraded.listNotes(key)).map((n) => n.id)).toEqual(['n1']);
    expect((await upgraded.findExport('ab'.repeat(32)))?.id).toBe('e1');
    expect(await upgraded.listErrors()).toHaveLength(1);
    // The new indexes work on the migrated data.
    expect(await upgraded.db.getAllKeysFromIndex('reminderState', 'byPerson', key)).toEqual(['r1']);
    expect(await upgraded.purgeExpired('2026-04-01', 90)).toMatchObject({ persons: 1, notes: 1, reminders: 1 });
    upgraded.close();
  });

  it('opens an existing v2 database without running migrations again', async () => {
    const f = new IDBFactory();
    const first = await openStore(f);
    await first.recordPersonSeen(A, '/person/1');
    first.close();
    const second = await openStore(f);
    expect(await second.listPersons()).toHaveLength(1);
    second.close();
  });
});
