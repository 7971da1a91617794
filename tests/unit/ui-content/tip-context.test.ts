import { describe, expect, it } from 'vitest';
import { defaultPack, parsePack, DEFAULT_PACK_JSON, type Pack } from '../../../lib/content';
import { evaluateLadder } from '../../../lib/ladder';
import { ladderStepsOf } from '../../../lib/content';
import { deadlinesFromSettings, PAGE_ANCHOR, placeTips, tipScbPhase, TIP_ANCHORS } from '../../../components/tips/tip-context';
import type { AnchorName } from '../../../lib/uka/types';

const ids = (groups: ReturnType<typeof placeTips>) => Object.fromEntries(groups.map((g) => [g.anchor, g.tips.map((t) => t.id)]));

function packWith(tips: unknown[]): Pack {
  const r = parsePack({ ...DEFAULT_PACK_JSON, tips });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.pack;
}

describe('placeTips', () => {
  it('gives every recognised page kind of the default pack at least one tip group', () => {
    const cases: [Parameters<typeof placeTips>[1]['pageKind'], AnchorName[]][] = [
      ['login', ['loginForm']],
      ['start', ['startList']],
      ['person', ['header', 'warnings', 'contactLog', 'occupations', 'measures']],
      ['export', ['exportList', 'exportButton']],
    ];
    for (const [pageKind, present] of cases) {
      const groups = placeTips(defaultPack, { pageKind, present, ladderSteps: ['calling', 'call'], scbPhase: 'normal' });
      expect(groups.length, pageKind).toBeGreaterThan(0);
      expect(groups.map((g) => g.anchor)).toContain(PAGE_ANCHOR[pageKind]);
    }
  });

  it('shows each tip once, next to its first present anchor', () => {
    const groups = placeTips(defaultPack, { pageKind: 'person', present: ['header', 'contactLog', 'measures', 'occupations', 'warnings'], ladderSteps: ['calling', 'call1'] });
    const all = groups.flatMap((g) => g.tips.map((t) => t.id));
    expect(new Set(all).size).toBe(all.length);
    const byAnchor = ids(groups);
    // kontakt-nummer lists [contactLog, header]: it goes to the contact log only.
    expect(byAnchor.contactLog).toContain('kontakt-nummer');
    expect(byAnchor.header ?? []).not.toContain('kontakt-nummer');
    expect(byAnchor.contactLog).toContain('kontakt-varje-forsok');
    expect(byAnchor.measures).toContain('atgard-tre-falt');
    expect(byAnchor.occupations).toContain('syssel-varje-kontakt');
  });

  it('puts warning-kind tips next to the warnings (person) or the export list', () => {
    const person = ids(placeTips(defaultPack, { pageKind: 'person', present: ['header', 'warnings'], warningKinds: ['R3', 'Y4'] }));
    expect(person.warnings).toEqual(expect.arrayContaining(['varning-r3-r4', 'varning-y4', 'varning-rod-forst']));
    expect(person.header ?? []).not.toContain('varning-r3-r4');
    const exp = ids(placeTips(defaultPack, { pageKind: 'export', present: ['exportList', 'exportButton'], warningKinds: ['R1'] }));
    expect(exp.exportList).toContain('varning-r1');
    expect(exp.exportButton).toEqual(['export-knapp-last', 'export-oppna-inte']);
  });

  it('falls back to another present anchor when the preferred one is missing', () => {
    const groups = ids(placeTips(defaultPack, { pageKind: 'person', present: ['contactLog'], warningKinds: ['R2'] }));
    expect(groups.contactLog).toContain('varning-r2');
  });

  it('leaves out tips whose context does not fit, and returns nothing without anchors', () => {
    const byAnchor = ids(placeTips(defaultPack, { pageKind: 'person', present: ['contactLog'], ladderSteps: ['contactLetter'] }));
    expect(byAnchor.contactLog).toContain('kontakt-brev');
    expect(byAnchor.contactLog).not.toContain('kontakt-varje-forsok');
    expect(placeTips(defaultPack, { pageKind: 'person', present: [] })).toEqual([]);
  });

  it('uses the SCB phase for export tips', () => {
    const week = ids(placeTips(defaultPack, { pageKind: 'export', present: ['exportList'], scbPhase: 'export-week' }));
    expect(week.exportList).toEqual(expect.arrayContaining(['export-veckan', 'export-skyddade']));
    const normal = ids(placeTips(defaultPack, { pageKind: 'export', present: ['exportList'], scbPhase: 'normal' }));
    expect(normal.exportList).toContain('export-normal');
    expect(normal.exportList).not.toContain('export-veckan');
  });

  it('keeps the anchors in TIP_ANCHORS order and ignores unknown ones', () => {
    const pack = packWith([
      { id: 'a', sectionId: defaultPack.sections[0]!.id, title: 'A', text: 'Text A', contexts: { anchors: ['measures'] } },
      { id: 'b', sectionId: defaultPack.sections[0]!.id, title: 'B', text: 'Text B', contexts: { anchors: ['header'] } },
    ]);
    const groups = placeTips(pack, { pageKind: 'person', present: ['measures', 'header', 'nope' as AnchorName] });
    expect(groups.map((g) => g.anchor)).toEqual(['header', 'measures']);
    expect(TIP_ANCHORS.indexOf('header')).toBeLessThan(TIP_ANCHORS.indexOf('measures'));
  });
});

describe('ladder values from the real ladder', () => {
  it('shows the calling tips for a youth nobody has called yet', () => {
    const result = evaluateLadder({ today: '2026-11-23', birthDate: '2009-05-01', contacts: [], measures: [], localNotes: [] });
    const steps = ladderStepsOf(result);
    const byAnchor = ids(placeTips(defaultPack, { pageKind: 'person', present: ['contactLog'], ladderSteps: steps }));
    expect(byAnchor.contactLog).toContain('kontakt-varje-forsok');
  });
});

describe('SCB deadlines and phase', () => {
  it('builds deadlines around today from month-days', () => {
    const d = deadlinesFromSettings('2026-11-23', { H1: '09-01', H2: '02-01' }).map((x) => x.deadline);
    expect(d).toEqual(['2025-02-01', '2025-09-01', '2026-02-01', '2026-09-01', '2027-02-01', '2027-09-01']);
    expect(deadlinesFromSettings('2026-11-23', { H1: 'bad' })).toEqual([]);
  });
  it('derives the phase with the pack settings', () => {
    expect(tipScbPhase(defaultPack, '2026-11-23', { H1: '09-01', H2: '02-01' })).toBe('normal');
    expect(tipScbPhase(defaultPack, '2027-01-10', { H1: '09-01', H2: '02-01' })).toBe('before-deadline');
    expect(tipScbPhase(defaultPack, '2027-01-28', { H1: '09-01', H2: '02-01' })).toBe('export-week');
  });
});
