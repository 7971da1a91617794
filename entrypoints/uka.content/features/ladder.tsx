/**
 * The contact ladder on the person page, computed from what UKA shows (contact log, measures) plus the coach's local
 * notes. The page sends what it read to the background ('ladder-view'), which records the person (the personnummer
 * only derives the pseudonymous key; it is never stored), keeps a snapshot for the reminders (dates, kinds and codes
 * only: no free text, no names), computes the ladder and answers the panel's view. The page only draws it.
 */
import { LadderPanel, LADDER_CSS } from '../../../components/ladder/LadderPanel';
import { idTextToSend } from '../../../lib/domain/id-text';
import type { LadderViewAnswer } from '../../../lib/messages/commands';
import type { LocalNote } from '../../../lib/ladder/types';
import { sendCommand } from '../../../lib/messages/client';
import type { UkaFeature } from '../context';

const UNREADABLE_ID = 'personnumret i sidhuvudet gick inte att tolka';

export const ladder: UkaFeature = {
  async init(ctx, signal) {
    const read = ctx.read.person();
    if (!read.ok) throw new Error(`personsidan kunde inte läsas: ${read.reason}`);
    const page = read.value;
    // Read in the background; one far too long to be a personnummer is not sent at all.
    const personnummer = idTextToSend(page.header.personnummer);
    if (personnummer === null) throw new Error(UNREADABLE_ID);
    const anchor = ctx.adapter.anchor(ctx.doc, 'header');
    if (!anchor) throw new Error('sidhuvudet hittades inte');
    const today = await ctx.today();
    if (signal.aborted) return;
    const ask = () =>
      sendCommand('ladder-view', {
        personnummer,
        path: ctx.url.pathname,
        name: page.header.name.slice(0, 300),
        today,
        contacts: page.contacts,
        measures: page.measures,
        occupations: page.occupations,
        registrations: page.registrations,
      });
    const first = await ask();
    if (signal.aborted) return;
    if (first.key === null) throw new Error(UNREADABLE_ID);
    const key = first.key;
    const mounted = ctx.mount('ladder', { anchor, where: 'afterend', css: LADDER_CSS, label: 'Kontakttrappan' });
    if (!mounted) return false;

    const draw = (answer: LadderViewAnswer) => {
      if (answer.key === null) return;
      mounted.render(
        <LadderPanel
          view={answer.view}
          today={answer.today}
          notes={answer.notes}
          supersededIds={answer.supersededIds}
          onAddNote={async (note: LocalNote) => {
            await sendCommand('note-add', { key, note });
            await redraw();
          }}
          onDeleteNote={async (noteId: string) => {
            await sendCommand('note-delete', { key, id: noteId });
            await redraw();
          }}
        />,
      );
    };
    const redraw = async () => {
      const answer = await ask();
      if (!signal.aborted) draw(answer);
    };
    draw(first);
    return () => mounted.render(null);
  },
};
