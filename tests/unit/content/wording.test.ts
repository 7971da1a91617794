/**
 * The product's wording, checked over every product source file (lib/, components/, entrypoints/) and the built-in
 * metodbok pack: no broken count phrases ("1 rader"), no "var 1:e månad", none of the words the terminology table
 * (README, "Ord vi använder") retired, and no count written by hand where lib/domain/swedish.ts's count() belongs.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PACK_JSON } from '../../../lib/content/default-pack';
import { RULES } from '../../../lib/scb/rules';

const root = fileURLToPath(new URL('../../..', import.meta.url));

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...sourceFiles(full));
    else if (/\.(ts|tsx|html)$/.test(name) && !name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

/** The file without comments, so that only what can reach a user is scanned. */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

const files = ['lib', 'components', 'entrypoints'].flatMap((d) => sourceFiles(path.join(root, d)));
const sources = files.map((f) => ({ file: path.relative(root, f), text: withoutComments(readFileSync(f, 'utf8')) }));
const packText = JSON.stringify(DEFAULT_PACK_JSON);

const FORBIDDEN: Array<[RegExp, string]> = [
  [/(^|[^\d])1 (rader|dagar|personer|ungdomar|varningar|månader|veckor)\b/, 'a plural after 1'],
  [/:e månad/, '"var N:e månad" (use everyNMonths)'],
  [/Hoppades/, '"Hoppades över" (retired wording)'],
  [/\bfynd\b/i, '"fynd" (write what the check found)'],
  [/Varför SCB bryr sig/, '"Varför SCB bryr sig" (retired heading)'],
  [/SCB-inlämning|lämna in (den|filen)/, '"lämna in" for uploading to SCB (write "ladda upp hos SCB")'],
  [/(^|[^\p{L}])[Åå]tgärda(d|de|r|s|t)?(?!\p{L})/u, '"åtgärda" for fixing a warning (write "rätta")'],
  [/(^|[^\p{L}])[Tt]rappan(?!\p{L})/u, '"trappan" alone (write "Kontakttrappan")'],
  [/innehållspaket/i, '"innehållspaket" (write "metodbokspaket")'],
];

describe('product wording', () => {
  it('scans a reasonable number of files', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  for (const [pattern, what] of FORBIDDEN) {
    it(`has no ${what}`, () => {
      const hits = sources.filter((s) => pattern.test(s.text)).map((s) => s.file);
      if (pattern.test(packText)) hits.push('lib/content/default-pack.ts (built-in pack)');
      expect(hits).toEqual([]);
    });
  }

  it('writes counts of rows, days, persons, youths and warnings with count(), not by hand', () => {
    const byHand = /\$\{[^}]+\} (rader|dagar|personer|ungdomar|varningar)\b|\}\s+(rader|dagar|personer|ungdomar|varningar)\b/;
    const hits = sources.filter((s) => byHand.test(s.text)).map((s) => `${s.file}: ${byHand.exec(s.text)?.[0]}`);
    expect(hits).toEqual([]);
  });

  it('SCB rule titles name technical file words only in parentheses, after a plain title a coach can act on', () => {
    const technical = /\b(BOM|styrtecken|nolltecken|byte 0x[0-9a-f]{2}|0x[0-9a-f]{2}|CR|LF|CRLF|UTF-16|UTF-8)\b/i;
    const bad: string[] = [];
    for (const [id, rule] of Object.entries(RULES)) {
      const plain = rule.title.replace(/\([^()]*\)/g, '').trim();
      if (technical.test(plain) || plain.split(/\s+/).length < 2) bad.push(`${id}: ${rule.title}`);
    }
    expect(bad).toEqual([]);
    // the scan itself: a title with the word outside parentheses is caught
    expect(technical.test('Radslut utan CR'.replace(/\([^()]*\)/g, ''))).toBe(true);
  });

  it('uses "du", never "ni", in the built-in pack', () => {
    expect(packText).not.toMatch(/\b[Nn]i\b/);
  });
});
