/** The person page's local notes (ladder steps done outside UKA), by pseudonymous person key. */
import type { StoredNoteView } from '../../../lib/messages/commands';
import type { NoteRecord } from '../../../lib/store/types';
import type { DomainHandlers, HandlerDeps } from './types';

/** A stored note as the page sees it (no person key). */
export function toView(record: NoteRecord): StoredNoteView {
  const { id, personKey: _personKey, createdAt, ...note } = record;
  return { id, createdAt, note };
}

export function noteHandlers({ store }: HandlerDeps): DomainHandlers<'note-add' | 'note-delete'> {
  return {
    'note-add': async ({ key, note }) => toView(await (await store()).addNote(key, note)),
    'note-delete': async ({ key, id }) => {
      const s = await store();
      if (key) {
        const existing = await s.db.get('notes', id);
        if (existing && existing.personKey !== key) throw new Error('Anteckningen hör till en annan person');
      }
      await s.deleteNote(id);
    },
  };
}
