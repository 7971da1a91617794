/**
 * The rows of UKA's long lists ("Export till SCB", the start list), read in steps that pause so that a 5,000-row list
 * can be read in slices (./read-steps.ts runInSlices). Only the page kinds with a list carry this (their bundles,
 * through ./read-lists.ts); the generic DOM reading it builds on is ./dom.ts, shared with the person page's read.
 */
import { cellsOf, matcherFor, missing, openGrid, openTable, text, type GridRow } from './dom';
import type { GridSpec } from './profile';

/**
 * How fieldRowSteps' caller reads a row's fields later: `field(handle, i)` is the text of `fields[i]` of the row behind
 * `handle` (whitespace collapsed), read from the page when asked, or null where the row or the grid has none. One
 * reader per list; a handle per row (its element, or its openGrid row), so a row costs no object of its own.
 */
export interface FieldReader<H = unknown> {
  field(handle: H, i: number): string | null;
}

/** Rows between two pauses of fieldRowSteps (a pause lets a slice of a long read end: ./read-steps.ts). */
const ROWS_PER_STEP = 200;

/**
 * Every row of a grid, in two steps, for the long lists read on every page load (a 5,000-youth "Export till SCB",
 * where this code always runs cold): now, each row's link (its href) and the texts of the fields in `now` (indices
 * into `fields`); the other fields' texts only when the caller asks `reader` for them, so a read that needs only
 * counts and a filter never reads the rest. A row that lacks a required field fails the read at once, as before.
 * `make` turns each row into the caller's record; its `values` (the fields in `now`, by index) is one array reused
 * for every row, so it must be read during the call. Pauses every ROWS_PER_STEP rows; runThrough/runInSlices run it.
 */
export function* fieldRowSteps<R>(
  root: ParentNode,
  spec: GridSpec,
  fields: readonly string[],
  linkSelector: string,
  now: readonly number[],
  make: (reader: FieldReader, handle: unknown, values: ReadonlyArray<string | null | undefined>, href: string) => R,
): Generator<void, { ok: true; rows: R[] } | { ok: false; reason: string }, void> {
  const rows: R[] = [];
  const values: Array<string | null | undefined> = fields.map(() => undefined);
  const nowCount = now.length;
  if (spec.layout === 'list') {
    const container = root.querySelector(spec.selector);
    if (!container) return { ok: false, reason: `hittar inte ${spec.selector}` };
    const selectors = fields.map((f) => spec.fields[f] ?? null);
    const required = spec.required.map((f) => fields.indexOf(f));
    if (required.some((i) => i < 0)) return { ok: false, reason: `${spec.selector}: ${missing(spec.required, (f) => fields.includes(f))}` };
    const reader: FieldReader<Element> = {
      field(item, i) {
        const sel = selectors[i];
        const el = sel ? item.querySelector(sel) : null;
        return el ? text(el) : null;
      },
    };
    // A required field is there when its element is: the row's link stands for it when the link matches its selector
    // (the usual case, the name being the link), else it is looked up.
    const linkIs = required.map((i) => {
      const sel = selectors[i];
      return sel ? matcherFor(sel) : () => false;
    });
    const there = (k: number, item: Element, link: Element | null) => {
      const i = required[k]!;
      if (now.includes(i)) return values[i] !== null;
      return (link !== null && linkIs[k]!(link)) || item.querySelector(selectors[i]!) !== null;
    };
    const items = container.querySelectorAll(spec.item);
    for (let r = 0; r < items.length; r++) {
      const item = items[r]!;
      const link = item.querySelector(linkSelector);
      for (let n = 0; n < nowCount; n++) values[now[n]!] = reader.field(item, now[n]!);
      for (let k = 0; k < required.length; k++) {
        if (!there(k, item, link)) return { ok: false, reason: `${spec.selector}: ${missing(spec.required, (f) => there(spec.required.indexOf(f), item, link))}` };
      }
      rows.push(make(reader, item, values, link === null ? '' : (link.getAttribute('href') ?? '')));
      if ((r + 1) % ROWS_PER_STEP === 0) yield;
    }
    return { ok: true, rows };
  }
  if (spec.layout === 'table') {
    const container = root.querySelector(spec.selector);
    if (!container) return { ok: false, reason: `hittar inte ${spec.selector}` };
    const table = openTable(container, spec);
    if (!table.ok) return table;
    const columns = fields.map((f) => table.cols.get(f));
    const reader: FieldReader<Element> = {
      field(tr, i) {
        const c = columns[i];
        return c === undefined ? null : text(cellsOf(tr)[c]);
      },
    };
    const body = table.bodyRows;
    for (let r = 0; r < body.length; r++) {
      const tr = body[r]!;
      if (cellsOf(tr).length === 0) continue;
      for (let n = 0; n < nowCount; n++) values[now[n]!] = reader.field(tr, now[n]!);
      const link = tr.querySelector(linkSelector);
      rows.push(make(reader, tr, values, link === null ? '' : (link.getAttribute('href') ?? '')));
      if ((r + 1) % ROWS_PER_STEP === 0) yield;
    }
    return { ok: true, rows };
  }
  const grid = openGrid(root, spec, [linkSelector]);
  if (!grid.ok) return grid;
  const reader: FieldReader<GridRow> = {
    field(row, i) {
      const f = fields[i];
      return f === undefined ? null : row.get(f);
    },
  };
  for (;;) {
    const next = grid.rows.next();
    if (next.done) return next.value ? { ok: false, reason: next.value } : { ok: true, rows };
    const row = next.value;
    for (let n = 0; n < nowCount; n++) values[now[n]!] = reader.field(row, now[n]!);
    rows.push(make(reader as FieldReader, row, values, row.first(linkSelector)?.getAttribute('href') ?? ''));
    if (rows.length % ROWS_PER_STEP === 0) yield;
  }
}

/** Rows between two pauses of collectRows. */
const SLICE_ROWS = 100;

/** Collect a grid's rows, mapping each, pausing every SLICE_ROWS rows; a string is the reason the grid is unreadable. */
export function* collectRows<R>(rows: Generator<GridRow, string | null, void>, map: (row: GridRow) => R): Generator<void, R[] | string, void> {
  const out: R[] = [];
  for (;;) {
    const next = rows.next();
    if (next.done) return next.value ?? out;
    out.push(map(next.value));
    if (out.length % SLICE_ROWS === 0) yield;
  }
}
