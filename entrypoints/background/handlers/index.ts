/**
 * The background's command → handler map, composed from one module per domain. `satisfies Handlers` makes a command
 * without a handler a type error.
 */
import type { Handlers } from '../../../lib/messages/commands';
import { dataHandlers, type DataDeps } from './data';
import { errorHandlers } from './errors';
import { ladderHandlers } from './ladder';
import { noteHandlers } from './notes';
import { pageHandlers, type PageDeps } from './pages';
import { partHandlers } from './parts';
import { personHandlers } from './persons';
import { reminderHandlers } from './reminders';
import { reviewHandlers } from './review';
import { scbLogHandlers } from './scb-log';
import { tabStatusHandlers } from './tab-status';
import { uploadCheckHandlers } from './upload-check';
import { worklistHandlers } from './worklist';

export type { HandlerDeps } from './types';

export function createHandlers(deps: DataDeps & PageDeps): Handlers {
  return {
    ...pageHandlers(deps),
    ...partHandlers(),
    ...tabStatusHandlers(),
    ...errorHandlers(deps),
    ...personHandlers(deps),
    ...noteHandlers(deps),
    ...ladderHandlers(deps),
    ...reminderHandlers(deps),
    ...reviewHandlers(deps),
    ...scbLogHandlers(deps),
    ...uploadCheckHandlers(deps),
    ...dataHandlers(deps),
    ...worklistHandlers(),
  } satisfies Handlers;
}
