/**
 * A small, safe markdown subset for the content pack.
 *
 * Supported: paragraphs, headings `##` and `###`, bullet lists (`- ` or `* `), numbered lists (`1. `),
 * **bold**, *emphasis*, `code`, and links `[text](#section-id)` (to another section) or `[text](https://…)`.
 *
 * Everything else is never interpreted: raw HTML, images, other link targets (javascript:, data:, http:, relative…)
 * come out of `parseMarkdown` as plain text nodes, which the renderer shows as text. `checkMarkdown` reports the same
 * things as problems, so that a pack with such content is rejected at import (see schema.ts).
 *
 * Pure: no DOM, no browser APIs.
 */

export type MdInline =
  | { type: 'text'; value: string }
  | { type: 'strong'; children: MdInline[] }
  | { type: 'em'; children: MdInline[] }
  | { type: 'code'; value: string }
  | { type: 'link'; kind: 'section'; sectionId: string; children: MdInline[] }
  | { type: 'link'; kind: 'external'; href: string; children: MdInline[] };

export type MdBlock =
  | { type: 'heading'; level: 2 | 3; children: MdInline[] }
  | { type: 'paragraph'; children: MdInline[] }
  | { type: 'list'; ordered: boolean; start: number; items: MdInline[][] };

export interface MdDocument {
  type: 'document';
  blocks: MdBlock[];
}

export interface MdProblem {
  /** 1-based line number in the source. */
  line: number;
  /** Swedish, for the person who wrote the pack. */
  message: string;
}

/** Section ids: lowercase slug (a–z, 0–9, single hyphens). */
export const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const HEADING_RE = /^(#{1,6})[ \t]+(.*?)[ \t#]*$/;
const BULLET_RE = /^[-*][ \t]+(.*)$/;
const ORDERED_RE = /^(\d{1,3})[.)][ \t]+(.*)$/;
const HTML_TAG_RE = /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>|<!--/;

/** Classify a link target: a section link, a safe https link, or null (not allowed). */
export function classifyHref(raw: string): { kind: 'section'; sectionId: string } | { kind: 'external'; href: string } | null {
  const href = raw.trim();
  if (href.startsWith('#')) {
    const id = href.slice(1);
    return SLUG_RE.test(id) ? { kind: 'section', sectionId: id } : null;
  }
  // Only absolute https URLs, no whitespace, no control characters, no credentials.
  if (!/^https:\/\/[^\s<>"'`\\]+$/i.test(href)) return null;
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '' || url.hostname === '') return null;
  return { kind: 'external', href: url.href };
}

interface Ctx {
  problems: MdProblem[] | null;
  line: number;
}

function problem(ctx: Ctx, message: string): void {
  if (ctx.problems && !ctx.problems.some((p) => p.line === ctx.line && p.message === message)) {
    ctx.problems.push({ line: ctx.line, message });
  }
}

function pushText(out: MdInline[], value: string): void {
  if (value === '') return;
  const last = out[out.length - 1];
  if (last && last.type === 'text') last.value += value;
  else out.push({ type: 'text', value });
}

const ESCAPABLE = new Set(['\\', '`', '*', '_', '[', ']', '(', ')', '#', '-', '.', '!', '<', '>']);

/** Find the matching `]` for a `[` at `open`, allowing nested brackets; -1 if none. */
function findCloseBracket(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '[') depth++;
    else if (c === ']') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

function findUnescaped(s: string, needle: string, from: number): number {
  for (let i = from; i <= s.length - needle.length; i++) {
    if (s[i] === '\\') {
      i++;
      continue;
    }
    if (s.startsWith(needle, i)) return i;
  }
  return -1;
}

function parseInline(src: string, ctx: Ctx, allowLinks = true): MdInline[] {
  const out: MdInline[] = [];
  if (HTML_TAG_RE.test(src)) problem(ctx, 'Rå HTML är inte tillåten. Skriv vanlig text eller använd markdown.');
  let i = 0;
  while (i < src.length) {
    const c = src[i] as string;
    if (c === '\\' && i + 1 < src.length && ESCAPABLE.has(src[i + 1] as string)) {
      pushText(out, src[i + 1] as string);
      i += 2;
      continue;
    }
    if (c === '`') {
      const end = src.indexOf('`', i + 1);
      if (end > i + 1) {
        out.push({ type: 'code', value: src.slice(i + 1, end) });
        i = end + 1;
        continue;
      }
      pushText(out, c);
      i++;
      continue;
    }
    if (c === '*' && src[i + 1] === '*') {
      const end = findUnescaped(src, '**', i + 2);
      if (end > i + 2) {
        out.push({ type: 'strong', children: parseInline(src.slice(i + 2, end), ctx, allowLinks) });
        i = end + 2;
        continue;
      }
      pushText(out, '**');
      i += 2;
      continue;
    }
    if (c === '*') {
      let end = findUnescaped(src, '*', i + 1);
      // Skip over a "**" inside the emphasis.
      while (end !== -1 && src[end + 1] === '*') end = findUnescaped(src, '*', end + 2);
      if (end > i + 1 && src[i + 1] !== ' ') {
        out.push({ type: 'em', children: parseInline(src.slice(i + 1, end), ctx, allowLinks) });
        i = end + 1;
        continue;
      }
      pushText(out, c);
      i++;
      continue;
    }
    if (c === '!' && src[i + 1] === '[') {
      problem(ctx, 'Bilder stöds inte i metodbokspaketet.');
      pushText(out, '!');
      i++;
      continue;
    }
    if (c === '[') {
      const close = findCloseBracket(src, i);
      if (close !== -1 && src[close + 1] === '(') {
        const hrefEnd = src.indexOf(')', close + 2);
        if (hrefEnd !== -1) {
          const text = src.slice(i + 1, close);
          const rawHref = src.slice(close + 2, hrefEnd);
          const target = classifyHref(rawHref);
          if (!allowLinks) {
            problem(ctx, 'En länk får inte ligga inuti en annan länk.');
            pushText(out, src.slice(i, hrefEnd + 1));
          } else if (target === null) {
            problem(ctx, `Länkmålet "${rawHref.trim().slice(0, 60)}" är inte tillåtet. Använd #avsnitts-id eller en adress som börjar med https://.`);
            // Inert: the whole construct is shown as literal text.
            pushText(out, src.slice(i, hrefEnd + 1));
          } else {
            const children = parseInline(text, ctx, false);
            if (target.kind === 'section') out.push({ type: 'link', kind: 'section', sectionId: target.sectionId, children });
            else out.push({ type: 'link', kind: 'external', href: target.href, children });
          }
          i = hrefEnd + 1;
          continue;
        }
      }
      pushText(out, c);
      i++;
      continue;
    }
    pushText(out, c);
    i++;
  }
  return out;
}

function parse(src: string, ctx: Ctx): MdDocument {
  const lines = src.replace(/\r\n?/g, '\n').split('\n');
  const blocks: MdBlock[] = [];
  let para: { text: string[]; line: number } | null = null;
  let list: { ordered: boolean; start: number; items: { text: string; line: number }[] } | null = null;

  const flushPara = () => {
    if (!para) return;
    const saved = ctx.line;
    ctx.line = para.line;
    blocks.push({ type: 'paragraph', children: parseInline(para.text.join(' '), ctx) });
    ctx.line = saved;
    para = null;
  };
  const flushList = () => {
    if (!list) return;
    const saved = ctx.line;
    const items = list.items.map((it) => {
      ctx.line = it.line;
      return parseInline(it.text, ctx);
    });
    ctx.line = saved;
    blocks.push({ type: 'list', ordered: list.ordered, start: list.start, items });
    list = null;
  };

  for (let n = 0; n < lines.length; n++) {
    const rawLine = lines[n] as string;
    ctx.line = n + 1;
    const line = rawLine.trim();
    if (line === '') {
      flushPara();
      flushList();
      continue;
    }
    if (line.startsWith('```') || line.startsWith('~~~')) problem(ctx, 'Kodblock stöds inte. Använd `kod` inne i en mening.');
    if (line.startsWith('>')) problem(ctx, 'Citatblock (>) stöds inte.');
    if (/^\|.*\|$/.test(line)) problem(ctx, 'Tabeller stöds inte. Använd en punktlista.');
    if (/^(?:-{3,}|\*{3,}|_{3,})$/.test(line)) problem(ctx, 'Skiljelinjer stöds inte.');
    if (/^\s{4,}\S/.test(rawLine) && !list) problem(ctx, 'Indragna kodblock stöds inte. Ta bort indraget.');

    const heading = HEADING_RE.exec(line);
    if (heading) {
      const level = (heading[1] as string).length;
      flushPara();
      flushList();
      if (level === 2 || level === 3) {
        blocks.push({ type: 'heading', level, children: parseInline(heading[2] as string, ctx) });
      } else {
        problem(ctx, `Rubriknivå ${level} stöds inte. Använd ## eller ###.`);
        blocks.push({ type: 'paragraph', children: parseInline(line, ctx) });
      }
      continue;
    }
    const bullet = BULLET_RE.exec(line);
    const ordered = bullet ? null : ORDERED_RE.exec(line);
    if (bullet || ordered) {
      flushPara();
      const isOrdered = ordered !== null;
      if (list && list.ordered !== isOrdered) flushList();
      if (!list) list = { ordered: isOrdered, start: ordered ? Number(ordered[1]) : 1, items: [] };
      list.items.push({ text: (bullet ? bullet[1] : (ordered as RegExpExecArray)[2]) as string, line: n + 1 });
      continue;
    }
    if (list && /^\s{2,}/.test(rawLine)) {
      // Continuation of the previous list item.
      const last = list.items[list.items.length - 1];
      if (last) last.text += ' ' + line;
      continue;
    }
    flushList();
    if (!para) para = { text: [], line: n + 1 };
    para.text.push(line);
  }
  flushPara();
  flushList();
  return { type: 'document', blocks };
}

/** Parse leniently: never throws; anything outside the subset becomes inert text. */
export function parseMarkdown(src: string): MdDocument {
  return parse(src, { problems: null, line: 0 });
}

/** Strict check: every construct outside the allowed subset, with its line. Empty array = OK. */
export function checkMarkdown(src: string): MdProblem[] {
  const ctx: Ctx = { problems: [], line: 0 };
  parse(src, ctx);
  return ctx.problems ?? [];
}

/** Section ids that the document links to, in order of appearance (duplicates kept). */
export function sectionLinks(doc: MdDocument): string[] {
  const out: string[] = [];
  const walk = (nodes: MdInline[]) => {
    for (const n of nodes) {
      if (n.type === 'link' && n.kind === 'section') out.push(n.sectionId);
      if (n.type === 'strong' || n.type === 'em' || n.type === 'link') walk(n.children);
    }
  };
  for (const b of doc.blocks) {
    if (b.type === 'list') b.items.forEach(walk);
    else walk(b.children);
  }
  return out;
}

function inlineText(nodes: MdInline[]): string {
  return nodes.map((n) => (n.type === 'text' || n.type === 'code' ? n.value : inlineText(n.children))).join('');
}

/** Plain text of a document (for search and snippets): blocks separated by a blank line, list items by newline. */
export function markdownToPlainText(src: string | MdDocument): string {
  const doc = typeof src === 'string' ? parseMarkdown(src) : src;
  return doc.blocks
    .map((b) => (b.type === 'list' ? b.items.map((it) => inlineText(it)).join('\n') : inlineText(b.children)))
    .join('\n\n');
}
