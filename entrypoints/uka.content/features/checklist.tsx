/**
 * The contact ladder on the person page, computed from what UKA shows (contact log, measures) plus the coach's local
 * notes. The personnummer is handed to the background only to derive the pseudonymous key; it is never stored.
 */
import { render } from 'preact';
import { ChecklistPanel, CHECKLIST_CSS, type StoredNote } from '../../../components/checklist/ChecklistPanel';
import { parseId } from '../../../lib/domain/personnummer';
import { todayInStockholm } from '../../../lib/domain/dates';
import { evaluateLadder } from '../../../lib/ladder';
import type { LocalNote } from '../../../lib/ladder/types';
import { sendCommand } from '../../../lib/messages';
import type { FeatureDefinition } from '../../../lib/features/manager';
import type { UkaFeatureContext } from '../context';

export const checklist: FeatureDefinition<UkaFeatureContext> = {
  id: 'checklist',
  pages: ['person'],
  async init(ctx, signal) {
    const read = ctx.read.person();
    if (!read.ok) throw new Error(`personsidan kunde inte läsas: ${read.reason}`);
    const page = read.value;
    const id = parseId(page.header.personnummer);
    if (!id) throw new Error('personnumret i sidhuvudet gick inte att tolka');
    const anchor = ctx.adapter.anchor(ctx.doc, 'header');
    if (!anchor) throw new Error('sidhuvudet hittades inte');
    const seen = (await sendCommand('person-seen', { personnummer: id.digits12, path: ctx.url.pathname })) as { key: string };
    if (signal.aborted) return;
    const key = seen.key;
    const mounted = ctx.mount('checklist', { anchor, where: 'afterend', css: CHECKLIST_CSS, label: 'Kontakttrappan' });
    if (!mounted) return false;
    const today = await ctx.today();

    const draw = async () => {
      const notes = ((await sendCommand('notes-list', { key })) as StoredNote[]) ?? [];
      if (signal.aborted) return;
      const result = evaluateLadder({
        today,
        birthDate: id.birthDate,
        contacts: page.contacts,
        measures: page.measures,
        occupations: page.occupations,
        localNotes: notes.map((n) => n.note),
        settings: ctx.settings.ladder,
      });
      void sendCommand('ladder-updated', { key, path: ctx.url.pathname, birthDate: id.birthDate, next: result.next, handoverDue: result.handoverDue ?? null, lastContact: result.lastContact, notes: notes.map((n) => n.note) }).catch(() => undefined);
      render(
        <ChecklistPanel
          result={result}
          today={today}
          notes={notes}
          onAddNote={async (note: LocalNote) => {
            await sendCommand('note-add', { key, note });
            await draw();
          }}
          onDeleteNote={async (noteId: string) => {
            await sendCommand('note-delete', { key, id: noteId });
            await draw();
          }}
        />,
        mounted.container,
      );
    };
    await draw();
    return () => render(null, mounted.container);
  },
};
