/** The exportLog store: the SCB files saved (counts, verdict and the file hash; no personal data). */
import type { Db } from './db';
import { redactMessage } from './redact';
import type { ExportLogEntry } from './types';

/** Log an SCB export. An override reason is redacted. */
export async function logExport(db: Db, entry: Omit<ExportLogEntry, 'id'>): Promise<ExportLogEntry> {
  const record: ExportLogEntry = { ...entry, sha256: entry.sha256.toLowerCase(), id: crypto.randomUUID() };
  if (entry.override) record.override = { reason: redactMessage(entry.override.reason) };
  await db.put('exportLog', record);
  return record;
}

/** The latest logged export with exactly these bytes, or null. */
export async function findExport(db: Db, sha256: string): Promise<ExportLogEntry | null> {
  const all = await db.getAllFromIndex('exportLog', 'bySha256', sha256.toLowerCase());
  return all.sort((a, b) => b.time - a.time)[0] ?? null;
}

/** All exports, newest first. */
export async function listExports(db: Db): Promise<ExportLogEntry[]> {
  return (await db.getAllFromIndex('exportLog', 'byTime')).reverse();
}
