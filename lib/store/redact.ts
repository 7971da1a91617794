/**
 * Redaction of free text (error messages, the reason of an SCB override) before it is kept or shown. Pure.
 *
 * Replaced: anything that looks like a personnummer or samordningsnummer, in every form the command-line checker
 * masks (lib/scb/mask.ts: 12 or 10 digits, with "-", "+", spaces or no separator; also a bare run of 10–12 digits),
 * and every occurrence of a known name (whole name and each part of it of two letters or more, hyphenated parts
 * too, case-insensitive, only at word boundaries; with `inflected`, also followed by a genitive "s" or ":s").
 */
import { PERSONNUMMER_LIKE } from '../scb/mask';

/** A personnummer-like number (lib/scb/mask.ts) or any bare run of 10–12 digits. Not inside a longer number. */
const ID_LIKE = new RegExp(String.raw`(?<!\d)(?:${PERSONNUMMER_LIKE}|\d{10,12})(?!\d)`, 'g');

export const REDACTED_ID = '[personnummer]';
export const REDACTED_NAME = '[namn]';
export const MAX_MESSAGE_LENGTH = 300;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whole names first, then their parts (longest first, so "Anna-Karin" goes before "Anna"). */
function buildVariants(knownNames: readonly string[]): string[] {
  const variants = new Set<string>();
  for (const raw of knownNames) {
    const name = raw.trim().replace(/\s+/g, ' ');
    if (name.length < 2) continue;
    variants.add(name);
    for (const part of name.split(/[\s,]+/)) {
      if (part.length >= 2) variants.add(part);
      for (const piece of part.split('-')) if (piece.length >= 2) variants.add(piece);
    }
  }
  return [...variants].sort((a, b) => b.length - a.length);
}

interface Variants {
  variants: string[];
  lower: string[];
  upper: string[];
}

/** The variants of a list of names, kept per list (a page's list of thousands of names is split once, not per key press; a list is not changed after use). */
const variantsOf = new WeakMap<readonly string[], Variants>();

function nameVariants(knownNames: readonly string[]): Variants {
  let found = variantsOf.get(knownNames);
  if (!found) {
    const variants = buildVariants(knownNames);
    found = { variants, lower: variants.map((v) => v.toLowerCase()), upper: variants.map((v) => v.toUpperCase()) };
    variantsOf.set(knownNames, found);
  }
  return found;
}

/**
 * The variants that occur in the text at all (a plain substring test, case-insensitive), so that the pattern is
 * built from a handful of names, not from every name of a long list.
 */
function variantsIn(text: string, knownNames: readonly string[]): string[] {
  if (knownNames.length === 0) return [];
  const { variants, lower, upper } = nameVariants(knownNames);
  const lowerText = text.toLowerCase();
  const upperText = text.toUpperCase();
  return variants.filter((v, i) => lowerText.includes(lower[i]!) || upperText.includes(upper[i]!));
}

export interface RedactOptions {
  /** Also a name with a genitive ending ("Annas", "Kim:s"): for text a person typed. */
  inflected?: boolean;
}

/** Strip personnummer-like numbers and known names from a message, and cap its length. */
export function redactMessage(message: string, knownNames: readonly string[] = [], options: RedactOptions = {}): string {
  let text = String(message).replace(ID_LIKE, REDACTED_ID);
  const variants = variantsIn(text, knownNames);
  if (variants.length) {
    const ending = options.inflected ? '(?::?s)?' : '';
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${variants.map(escapeRegExp).join('|')})${ending}(?![\\p{L}\\p{N}])`, 'giu');
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
