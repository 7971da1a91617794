import { describe, expect, it } from 'vitest';
import { defaultPack } from '../../../lib/content';
import { highlightRect, isTourPageKind, markDone, markSeen, parseProgress, resumeIndex, shouldAutoStart, tourStepsFor, EMPTY_PROGRESS } from '../../../components/tour/progress';

const personSteps = tourStepsFor(defaultPack, 'person', ['header', 'warnings', 'contactLog', 'occupations', 'measures']);

describe('tour progress', () => {
  it('reads malformed storage as empty and keeps only known fields', () => {
    expect(parseProgress(undefined)).toEqual({ v: 1, pages: {} });
    expect(parseProgress('x')).toEqual({ v: 1, pages: {} });
    expect(parseProgress({ pages: { person: { seen: ['a', 3, 'b'], done: 'nope' }, start: { seen: ['x'] } } })).toEqual({ v: 1, pages: { person: { seen: ['a', 'b'] } } });
    expect(parseProgress({ pages: { export: { seen: [], done: 'skipped' } } })).toEqual({ v: 1, pages: { export: { seen: [], done: 'skipped' } } });
  });

  it('filters steps by page kind and present anchors', () => {
    expect(personSteps.map((s) => s.pageKind)).toEqual(personSteps.map(() => 'person'));
    expect(personSteps.length).toBe(defaultPack.tour.filter((s) => s.pageKind === 'person').length);
    const noOcc = tourStepsFor(defaultPack, 'person', new Set(['header', 'warnings'] as const));
    expect(noOcc.every((s) => s.anchor === 'header' || s.anchor === 'warnings')).toBe(true);
    expect(tourStepsFor(defaultPack, 'start', ['startList'])).toEqual([]);
  });

  it('starts automatically until finished or skipped', () => {
    expect(shouldAutoStart(EMPTY_PROGRESS, 'person', personSteps)).toBe(true);
    expect(shouldAutoStart(EMPTY_PROGRESS, 'person', [])).toBe(false);
    expect(shouldAutoStart(EMPTY_PROGRESS, 'start', personSteps)).toBe(false);
    expect(shouldAutoStart(markDone(EMPTY_PROGRESS, 'person', 'finished'), 'person', personSteps)).toBe(false);
    expect(shouldAutoStart(markDone(EMPTY_PROGRESS, 'person', 'skipped'), 'person', personSteps)).toBe(false);
    expect(shouldAutoStart(markDone(EMPTY_PROGRESS, 'export', 'skipped'), 'person', personSteps)).toBe(true);
  });

  it('decides from the stored progress as it is, as parseProgress reads it (anything malformed: not done)', () => {
    const stored: unknown[] = [
      undefined, null, 'x', 3, [], {}, { pages: null }, { pages: 'x' }, { pages: { person: null } }, { pages: { person: 'finished' } },
      { pages: { person: { done: 'later' } } }, { pages: { person: { done: 'finished' } } }, { pages: { person: { seen: 'x', done: 'skipped' } } },
      { v: 2, pages: { person: { seen: [1, 'a'], done: 'finished' } } }, { pages: { export: { done: 'finished' } } },
    ];
    for (const value of stored) {
      expect(shouldAutoStart(value, 'person', personSteps), JSON.stringify(value)).toBe(parseProgress(value).pages.person?.done === undefined);
    }
  });

  it('resumes at the first unseen step and records seen steps once', () => {
    let p = markSeen(EMPTY_PROGRESS, 'person', personSteps[0]!.id);
    p = markSeen(p, 'person', personSteps[0]!.id);
    expect(p.pages.person!.seen).toEqual([personSteps[0]!.id]);
    expect(resumeIndex(p, 'person', personSteps)).toBe(1);
    for (const s of personSteps) p = markSeen(p, 'person', s.id);
    expect(resumeIndex(p, 'person', personSteps)).toBe(0);
    expect(EMPTY_PROGRESS.pages).toEqual({}); // never mutated
  });

  it('keeps seen steps when marking done, and stores no personal data', () => {
    const p = markDone(markSeen(EMPTY_PROGRESS, 'export', 'export-lista'), 'export', 'finished');
    expect(p).toEqual({ v: 1, pages: { export: { seen: ['export-lista'], done: 'finished' } } });
    expect(JSON.stringify(p)).not.toMatch(/\d{6}/);
  });

  it('knows the tour page kinds', () => {
    expect(isTourPageKind('person')).toBe(true);
    expect(isTourPageKind('export')).toBe(true);
    expect(isTourPageKind('login')).toBe(false);
  });

  it('pads the highlight box and never makes it negative in size', () => {
    expect(highlightRect({ top: 10, left: 20, width: 100, height: 50 })).toEqual({ top: 6, left: 16, width: 108, height: 58 });
    expect(highlightRect({ top: 0, left: 0, width: 0, height: 0 }, 0)).toEqual({ top: 0, left: 0, width: 0, height: 0 });
  });
});
