/**
 * Handlers for the commands that only need the local store and the settings. The lead wires them into the
 * background together with the ones that need other modules (tab status, metodbok, reminder derivation):
 *
 *   createMessageListener({ ...createCoreHandlers(), ...createBackgroundHandlers(...) })
 *
 * Handlers listed in BACKGROUND_OWNED are deliberately not implemented here.
 */
import { browser } from 'wxt/browser';
import { loadSettings, settingsFrom } from '../settings';
import { readStoredSettings } from '../settings/raw';
import { readManagedArea } from '../platform/managed';
import { activePackFrom, PACK_KEY } from '../platform/pack';
import { readImportedPack } from '../platform/pack-raw';
import { getStore, type KaaStore } from '../store';
import type { CommandName, Handlers, StoredNoteView } from './commands';
import type { NoteRecord } from '../store/types';
import type { LocalNote } from '../ladder/types';

/** Commands whose handlers live in the background entrypoint (they need code outside lib/store and lib/settings). */
export const BACKGROUND_OWNED = [
  'page-status',
  'get-tab-status',
  'open-metodbok',
  'tour-restart',
  'get-reminders',
  'persons-listed',
  'reminders-ics',
  'review-state',
  'review-begin',
  'review-visit',
  'review-last',
] as const satisfies readonly CommandName[];

export type CoreCommand = Exclude<CommandName, (typeof BACKGROUND_OWNED)[number]>;

export interface CoreDeps {
  /** The store to use (default: the shared background store). */
  store?: () => Promise<KaaStore>;
  /** Open the options page (default: browser.runtime.openOptionsPage). */
  openOptionsPage?: () => Promise<void>;
  /** Called after "Radera all lokal data" (e.g. to re-sync content-script registration, clear alarms). */
  afterDeleteAll?: () => void | Promise<void>;
  /** Called after a reminder was snoozed or marked done (e.g. to reschedule alarms). */
  afterReminderChange?: () => void | Promise<void>;
}

function toView(record: NoteRecord): StoredNoteView {
  const { id, personKey: _personKey, createdAt, ...note } = record;
  return { id, createdAt, note: note as LocalNote };
}

export function createCoreHandlers(deps: CoreDeps = {}): Pick<Handlers, CoreCommand> {
  const store = deps.store ?? getStore;
  return {
    'report-error': async ({ feature, message, knownNames }) => {
      await (await store()).addError(feature, message, knownNames ?? []);
    },
    'get-errors': async (payload) => (await store()).listErrors(payload?.limit),
    'get-settings': () => loadSettings(),
    'page-start': async () => {
      // Each store read once: the policy (managed area) holds both the locked settings and the policy's pack.
      const [local, managed, imported] = await Promise.all([readStoredSettings(), readManagedArea(), readImportedPack()]);
      const active = activePackFrom(managed[PACK_KEY], imported);
      // The pack is sent even when it is the built-in one: UKA's page then carries no copy of the built-in texts.
      return { loaded: settingsFrom(local, managed), pack: active.pack };
    },
    'open-options': async () => {
      await (deps.openOptionsPage ?? (() => browser.runtime.openOptionsPage()))();
    },
    'delete-all-data': async () => {
      await (await store()).deleteAll();
      await deps.afterDeleteAll?.();
    },
    'person-seen': async ({ personnummer, path }) => {
      const person = await (await store()).recordPersonSeen(personnummer, path);
      return { key: person.key, birthDate: person.birthDate, expiresAt: person.expiresAt };
    },
    'ladder-updated': async ({ key, next, handoverDue, lastContact, snapshot }) => {
      await (await store()).setPersonLadder(key, { next: next ?? null, handoverDue: handoverDue ?? null, lastContact: lastContact ?? null, ...(snapshot ? { snapshot } : {}) });
      await deps.afterReminderChange?.();
    },
    'notes-list': async ({ key }) => (await (await store()).listNotes(key)).map(toView),
    'note-add': async ({ key, note }) => toView(await (await store()).addNote(key, note)),
    'note-delete': async ({ key, id }) => {
      const s = await store();
      if (key) {
        const existing = await s.db.get('notes', id);
        if (existing && existing.personKey !== key) throw new Error('Anteckningen hör till en annan person');
      }
      await s.deleteNote(id);
    },
    'reminder-snooze': async ({ id, until, personKey }) => {
      const state = await (await store()).snoozeReminder(id, until, personKey);
      await deps.afterReminderChange?.();
      return state;
    },
    'reminder-done': async ({ id, personKey }) => {
      const state = await (await store()).markReminderDone(id, personKey);
      await deps.afterReminderChange?.();
      return state;
    },
    'log-export': async (entry) => {
      const logged = await (await store()).logExport(entry);
      await deps.afterReminderChange?.();
      return logged;
    },
    'find-export': async ({ sha256 }) => (await store()).findExport(sha256),
    'review-start': async ({ label, redAtStart }) => (await store()).startReview({ label: label ?? null, redAtStart }),
    'review-fixed': async ({ id, key }) => (await store()).markReviewFixed(id, key),
    'review-finish': async ({ id }) => (await store()).finishReview(id),
    'review-get': async () => (await store()).latestReview(),
  };
}
