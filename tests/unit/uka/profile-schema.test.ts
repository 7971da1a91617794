import { describe, expect, it } from 'vitest';
import { parseProfile, parseProfileText } from '../../../lib/uka/profile-schema';
import { compileProfile } from '../../../lib/uka/compile';
import { BUILTIN_PROFILE_JSON, builtinProfiles, expandProfile } from '../../../lib/uka/profiles';
import type { UkaProfileJson } from '../../../lib/uka/profile-json';
import { createUkaAdapter } from '../../../lib/uka/adapter';
import { page } from './helpers';

const base = (): UkaProfileJson => structuredClone(BUILTIN_PROFILE_JSON[0]!) as UkaProfileJson;
// Broken documents are built by hand: any shape goes.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

describe('UKA profile documents', () => {
  it('the built-in documents pass the schema and compile', () => {
    for (const json of BUILTIN_PROFILE_JSON) {
      const r = parseProfile(json);
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      expect(r.profile.id).toBe(json.id);
    }
    expect(builtinProfiles.map((p) => p.source)).toEqual(['builtin', 'builtin']);
  });

  it('compiles every pattern once: a profile holds RegExp objects, not strings', () => {
    const p = builtinProfiles[1]!;
    expect(p.header.labels.personnummer).toBeInstanceOf(RegExp);
    expect(p.grids.contacts.layout === 'role-table' && p.grids.contacts.columns.date).toBeInstanceOf(RegExp);
    expect(p.headings.rules.every((r) => r.all.every((re) => re instanceof RegExp))).toBe(true);
    expect(p.values.yes.test('ja')).toBe(true);
  });

  it('a document without the shared parts gets the wording every UKA release shares', () => {
    const json = base();
    expect(json.headings).toBeUndefined();
    const r = parseProfile(json);
    if (!r.ok) throw new Error('refused');
    expect(r.profile.headings.rules).toHaveLength(11);
    expect(r.profile.pageAnchors.person).toContain('contactLog');
  });

  const broken: Array<[string, (j: Json) => unknown, string, RegExp]> = [
    ['not an object', () => [1, 2], '', /JSON-objekt/],
    ['wrong format', (j) => ({ ...j, format: 'kaa-lotsen-pack' }), 'format', /inte en UKA-profil/],
    ['newer format version', (j) => ({ ...j, formatVersion: 2 }), 'formatVersion', /formatversion/],
    ['id with capitals', (j) => ({ ...j, id: 'Min UKA' }), 'id', /små bokstäver/],
    ['no id', (j) => { delete j.id; return j; }, 'id', /saknas/],
    ['matches with no selector', (j) => ({ ...j, matches: { all: [] } }), 'matches.all', /minst en väljare/],
    ['unknown page kind', (j) => { j.pageKinds[1].kind = 'sok'; return j; }, 'pageKinds[1].kind', /ogiltigt värde|sok/],
    ['label pattern that does not compile', (j) => { j.header.labels.kon = '^(kön'; return j; }, 'header.labels.kon', /går inte att tolka/],
    ['column pattern that does not compile', (j) => { j.grids.contacts.columns.date = '[datum'; return j; }, 'grids.contacts.columns.date', /går inte att tolka/],
    ['heading pattern that does not compile', (j) => ({ ...j, headings: { colours: [{ colour: 'red', prefix: '^problem\\' }], rules: [] } }), 'headings.colours[0].prefix', /går inte att tolka/],
    ['value pattern that does not compile', (j) => ({ ...j, values: { contactKinds: [{ pattern: '*telefon', value: 'telefon' }], targets: [], yes: '^ja' } }), 'values.contactKinds[0].pattern', /går inte att tolka/],
    ['required field without a column', (j) => { j.grids.measures.required.push('grundx'); return j; }, 'grids.measures.required[3]', /grundx/],
    ['a read field missing', (j) => { delete j.grids.contacts.columns.reached; j.grids.contacts.required = ['date', 'kind']; return j; }, 'grids.contacts.columns', /reached/],
    ['unknown layout', (j) => { j.grids.occupations.layout = 'grid'; return j; }, 'grids.occupations.layout', /.+/],
    ['misspelt key', (j) => { j.exportList.heding = 'h3'; return j; }, 'exportList', /okänt fält.*heding/],
    ['anchor missing', (j) => { delete j.anchors.loginForm; return j; }, 'anchors.loginForm', /saknas/],
    ['empty selector', (j) => { j.exportButton = '  '; return j; }, 'exportButton', /tom/],
    ['class colour with a dot', (j) => { j.warnings.classColours[0].className = '.rod'; return j; }, 'warnings.classColours[0].className', /klassnamn/],
  ];

  it.each(broken)('refuses %s, naming the path', (_name, mutate, path, message) => {
    const r = parseProfile(mutate(base() as Json));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const hit = r.errors.find((e) => e.path === path);
    expect(hit, JSON.stringify(r.errors)).toBeDefined();
    expect(hit!.message).toMatch(message);
  });

  it('compiles only complete documents (the shared parts are filled in first)', () => {
    const r = compileProfile(base());
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.path).toBe('values');
  });

  it('refuses text that is not JSON', () => {
    const r = parseProfileText('{ "format": ');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.message).toMatch(/inte giltig JSON/);
  });

  it('reports every pattern that does not compile, not only the first', () => {
    const j = base() as Json;
    j.header.labels.kon = '(';
    j.grids.startList.columns.name = '[';
    const r = compileProfile(expandProfile(j as UkaProfileJson));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.path).sort()).toEqual(['grids.startList.columns.name', 'header.labels.kon']);
  });

  it('refuses a selector the browser cannot parse when a selector check is given', () => {
    const j = base() as Json;
    j.grids.bevakningar.selector = 'table#bev[';
    const check = (s: string) => (s.endsWith('[') ? 'trasig' : null);
    const r = parseProfile(j, { checkSelector: check });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toEqual([{ path: 'grids.bevakningar.selector', message: 'väljaren går inte att använda: trasig' }]);
  });

  it('an imported profile is tried before the built-in ones', () => {
    const j = base() as Json;
    j.id = 'kommunens-uka';
    const r = parseProfile(j, { source: 'imported' });
    if (!r.ok) throw new Error('refused');
    const adapter = createUkaAdapter([r.profile, ...builtinProfiles]);
    expect(adapter.recognise(page('2024', 'person-1'), new URL('http://x/'))).toEqual({ kind: 'person', profileId: 'kommunens-uka' });
    expect(adapter.recognise(page('2026', 'person-1'), new URL('http://x/'))).toEqual({ kind: 'person', profileId: 'uka-2026' });
  });
});
