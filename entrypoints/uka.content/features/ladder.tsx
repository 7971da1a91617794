/**
 * The contact ladder on the person page, computed from what UKA shows (contact log, measures) plus the coach's local
 * notes. The personnummer is handed to the background only to derive the pseudonymous key; it is never stored.
 * The background keeps a snapshot for the reminders: dates, kinds and codes only (no free text, no names).
 */
import { LadderPanel, LADDER_CSS, type StoredNote } from '../../../components/ladder/LadderPanel';
import { parseId } from '../../../lib/domain/personnummer';
import { evaluateLadder, resolveSettings } from '../../../lib/ladder/ladder';
import { currentRegistrationStart, ladderSnapshot } from '../../../lib/ladder/snapshot';
import type { LadderResult, LocalNote } from '../../../lib/ladder/types';
import { sendCommand } from '../../../lib/messages/client';
import type { UkaFeature } from '../context';

/** The stored notes that UKA's log now covers (the engine returns the very note objects it was given). */
export function supersededIds(notes: readonly StoredNote[], result: LadderResult): string[] {
  const gone = new Set<LocalNote>(result.supersededNotes);
  return notes.filter((n) => gone.has(n.note)).map((n) => n.id);
}

export const ladder: UkaFeature = {
  async init(ctx, signal) {
    const read = ctx.read.person();
    if (!read.ok) throw new Error(`personsidan kunde inte läsas: ${read.reason}`);
    const page = read.value;
    const id = parseId(page.header.personnummer);
    if (!id) throw new Error('personnumret i sidhuvudet gick inte att tolka');
    const anchor = ctx.adapter.anchor(ctx.doc, 'header');
    if (!anchor) throw new Error('sidhuvudet hittades inte');
    const path = ctx.url.pathname;
    const seen = await sendCommand('person-seen', { personnummer: id.digits12, path, name: page.header.name.slice(0, 300) });
    if (signal.aborted) return;
    const key = seen.key;
    const mounted = ctx.mount('ladder', { anchor, where: 'afterend', css: LADDER_CSS, label: 'Kontakttrappan' });
    if (!mounted) return false;
    const today = await ctx.today();
    // A samordningsnummer with month or day 00: the ladder works with the range of possible birth dates.
    const birthDate = id.birthDatePartial ?? id.birthDate;
    const registeredFrom = currentRegistrationStart(page.registrations);
    const snapshot = ladderSnapshot(page.contacts, page.measures, { registeredFrom, birthDate, notLivingPatterns: resolveSettings(ctx.routine).notLivingPatterns });

    const draw = async () => {
      const notes = await sendCommand('notes-list', { key });
      if (signal.aborted) return;
      const result = evaluateLadder({
        today,
        birthDate,
        registeredFrom,
        contacts: page.contacts,
        measures: page.measures,
        occupations: page.occupations,
        localNotes: notes.map((n) => n.note),
        settings: ctx.routine,
      });
      // Only what the reminders recompute the ladder from (the next step is recomputed, never stored).
      await sendCommand('ladder-updated', { key, lastContact: result.lastContact, snapshot }).catch(() => undefined);
      if (signal.aborted) return;
      mounted.render(
        <LadderPanel
          result={result}
          today={today}
          notes={notes}
          supersededIds={supersededIds(notes, result)}
          onAddNote={async (note: LocalNote) => {
            await sendCommand('note-add', { key, note });
            await draw();
          }}
          onDeleteNote={async (noteId: string) => {
            await sendCommand('note-delete', { key, id: noteId });
            await draw();
          }}
        />,
      );
    };
    await draw();
    return () => mounted.render(null);
  },
};
