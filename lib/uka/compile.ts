/**
 * A profile document (./profile-json.ts) made into the UkaProfile the adapter uses: every pattern compiled once, the
 * declarative `matches` rule made a test. The document must be complete: the parts a kommun may leave out are filled
 * in first from ./profiles/common.json (expandProfile in ./profiles/index.ts). Without zod and without the built-in
 * documents: the UKA content script compiles the complete profiles the background has checked and sends
 * (./profile-schema.ts checks a document's shape; this module finds the patterns that do not compile).
 */
import type { GridSpec, HeadingPatterns, UkaProfile } from './profile';
import type { GridSpecJson, HeadingPatternsJson, UkaProfileJson, ProfileSource } from './profile-json';
import { GRID_NAMES } from './profile-json';

export interface ProfileIssue {
  /** Where in the document, e.g. `grids.contacts.columns.date`. */
  path: string;
  /** Swedish reason. */
  message: string;
}

export type CompileResult = { ok: true; profile: UkaProfile } | { ok: false; errors: ProfileIssue[] };

/** Compiles patterns, collecting the ones that fail with their path (nothing throws). */
class Compiler {
  readonly errors: ProfileIssue[] = [];
  constructor(private readonly checkSelector?: (selector: string) => string | null) {}

  re(source: unknown, path: string): RegExp {
    if (typeof source !== 'string') {
      this.errors.push({ path, message: 'ska vara ett mönster (text)' });
      return /(?!)/;
    }
    try {
      return new RegExp(source);
    } catch (e) {
      this.errors.push({ path, message: `mönstret går inte att tolka: ${e instanceof Error ? e.message : String(e)}` });
      return /(?!)/;
    }
  }

  sel(selector: string, path: string): string {
    const why = this.checkSelector?.(selector);
    if (why) this.errors.push({ path, message: `väljaren går inte att använda: ${why}` });
    return selector;
  }

  grid(spec: GridSpecJson, path: string): GridSpec {
    this.sel(spec.selector, `${path}.selector`);
    if (spec.layout === 'list') {
      this.sel(spec.item, `${path}.item`);
      for (const [field, s] of Object.entries(spec.fields)) this.sel(s, `${path}.fields.${field}`);
      return { ...spec, fields: { ...spec.fields }, required: [...spec.required] };
    }
    if (spec.layout === 'dl-list') this.sel(spec.item, `${path}.item`);
    const columns = Object.fromEntries(Object.entries(spec.columns).map(([field, src]) => [field, this.re(src, `${path}.columns.${field}`)]));
    return { ...spec, columns, required: [...spec.required] } as GridSpec;
  }

  headings(h: HeadingPatternsJson, path: string): HeadingPatterns {
    return {
      colours: h.colours.map((c, i) => ({ colour: c.colour, prefix: this.re(c.prefix, `${path}.colours[${i}].prefix`) })),
      rules: h.rules.map((r, i) => ({ kind: r.kind, all: r.all.map((src, j) => this.re(src, `${path}.rules[${i}].all[${j}]`)) })),
    };
  }
}

/**
 * Compile a profile document whose shape is already checked (./profile-schema.ts). `checkSelector` (where a DOM is at
 * hand) returns why a selector cannot be used, or null.
 */
export function compileProfile(json: UkaProfileJson, options: { source?: ProfileSource; checkSelector?: (selector: string) => string | null } = {}): CompileResult {
  try {
    const c = new Compiler(options.checkSelector);
    const matchAll = json.matches.all.map((s, i) => c.sel(s, `matches.all[${i}]`));
    const matchNone = (json.matches.none ?? []).map((s, i) => c.sel(s, `matches.none[${i}]`));
    json.pageKinds.forEach((k, i) => c.sel(k.selector, `pageKinds[${i}].selector`));
    for (const key of ['container', 'name'] as const) c.sel(json.header[key], `header.${key}`);
    for (const key of ['container', 'section', 'heading', 'item'] as const) c.sel(json.warnings[key], `warnings.${key}`);
    for (const key of ['container', 'group', 'heading', 'link'] as const) c.sel(json.exportList[key], `exportList.${key}`);
    c.sel(json.startListLink, 'startListLink');
    c.sel(json.exportButton, 'exportButton');
    for (const [name, s] of Object.entries(json.anchors)) c.sel(s, `anchors.${name}`);
    const labels = json.header.labels;
    const { values, headings, pageAnchors } = json;
    if (!values || !headings || !pageAnchors) {
      return { ok: false, errors: [{ path: !values ? 'values' : !headings ? 'headings' : 'pageAnchors', message: 'saknas (de gemensamma delarna fylls i innan profilen kompileras)' }] };
    }
    const grids = Object.fromEntries(GRID_NAMES.map((name) => [name, c.grid(json.grids[name], `grids.${name}`)])) as UkaProfile['grids'];
    const profile: UkaProfile = {
      id: json.id,
      version: json.version,
      description: json.description,
      source: options.source ?? 'builtin',
      json,
      matches: (doc) => matchAll.every((s) => doc.querySelector(s) !== null) && !matchNone.some((s) => doc.querySelector(s) !== null),
      pageKinds: json.pageKinds.map((k) => ({ ...k })),
      header: {
        container: json.header.container,
        name: json.header.name,
        facts: json.header.facts,
        labels: {
          personnummer: c.re(labels.personnummer, 'header.labels.personnummer'),
          kon: c.re(labels.kon, 'header.labels.kon'),
          alder: c.re(labels.alder, 'header.labels.alder'),
          etikett: c.re(labels.etikett, 'header.labels.etikett'),
        },
      },
      warnings: { ...json.warnings, classColours: json.warnings.classColours.map((x) => ({ ...x })) },
      headings: c.headings(headings, 'headings'),
      grids,
      startListLink: json.startListLink,
      exportList: { ...json.exportList, rows: c.grid(json.exportList.rows, 'exportList.rows') },
      exportButton: json.exportButton,
      anchors: { ...json.anchors },
      pageAnchors,
      values: {
        contactKinds: values.contactKinds.map((v, i) => [c.re(v.pattern, `values.contactKinds[${i}].pattern`), v.value]),
        targets: values.targets.map((v, i) => [c.re(v.pattern, `values.targets[${i}].pattern`), v.value]),
        yes: c.re(values.yes, 'values.yes'),
      },
    };
    return c.errors.length ? { ok: false, errors: c.errors } : { ok: true, profile };
  } catch (e) {
    // Only a document whose shape was not checked gets here.
    return { ok: false, errors: [{ path: '', message: `profilen kunde inte läsas: ${e instanceof Error ? e.message : String(e)}` }] };
  }
}

/** Compile checked, complete documents, leaving out any that does not compile (they were checked before). */
export function compileProfiles(docs: ReadonlyArray<{ json: UkaProfileJson; source: ProfileSource }>): UkaProfile[] {
  const out: UkaProfile[] = [];
  for (const d of docs) {
    const r = compileProfile(d.json, { source: d.source });
    if (r.ok) out.push(r.profile);
  }
  return out;
}
