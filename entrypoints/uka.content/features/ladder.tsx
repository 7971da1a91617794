/**
 * The contact ladder on the person page, computed from what UKA shows (contact log, measures) plus the coach's local
 * notes. The page sends what it read to the background ('ladder-view', once per page view, shared with the tips:
 * ./person-ladder.ts), which records the person (the personnummer only derives the pseudonymous key; it is never
 * stored), keeps a snapshot for the reminders (dates, kinds and codes only: no free text, no names), computes the
 * ladder and answers the panel's view. The page only draws it.
 */
import { LadderPanel, LADDER_CSS } from '../../../components/ladder/LadderPanel';
import type { LocalNote } from '../../../lib/ladder/types';
import { sendCommand } from '../../../lib/messages/client';
import type { UkaFeature } from '../context';
import { askLadder, pageViewLadder, type PersonLadder } from './person-ladder';

export const ladder: UkaFeature = {
  async init(ctx, signal) {
    // Asked first (the tips share the answer); the page's cause, when it gives no ladder, is this feature's error.
    const asked = pageViewLadder(ctx);
    const anchor = ctx.adapter.anchor(ctx.doc, 'header');
    if (!anchor) throw new Error('sidhuvudet hittades inte');
    const first = await asked;
    if (signal.aborted) return;
    const key = first.key;
    const mounted = ctx.mount('ladder', { anchor, where: 'afterend', css: LADDER_CSS, label: 'Kontakttrappan' });
    if (!mounted) return false;

    const draw = (answer: PersonLadder) => {
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
      const answer = await askLadder(ctx);
      if (!signal.aborted) draw(answer);
    };
    draw(first);
    return () => mounted.render(null);
  },
};
