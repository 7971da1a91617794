/**
 * The person page's contact ladder for one page view, asked of the background once ('ladder-view') by whichever of the
 * ladder panel (./ladder.tsx) and the person tips (./tips-person.ts) needs it first, and shared by both: the panel and
 * the tips show the one computation, from the same inputs (UKA's log, the registration's start, a samordningsnummer's
 * partly known birth date, the coach's local notes, the routine in force). Neither feature waits for the other to
 * start, and a failure is each one's own: the panel reports it, the tips show without the ladder's steps.
 */
import { idTextToSend } from '../../../lib/domain/id-text';
import type { LadderViewAnswer } from '../../../lib/messages/commands';
import { sendCommand } from '../../../lib/messages/client';
import type { UkaFeatureContext } from '../context';

export const UNREADABLE_ID = 'personnumret i sidhuvudet gick inte att tolka';

/** The background's answer for a personnummer it could read. */
export type PersonLadder = Extract<LadderViewAnswer, { key: string }>;

/** Each page view's first answer (one context per page view: gone with it). */
const firstAnswers = new WeakMap<UkaFeatureContext, Promise<PersonLadder>>();

/** The ladder of this page view, asked at most once. Rejects with the cause (in Swedish) when the page gives none. */
export function pageViewLadder(ctx: UkaFeatureContext): Promise<PersonLadder> {
  let answer = firstAnswers.get(ctx);
  if (!answer) {
    answer = askLadder(ctx);
    // Each feature that awaits it sees a failure; one that stopped before awaiting leaves no unhandled rejection.
    answer.catch(() => undefined);
    firstAnswers.set(ctx, answer);
  }
  return answer;
}

/** Ask the background afresh (the panel, after a note was added or deleted). */
export async function askLadder(ctx: UkaFeatureContext): Promise<PersonLadder> {
  const read = ctx.read.person();
  if (!read.ok) throw new Error(`personsidan kunde inte läsas: ${read.reason}`);
  const page = read.value;
  // Read in the background; one far too long to be a personnummer is not sent at all.
  const personnummer = idTextToSend(page.header.personnummer);
  if (personnummer === null) throw new Error(UNREADABLE_ID);
  const answer = await sendCommand('ladder-view', {
    personnummer,
    path: ctx.url.pathname,
    name: page.header.name.slice(0, 300),
    today: await ctx.today(),
    contacts: page.contacts,
    measures: page.measures,
    occupations: page.occupations,
    registrations: page.registrations,
  });
  if (answer.key === null) throw new Error(UNREADABLE_ID);
  return answer;
}
