/**
 * Glossary matching: where the pack's glossary terms (and their aliases) occur in a text.
 * Pure (no DOM, no browser APIs); type imports only from the pack's schema.
 */
import type { GlossaryEntry, Pack } from './schema';

export interface GlossaryMatch {
  /** The entry's term (the canonical spelling), also when an alias matched. */
  term: string;
  /** Index of the entry in pack.glossary. */
  index: number;
  /** [start, end) offsets into the text. */
  start: number;
  end: number;
  /** The text as it appears at that place. */
  matched: string;
}

/**
 * Code-like forms (an upper-case letter after the first character: SysKontakt, KAA, PersonNr, IM) match
 * case-sensitively unless the entry sets `caseSensitive`; ordinary words (Hembesök) match in any case.
 */
export function isCaseSensitiveTerm(entry: GlossaryEntry, form: string = entry.term): boolean {
  if (entry.caseSensitive !== undefined) return entry.caseSensitive;
  return /^.+\p{Lu}/u.test(form);
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const matcherCache = new WeakMap<Pack, { re: RegExp; lookup: Map<string, number>; lookupFolded: Map<string, number> } | null>();

function matcherFor(pack: Pack) {
  if (matcherCache.has(pack)) return matcherCache.get(pack) ?? null;
  const lookup = new Map<string, number>();
  const lookupFolded = new Map<string, number>();
  const alts: { src: string; len: number }[] = [];
  pack.glossary.forEach((g, i) => {
    for (const form of [g.term, ...(g.aliases ?? [])]) {
      if (isCaseSensitiveTerm(g, form)) {
        if (!lookup.has(form)) lookup.set(form, i);
        alts.push({ src: escapeRe(form), len: form.length });
      } else {
        // toLowerCase/toUpperCase: Swedish has no special casing, so these equal toLocale*Case('sv') for every code
        // point, and they do not start ICU's locale machinery (tens of ms on a page's first use).
        const f = form.toLowerCase();
        if (!lookupFolded.has(f)) lookupFolded.set(f, i);
        // Case-insensitive alternative built per character so the overall regex stays case-sensitive.
        const src = [...form]
          .map((ch) => {
            const lo = ch.toLowerCase();
            const up = ch.toUpperCase();
            return lo === up ? escapeRe(ch) : `[${escapeRe(lo)}${escapeRe(up)}]`;
          })
          .join('');
        alts.push({ src, len: form.length });
      }
    }
  });
  if (alts.length === 0) {
    matcherCache.set(pack, null);
    return null;
  }
  alts.sort((a, b) => b.len - a.len); // longest first
  const re = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alts.map((a) => a.src).join('|')})(?![\\p{L}\\p{N}_])`, 'gu');
  const m = { re, lookup, lookupFolded };
  matcherCache.set(pack, m);
  return m;
}

/** Occurrences of glossary terms in a text: whole words, longest match first, non-overlapping, in text order. */
export function findGlossaryTerms(text: string, pack: Pack): GlossaryMatch[] {
  const m = matcherFor(pack);
  if (!m) return [];
  const out: GlossaryMatch[] = [];
  m.re.lastIndex = 0;
  for (const hit of text.matchAll(m.re)) {
    const matched = hit[0];
    const index = m.lookup.get(matched) ?? m.lookupFolded.get(matched.toLowerCase());
    if (index === undefined) continue; // a case-sensitive form in the wrong case is not possible here, but be safe
    const entry = pack.glossary[index];
    if (!entry) continue;
    out.push({ term: entry.term, index, start: hit.index, end: hit.index + matched.length, matched });
  }
  return out;
}
