/** Pure helpers of the Metodbok page: highlighted text segments and hash routing. No DOM. */
import type { Pack, SearchHit } from '../../lib/content';

export interface Segment {
  text: string;
  mark: boolean;
}

/**
 * Split `text` into plain and highlighted segments from [start, end) ranges. Ranges may be unsorted, overlapping or
 * out of bounds; they are clamped and merged. Rendered as text children and <mark> elements, never as HTML.
 */
export function highlightSegments(text: string, ranges: readonly (readonly [number, number])[]): Segment[] {
  const clamped = ranges
    .map(([a, b]) => [Math.max(0, Math.min(text.length, a)), Math.max(0, Math.min(text.length, b))] as [number, number])
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0] || y[1] - x[1]);
  const merged: [number, number][] = [];
  for (const r of clamped) {
    const lastRange = merged[merged.length - 1];
    if (lastRange && r[0] <= lastRange[1]) lastRange[1] = Math.max(lastRange[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  const out: Segment[] = [];
  let at = 0;
  for (const [a, b] of merged) {
    if (a > at) out.push({ text: text.slice(at, a), mark: false });
    out.push({ text: text.slice(a, b), mark: true });
    at = b;
  }
  if (at < text.length) out.push({ text: text.slice(at), mark: false });
  return out;
}

/** Special views of the Metodbok page besides the sections. */
export const GLOSSARY_VIEW = 'ordlista';
export const WARNINGS_VIEW = 'varningar';

export type MetodbokView = { kind: 'section'; id: string } | { kind: 'glossary' } | { kind: 'warnings' };

/** The view for a location hash ("#hembesok", "#ordlista", "" → first section). Unknown ids fall back to the first section. */
export function viewFromHash(hash: string, pack: Pack): MetodbokView {
  let raw = hash.startsWith('#') ? hash.slice(1) : hash;
  try {
    raw = decodeURIComponent(raw);
  } catch {
    raw = '';
  }
  if (pack.sections.some((s) => s.id === raw)) return { kind: 'section', id: raw };
  if (raw === GLOSSARY_VIEW) return { kind: 'glossary' };
  if (raw === WARNINGS_VIEW || raw.startsWith(`${WARNINGS_VIEW}-`)) return { kind: 'warnings' };
  return { kind: 'section', id: pack.sections[0]?.id ?? '' };
}

/** Where a search hit leads (a hash without '#'). */
export function hitTarget(hit: SearchHit): string {
  if (hit.sectionId) return hit.sectionId;
  if (hit.kind === 'glossary') return GLOSSARY_VIEW;
  if (hit.kind === 'explainer') return `${WARNINGS_VIEW}-${hit.id}`;
  return '';
}

export const HIT_KIND_LABEL: Record<SearchHit['kind'], string> = {
  section: 'Avsnitt',
  tip: 'Tips',
  glossary: 'Ordlista',
  explainer: 'Varning i UKA',
};

/** "1 träff" / "3 träffar". */
export function hitCountText(n: number, query: string): string {
  if (n === 0) return `Inga träffar på ”${query}”.`;
  return `${n} ${n === 1 ? 'träff' : 'träffar'} på ”${query}”.`;
}
