/**
 * Monthly review mode on "Export till SCB": a panel above UKA's list with counts per section and colour, a
 * "Bara mina" view of my persons (our own list; UKA's rows are never hidden or changed) and the progress of the
 * current review. Progress is recomputed from UKA's CURRENT list on every page view (including a Back navigation
 * from the bfcache, which the runtime turns into a new page view): local state only remembers how many persons were red
 * when the review started, and which of them (pseudonymous keys) are youths KAA-lotsen records anyway ("Mina
 * deltagare", person pages opened), so it can never make a person look fixed. Nobody on the list is recorded here.
 */
import { ReviewPanel, REVIEW_CSS, type ProgressState } from '../../../components/review/ReviewPanel';
import { parseId } from '../../../lib/domain/personnummer';
import { sendCommand } from '../../../lib/messages/client';
import { formatProgress, reviewPersons, reviewScope, reviewProgress, summariseReview, type PersonSection, type ReviewPerson } from '../../../lib/review';
import type { UkaFeature } from '../context';
import { takeEarly } from '../../../lib/startup/early-reads';

/** Persons per message when asking the background for keys (a 5,000-youth list is a handful of messages). */
const BATCH = 500;

/**
 * Keys of these persons, in batches (personnummer go only to the background, which derives keys and records nobody).
 * The keys stay in this page's memory; a review keeps only those of youths already recorded (lib/review/records.ts).
 */
async function personKeys(persons: readonly ReviewPerson[], signal: AbortSignal): Promise<{ keys: string[]; unknown: number }> {
  const keys: string[] = [];
  let unknown = 0;
  const known: string[] = [];
  for (const person of persons) {
    const id = person.personnummer ? parseId(person.personnummer) : null;
    if (!id) unknown++;
    else known.push(id.digits12);
  }
  for (let i = 0; i < known.length && !signal.aborted; i += BATCH) {
    const batch = known.slice(i, i + BATCH);
    try {
      const answer = await sendCommand('person-keys', { personnummer: batch });
      keys.push(...answer.keys);
    } catch {
      unknown += batch.length;
    }
  }
  return { keys, unknown };
}

export const review: UkaFeature = {
  async init(ctx, signal) {
    // The current review: on the first page view asked for before the page was parsed (lib/startup/early-reads.ts),
    // so the answer is here by now; later page views ask afresh.
    const reviewState = takeEarly('reviewState');
    reviewState.catch(() => undefined);
    const read = ctx.read.exportList();
    if (!read.ok) throw new Error(`listan kunde inte läsas: ${read.reason}`);
    const anchor = ctx.adapter.anchor(ctx.doc, 'exportList');
    if (!anchor) throw new Error('listan Export till SCB hittades inte');
    const list = read.value;
    const myLabel = ctx.settings.myLabel ?? null;
    // Each summary of a 5,000-row list is a few ms of work; the panel is drawn in the same task, so that it is part
    // of UKA's first layout of the list instead of a change after it.
    let persons: ReviewPerson[] | undefined;
    const allPersons = () => (persons ??= reviewPersons(list));
    const all = summariseReview(list, null, allPersons);
    const mine = myLabel ? summariseReview(list, myLabel, allPersons) : null;
    const mounted = ctx.mount('review', { anchor, where: 'beforebegin', css: REVIEW_CSS, label: 'Månadsgenomgång' });
    if (!mounted) return false;

    const sectionTitle = (s: PersonSection) => (s.kind ? ctx.pack.explainers[s.kind]?.title : undefined) ?? s.heading;
    let progress: ProgressState = { status: 'loading' };
    let starting = false;

    const draw = () => {
      if (signal.aborted) return;
      mounted.render(
        <ReviewPanel all={all} mine={mine} myLabel={myLabel} progress={progress} starting={starting} onStart={() => void start()} sectionTitle={sectionTitle} initialMine={Boolean(myLabel)} ukaOrigin={ctx.url.origin} />,
      );
    };

    /** Recount the current review against UKA's list as shown now. */
    const recount = async () => {
      const [today, current] = await Promise.all([ctx.today(), reviewState]);
      if (signal.aborted) return;
      if (!current) {
        progress = { status: 'none' };
        return draw();
      }
      const scope = reviewScope(all.persons, current.label);
      const { keys, unknown } = await personKeys(scope, signal);
      if (signal.aborted) return;
      const p = reviewProgress(current.redKeys, keys, unknown, current.redAtStart);
      const stillRed = new Set(keys);
      const fixedKeys = current.redKeys.filter((k) => !stillRed.has(k));
      progress = {
        status: 'ready',
        text: formatProgress(p, current.startedOn, today),
        note: [
          current.label ? `(etikett ${current.label})` : '(alla etiketter)',
          unknown > 0 ? `${unknown} röda personer kunde inte kännas igen och räknas som kvar.` : '',
        ]
          .filter(Boolean)
          .join(' '),
      };
      draw();
      // Only when nothing was uncertain: the stored list is for reminders/popup, never the source of the count.
      if (unknown === 0) void sendCommand('review-visit', { id: current.id, fixedKeys, fixed: p.fixed, today }).catch(() => undefined);
    };

    const start = async () => {
      if (starting) return;
      starting = true;
      draw();
      try {
        const today = await ctx.today();
        const scope = reviewScope(all.persons, myLabel);
        const { keys, unknown } = await personKeys(scope, signal);
        if (signal.aborted) return;
        // Every red person of the scope is counted; the background keeps keys only of youths it already records.
        const started = await sendCommand('review-begin', { label: myLabel, redKeys: keys, redCount: scope.length, today });
        const p = reviewProgress(started.redKeys, keys, unknown, started.redAtStart);
        progress = {
          status: 'ready',
          text: formatProgress(p, started.startedOn, today),
          note: [myLabel ? `(etikett ${myLabel})` : '(alla etiketter)', unknown > 0 ? `${unknown} röda personer kunde inte kännas igen och räknas som kvar.` : ''].filter(Boolean).join(' '),
        };
      } catch (error) {
        progress = { status: 'error', message: error instanceof Error ? error.message : 'okänt fel' };
      } finally {
        starting = false;
        draw();
      }
    };

    draw();
    void recount().catch((error: unknown) => {
      progress = { status: 'error', message: error instanceof Error ? error.message : 'okänt fel' };
      draw();
    });
    return () => mounted.render(null);
  },
};
