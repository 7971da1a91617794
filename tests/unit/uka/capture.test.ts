import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { captureStructure, scramble } from '../../../lib/uka/capture';
import { createUkaAdapter } from '../../../lib/uka/adapter';
import { VARIANTS, page, parse, truth } from './helpers';

const adapter = createUkaAdapter();

/** Every personal text of a saved page that the adapter can read: names, personnummer, notes, labels, items (an occupation's text is the SCB code's name, which warning headings use too). */
function personalTexts(doc: Document): string[] {
  const out: string[] = [];
  const person = adapter.readPersonPage(doc);
  if (person.ok) {
    const v = person.value;
    out.push(v.header.name, v.header.personnummer, v.label ?? '', ...v.contacts.map((c) => c.note), ...v.bevakningar.map((b) => b.text), ...v.sections.flatMap((s) => s.items));
  }
  const start = adapter.readStartList(doc);
  if (start.ok) for (const r of start.value.rows) out.push(r.name, r.personnummer, r.label ?? '', r.href);
  const exp = adapter.readExportList(doc);
  if (exp.ok) for (const g of exp.value.groups) for (const r of g.rows) out.push(r.name, r.personnummer ?? '', r.label ?? '', r.href);
  return out.filter((t) => t.trim().length >= 5);
}

describe.each(VARIANTS)('the redacted page capture on every %s stand-in page', (variant) => {
  const names = readdirSync(new URL(`../../fixtures/uka/pages/${variant}/`, import.meta.url)).filter((f) => f.endsWith('.html')).map((f) => f.replace(/\.html$/, ''));
  const persons = truth(variant).truth.persons;

  it.each(names)('%s: none of the stand-in\'s personal data is left, the structure is', (name) => {
    const doc = page(variant, name);
    const out = captureStructure(doc);
    const lower = out.toLowerCase();
    for (const p of persons) {
      expect(out).not.toContain(p.personnummer);
      expect(out).not.toContain(p.personnummerShown);
      expect(out).not.toContain(p.personnummer.slice(2));
      for (const part of p.name.split(/\s+/)) expect(lower, `${name}: ${part}`).not.toMatch(new RegExp(`(^|[^\\p{L}])${part.toLowerCase()}($|[^\\p{L}])`, 'u'));
    }
    for (const t of personalTexts(doc)) expect(out, `${name}: ${t}`).not.toContain(t);
    // No run of five or more digits other than zeros (no personnummer, no birth date).
    expect((out.replace(/<style[\s\S]*?<\/style>/g, '').match(/\d{5,}/g) ?? []).filter((run) => /[1-9]/.test(run))).toEqual([]);
    // The structure is kept: the same profile recognises the same page kind.
    expect(adapter.recognise(parse(out), new URL('http://x/'))).toEqual(adapter.recognise(doc, new URL('http://x/')));
  });

  it('keeps headings and column headers a profile is written against, and the reads still work on the capture', () => {
    const doc = page(variant, 'person-1');
    const out = parse(captureStructure(doc));
    const read = adapter.readPersonPage(out);
    // Names and personnummer are now x and 0: the page is read structurally (headings, columns, warning kinds).
    const orig = adapter.readPersonPage(doc);
    if (!orig.ok) throw new Error(orig.reason);
    expect(read.ok ? read.value.sections.map((s) => s.kind) : read.reason).toEqual(orig.value.sections.map((s) => s.kind));
    const start = adapter.readStartList(parse(captureStructure(page(variant, 'start'))));
    expect(start.ok).toBe(true);
  });
});

describe('scramble and the heading rule', () => {
  it('keeps lengths and punctuation', () => {
    expect(scramble('Anna Ek, 2008-01-01')).toBe('Xxxx Xx, 0000-00-00');
  });
  it('redacts a heading that holds a name or a personnummer, keeps one that does not', () => {
    const doc = parse('<html><body><h1>Anna Svensson</h1><h2>Kontaktlogg</h2><th>20080101-2385</th><h3>Export till SCB</h3><h4>Anteckningar om Lisa</h4><p>Mina deltagare</p></body></html>');
    const out = captureStructure(doc, { known: ['Lisa Berg'] });
    expect(out).toContain('<h1>Xxxx Xxxxxxxx</h1>');
    expect(out).toContain('<h2>Kontaktlogg</h2>');
    expect(out).toContain('<h3>Export till SCB</h3>');
    expect(out).toContain('<th>00000000-0000</th>');
    expect(out).toContain('<h4>Xxxxxxxxxxxx xx Xxxx</h4>');
    expect(out).toContain('<p>Xxxx xxxxxxxxx</p>');
  });
  it('keeps structural attributes, redacts the rest, drops scripts, comments and our own elements', () => {
    const doc = parse('<html><body><div id="x1" class="card" data-pnr="200801012385" title="Anna"><!-- 200801012385 --><script>var p = 1</script><a href="/person/12" onclick="go()">Öppna</a><kaa-lotsen-ui></kaa-lotsen-ui><input type="text" name="sok" value="Anna"></div></body></html>');
    const out = captureStructure(doc);
    expect(out).toContain('id="x1" class="card" data-pnr="000000000000" title="Xxxx"');
    expect(out).toContain('href="/xxxxxx/00"');
    expect(out).not.toMatch(/onclick|<script|kaa-lotsen-ui|200801012385/);
    expect(out).toContain('type="text" name="sok" value="Xxxx"');
  });
});
