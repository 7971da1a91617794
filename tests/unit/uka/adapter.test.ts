import { describe, expect, it, vi } from 'vitest';
import { createUkaAdapter, defaultProfiles, recogniseWarningHeading } from '../../../lib/uka/adapter';
import { uka2024, uka2026 } from '../../../lib/uka/profiles';
import { ANCHORS, ExportList, StartList } from '../../../lib/uka/types';
import { VARIANTS, page, parse, truth } from './helpers';

const adapter = createUkaAdapter();
const URL0 = new URL('http://127.0.0.1/');

describe.each(VARIANTS)('UKA adapter on saved %s pages', (variant) => {
  const t = truth(variant);
  const profileId = `uka-${variant}`;

  it('recognises every page kind', () => {
    const expected: Record<string, string> = { login: 'login', start: 'start', 'person-1': 'person', export: 'export', 'export-enabled': 'export', unknown: 'unknown', sok: 'unknown' };
    for (const [name, kind] of Object.entries(expected)) {
      expect(adapter.recognise(page(variant, name), URL0), name).toEqual({ kind, profileId });
    }
  });

  it('only its own profile matches', () => {
    const own = variant === '2024' ? uka2024 : uka2026;
    const other = variant === '2024' ? uka2026 : uka2024;
    for (const name of ['login', 'start', 'person-1', 'export', 'unknown']) {
      expect(own.matches(page(variant, name)), name).toBe(true);
      expect(other.matches(page(variant, name)), name).toBe(false);
    }
  });

  it.each(truth(variant).savedPersonIds)('reads person %i as the generator made it', (id) => {
    const p = t.truth.persons.find((x) => x.id === id)!;
    const r = adapter.readPersonPage(page(variant, `person-${id}`));
    if (!r.ok) throw new Error(r.reason);
    const v = r.value;
    expect(v.header.name).toBe(p.name);
    expect(v.header.personnummer.replace(/\D/g, '')).toBe(p.personnummer);
    expect(v.header.kon).toBe(p.kon);
    expect(v.header.alder).toBeGreaterThanOrEqual(16);
    expect(v.header.alder).toBeLessThanOrEqual(19);
    expect(v.label).toBe(p.label);
    expect(v.sections.map((s) => s.kind)).toEqual(p.warnings);
    for (const s of v.sections) expect(s.items.length, s.heading).toBe(p.warningCounts[s.kind!]);
    expect(v.contacts).toHaveLength(p.counts.contacts);
    expect(v.measures).toHaveLength(p.counts.measures);
    expect(v.occupations).toHaveLength(p.counts.occupations);
    expect(v.registrations).toHaveLength(p.counts.registrations);
    expect(v.bevakningar).toHaveLength(p.counts.bevakningar);
    expect(adapter.sectionElements(page(variant, `person-${id}`))).toHaveLength(v.sections.length);
  });

  it('reads codes and values of the contact log and measures', () => {
    const r = adapter.readPersonPage(page(variant, 'person-12'));
    if (!r.ok) throw new Error(r.reason);
    const ended = r.value.measures.find((m) => m.end !== null)!;
    expect(ended.atgardCode).toBe('08');
    expect(ended.atgardText).toMatch(/arbetsmarknadsinsats/);
    expect(ended.grundAtgSlut).toBeNull();
    expect(ended.sysEfter).toBeNull();
    expect(r.value.sections.map((s) => s.colour)).toEqual(['red', 'red', 'yellow', 'green']);
    const p10 = adapter.readPersonPage(page(variant, 'person-10'));
    if (!p10.ok) throw new Error(p10.reason);
    expect(p10.value.contacts.map((c) => [c.kind, c.reached, c.target])).toEqual([
      ['telefon', false, 'vardnadshavare'],
      ['telefon', false, 'vardnadshavare'],
      ['telefon', false, 'vardnadshavare'],
    ]);
    expect(p10.value.measures).toEqual([]);
    const p1 = adapter.readPersonPage(page(variant, 'person-1'));
    if (!p1.ok) throw new Error(p1.reason);
    expect(p1.value.occupations.some((o) => o.sysKontakt === '11')).toBe(true);
    expect(p1.value.registrations[0]!.senSysReg).toBe('2');
  });

  it('reads the start list', () => {
    const r = adapter.readStartList(page(variant, 'start'));
    if (!r.ok) throw new Error(r.reason);
    expect(r.value.rows).toHaveLength(t.options.youths);
    expect(r.value.rows[0]!.href).toBe('/person/1');
    expect(r.value.rows.map((x) => x.name)).toEqual(t.truth.persons.map((p) => p.name));
    expect(r.value.rows.every((x) => x.label && x.status)).toBe(true);
    // The shape is built by construction (no zod per load): the schema agrees.
    expect(StartList.safeParse(r.value).success).toBe(true);
  });

  it('reads the export list with the button disabled while red problems exist', () => {
    const doc = page(variant, 'export');
    const r = adapter.readExportList(doc);
    if (!r.ok) throw new Error(r.reason);
    const counts = Object.fromEntries(r.value.groups.map((g) => [g.kind, g.rows.length]));
    const expected = Object.fromEntries(Object.entries(t.truth.kindCounts).filter(([, n]) => n > 0));
    expect(counts).toEqual(expected);
    expect(r.value.groups.every((g) => g.rows.every((row) => /^\/person\/\d+$/.test(row.href)))).toBe(true);
    expect(r.value.exportButton).toEqual({ enabled: false, href: null });
    expect(adapter.sectionElements(doc)).toHaveLength(r.value.groups.length);
    expect(ExportList.safeParse(r.value).success).toBe(true);
  });

  it('reads the export list with the button enabled after every red problem is fixed', () => {
    const r = adapter.readExportList(page(variant, 'export-enabled'));
    if (!r.ok) throw new Error(r.reason);
    expect(r.value.groups.some((g) => g.colour === 'red')).toBe(false);
    expect(r.value.exportButton).toEqual({ enabled: true, href: '/export/fil' });
    expect(ExportList.safeParse(r.value).success).toBe(true);
  });

  it('finds anchors on the right pages and nothing elsewhere', () => {
    const person = page(variant, 'person-1');
    for (const name of ['header', 'warnings', 'contactLog', 'measures', 'occupations'] as const) expect(adapter.anchor(person, name), name).not.toBeNull();
    expect(adapter.anchor(page(variant, 'export'), 'exportButton')).not.toBeNull();
    expect(adapter.anchor(page(variant, 'export'), 'exportList')).not.toBeNull();
    expect(adapter.anchor(page(variant, 'start'), 'startList')).not.toBeNull();
    expect(adapter.anchor(page(variant, 'login'), 'loginForm')).not.toBeNull();
    for (const name of ANCHORS) expect(adapter.anchor(page(variant, 'unknown'), name)).toBeNull();
  });

  it('the anchors present on each kind of page are exactly those the page kind can have, found without searching for the others', () => {
    for (const name of ['person-1', 'export', 'export-enabled', 'start', 'login', 'unknown'] as const) {
      const doc = page(variant, name);
      const kind = adapter.recognise(doc, new URL('http://uka.test/')).kind;
      const all = ANCHORS.filter((a) => adapter.anchor(doc, a) !== null);
      const present = adapter.presentAnchors(doc, kind);
      expect([...present.keys()], name).toEqual(all);
      for (const [a, el] of present) expect(el).toBe(adapter.anchor(doc, a));
      // Lookups only for the anchors this kind of page can have.
      const spy = vi.spyOn(doc, 'querySelector');
      adapter.presentAnchors(doc, kind);
      const searched = spy.mock.calls.map(([sel]) => sel);
      spy.mockRestore();
      const profile = adapter.profileFor(doc);
      if (profile) expect(searched.filter((sel) => Object.values(profile.anchors).includes(sel))).toHaveLength(profile.pageAnchors[kind].length);
    }
  });

  it('handles broken pages without throwing', () => {
    const noHeader = page(variant, 'broken-missing-header');
    expect(adapter.recognise(noHeader, URL0).kind).toBe('unknown');
    expect(adapter.readPersonPage(noHeader).ok).toBe(false);

    const renamed = adapter.readPersonPage(page(variant, 'broken-renamed-section'));
    if (!renamed.ok) throw new Error(renamed.reason);
    const unknown = renamed.value.sections.filter((s) => s.kind === null);
    expect(unknown).toHaveLength(1);
    expect(unknown[0]!.colour).toBe('red');
    expect(unknown[0]!.heading).toMatch(/okänd kontrollorsak/);

    const empty = adapter.readPersonPage(page(variant, 'broken-empty-tables'));
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.reason).toMatch(/kolumn saknas/);

    const notUka = page(variant, 'broken-not-uka');
    expect(adapter.recognise(notUka, URL0)).toEqual({ kind: 'unknown', profileId: null });
    expect(adapter.readPersonPage(notUka).ok).toBe(false);
    expect(adapter.readStartList(notUka).ok).toBe(false);
    expect(adapter.readExportList(notUka).ok).toBe(false);
    expect(adapter.sectionElements(notUka)).toEqual([]);

    // reading the wrong kind of page is a failure, never an exception
    expect(adapter.readPersonPage(page(variant, 'export')).ok).toBe(false);
    expect(adapter.readExportList(page(variant, 'person-1')).ok).toBe(false);
    expect(adapter.readStartList(page(variant, 'login')).ok).toBe(false);
  });
});

describe('adapter robustness', () => {
  it('never throws on an empty or hostile document', () => {
    const doc = parse('<html><body></body></html>');
    const throwing = { ...uka2024, matches: () => { throw new Error('boom'); } };
    for (const a of [adapter, createUkaAdapter([throwing])]) {
      expect(a.recognise(doc, URL0)).toEqual({ kind: 'unknown', profileId: null });
      expect(a.readPersonPage(doc).ok).toBe(false);
      expect(a.readExportList(doc).ok).toBe(false);
      expect(a.anchor(doc, 'header')).toBeNull();
      expect(a.sectionElements(doc)).toEqual([]);
    }
    const bad = { querySelector: () => { throw new Error('x'); }, body: null } as unknown as Document;
    expect(adapter.recognise(bad, URL0).kind).toBe('unknown');
    expect(adapter.readPersonPage(bad).ok).toBe(false);
  });

  it('exports the default profiles', () => {
    expect(defaultProfiles.map((p) => p.id)).toEqual(['uka-2024', 'uka-2026']);
    for (const p of defaultProfiles) expect(p.version).toMatch(/\d/);
  });
});

describe('warning heading recognition', () => {
  const COMMON_HEADINGS = uka2024.headings;
  const cases: Array<[string, string | null, string]> = [
    ['Problem: Individer med Ingen sysselsättning (InSys) angiven under pågående åtgärd', 'R1', 'red'],
    ['PROBLEM – åtgärdsperioder   utan sysselsättning vid kontakt (SysKontakt)', 'R2', 'red'],
    ['Problem:Åtgärder utan grund för avslut av åtgärd (GrundAtgSlut)', 'R3', 'red'],
    ['problem - Åtgärder utan sysselsättning efter åtgärd (SysEfter)', 'R4', 'red'],
    ['Problem: Åtgärder där åtgärd (Atgard) är samma som sysselsättning efter åtgärd (SysEfter) (4)', 'R5', 'red'],
    ['Problem — Senaste sysselsättning i form av studier (SenSysReg) innebär en försämring.', 'R6', 'red'],
    ['Potentiella problem: BEDA anger studiebevis men studiebevis saknas', 'Y1', 'yellow'],
    ['Potentiella problem – SenSysReg saknas', 'Y2', 'yellow'],
    ['Potentiella  problem: Åtgärder utanför registreringsperioder', 'Y3', 'yellow'],
    ['Potentiella problem: Individer utan SysKontakt under insamlingsperioden', 'Y4', 'yellow'],
    ['Oavslutade åtgärder', 'G1', 'green'],
    ['Pågående åtgärder (oavslutade) (12)', 'G1', 'green'],
    ['Problem: Något helt nytt som UKA börjat kontrollera', null, 'red'],
    ['Potentiella problem: Adress saknas', null, 'yellow'],
  ];
  it.each(cases)('%s → %s', (heading, kind, colour) => {
    expect(recogniseWarningHeading(heading, COMMON_HEADINGS)).toEqual({ kind, colour });
  });
  it('gives null for a heading with no known prefix', () => {
    expect(recogniseWarningHeading('Kontaktlogg', COMMON_HEADINGS)).toBeNull();
    expect(recogniseWarningHeading('Helt ny rubrik', COMMON_HEADINGS, 'yellow')).toEqual({ kind: null, colour: 'yellow' });
  });
});
