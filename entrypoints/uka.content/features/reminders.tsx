/**
 * Reminders for everyone on "Mina deltagare": the listed youths are handed to the background in one batch, which
 * keeps only their pseudonymous keys, birth dates and page paths in its database (never names or personnummer); the
 * names are kept in memory for this browser session only, so that KAA-lotsen's lists can say who each step is about. Nothing is shown on
 * the page; the reminders appear in the popup, the badge and as notifications. The person page records its youth
 * through the ladder feature.
 */
import { sendCommand } from '../../../lib/messages/client';
import { parseId } from '../../../lib/domain/personnummer';
import type { StartListRow } from '../../../lib/uka/types';
import type { UkaFeature } from '../context';

/** The batch sent to the background: valid personnummer only, same-origin paths only, nothing else of the row. */
export function listedPersons(rows: readonly StartListRow[], origin: string): { personnummer: string; path: string | null; latestContact: string | null; name?: string }[] {
  const out: { personnummer: string; path: string | null; latestContact: string | null; name?: string }[] = [];
  for (const row of rows) {
    const id = parseId(row.personnummer);
    if (!id) continue;
    let path: string | null = null;
    try {
      const url = new URL(row.href, origin);
      if (url.origin === origin) path = url.pathname;
    } catch {
      path = null;
    }
    const name = row.name.trim().slice(0, 300);
    out.push({ personnummer: id.digits12, path, latestContact: row.latestContact, ...(name ? { name } : {}) });
  }
  return out;
}

export const reminders: UkaFeature = {
  async init(ctx, signal) {
    const read = ctx.read.startList();
    if (!read.ok) throw new Error(`listan Mina deltagare kunde inte läsas: ${read.reason}`);
    const persons = listedPersons(read.value.rows, ctx.url.origin);
    if (!persons.length || signal.aborted) return false;
    await sendCommand('persons-listed', { persons });
  },
};
