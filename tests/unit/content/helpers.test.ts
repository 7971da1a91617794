import { describe, expect, it } from 'vitest';
import {
  defaultPack,
  defaultScbDeadlines,
  explainerFor,
  findGlossaryTerms,
  foldSv,
  KNOWN_LADDER_STEPS,
  ladderStepsOf,
  parsePack,
  scbPhase,
  searchPack,
  tipsFor,
  type Pack,
  type PackInput,
} from '../../../lib/content';
import { WARNING_KINDS } from '../../../lib/domain/warnings';
import { ANCHORS, PAGE_KINDS } from '../../../lib/uka/types';

function miniPack(tips: PackInput['tips'], glossary: PackInput['glossary'] = []): Pack {
  const base = JSON.parse(JSON.stringify(defaultPack)) as PackInput;
  const r = parsePack({ ...base, tips, glossary });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.pack;
}

describe('coverage of the default pack', () => {
  it('every warning kind has an explainer and at least one tip', () => {
    for (const k of WARNING_KINDS) {
      expect(defaultPack.explainers[k].steps.length, k).toBeGreaterThan(0);
      expect(defaultPack.tips.some((t) => t.contexts.warningKinds?.includes(k)), `tip for ${k}`).toBe(true);
    }
    expect(defaultPack.explainers.generic.title).toBeTruthy();
    expect(explainerFor(defaultPack, null)).toBe(defaultPack.explainers.generic);
    expect(explainerFor(defaultPack, 'R3')).toBe(defaultPack.explainers.R3);
  });

  it('every anchor and every page kind has at least one tip', () => {
    for (const a of ANCHORS) expect(defaultPack.tips.some((t) => t.contexts.anchors?.includes(a)), `anchor ${a}`).toBe(true);
    for (const p of PAGE_KINDS) expect(defaultPack.tips.some((t) => t.contexts.pageKinds?.includes(p)), `page ${p}`).toBe(true);
  });

  it('every SCB phase and every known ladder step has a tip, and ladder steps used are known', () => {
    for (const phase of ['normal', 'before-deadline', 'export-week', 'after-upload'] as const) {
      expect(defaultPack.tips.some((t) => t.contexts.scbPhases?.includes(phase)), phase).toBe(true);
    }
    const used = new Set(defaultPack.tips.flatMap((t) => t.contexts.ladderSteps ?? []));
    for (const s of used) expect(KNOWN_LADDER_STEPS as readonly string[]).toContain(s);
    for (const s of ['calling', 'call', 'contactLetter', 'homeVisit', 'afterVisit', 'notInterested', 'followUp', 'inMeasure', 'orosanmalan', 'skatteverket', 'restart', 'handover20']) {
      expect(used.has(s), s).toBe(true);
    }
  });

  it('the glossary has every SCB variable, spelled as in the file', () => {
    const terms = defaultPack.glossary.map((g) => g.term);
    for (const v of ['Kommun', 'PersonNr', 'RegStart', 'RegSlut', 'GrundRegSlut', 'SenSysReg', 'Studiebevis', 'DatKontakt', 'SysKontakt', 'Atgard', 'AtgStart', 'AtgSlut', 'GrundAtgSlut', 'SysEfter', 'InSys']) {
      expect(terms, v).toContain(v);
    }
  });

  it('tour anchors suit their pages', () => {
    for (const step of defaultPack.tour) {
      if (step.pageKind === 'export') expect(['exportList', 'exportButton']).toContain(step.anchor);
      else expect(['header', 'warnings', 'contactLog', 'measures', 'occupations']).toContain(step.anchor);
    }
  });

  it('contains no personnummer-like numbers', () => {
    const all = JSON.stringify(defaultPack);
    expect(all).not.toMatch(/\b\d{6,8}[-+]?\d{4}\b/);
  });
});

describe('tipsFor', () => {
  const pack = miniPack([
    { id: 'any', sectionId: 'om-kaa', title: 'Överallt', text: 'a' },
    { id: 'person', sectionId: 'om-kaa', title: 'Person', text: 'a', contexts: { pageKinds: ['person'] } },
    { id: 'person-warn', sectionId: 'om-kaa', title: 'Varning', text: 'a', contexts: { pageKinds: ['person'], anchors: ['warnings'] } },
    { id: 'r3', sectionId: 'om-kaa', title: 'R3', text: 'a', contexts: { pageKinds: ['person', 'export'], warningKinds: ['R3', 'R4'] } },
    { id: 'letter', sectionId: 'om-kaa', title: 'Brev', text: 'a', contexts: { ladderSteps: ['contactLetter'] } },
    { id: 'call', sectionId: 'om-kaa', title: 'Ring', text: 'a', contexts: { pageKinds: ['start'], ladderSteps: ['call'] } },
    { id: 'week', sectionId: 'om-kaa', title: 'Vecka', text: 'a', contexts: { pageKinds: ['export'], scbPhases: ['export-week'] } },
  ]);
  const ids = (ctx: Parameters<typeof tipsFor>[1], limit?: number) => tipsFor(pack, ctx, limit === undefined ? {} : { limit }).map((t) => t.id);

  it('selects by page kind; unrestricted tips match everywhere', () => {
    expect(ids({ pageKind: 'login' })).toEqual(['any']);
    expect(ids({ pageKind: 'person' })).toEqual(['person', 'any']);
  });

  it('requires the context to supply restricted dimensions', () => {
    expect(ids({ pageKind: 'person', anchors: ['warnings'] })).toEqual(['person-warn', 'person', 'any']);
    expect(ids({ pageKind: 'person', anchors: ['measures'] })).toEqual(['person', 'any']);
    expect(ids({ pageKind: 'person', warningKinds: ['R4', 'Y1'] })).toEqual(['r3', 'person', 'any']);
    expect(ids({ pageKind: 'export', warningKinds: ['G1'] })).toEqual(['any']);
    expect(ids({ pageKind: 'start', ladderStep: 'contactLetter' })).toEqual(['letter', 'any']);
    expect(ids({ pageKind: 'start', ladderSteps: ['calling', 'call2'] })).toEqual(['call', 'any']);
    expect(ids({ pageKind: 'start', ladderSteps: ladderStepsOf({ stage: 'contactLetter', next: { action: 'contactLetter' } }) })).toEqual(['letter', 'any']);
    expect(ladderStepsOf({ stage: 'calling', next: { action: 'call3' } })).toEqual(['calling', 'call']);
    expect(ladderStepsOf({ stage: 'ended', next: null })).toEqual(['ended']);
    expect(ids({ pageKind: 'export', scbPhase: 'export-week' })).toEqual(['week', 'any']);
    expect(ids({ pageKind: 'export', scbPhase: 'normal' })).toEqual(['any']);
  });

  it('ranks the most specific first and honours limit', () => {
    expect(ids({ pageKind: 'person', anchors: ['warnings'], warningKinds: ['R3'], ladderStep: 'contactLetter' }, 2)).toEqual(['person-warn', 'r3']);
  });

  it('is pure (does not change the pack)', () => {
    const before = JSON.stringify(pack);
    tipsFor(pack, { pageKind: 'person', warningKinds: ['R3'] });
    expect(JSON.stringify(pack)).toBe(before);
  });

  it('gives real tips for common default contexts', () => {
    expect(tipsFor(defaultPack, { pageKind: 'person', anchors: ['warnings'], warningKinds: ['R1'] }).map((t) => t.id)).toContain('varning-r1');
    expect(tipsFor(defaultPack, { pageKind: 'export', anchors: ['exportButton'] }).map((t) => t.id)).toContain('export-oppna-inte');
    expect(tipsFor(defaultPack, { pageKind: 'login', anchors: ['loginForm'] }).length).toBeGreaterThan(0);
  });
});

describe('searchPack', () => {
  it('folds Swedish case: å ä ö stay distinct letters', () => {
    expect(foldSv('HEMBESÖK Åtgärd Éva')).toBe('hembesök åtgärd eva');
    expect(foldSv('ÅÄÖ')).toHaveLength(3);
  });

  it('finds sections by title regardless of case, ranked first', () => {
    const hits = searchPack(defaultPack, 'HEMBESÖK');
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0]?.kind === 'section' || hits[0]?.kind === 'glossary').toBe(true);
    expect(hits.some((h) => h.kind === 'section' && h.id === 'hembesok')).toBe(true);
    expect(hits.some((h) => h.kind === 'tip')).toBe(true);
  });

  it('does not treat ö as o', () => {
    expect(searchPack(defaultPack, 'hembesok')).toEqual([]);
    expect(searchPack(defaultPack, 'hembesök').length).toBeGreaterThan(3);
  });

  it('ranks the exact glossary term first for a code', () => {
    const hits = searchPack(defaultPack, 'sysefter');
    expect(hits[0]).toMatchObject({ kind: 'glossary', id: 'SysEfter' });
  });

  it('requires all words and returns snippet ranges pointing at the words', () => {
    const hits = searchPack(defaultPack, 'öppna excel');
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits) {
      for (const [a, b] of h.snippet.ranges) {
        expect(['öppna', 'excel']).toContain(foldSv(h.snippet.text.slice(a, b)));
      }
      expect(h.snippet.text).not.toMatch(/<[a-z]/i);
    }
    expect(hits.some((h) => h.id === 'scb-export')).toBe(true);
    expect(searchPack(defaultPack, 'hembesök zzzqqq')).toEqual([]);
  });

  it('gives title ranges and handles empty queries', () => {
    const hit = searchPack(defaultPack, 'orosanmälan').find((h) => h.kind === 'section');
    expect(hit).toBeDefined();
    const [a, b] = hit?.titleRanges[0] ?? [0, 0];
    expect(hit?.title.slice(a, b)).toBe('Orosanmälan');
    expect(searchPack(defaultPack, '  ')).toEqual([]);
    expect(searchPack(defaultPack, '!!!')).toEqual([]);
  });

  it('searches explainers by kind and honours limit', () => {
    expect(searchPack(defaultPack, 'R5').some((h) => h.kind === 'explainer' && h.id === 'R5')).toBe(true);
    expect(searchPack(defaultPack, 'a', { limit: 3 })).toHaveLength(3);
  });
});

describe('findGlossaryTerms', () => {
  it('finds codes case-sensitively, whole words only, with offsets', () => {
    const text = 'Fyll i SysKontakt och SysEfter. syskontakt räknas inte, inte heller SysKontakter eller xSysEfter.';
    const hits = findGlossaryTerms(text, defaultPack);
    expect(hits.map((h) => h.term)).toEqual(['SysKontakt', 'SysEfter']);
    for (const h of hits) expect(text.slice(h.start, h.end)).toBe(h.term);
  });

  it('prefers the longest term (GrundAtgSlut over AtgSlut) and does not match inside words', () => {
    const hits = findGlossaryTerms('GrundAtgSlut saknas men AtgSlut finns.', defaultPack);
    expect(hits.map((h) => [h.term, h.start])).toEqual([
      ['GrundAtgSlut', 0],
      ['AtgSlut', 24],
    ]);
  });

  it('matches ordinary words in any case, with Swedish letters as word characters', () => {
    const hits = findGlossaryTerms('Ett HEMBESÖK och en orosanmälan. Hembesöket räknas inte.', defaultPack);
    expect(hits.map((h) => [h.term, h.matched])).toEqual([
      ['Hembesök', 'HEMBESÖK'],
      ['Orosanmälan', 'orosanmälan'],
    ]);
  });

  it('maps aliases to their entry, case-sensitively for code-like aliases', () => {
    const hits = findGlossaryTerms('Eleven går på IM. Jag im-pulsiv.', defaultPack);
    expect(hits.map((h) => [h.term, h.matched])).toEqual([['Introduktionsprogram', 'IM']]);
  });

  it('handles packs without a glossary and text without terms', () => {
    const pack = miniPack([], []);
    expect(findGlossaryTerms('SysKontakt', pack)).toEqual([]);
    expect(findGlossaryTerms('', defaultPack)).toEqual([]);
    expect(findGlossaryTerms('inget här', defaultPack)).toEqual([]);
  });

  it('respects an explicit caseSensitive flag', () => {
    const pack = miniPack([], [
      { term: 'Kommun', short: 'k', long: 'k', caseSensitive: true },
      { term: 'Etikett', short: 'e', long: 'e', caseSensitive: false },
    ]);
    expect(findGlossaryTerms('kommun Kommun ETIKETT', pack).map((h) => h.matched)).toEqual(['Kommun', 'ETIKETT']);
  });
});

describe('scbPhase', () => {
  const deadlines = [{ deadline: '2026-09-01' }, { deadline: '2027-02-01' }];

  it('is normal far from a deadline', () => {
    expect(scbPhase('2026-06-15', deadlines)).toBe('normal');
  });

  it('is before-deadline within 30 days, export-week within 7 days', () => {
    expect(scbPhase('2026-08-02', deadlines)).toBe('before-deadline');
    expect(scbPhase('2026-08-25', deadlines)).toBe('export-week');
    expect(scbPhase('2026-09-01', deadlines)).toBe('export-week');
    expect(scbPhase('2026-09-02', deadlines)).toBe('normal');
  });

  it('is after-upload for 14 days after an upload, then back to normal', () => {
    const up = [{ deadline: '2026-09-01', uploadedOn: '2026-08-20' }, { deadline: '2027-02-01' }];
    expect(scbPhase('2026-08-20', up)).toBe('after-upload');
    expect(scbPhase('2026-09-03', up)).toBe('after-upload');
    expect(scbPhase('2026-09-04', up)).toBe('normal');
    expect(scbPhase('2026-08-19', up)).toBe('normal');
  });

  it('uses custom windows and tolerates bad input', () => {
    expect(scbPhase('2026-07-15', deadlines, { beforeDeadlineDays: 60 })).toBe('before-deadline');
    expect(scbPhase('nonsense', deadlines)).toBe('normal');
    expect(scbPhase('2026-08-25', [])).toBe('normal');
  });

  it('default deadlines follow H1 → 1 September, H2 → 1 February next year', () => {
    expect(defaultScbDeadlines('2026-11-20').map((d) => d.deadline)).toEqual(['2026-02-01', '2026-09-01', '2027-02-01']);
    expect(scbPhase('2027-01-20', defaultScbDeadlines('2027-01-20'))).toBe('before-deadline');
    expect(defaultScbDeadlines('2026-05-05', { H1: '08-15', H2: '01-31' }).map((d) => d.deadline)).toEqual(['2026-01-31', '2026-08-15', '2027-01-31']);
  });
});
