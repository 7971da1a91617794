/**
 * KAA-lotsen's message layer: one command → handler map, every message validated with zod.
 *
 * Background:  browser.runtime.onMessage.addListener(createMessageListener(handlers));   (entrypoints/background/handlers)
 * Elsewhere:   const view = await sendCommand('ladder-view', { personnummer, path, today, contacts, ... });
 *
 * sendCommand resolves to the handler's answer and rejects with a CommandError (code + Swedish message) when the
 * command is unknown, the payload is malformed, no handler is wired, the handler threw, or nobody answered.
 */
import { COMMANDS, type Handlers } from './commands';
import { createListenerFor, dispatch as dispatchFor, type CommandResult, type DispatchOptions, type MessageSender } from './dispatch';

export * from './commands';
export {
  CommandError,
  createListenerFor,
  defineCommands,
  unwrapResult,
  type CommandResult,
  type CommandSchemas,
  type DispatchOptions,
  type ErrorCode,
  type HandlerMap,
  type MessageSender,
} from './dispatch';

/** The runtime.onMessage listener for KAA-lotsen's commands. Missing handlers answer 'not-implemented'. */
export function createMessageListener(handlers: Partial<Handlers>, options: DispatchOptions = {}) {
  return createListenerFor(COMMANDS, handlers, options);
}

/** Run one message through the command map directly (tests, or a context that is its own background). */
export function dispatch(handlers: Partial<Handlers>, message: unknown, sender?: MessageSender, options?: DispatchOptions): Promise<CommandResult> {
  return dispatchFor(COMMANDS, handlers, message, sender, options);
}

export { sendCommand } from './client';
