/**
 * Persons seen in UKA: a personnummer arrives only to derive the pseudonymous key and the birth date, and is then
 * dropped; a name is kept in this browser session's memory only (lib/platform/session-names.ts). A person page is
 * recorded, with its ladder summary for the reminders, by the ladder's own handler (./ladder.ts).
 */
import { isIsoDate, type IsoDate } from '../../../lib/domain/dates';
import { now as clockNow, stockholmDateByRule } from '../../../lib/platform/clock';
import type { KaaStore } from '../../../lib/store';
import { rememberNames } from '../../../lib/platform/session-names';
import type { DomainHandlers, HandlerDeps } from './types';

/**
 * The youths listed on "Mina deltagare": record each one (pseudonymous key, birth date, page path) so that they get
 * reminders too. A snapshot kept from an earlier person page view is preserved; otherwise the list's latest contact
 * date is kept for the half-year reminder. The personnummer are not kept.
 */
export async function recordListedPersons(
  store: KaaStore,
  list: readonly { personnummer: string; path: string | null; latestContact?: IsoDate | null | undefined; name?: string | undefined }[],
): Promise<{ count: number; keys: string[] }> {
  const now = await clockNow();
  const today = stockholmDateByRule(now);
  const keys: string[] = [];
  const names: { key: string; name: string }[] = [];
  for (const p of list) {
    // recordPersonSeen derives the key once and keeps the ladder summary the person page stored earlier.
    const record = await store.recordPersonSeen(p.personnummer, p.path, now.getTime());
    keys.push(record.key);
    if (p.name) names.push({ key: record.key, name: p.name });
    const { updatedAt: _u, ...ladder } = record.ladder ?? { lastContact: null, updatedAt: 0 };
    // The list's "senaste kontakt" is untrusted like every date from UKA: a date that is not real, or lies after today
    // (a typo such as 2062), would otherwise silence the half-year reminder for good.
    const listed = p.latestContact && isIsoDate(p.latestContact) && p.latestContact <= today ? p.latestContact : null;
    const lastContact = [ladder.lastContact, listed].filter((d): d is IsoDate => !!d).sort().pop() ?? null;
    if (lastContact !== ladder.lastContact) await store.setPersonLadder(record.key, { ...ladder, lastContact });
  }
  // The names are kept for this browser session only (memory), never in the database.
  await rememberNames(names);
  return { count: keys.length, keys };
}

export function personHandlers({ store, remindersChanged }: HandlerDeps): DomainHandlers<'person-keys' | 'persons-listed'> {
  return {
    'person-keys': async ({ personnummer }) => {
      const s = await store();
      const keys: string[] = [];
      for (const p of personnummer) keys.push(await s.personKey(p));
      return { keys };
    },
    'persons-listed': async ({ persons }) => {
      const listed = await recordListedPersons(await store(), persons);
      await remindersChanged();
      return listed;
    },
  };
}
