/**
 * Full-text search over the content pack (sections, tips, glossary, explainers) with Swedish case folding.
 * Pure (no DOM, no browser APIs); type imports only from the pack's schema.
 */
import { EXPLAINER_KEYS } from './keys';
import { markdownToPlainText } from './markdown';
import type { Pack } from './schema';

/**
 * Swedish case folding that keeps offsets: one output character per input UTF-16 unit, so a range in the folded
 * string is the same range in the original. Å/Ä/Ö fold to å/ä/ö (distinct letters, never to a/o);
 * other accented Latin letters fold to their base letter (é → e).
 */
export function foldSv(s: string): string {
  let out = '';
  for (const ch of s) {
    let f = ch.toLocaleLowerCase('sv');
    if (f.length !== ch.length) f = ch; // keep lengths aligned (e.g. İ)
    if (!'åäö'.includes(f)) {
      const base = f.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      if (base.length === f.length) f = base;
    }
    out += f;
  }
  return out;
}

export type SearchHitKind = 'section' | 'tip' | 'glossary' | 'explainer';

export interface SearchHit {
  kind: SearchHitKind;
  /** Section id, tip id, glossary term, or explainer key (R1…G1, generic). */
  id: string;
  /** For tips: the section to open. For glossary/explainers: their sectionId when set. */
  sectionId?: string;
  title: string;
  /** [start, end) ranges of query words in `title` (may overlap when query words overlap). */
  titleRanges: [number, number][];
  score: number;
  /** Plain text (never HTML) with the ranges to highlight, [start, end) offsets into `snippet.text`. */
  snippet: { text: string; ranges: [number, number][] };
}

interface Doc {
  kind: SearchHitKind;
  id: string;
  sectionId?: string;
  title: string;
  /** Extra strong field (tags, the term itself). */
  keys: string;
  body: string;
}

interface FoldedDoc extends Doc {
  fTitle: string;
  fKeys: string;
  fBody: string;
}

const docsCache = new WeakMap<Pack, FoldedDoc[]>();

/** Search documents of a pack, folded once per pack object (packs are treated as immutable). */
function foldedDocsOf(pack: Pack): FoldedDoc[] {
  const cached = docsCache.get(pack);
  if (cached) return cached;
  const docs = docsOf(pack).map((d) => ({ ...d, fTitle: foldSv(d.title), fKeys: foldSv(d.keys), fBody: foldSv(d.body) }));
  docsCache.set(pack, docs);
  return docs;
}

function docsOf(pack: Pack): Doc[] {
  const docs: Doc[] = [];
  for (const s of pack.sections) {
    docs.push({ kind: 'section', id: s.id, sectionId: s.id, title: s.title, keys: s.tags.join(' '), body: markdownToPlainText(s.body) });
  }
  for (const t of pack.tips) docs.push({ kind: 'tip', id: t.id, sectionId: t.sectionId, title: t.title, keys: '', body: t.text });
  for (const g of pack.glossary) {
    docs.push({
      kind: 'glossary',
      id: g.term,
      ...(g.sectionId ? { sectionId: g.sectionId } : {}),
      title: g.term,
      keys: (g.aliases ?? []).join(' '),
      body: `${g.short} ${g.long}`,
    });
  }
  for (const k of EXPLAINER_KEYS) {
    const e = pack.explainers[k];
    docs.push({
      kind: 'explainer',
      id: k,
      ...(e.sectionId ? { sectionId: e.sectionId } : {}),
      title: e.title,
      keys: k,
      body: [e.meaning, e.whyScbCares, ...e.steps, e.typicalMistake].join(' '),
    });
  }
  return docs;
}

function tokenize(q: string): string[] {
  return [...new Set(foldSv(q).split(/[^\p{L}\p{N}]+/u).filter((t) => t.length > 0))];
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Occurrences of token in folded text, with a flag for word-start. */
function occurrences(folded: string, token: string): { at: number; wordStart: boolean }[] {
  const out: { at: number; wordStart: boolean }[] = [];
  let from = 0;
  for (;;) {
    const at = folded.indexOf(token, from);
    if (at === -1) break;
    out.push({ at, wordStart: at === 0 || !WORD_CHAR.test(folded[at - 1] as string) });
    from = at + 1;
  }
  return out;
}

const SNIPPET_LEN = 160;

function makeSnippet(text: string, folded: string, tokens: string[]): SearchHit['snippet'] {
  const firsts = tokens.map((t) => folded.indexOf(t)).filter((i) => i >= 0);
  const first = firsts.length ? Math.min(...firsts) : 0;
  let start = Math.max(0, first - 40);
  if (start > 0) {
    const space = text.lastIndexOf(' ', start);
    start = space >= 0 && first - space < 60 ? space + 1 : start;
  }
  let end = Math.min(text.length, start + SNIPPET_LEN);
  if (end < text.length) {
    const space = text.indexOf(' ', end);
    end = space >= 0 && space - end < 20 ? space : end;
  }
  const prefix = start > 0 ? '…' : '';
  const suffix = end < text.length ? '…' : '';
  const body = text.slice(start, end).replace(/\s/g, ' ');
  const fBody = folded.slice(start, end);
  const ranges: [number, number][] = [];
  for (const t of tokens) {
    for (const o of occurrences(fBody, t)) ranges.push([o.at + prefix.length, o.at + prefix.length + t.length]);
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return { text: prefix + body + suffix, ranges: merged };
}

/**
 * Full-text search over sections, tips, glossary and explainers. Every query word must occur (as a substring,
 * after Swedish case folding) somewhere in the item. Ranked: title > keys (tags, aliases, kind) > body, with a
 * bonus for word-start matches and exact glossary terms. Returns at most `limit` hits (default 20).
 */
export function searchPack(pack: Pack, query: string, options: { limit?: number } = {}): SearchHit[] {
  const tokens = tokenize(query);
  if (tokens.length === 0) return [];
  const hits: SearchHit[] = [];
  for (const d of foldedDocsOf(pack)) {
    const { fTitle, fKeys, fBody } = d;
    let score = 0;
    let all = true;
    for (const t of tokens) {
      const field = (f: string, weight: number) => occurrences(f, t).reduce((s, o) => s + weight * (o.wordStart ? 2 : 1), 0);
      const ts = field(fTitle, 10) + field(fKeys, 6) + Math.min(field(fBody, 1), 10);
      if (ts === 0) {
        all = false;
        break;
      }
      score += ts;
    }
    if (!all) continue;
    if (d.kind === 'glossary' && fTitle === tokens.join(' ')) score += 50;
    if (d.kind === 'section') score += 1;
    const snippet = makeSnippet(d.body, fBody, tokens);
    const titleRanges: [number, number][] = [];
    for (const t of tokens) for (const o of occurrences(fTitle, t)) titleRanges.push([o.at, o.at + t.length]);
    titleRanges.sort((a, b) => a[0] - b[0]);
    hits.push({
      kind: d.kind,
      id: d.id,
      ...(d.sectionId ? { sectionId: d.sectionId } : {}),
      title: d.title,
      titleRanges,
      score,
      snippet,
    });
  }
  hits.sort((a, b) => b.score - a.score || a.title.localeCompare(b.title, 'sv'));
  return hits.slice(0, options.limit ?? 20);
}
