/**
 * What the background keeps of a person page so that it can recompute the ladder for the reminders: dates, kinds and
 * codes only. No names, no free text: of UKA's notes only the words that matched a "does not live at the address"
 * pattern are kept (they are the pack's own words, as the note spelled them). Dates are kept exactly as UKA showed
 * them, so that a bad date is reported (and left out) by the ladder in the background as it is on the page.
 */
import { isIsoDate } from '../domain/dates';
import type { ContactEntry, MeasureEntry } from '../uka/types';
import { matchNotLiving } from './notes';
import type { LadderInput } from './types';

/** What the background accepts as matched words (letters and spaces: no digits, so never a personnummer). */
const WORDS_RE = /^[\p{L} ]{2,60}$/u;

export interface LadderSnapshot {
  /** `notLivingWords`: for a home visit without contact, the words of UKA's note that matched a pattern. */
  contacts: (Pick<ContactEntry, 'date' | 'kind' | 'reached' | 'target'> & { notLivingWords?: string })[];
  measures: Pick<MeasureEntry, 'atgardCode' | 'start' | 'end'>[];
  /** Start of the current registration period, as UKA showed it. */
  registeredFrom?: string | null;
  /** The birth date as the ladder takes it ('2008-00-06' for a samordningsnummer with an unknown month). */
  birthDate?: string;
}

export function ladderSnapshot(
  contacts: readonly ContactEntry[],
  measures: readonly MeasureEntry[],
  extra: { registeredFrom?: string | null; birthDate?: string; notLivingPatterns?: readonly string[] } = {},
): LadderSnapshot {
  return {
    contacts: contacts.map(({ date, kind, reached, target, note }) => {
      const words = kind === 'hembesok' && !reached ? matchNotLiving(note, extra.notLivingPatterns) : null;
      return { date, kind, reached, target, ...(words && WORDS_RE.test(words) ? { notLivingWords: words } : {}) };
    }),
    measures: measures.map(({ atgardCode, start, end }) => ({ atgardCode, start, end })),
    ...(extra.registeredFrom !== undefined ? { registeredFrom: extra.registeredFrom } : {}),
    ...(extra.birthDate ? { birthDate: extra.birthDate } : {}),
  };
}

/** The start of the latest registration period (the current one); null when no period has a real start date. */
export function currentRegistrationStart(registrations: readonly { start: string }[]): string | null {
  let best: string | null = null;
  for (const r of registrations) if (isIsoDate(r.start) && (best === null || r.start > best)) best = r.start;
  return best;
}

/** The ladder input a snapshot stands for (notes, settings and today come from the caller). */
export function snapshotInput(snapshot: LadderSnapshot): Pick<LadderInput, 'contacts' | 'measures' | 'registeredFrom'> {
  return {
    contacts: snapshot.contacts.map(({ notLivingWords, ...c }) => ({ ...c, note: notLivingWords ?? '' })),
    measures: snapshot.measures.map((m) => ({ ...m, atgardText: '', grundAtgSlut: null, sysEfter: null })),
    registeredFrom: snapshot.registeredFrom ?? null,
  };
}
