/** "Radera all lokal data" (options page): the database, session state, notifications, then a fresh start. */
import type { DomainHandlers, HandlerDeps } from './types';

export interface DataDeps extends HandlerDeps {
  /** After the database is emptied: clear what lives outside it and start again from the settings. */
  afterDeleteAll(): Promise<void>;
}

export function dataHandlers({ store, afterDeleteAll }: DataDeps): DomainHandlers<'delete-all-data'> {
  return {
    'delete-all-data': async () => {
      await (await store()).deleteAll();
      await afterDeleteAll();
    },
  };
}
