/**
 * What UKA's own note on a home visit says about the address. The content pack lists plain words ("bor ej på
 * adressen", "flyttat"); a note that contains one of them (whole words, any case, any spacing) and not right after
 * a negation ("har inte flyttat") makes the Skatteverket step likely. Only the matched words are ever kept or shown,
 * never the rest of the note (it may hold names).
 */

const NEGATIONS = new Set(['inte', 'ej', 'icke', 'aldrig', 'ingen']);
const cache = new Map<string, RegExp | null>();

function patternRe(pattern: string): RegExp | null {
  let re = cache.get(pattern);
  if (re !== undefined) return re;
  const words = pattern.trim().split(/\s+/).filter(Boolean);
  re = words.length
    ? new RegExp(`(?<![\\p{L}\\p{N}])${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+')}(?![\\p{L}\\p{N}])`, 'giu')
    : null;
  if (cache.size > 200) cache.clear();
  cache.set(pattern, re);
  return re;
}

/** The note's own words that match one of `patterns` (spaces normalised), or null. Never throws. */
export function matchNotLiving(note: unknown, patterns: readonly unknown[] | undefined): string | null {
  if (typeof note !== 'string' || !note.trim() || !Array.isArray(patterns)) return null;
  for (const p of patterns) {
    if (typeof p !== 'string') continue;
    const re = patternRe(p);
    if (!re) continue;
    for (const m of note.matchAll(re)) {
      // "har inte flyttat": the word right before the match (same clause) is a negation.
      const before = /(\p{L}+)\s+$/u.exec(note.slice(0, m.index));
      if (before && NEGATIONS.has(before[1]!.toLowerCase())) continue;
      return m[0].replace(/\s+/g, ' ');
    }
  }
  return null;
}
