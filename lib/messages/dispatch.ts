/**
 * A command → handler map for browser.runtime messages (Bitwarden-style), generic over a set of commands.
 *
 * Wire format: a request is `{ cmd, payload }`; the answer is always a CommandResult, never an exception:
 * `{ ok: true, data }` or `{ ok: false, code, error }`. Every payload is validated with its zod schema before a
 * handler sees it; unknown commands, malformed messages and handler failures all come back as error results.
 */
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { describe, MAX_ERROR_LENGTH, type CommandResult } from './send';

export type { ErrorCode, CommandResult } from './send';

export type CommandSchemas = Record<string, z.ZodType>;

/** The part of runtime.MessageSender that handlers use (structurally compatible with Chrome's and the polyfill's). */
export interface MessageSender {
  id?: string;
  url?: string;
  origin?: string;
  frameId?: number;
  /** The sending document (Chrome 106+; not in Firefox). */
  documentId?: string;
  tab?: { id?: number; index?: number; url?: string; windowId?: number };
}

/** Declare commands with their payload schemas. Identity at run time; it fixes the types. */
export function defineCommands<const S extends CommandSchemas>(schemas: S): S {
  return schemas;
}

export type PayloadOf<S extends CommandSchemas, K extends keyof S> = z.output<S[K]>;
export type PayloadInput<S extends CommandSchemas, K extends keyof S> = z.input<S[K]>;

/** `Results` maps every command name to what its handler answers. */
export type HandlerMap<S extends CommandSchemas, Results extends Record<keyof S, unknown>> = {
  [K in keyof S]: (payload: PayloadOf<S, K>, sender: MessageSender) => Results[K] | Promise<Results[K]>;
};

const Envelope = z.object({ cmd: z.string().min(1).max(64), payload: z.unknown().optional() });

/** Zod issues as one short line: "path: message; path: message". No values are echoed. */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ')
    .slice(0, MAX_ERROR_LENGTH);
}

export interface DispatchOptions {
  /** Called with handler errors (already described, without the payload). For logging; must not throw. */
  onError?(cmd: string, message: string): void;
  /**
   * Accept only messages from this extension (default true). runtime.onMessage only delivers messages from our own
   * pages and content scripts, but this also refuses a sender that names another extension id.
   */
  ownExtensionOnly?: boolean;
  /** May this sender send this (known) command? Checked before the payload is parsed. Default: everyone. */
  authorize?(cmd: string, sender: MessageSender): boolean | Promise<boolean>;
  /** Called when `authorize` refused a command (the command name only; never the payload). Must not throw. */
  onRefused?(cmd: string): unknown;
}

/** Validate and run one message. Never rejects. */
export async function dispatch<S extends CommandSchemas, R extends Record<keyof S, unknown>>(
  schemas: S,
  handlers: Partial<HandlerMap<S, R>>,
  message: unknown,
  sender: MessageSender = {},
  options: DispatchOptions = {},
): Promise<CommandResult> {
  if ((options.ownExtensionOnly ?? true) && sender.id !== undefined && sender.id !== browser.runtime.id) {
    return { ok: false, code: 'forbidden', error: 'Meddelandet kommer inte från KAA-lotsen' };
  }
  const envelope = Envelope.safeParse(message);
  if (!envelope.success) return { ok: false, code: 'bad-message', error: 'Ogiltigt meddelande: { cmd, payload } förväntades' };
  const { cmd, payload } = envelope.data;
  if (!Object.hasOwn(schemas, cmd)) return { ok: false, code: 'unknown-command', error: `Okänt kommando: ${cmd}` };
  if (options.authorize && !(await Promise.resolve(options.authorize(cmd, sender)).catch(() => false))) {
    try {
      await options.onRefused?.(cmd);
    } catch {
      // counting must never break the answer
    }
    return { ok: false, code: 'forbidden', error: `Kommandot ${cmd} tas inte emot härifrån` };
  }
  const schema = schemas[cmd] as z.ZodType;
  const parsed = await schema.safeParseAsync(payload);
  if (!parsed.success) return { ok: false, code: 'bad-payload', error: `Ogiltiga data för ${cmd}: ${describeIssues(parsed.error)}` };
  const handler = handlers[cmd as keyof S] as ((p: unknown, s: MessageSender) => unknown) | undefined;
  if (!handler) return { ok: false, code: 'not-implemented', error: `Kommandot ${cmd} har ingen hanterare` };
  try {
    const data = await handler(parsed.data, sender);
    // undefined does not survive every messaging path; null does.
    return { ok: true, data: data === undefined ? null : data };
  } catch (error) {
    const text = describe(error);
    try {
      options.onError?.(cmd, text);
    } catch {
      // logging must never break the answer
    }
    return { ok: false, code: 'handler-error', error: text };
  }
}

/**
 * The listener for browser.runtime.onMessage. It answers through sendResponse and returns true, which works with
 * the webextension-polyfill, with Chrome's and Firefox's native APIs, and with WXT's fake browser in tests.
 */
export function createListenerFor<S extends CommandSchemas, R extends Record<keyof S, unknown>>(schemas: S, handlers: Partial<HandlerMap<S, R>>, options: DispatchOptions = {}) {
  return (message: unknown, sender: MessageSender, sendResponse: (response: CommandResult) => void): true => {
    void dispatch(schemas, handlers, message, sender, options).then(sendResponse);
    return true;
  };
}

// The sending side has no zod in it (content scripts load it before anything else): see ./send.ts.
export { CommandError, unwrapResult, sendRaw } from './send';
