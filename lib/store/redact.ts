/**
 * Redaction of free text (error messages) before it is kept or shown. Pure.
 *
 * Replaced: anything that looks like a personnummer or samordningsnummer (10 or 12 digits, with or without "-" or
 * "+", also a bare run of 10–12 digits), and every occurrence of a known name (whole name and each part of it of two
 * letters or more, case-insensitive, only at word boundaries).
 */

/** 6 or 8 digits, optional separator, 4 digits; or any bare run of 10–12 digits. Not inside a longer number. */
const ID_LIKE = /(?<!\d)(?:\d{8}[-+ ]?\d{4}|\d{6}[-+ ]?\d{4}|\d{10,12})(?!\d)/g;

export const REDACTED_ID = '[personnummer]';
export const REDACTED_NAME = '[namn]';
export const MAX_MESSAGE_LENGTH = 300;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whole names first, then their parts (longest first, so "Anna-Karin" goes before "Anna"). */
function nameVariants(knownNames: readonly string[]): string[] {
  const variants = new Set<string>();
  for (const raw of knownNames) {
    const name = raw.trim().replace(/\s+/g, ' ');
    if (name.length < 2) continue;
    variants.add(name);
    for (const part of name.split(/[\s,]+/)) if (part.length >= 2) variants.add(part);
  }
  return [...variants].sort((a, b) => b.length - a.length);
}

/** Strip personnummer-like numbers and known names from a message, and cap its length. */
export function redactMessage(message: string, knownNames: readonly string[] = []): string {
  let text = String(message).replace(ID_LIKE, REDACTED_ID);
  const variants = nameVariants(knownNames);
  if (variants.length) {
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${variants.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
    text = text.replace(pattern, REDACTED_NAME);
  }
  return text.length > MAX_MESSAGE_LENGTH ? `${text.slice(0, MAX_MESSAGE_LENGTH - 1)}…` : text;
}

/** True when the text holds something that looks like a personnummer. */
export function containsIdLike(text: string): boolean {
  ID_LIKE.lastIndex = 0;
  const found = ID_LIKE.test(text);
  ID_LIKE.lastIndex = 0;
  return found;
}
