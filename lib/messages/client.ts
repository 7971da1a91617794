/**
 * The typed client side of the message layer, for content scripts and pages: only sendCommand. It imports the command
 * map as TYPES only, so a bundle that just sends commands does not evaluate the command schemas (zod) or the
 * background's handlers and store. Validation of every command stays in the background's listener (./index.ts).
 */
import type { CommandAnswer, CommandName, CommandPayload } from './commands';
import { sendRaw } from './send';

type PayloadArgs<K extends CommandName> = undefined extends CommandPayload<K> ? [payload?: CommandPayload<K>] : [payload: CommandPayload<K>];

/** Typed client: send a command to the background and get its answer. */
export function sendCommand<K extends CommandName>(cmd: K, ...args: PayloadArgs<K>): Promise<CommandAnswer<K>> {
  return sendRaw<CommandAnswer<K>>(cmd, args[0] ?? {});
}
