/** The panel's view of a ladder result (lib/ladder/view.ts): plain data, every text in words, as before in the panel. */
import { describe, expect, it } from 'vitest';
import { evaluateLadder } from '../../../lib/ladder/ladder';
import { renderText } from '../../../lib/ladder/texts';
import type { LadderInput } from '../../../lib/ladder/types';
import { ladderView, supersededIds } from '../../../lib/ladder/view';
import type { ContactEntry } from '../../../lib/uka/types';

const call = (date: string, note = ''): ContactEntry => ({ date, kind: 'telefon', reached: false, target: 'vardnadshavare', note });
const letter = (date: string): ContactEntry => ({ date, kind: 'brev', reached: false, target: 'vardnadshavare', note: '' });
const visit = (date: string, note: string): ContactEntry => ({ date, kind: 'hembesok', reached: false, target: 'ungdom', note });
const run = (p: Partial<LadderInput> & { today: string; birthDate: string }) => evaluateLadder({ contacts: [], measures: [], localNotes: [], ...p });

describe('ladderView', () => {
  it('renders every step, the next action and the reasons as the panel showed them, and survives cloning', () => {
    const result = run({ today: '2026-04-16', birthDate: '2007-01-01', contacts: [call('2026-02-02'), call('2026-02-05'), call('2026-02-08'), letter('2026-02-12'), visit('2026-04-15', 'Bor ej på adressen')] });
    const view = ladderView(result);
    expect(view.steps.map((s) => s.id)).toEqual(result.steps.map((s) => s.id));
    for (const [i, s] of result.steps.entries()) {
      expect(view.steps[i]).toMatchObject({ state: s.state, title: renderText(s.title), reason: renderText(s.reason) });
      expect(view.steps[i]!.dueDate).toBe(s.dueDate);
    }
    expect(view.steps.find((s) => s.id === 'skatteverket')).toMatchObject({ likely: true, reason: expect.stringContaining('”Bor ej på adressen”') });
    expect(view.next).toEqual({ title: renderText(result.next!.title), state: result.next!.state, dueDate: result.next!.dueDate, reason: renderText(result.next!.reason) });
    expect(view.unavailable).toBeUndefined();
    expect(view.ended).toBeUndefined();
    expect(structuredClone(view)).toEqual(view);
  });

  it('the 20th birthday: the hand-over in words while the duty runs; on the birthday the end instead', () => {
    expect(ladderView(run({ today: '2026-06-30', birthDate: '2006-07-01' })).handover).toEqual({ when: 'i morgon', endDate: '2026-07-01' });
    expect(ladderView(run({ today: '2026-06-01', birthDate: '2006-07-01' })).handover).toEqual({ when: 'om 30 dagar', endDate: '2026-07-01' });
    const ended = ladderView(run({ today: '2026-07-01', birthDate: '2006-07-01' }));
    expect(ended.handover).toBeUndefined();
    expect(ended.ended).toBe('Ungdomen har fyllt 20 (2026-07-01). Aktivitetsansvaret har upphört.');
  });

  it('a ladder that cannot be computed says why; bad dates and missed half-years are sentences', () => {
    expect(ladderView(run({ today: '2026-04-16', birthDate: 'x' }))).toMatchObject({ unavailable: 'Födelsedatumet i personnumret gick inte att tolka.', steps: [], next: null });
    const view = ladderView(run({ today: '2026-10-15', birthDate: '2010-01-01', registeredFrom: '2026-01-10', contacts: [call('2026-09-31')] }));
    expect(view.problems).toEqual([
      { source: 'contact', index: 0, field: 'date', problem: 'not-a-date', text: 'Datumet 2026-09-31 i kontaktloggen är inte ett riktigt datum; rätta det i UKA. Raden räknas inte med i Kontakttrappan.' },
    ]);
    expect(view.missedHalfYears).toBe('Ingen kontakt och inget kontaktförsök är dokumenterat under första halvåret 2026.');
    expect(ladderView(run({ today: '2026-10-15', birthDate: '2010-01-01', contacts: [call('2026-09-01')] })).missedHalfYears).toBeUndefined();
  });

  it('a partly known birth date: the range and the undecided steps by name', () => {
    const view = ladderView(run({ today: '2026-08-20', birthDate: '2008-00-06', contacts: [call('2026-08-01')] }));
    expect(view.birthDateUnknown).toMatchObject({ earliest: '2008-01-06', latest: '2008-12-06' });
    expect(view.birthDateUnknown!.undecided).toContain('samtal 2');
  });
});

describe('supersededIds', () => {
  it('names the stored notes that UKA now covers, by id', () => {
    const notes = [
      { id: 'a', note: { step: 'callFailed' as const, date: '2026-09-01' } },
      { id: 'b', note: { step: 'homeVisitPlanned' as const, date: '2026-11-20' } },
    ];
    const result = run({ today: '2026-10-15', birthDate: '2010-01-01', contacts: [call('2026-09-01')], localNotes: notes.map((n) => n.note) });
    expect(supersededIds(notes, result)).toEqual(['a']);
  });
});
