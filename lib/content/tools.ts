/**
 * What pages do with the content pack: tips for a context, explainers, the glossary's matches,
 * search, the SCB phase. Pure (no DOM, no browser APIs) and free of the pack's schema (./schema.ts, zod), so that the
 * UKA content script carries no schema; ./index.ts is the whole public API.
 */
import type { WarningKind } from '../domain/warnings';
import type { AnchorName, PageKind } from '../uka/types';
import { EXPLAINER_KEYS } from './keys';
import { markdownToPlainText } from './markdown';
import type { Explainer, GlossaryEntry, Pack, ScbPhase, Tip } from './schema';

// ---------------------------------------------------------------- tips

export interface TipContext {
  pageKind: PageKind;
  /** Anchors present / of interest. A tip restricted to anchors matches only if one of them is listed here. */
  anchors?: readonly AnchorName[];
  /** Warning kinds present on the page. */
  warningKinds?: readonly WarningKind[];
  /** Current contact-ladder step of the person (see KNOWN_LADDER_STEPS) … */
  ladderStep?: string | null;
  /** … or several at once, e.g. `ladderStepsOf(evaluateLadder(...))` = [stage, next action]. */
  ladderSteps?: readonly string[];
  /** Current SCB phase (see scbPhase). */
  scbPhase?: ScbPhase | null;
}

/**
 * Tips that fit the context, most specific first (ties keep pack order).
 * Rule: for every dimension a tip restricts (pageKinds, anchors, warningKinds, ladderSteps, scbPhases), the context
 * must supply a value in the tip's list; a dimension the tip leaves out matches anything. So a tip restricted to
 * warning kind R3 never shows when the caller gives no warning kinds.
 */
export function tipsFor(pack: Pack, context: TipContext, options: { limit?: number } = {}): Tip[] {
  const scored: { tip: Tip; score: number; index: number }[] = [];
  pack.tips.forEach((tip, index) => {
    const c = tip.contexts;
    let score = 0;
    const dim = <T>(restrict: readonly T[] | undefined, have: readonly T[]): boolean => {
      if (!restrict) return true;
      if (!restrict.some((r) => have.includes(r))) return false;
      score++;
      return true;
    };
    const ok =
      dim(c.pageKinds, [context.pageKind]) &&
      dim(c.anchors, context.anchors ?? []) &&
      dim(c.warningKinds, context.warningKinds ?? []) &&
      dim(c.ladderSteps, [...(context.ladderSteps ?? []), ...(context.ladderStep ? [context.ladderStep] : [])].map(normaliseStep)) &&
      dim(c.scbPhases, context.scbPhase ? [context.scbPhase] : []);
    if (ok) scored.push({ tip, score, index });
  });
  scored.sort((a, b) => b.score - a.score || a.index - b.index);
  const tips = scored.map((s) => s.tip);
  return options.limit !== undefined ? tips.slice(0, options.limit) : tips;
}

/** `call1`…`callN` all count as `call`. */
function normaliseStep(step: string): string {
  return /^call\d+$/.test(step) ? 'call' : step;
}

/** Ladder values for tipsFor from a ladder result (lib/ladder evaluateLadder): its stage and its next action. */
export function ladderStepsOf(result: { stage: string; next: { action: string } | null }): string[] {
  return result.next ? [result.stage, normaliseStep(result.next.action)] : [result.stage];
}

/** The explainer for a warning kind, or the generic one for an unknown section (kind null). */
export function explainerFor(pack: Pack, kind: WarningKind | null): Explainer {
  return kind ? pack.explainers[kind] : pack.explainers.generic;
}

export function sectionById(pack: Pack, id: string): Pack['sections'][number] | undefined {
  return pack.sections.find((s) => s.id === id);
}

// ---------------------------------------------------------------- search

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

// ---------------------------------------------------------------- glossary

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

// ---------------------------------------------------------------- SCB phase

export interface ScbDeadline {
  /** Last day to upload (YYYY-MM-DD). */
  deadline: string;
  /** Date the kommun uploaded a file for this period (YYYY-MM-DD), if it has. */
  uploadedOn?: string | null;
}

export interface ScbPhaseOptions {
  beforeDeadlineDays?: number;
  exportWeekDays?: number;
  afterUploadDays?: number;
}

function dayNumber(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return NaN;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000;
}

/**
 * Where we are in the SCB reporting cycle on `today` (YYYY-MM-DD):
 * - 'after-upload': a file was uploaded within the last `afterUploadDays` days (SCB may send back an error list);
 * - 'export-week': the nearest upcoming deadline (not yet uploaded) is at most `exportWeekDays` days away (or today);
 * - 'before-deadline': it is at most `beforeDeadlineDays` days away;
 * - 'normal' otherwise, and when no deadline is known.
 * Defaults (30 / 7 / 14) are the pack settings' defaults; pass `pack.settings` to use the kommun's.
 */
export function scbPhase(today: string, deadlines: readonly ScbDeadline[], options: ScbPhaseOptions = {}): ScbPhase {
  const t = dayNumber(today);
  if (Number.isNaN(t)) return 'normal';
  const before = options.beforeDeadlineDays ?? 30;
  const week = options.exportWeekDays ?? 7;
  const after = options.afterUploadDays ?? 14;
  for (const d of deadlines) {
    if (!d.uploadedOn) continue;
    const u = dayNumber(d.uploadedOn);
    if (!Number.isNaN(u) && t >= u && t - u <= after) return 'after-upload';
  }
  let nearest: number | null = null;
  for (const d of deadlines) {
    if (d.uploadedOn) continue;
    const dn = dayNumber(d.deadline);
    if (Number.isNaN(dn) || dn < t) continue;
    if (nearest === null || dn < nearest) nearest = dn;
  }
  if (nearest === null) return 'normal';
  const left = nearest - t;
  if (left <= week) return 'export-week';
  if (left <= before) return 'before-deadline';
  return 'normal';
}

/**
 * Deadlines around a date from month-day settings (lib/settings `scbDeadlines`: H1 is due in the same year,
 * H2 in the following year). Defaults follow the metodbok: H1 → 1 September, H2 → 1 February next year.
 * Returns the H2 deadline of last year's period, this year's H1 deadline and this year's H2 deadline.
 */
export function defaultScbDeadlines(today: string, monthDays: { H1: string; H2: string } = { H1: '09-01', H2: '02-01' }): ScbDeadline[] {
  const year = Number(today.slice(0, 4));
  return [{ deadline: `${year}-${monthDays.H2}` }, { deadline: `${year}-${monthDays.H1}` }, { deadline: `${year + 1}-${monthDays.H2}` }];
}

