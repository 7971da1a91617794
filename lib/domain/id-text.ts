/**
 * The personnummer as UKA's person page shows it, before it is sent to the background to be parsed there
 * (lib/domain/personnummer.ts, with the `personnummer` package, which UKA's pages do not carry). Pure.
 */

/** Longer than any personnummer or samordningsnummer with its separator (8 + 1 + 4 characters). */
export const MAX_ID_TEXT_LENGTH = 13;

/** The header's personnummer trimmed, or null when it is too long to be one (then it is not sent at all). */
export function idTextToSend(raw: string): string | null {
  const text = raw.trim();
  return text.length > MAX_ID_TEXT_LENGTH ? null : text;
}
