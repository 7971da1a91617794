/**
 * The calibration report of one UKA page: which profile matched (or why none did), the page kind, and for every rule
 * of the profile how many elements it found and what was read from them, every value masked (./mask.ts). The
 * calibration page shows it for the open UKA tab; `npm run uka-read` builds on the same reads. DOM only, no zod.
 */
import type { GridSpec, UkaProfile } from './profile';
import type { PageKind, ReadResult } from './types';
import { createUkaAdapter } from './adapter';
import { normalise, openGrid, readFacts, text } from './dom';
import { fieldKind, maskValue, textLength } from './mask';
import { driftedParts, probeParts, type PartRule, type PartsSeen } from './parts';

export interface RuleReport {
  /** Where the rule is in the profile document, e.g. `grids.contacts.columns.date`. */
  path: string;
  /** The selector or pattern. */
  rule: string;
  /** Elements (or rows with a value) found. */
  count: number;
  /** A few of the values read, masked. */
  values: string[];
  /** Why the rule could not be used (a grid whose column is missing …). */
  note?: string;
}

export interface CalibrationReport {
  profileId: string | null;
  profileSource: string | null;
  /** Per profile tried: the `matches` selectors that found nothing (empty for the one that matched). */
  tried: Array<{ id: string; source: string; missing: string[] }>;
  kind: PageKind;
  rules: RuleReport[];
  /** The typed read the features get for this page kind, or why it failed. */
  read: { what: string; ok: boolean; reason?: string; summary?: string } | null;
  /** Parts found before with this profile (`partsSeen`) and missing now. */
  drift: PartRule[];
}

const SAMPLE = 3;

function count(root: ParentNode, selector: string): number {
  try {
    return root.querySelectorAll(selector).length;
  } catch {
    return 0;
  }
}

function first(root: ParentNode, selector: string): Element | null {
  try {
    return root.querySelector(selector);
  } catch {
    return null;
  }
}

function gridRules(doc: ParentNode, spec: GridSpec, path: string, recognise?: (field: string, value: string) => string): RuleReport[] {
  const out: RuleReport[] = [{ path: `${path}.selector`, rule: spec.selector, count: count(doc, spec.selector), values: [] }];
  if (spec.layout === 'list' || spec.layout === 'dl-list') out.push({ path: `${path}.item`, rule: spec.item, count: count(doc, `${spec.selector} ${spec.item}`), values: [] });
  const fields = spec.layout === 'list' ? Object.entries(spec.fields).map(([f, sel]) => [f, sel] as const) : Object.entries(spec.columns).map(([f, re]) => [f, re.source] as const);
  const base = spec.layout === 'list' ? `${path}.fields` : `${path}.columns`;
  const grid = openGrid(doc, spec);
  if (!grid.ok) {
    for (const [f, rule] of fields) out.push({ path: `${base}.${f}`, rule, count: 0, values: [], note: grid.reason });
    return out;
  }
  const values = new Map<string, string[]>(fields.map(([f]) => [f, []]));
  const counts = new Map<string, number>(fields.map(([f]) => [f, 0]));
  let note: string | undefined;
  for (;;) {
    const next = grid.rows.next();
    if (next.done) {
      note = next.value ?? undefined;
      break;
    }
    for (const [f] of fields) {
      const v = next.value.get(f);
      if (v === null || v === '') continue;
      counts.set(f, counts.get(f)! + 1);
      const shown = values.get(f)!;
      if (shown.length < SAMPLE) shown.push(recognise?.(f, v) ?? maskValue(fieldKind(f), v));
    }
  }
  for (const [f, rule] of fields) out.push({ path: `${base}.${f}`, rule, count: counts.get(f)!, values: values.get(f)!, ...(note ? { note } : {}) });
  return out;
}

function summarise(kind: PageKind, read: ReadResult<unknown>): string | undefined {
  if (!read.ok) return undefined;
  const v = read.value as Record<string, unknown[]>;
  if (kind === 'person') return ['sections', 'contacts', 'measures', 'occupations', 'registrations', 'bevakningar'].map((k) => `${k}: ${v[k]?.length ?? 0}`).join(', ');
  if (kind === 'start') return `rows: ${v.rows?.length ?? 0}`;
  if (kind === 'export') return `groups: ${v.groups?.length ?? 0}, rows: ${(v.groups as Array<{ rows: unknown[] }>).reduce((n, g) => n + g.rows.length, 0)}`;
  return undefined;
}

/** The report for `doc` with these profiles tried in order (the first that matches is used). */
export function calibrate(doc: Document, profiles: readonly UkaProfile[], partsSeen: PartsSeen = {}): CalibrationReport {
  const tried: CalibrationReport['tried'] = [];
  let p: UkaProfile | null = null;
  for (const candidate of profiles) {
    const all = candidate.json?.matches.all ?? [];
    const none = candidate.json?.matches.none ?? [];
    const missing = [...all.filter((s) => first(doc, s) === null), ...none.filter((s) => first(doc, s) !== null).map((s) => `inte: ${s}`)];
    let matched = false;
    try {
      matched = candidate.matches(doc);
    } catch {
      matched = false;
    }
    tried.push({ id: candidate.id, source: candidate.source ?? 'builtin', missing: matched ? [] : missing.length ? missing : ['(matches)'] });
    if (matched) {
      p = candidate;
      break;
    }
  }
  if (!p) return { profileId: null, profileSource: null, tried, kind: 'unknown', rules: [], read: null, drift: [] };
  const adapter = createUkaAdapter([p]);
  const kind = adapter.recognise(doc, new URL('about:blank')).kind;
  const rules: RuleReport[] = [];
  const push = (path: string, selector: string, values: string[] = []) => rules.push({ path, rule: selector, count: count(doc, selector), values });

  (p.json?.matches.all ?? []).forEach((s, i) => push(`matches.all[${i}]`, s));
  p.pageKinds.forEach((k, i) => push(`pageKinds[${i}].selector (${k.kind})`, k.selector));

  // Person header: the name, and each labelled fact.
  const headerEl = first(doc, p.header.container);
  push('header.container', p.header.container);
  const nameEl = headerEl ? first(headerEl, p.header.name) : null;
  rules.push({ path: 'header.name', rule: p.header.name, count: headerEl ? count(headerEl, p.header.name) : 0, values: nameEl ? [maskValue('name', text(nameEl))] : [] });
  const facts = headerEl ? readFacts(headerEl, p.header.facts) : [];
  for (const [label, re] of Object.entries(p.header.labels)) {
    const hits = facts.filter(([l]) => re.test(normalise(l)));
    const kindOf = label === 'personnummer' ? 'personnummer' : label === 'alder' ? 'value' : 'text';
    rules.push({ path: `header.labels.${label}`, rule: re.source, count: hits.length, values: hits.slice(0, SAMPLE).map(([, v]) => maskValue(kindOf, v)) });
  }

  // Warnings: container, sections, their headings (UKA's own wording, shown) and items (masked).
  push('warnings.container', p.warnings.container);
  const container = first(doc, p.warnings.container);
  const sections = container ? Array.from(container.querySelectorAll(p.warnings.section)) : [];
  rules.push({ path: 'warnings.section', rule: p.warnings.section, count: sections.length, values: [] });
  const headings = sections.map((s) => text(s.querySelector(p!.warnings.heading))).filter(Boolean);
  rules.push({ path: 'warnings.heading', rule: p.warnings.heading, count: headings.length, values: headings.slice(0, SAMPLE).map((h) => (h.length > 120 ? textLength(h) : h)) });
  const items = sections.flatMap((s) => Array.from(s.querySelectorAll(p!.warnings.item)));
  rules.push({ path: 'warnings.item', rule: p.warnings.item, count: items.length, values: items.slice(0, SAMPLE).map((li) => maskValue('text', text(li))) });

  const values = p.values;
  const recognise = (field: string, v: string): string | undefined => {
    const n = normalise(v);
    if (field === 'kind') return values.contactKinds.find(([re]) => re.test(n))?.[1] ?? `annat ${textLength(v)}`;
    if (field === 'target') return values.targets.find(([re]) => re.test(n))?.[1] ?? `annan ${textLength(v)}`;
    if (field === 'reached') return values.yes.test(n) ? 'nådd' : 'ej nådd';
    return undefined;
  };
  for (const [name, spec] of Object.entries(p.grids)) rules.push(...gridRules(doc, spec, `grids.${name}`, (f, v) => recognise(f, v) ?? maskValue(fieldKind(f), v)));
  push('startListLink', `${p.grids.startList.selector} ${p.startListLink}`);

  push('exportList.container', p.exportList.container);
  push('exportList.group', `${p.exportList.container} ${p.exportList.group}`);
  const groupHeadings = Array.from(doc.querySelectorAll(`${p.exportList.container} ${p.exportList.group}`)).map((g) => text(g.querySelector(p!.exportList.heading)));
  rules.push({ path: 'exportList.heading', rule: p.exportList.heading, count: groupHeadings.filter(Boolean).length, values: groupHeadings.slice(0, SAMPLE) });
  const exportContainer = first(doc, p.exportList.container);
  if (exportContainer) rules.push(...gridRules(exportContainer, p.exportList.rows, 'exportList.rows'));
  else rules.push({ path: 'exportList.rows.selector', rule: p.exportList.rows.selector, count: 0, values: [] });
  push('exportButton', p.exportButton);
  for (const [name, selector] of Object.entries(p.anchors)) push(`anchors.${name}`, selector);

  const readOf = (): { what: string; read: ReadResult<unknown> } | null =>
    kind === 'person' ? { what: 'personsida', read: adapter.readPersonPage(doc) } : kind === 'start' ? { what: 'startlista', read: adapter.readStartList(doc) } : kind === 'export' ? { what: 'exportlista', read: adapter.readExportList(doc) } : null;
  const r = readOf();
  const probe = probeParts(p, kind, doc);
  return {
    profileId: p.id,
    profileSource: p.source ?? 'builtin',
    tried,
    kind,
    rules,
    read: r ? { what: r.what, ok: r.read.ok, ...(r.read.ok ? { summary: summarise(kind, r.read) } : { reason: r.read.reason }) } : null,
    drift: driftedParts(p.id, probe.missing, partsSeen),
  };
}
