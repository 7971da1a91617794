/** What the background's handler modules share: the handler type of a set of commands and their dependencies. */
import type { CommandName, Handlers } from '../../../lib/messages/commands';
import type { KaaStore } from '../../../lib/store';

/** The handlers of one domain's commands. */
export type DomainHandlers<K extends CommandName> = Pick<Handlers, K>;

export interface HandlerDeps {
  /** The local database (the shared background store; a fresh one in tests). */
  store(): Promise<KaaStore>;
  /** Something reminders depend on changed: rebuild the badge and the alarm schedule. Must not throw. */
  remindersChanged(): Promise<void>;
}
