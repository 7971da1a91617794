/** Generic, markup-neutral DOM readers used by the adapter. All knowledge of UKA markup comes in through a profile. */
import type { GridSpec } from './profile';

/** Whitespace that `text` has to collapse: a run of two, or any white space other than a plain space. */
const LOOSE_SPACE = /\s\s|[^\S ]/;

/** Visible text, whitespace collapsed. (Most cells need only a trim: the regex replace runs only where it changes something.) */
export function text(el: Element | null | undefined): string {
  const raw = el?.textContent ?? '';
  return LOOSE_SPACE.test(raw) ? raw.replace(/\s+/g, ' ').trim() : raw.trim();
}

/** Lower case, punctuation to spaces, single spaces: for matching headings and column names. */
export function normalise(s: string): string {
  return s
    .toLowerCase()
    .replace(/[:;–—\-()[\],.!?*"'“”]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface GridRow {
  el: Element;
  get(field: string): string | null;
  /** The row's first descendant matching `selector` (as el.querySelector); selectors named to openGrid are found ahead. */
  first(selector: string): Element | null;
}

/** A test for one element that is cheap for the simple selectors of profiles ("a", ".pnr", "a[href]"). */
export function matcherFor(selector: string): (el: Element) => boolean {
  const sel = selector.trim();
  if (/^[a-z][a-z0-9-]*$/i.test(sel)) {
    const tag = sel.toLowerCase();
    return (el) => el.localName === tag;
  }
  if (/^\.[\w-]+$/.test(sel)) {
    const cls = sel.slice(1);
    // The class attribute first (a string), the token list only when it may hold the class among others.
    return (el) => {
      const attr = el.getAttribute('class');
      return attr !== null && (attr === cls || (attr.includes(cls) && el.classList.contains(cls)));
    };
  }
  const tagAttr = /^([a-z][a-z0-9-]*)\[([\w-]+)\]$/i.exec(sel);
  if (tagAttr) {
    const tag = tagAttr[1]!.toLowerCase();
    const attr = tagAttr[2]!;
    return (el) => el.localName === tag && el.hasAttribute(attr);
  }
  return (el) => el.matches(sel);
}

/**
 * For each selector, the first descendant of `root` in document order that matches it: what root.querySelector
 * gives for each, found in one walk of the (small) subtree, without the selector engine for simple selectors.
 */
export function firstMatches(root: Element, matchers: ReadonlyArray<(el: Element) => boolean>): Array<Element | null> {
  const found: Array<Element | null> = matchers.map(() => null);
  let left = matchers.length;
  let el: Element | null = root.firstElementChild;
  while (el && left > 0) {
    for (let i = 0; i < matchers.length; i++) {
      if (found[i] === null && matchers[i]!(el)) {
        found[i] = el;
        left--;
      }
    }
    // Next element in document order inside root.
    if (el.firstElementChild) el = el.firstElementChild;
    else {
      while (el && el !== root && !el.nextElementSibling) el = el.parentElement;
      el = el && el !== root ? el.nextElementSibling : null;
    }
  }
  return found;
}

export type GridResult = { ok: true; rows: GridRow[] } | { ok: false; reason: string };

function mapColumns(headers: string[], columns: Record<string, RegExp>): Map<string, number> {
  const map = new Map<string, number>();
  const norm = headers.map(normalise);
  for (const [field, re] of Object.entries(columns)) {
    const idx = norm.findIndex((h, i) => re.test(h) && ![...map.values()].includes(i));
    if (idx >= 0) map.set(field, idx);
  }
  return map;
}

export function missing(required: string[], present: (f: string) => boolean): string | null {
  const gone = required.filter((f) => !present(f));
  return gone.length ? `kolumn saknas: ${gone.join(', ')}` : null;
}

/** A row's field reader for the table layouts: the text of the field's column, or null when the grid has none. */
function cellGetter(cols: Map<string, number>, cells: ArrayLike<Element>): (field: string) => string | null {
  return (field) => {
    const i = cols.get(field);
    return i === undefined ? null : text(cells[i]);
  };
}

const direct = (el: Element, tag: string): Element[] => Array.from(el.children).filter((c) => c.tagName.toLowerCase() === tag);

/**
 * Rows of a grid, produced one at a time: a generator that yields each row and returns null, or returns the reason
 * when a row breaks the spec. Lets long lists be read in slices (see lib/uka/read-steps.ts); `readGrid` collects it.
 */
export type GridRows = Generator<GridRow, string | null, void>;

interface ListShared {
  indexOf: Map<string, number>;
  selectorIndex: Map<string, number>;
}

/** A row of the 'list' layout (a class, not closures: thousands of them per long list, in code that runs cold). */
class ListRow implements GridRow {
  constructor(
    readonly el: Element,
    private readonly values: Array<string | null>,
    private readonly els: Array<Element | null>,
    private readonly shared: ListShared,
  ) {}
  get(field: string): string | null {
    return this.values[this.shared.indexOf.get(field) ?? -1] ?? null;
  }
  first(selector: string): Element | null {
    const i = this.shared.selectorIndex.get(selector);
    return i === undefined ? this.el.querySelector(selector) : (this.els[i] ?? null);
  }
}

/** A table grid's columns (from its header row) and body rows, or why the table cannot be read. */
export function openTable(container: Element, spec: GridSpec & { layout: 'table' }): { ok: true; cols: Map<string, number>; bodyRows: Element[] } | { ok: false; reason: string } {
  const headRow = container.querySelector('thead tr') ?? container.querySelector('tr');
  if (!headRow) return { ok: false, reason: `tabellen ${spec.selector} saknar rubrikrad` };
  const headers = Array.from(headRow.querySelectorAll('th')).map((th) => text(th));
  const cols = mapColumns(headers, spec.columns);
  const why = missing(spec.required, (f) => cols.has(f));
  if (why) return { ok: false, reason: `${spec.selector}: ${why}` };
  const bodyRows = container.querySelector('tbody') ? Array.from(container.querySelectorAll('tbody tr')) : Array.from(container.querySelectorAll('tr')).slice(1);
  return { ok: true, cols, bodyRows };
}


/** Open the grid found by the spec (inside `root`): header problems are found at once, rows come lazily. */
export function openGrid(root: ParentNode, spec: GridSpec, also: readonly string[] = []): { ok: true; rows: GridRows } | { ok: false; reason: string } {
  const container = root.querySelector(spec.selector);
  if (!container) return { ok: false, reason: `hittar inte ${spec.selector}` };
  if (spec.layout === 'table') {
    const table = openTable(container, spec);
    if (!table.ok) return table;
    const { cols, bodyRows } = table;
    return {
      ok: true,
      rows: (function* () {
        for (const tr of bodyRows) {
          const cells = cellsOf(tr);
          if (cells.length === 0) continue;
          yield {
            el: tr,
            get: cellGetter(cols, cells),
            first: (sel) => tr.querySelector(sel),
          };
        }
        return null;
      })(),
    };
  }
  if (spec.layout === 'role-table') {
    const headers = Array.from(container.querySelectorAll('[role=columnheader]')).map((h) => text(h));
    const cols = mapColumns(headers, spec.columns);
    const why = missing(spec.required, (f) => cols.has(f));
    if (why) return { ok: false, reason: `${spec.selector}: ${why}` };
    const all = Array.from(container.querySelectorAll('[role=row]'));
    return {
      ok: true,
      rows: (function* () {
        for (const r of all) {
          const cells = Array.from(r.querySelectorAll('[role=cell],[role=gridcell]'));
          if (cells.length === 0) continue;
          yield {
            el: r,
            get: cellGetter(cols, cells),
            first: (sel) => r.querySelector(sel),
          };
        }
        return null;
      })(),
    };
  }
  const items = Array.from(container.querySelectorAll(spec.item));
  if (spec.layout === 'dl-list') {
    return {
      ok: true,
      rows: (function* () {
        for (const item of items) {
          const dl = item.tagName.toLowerCase() === 'dl' ? item : item.querySelector('dl');
          if (!dl) return `${spec.selector}: post utan definitionslista`;
          const pairs: Array<[string, string]> = [];
          let label: string | null = null;
          for (const c of Array.from(dl.children)) {
            const tag = c.tagName.toLowerCase();
            if (tag === 'dt') label = text(c);
            else if (tag === 'dd' && label !== null) {
              pairs.push([label, text(c)]);
              label = null;
            }
          }
          const cols = mapColumns(
            pairs.map((p) => p[0]),
            spec.columns,
          );
          const why = missing(spec.required, (f) => cols.has(f));
          if (why) return `${spec.selector}: ${why}`;
          yield { el: item, get: (f) => (cols.has(f) ? (pairs[cols.get(f)!]?.[1] ?? null) : null), first: (sel) => item.querySelector(sel) };
        }
        return null;
      })(),
    };
  }
  // Thousands of items on a long list: the fields' elements (and those of `also`) found in one walk per item, the
  // values in an array per item, looked up by a shared index.
  const fieldNames = Object.keys(spec.fields);
  const selectors = [...Object.values(spec.fields), ...also.filter((sel) => !Object.values(spec.fields).includes(sel))];
  const matchers = selectors.map(matcherFor);
  const indexOf = new Map(fieldNames.map((f, i) => [f, i]));
  const selectorIndex = new Map(selectors.map((sel, i) => [sel, i]));
  const required = spec.required.map((f) => indexOf.get(f) ?? -1);
  const shared: ListShared = { indexOf, selectorIndex };
  const fieldCount = fieldNames.length;
  return {
    ok: true,
    rows: (function* () {
      for (const item of items) {
        const els = firstMatches(item, matchers);
        const values: Array<string | null> = new Array(fieldCount);
        for (let i = 0; i < fieldCount; i++) values[i] = els[i] ? text(els[i]) : null;
        for (const i of required) {
          if (i < 0 || values[i] === null) return `${spec.selector}: ${missing(spec.required, (f) => values[indexOf.get(f) ?? -1] != null)}`;
        }
        yield new ListRow(item, values, els, shared);
      }
      return null;
    })(),
  };
}

/** The cells of a table row (td and th children); HTMLTableRowElement.cells where the DOM has it. */
export function cellsOf(tr: Element): ArrayLike<Element> {
  return (tr as HTMLTableRowElement).cells ?? Array.from(tr.children).filter((c) => /^(td|th)$/i.test(c.tagName));
}

/** Read rows from a container found by the spec (inside `root`). */
export function readGrid(root: ParentNode, spec: GridSpec): GridResult {
  const grid = openGrid(root, spec);
  if (!grid.ok) return grid;
  const rows: GridRow[] = [];
  for (;;) {
    const next = grid.rows.next();
    if (next.done) return next.value ? { ok: false, reason: next.value } : { ok: true, rows };
    rows.push(next.value);
  }
}

/** Label → value pairs inside a container (th+td or dt+dd). */
export function readFacts(container: Element, mode: 'th-td' | 'dt-dd'): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const [labelTag, valueTag] = mode === 'th-td' ? ['th', 'td'] : ['dt', 'dd'];
  for (const label of Array.from(container.querySelectorAll(labelTag))) {
    let next = label.nextElementSibling;
    while (next && next.tagName.toLowerCase() !== valueTag && next.tagName.toLowerCase() !== labelTag) next = next.nextElementSibling;
    if (next && next.tagName.toLowerCase() === valueTag) out.push([text(label), text(next)]);
  }
  return out;
}

export { direct };

export function isoDate(s: string | null): string | null {
  if (!s) return null;
  const m = /(\d{4})-(\d{2})-(\d{2})/.exec(s);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

/** "16 – Coachning / motiverande samtal" → code "16", text "Coachning / motiverande samtal". */
export function splitCode(s: string | null): { code: string | null; text: string } {
  const t = (s ?? '').trim();
  if (!t) return { code: null, text: '' };
  const m = /^(\d{1,3})\s*(?:[–—-]\s*(.*))?$/.exec(t);
  return m ? { code: m[1]!, text: (m[2] ?? '').trim() } : { code: null, text: t };
}
