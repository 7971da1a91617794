/**
 * The sending side of the message layer: sendRaw and its error type. No zod here (and no command schemas): content
 * scripts evaluate this at document_start, before UKA's page is parsed, and must stay light. Messages are validated
 * where they are handled (./dispatch.ts, in the background).
 */
import { nativeBrowser } from '../platform/native-api';

export type ErrorCode = 'bad-message' | 'unknown-command' | 'bad-payload' | 'not-implemented' | 'handler-error' | 'forbidden';

export type CommandResult<T = unknown> = { ok: true; data: T } | { ok: false; code: ErrorCode; error: string };

/** Longest error text carried in a message answer. */
export const MAX_ERROR_LENGTH = 300;

/** An error as one short text (no stack, no payload). */
export function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : typeof error === 'string' ? error : 'okänt fel';
  return text.slice(0, MAX_ERROR_LENGTH);
}

export class CommandError extends Error {
  constructor(
    readonly cmd: string,
    readonly code: ErrorCode | 'no-response',
    message: string,
  ) {
    super(message);
    this.name = 'CommandError';
  }
}

/** Unwrap a CommandResult: the data, or a CommandError. */
export function unwrapResult<T>(cmd: string, response: unknown): T {
  const result = response as CommandResult<T> | undefined | null;
  if (!result || typeof result !== 'object' || typeof result.ok !== 'boolean') {
    throw new CommandError(cmd, 'no-response', `Inget svar från KAA-lotsens bakgrundsdel (${cmd})`);
  }
  if (!result.ok) throw new CommandError(cmd, result.code, result.error);
  return result.data;
}

/** Send a command to the background and resolve to its data; rejects with CommandError on any failure. */
export async function sendRaw<T>(cmd: string, payload: unknown): Promise<T> {
  let response: unknown;
  try {
    response = await nativeBrowser().runtime.sendMessage({ cmd, payload });
  } catch (error) {
    throw new CommandError(cmd, 'no-response', describe(error));
  }
  return unwrapResult<T>(cmd, response);
}
