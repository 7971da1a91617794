import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { openGrid } from '../../../lib/uka/dom';
import { fieldRowSteps, type FieldReader } from '../../../lib/uka/dom-rows';
import { runThrough } from '../../../lib/uka/read-steps';
import type { GridSpec } from '../../../lib/uka/profile';

const FIELDS = ['name', 'personnummer', 'label'] as const;
const LIST: GridSpec = { layout: 'list', selector: 'ul', item: 'li', fields: { name: 'a', personnummer: '.pnr', label: '.tag' }, required: ['name'] };
const TABLE: GridSpec = { layout: 'table', selector: 'table', columns: { name: /^namn/, personnummer: /^person/, label: /^etikett/ }, required: ['name'] };

/** The records the tests compare: every field's text (read now or asked for later) and the link's href. */
const record = (reader: FieldReader, handle: unknown, _values: ReadonlyArray<string | null | undefined>, href: string) => ({ values: FIELDS.map((_, i) => reader.field(handle, i)), href });

/** fieldRowSteps run through, with the label read at once (as the export list does) and the rest asked for. */
const readFieldRows = (root: ParentNode, spec: GridSpec, fields: readonly string[], link: string, make: typeof record, now: number[] = [2]) => runThrough(fieldRowSteps(root, spec, fields, link, now, make));

const doc = (body: string) => parseHTML(`<!doctype html><html><body>${body}</body></html>`).document as unknown as Document;

/** What openGrid gives for the same fields (the reference readFieldRows must agree with). */
function viaGrid(root: ParentNode, spec: GridSpec, link: string) {
  const grid = openGrid(root, spec, [link]);
  if (!grid.ok) return grid;
  const rows = [];
  for (;;) {
    const next = grid.rows.next();
    if (next.done) return next.value ? { ok: false as const, reason: next.value } : { ok: true as const, rows };
    rows.push({ values: FIELDS.map((f) => next.value.get(f)), href: next.value.first(link)?.getAttribute('href') ?? '' });
  }
}

describe('fieldRowSteps (the long lists read on every load)', () => {
  it('reads the list layout like openGrid: texts with spaces collapsed, missing fields as null, the link reused', () => {
    const d = doc(`<ul>
      <li><a href="/person/1">Måns  Jansson</a> <span class="pnr">20070313-2381</span> <span class="tag">Coach Anna</span></li>
      <li><a href="/person/2">Ludvig
        Johansson</a></li>
      <li><span class="tag">Coach Omar</span> <a href="/person/3">Omar Holm</a></li>
    </ul>`);
    const read = readFieldRows(d, LIST, FIELDS, 'a', record);
    expect(read).toEqual(viaGrid(d, LIST, 'a'));
    expect(read.ok && read.rows).toEqual([
      { values: ['Måns Jansson', '20070313-2381', 'Coach Anna'], href: '/person/1' },
      { values: ['Ludvig Johansson', null, null], href: '/person/2' },
      { values: ['Omar Holm', null, 'Coach Omar'], href: '/person/3' },
    ]);
  });

  it('finds a link that is not one of the fields', () => {
    const d = doc(`<ul><li><span class="pnr">20070313-2381</span><a class="name" href="/person/1">Måns Jansson</a></li></ul>`);
    const spec: GridSpec = { ...LIST, fields: { name: '.name', personnummer: '.pnr' } };
    const read = readFieldRows(d, spec, FIELDS, 'a[href]', record);
    expect(read.ok && read.rows).toEqual([{ values: ['Måns Jansson', '20070313-2381', null], href: '/person/1' }]);
  });

  it('says why when a required field is missing or the list is not there', () => {
    const d = doc(`<ul><li><span class="pnr">20070313-2381</span></li></ul>`);
    const read = readFieldRows(d, LIST, FIELDS, 'a', record);
    expect(read.ok).toBe(false);
    expect(!read.ok && read.reason).toMatch(/name/);
    expect(readFieldRows(doc('<p>tom</p>'), LIST, FIELDS, 'a', record)).toEqual({ ok: false, reason: 'hittar inte ul' });
  });

  it('reads the table layout like openGrid: a short row gives empty texts, a missing column null', () => {
    const d = doc(`<table><thead><tr><th>Namn</th><th>Personnummer</th><th>Etikett</th></tr></thead><tbody>
      <tr><td><a href="/person/1">Måns Jansson</a></td><td>20070313-2381</td><td>Coach Anna</td></tr>
      <tr><td><a href="/person/2">Ludvig Johansson</a></td><td></td><td></td></tr>
      <tr><td><a href="/person/3">Omar Holm</a></td></tr></tbody></table>`);
    const read = readFieldRows(d, TABLE, FIELDS, 'a[href]', record);
    expect(read).toEqual(viaGrid(d, TABLE, 'a[href]'));
    expect(read.ok && read.rows.map((r: { href: string }) => r.href)).toEqual(['/person/1', '/person/2', '/person/3']);
    const noLabels: GridSpec = { ...TABLE, columns: { name: /^namn/, personnummer: /^person/ } };
    expect(readFieldRows(d, noLabels, FIELDS, 'a[href]', record)).toEqual(viaGrid(d, noLabels, 'a[href]'));
    expect(readFieldRows(doc('<table><tr><td>x</td></tr></table>'), TABLE, FIELDS, 'a', record)).toEqual(viaGrid(doc('<table><tr><td>x</td></tr></table>'), TABLE, 'a'));
  });
  it('reads the fields not asked for now only when the row is asked, from the page as it is then', () => {
    const d = doc(`<ul><li><a href="/person/1">Måns Jansson</a> <span class="pnr">20070313-2381</span> <span class="tag">Coach Anna</span></li></ul>`);
    const seen: Array<ReadonlyArray<string | null | undefined>> = [];
    const read = runThrough(fieldRowSteps(d, LIST, FIELDS, 'a[href]', [2], (reader, handle, values, href) => (seen.push([...values]), { field: (i: number) => reader.field(handle, i), href })));
    if (!read.ok) throw new Error(read.reason);
    expect(seen).toEqual([[undefined, undefined, 'Coach Anna']]);
    d.querySelector('.pnr')!.textContent = '20070313-2399';
    expect(read.rows[0]!.field(1)).toBe('20070313-2399');
    expect(read.rows[0]!.field(0)).toBe('Måns Jansson');
    expect(read.rows[0]!.href).toBe('/person/1');
  });

  it('a required field that is not the link is looked up; missing, it fails the read and is named', () => {
    const spec: GridSpec = { ...LIST, fields: { name: '.name', personnummer: '.pnr', label: '.tag' }, required: ['name', 'personnummer'] };
    const ok = doc(`<ul><li><a href="/person/1">x</a><span class="name">Måns</span><span class="pnr">1</span></li></ul>`);
    expect(readFieldRows(ok, spec, FIELDS, 'a[href]', record)).toEqual(viaGrid(ok, spec, 'a[href]'));
    const bad = doc(`<ul><li><a href="/person/1">x</a></li></ul>`);
    const read = readFieldRows(bad, spec, FIELDS, 'a[href]', record);
    expect(read).toEqual({ ok: false, reason: 'ul: kolumn saknas: name, personnummer' });
    expect(viaGrid(bad, spec, 'a[href]')).toEqual(read);
  });

  it('pauses every 200 rows of a long list', () => {
    const d = doc(`<ul>${'<li><a href="/p">Namn</a></li>'.repeat(450)}</ul>`);
    const steps = fieldRowSteps(d, LIST, FIELDS, 'a[href]', [2], record);
    let pauses = 0;
    for (let next = steps.next(); !next.done; next = steps.next()) pauses++;
    expect(pauses).toBe(2);
  });
});
