/**
 * The contact ladder as the person page's panel shows it: a plain, serialisable view of a LadderResult with every text
 * already in Swedish. The background computes the ladder and this view ('ladder-view'), so UKA's page carries neither
 * the engine nor its texts, only the panel (components/ladder/LadderPanel.tsx). Pure: no DOM, no browser APIs.
 */
import { relativeDays } from '../domain/swedish';
import { renderMissedHalfYears, renderProblem, renderText, stepLabel } from './texts';
import type { DateProblem, LadderResult, LocalNote, NextAction, StepId, StepState } from './types';
import type { IsoDate } from '../domain/dates';

/** One step of the ladder, its title and reason in words. */
export interface LadderStepView {
  id: StepId;
  state: StepState;
  title: string;
  reason: string;
  /** When it is/was due; for done steps, the date it was done (when known). */
  dueDate?: IsoDate;
  /** Probably needed, from what UKA's own note says. */
  likely?: boolean;
}

/** A date the ladder left out, with the sentence that names it. */
export interface LadderProblemView extends Pick<DateProblem, 'source' | 'index' | 'field' | 'problem'> {
  text: string;
}

export interface LadderView {
  /** Why the ladder could not be computed at all (then there are no steps). */
  unavailable?: string;
  /** The duty has ended: the sentence that says so. */
  ended?: string;
  next: { title: string; state: NextAction['state']; dueDate: IsoDate; reason: string } | null;
  problems: LadderProblemView[];
  /** The sentence about ended half-years without contact or attempt; absent when there are none. */
  missedHalfYears?: string;
  /** A birth date only partly known: the range, and the names of the steps whose addressee could not be decided. */
  birthDateUnknown?: { earliest: IsoDate; latest: IsoDate; undecided: string[] };
  /** The 20th birthday is near and no hand-over is noted (only while the duty runs): when, in words, and the date. */
  handover?: { when: string; endDate: IsoDate };
  steps: LadderStepView[];
}

/** The panel's view of a ladder result. */
export function ladderView(result: LadderResult): LadderView {
  return {
    ...(result.unavailable ? { unavailable: renderText(result.unavailable) } : {}),
    ...(result.ended ? { ended: renderText({ key: 'reason.ended', params: { endDate: result.endDate } }) } : {}),
    next: result.next ? { title: renderText(result.next.title), state: result.next.state, dueDate: result.next.dueDate, reason: renderText(result.next.reason) } : null,
    problems: result.problems.map((p) => ({ source: p.source, index: p.index, field: p.field, problem: p.problem, text: renderProblem(p) })),
    ...(result.missedHalfYears.length > 0 ? { missedHalfYears: renderMissedHalfYears(result.missedHalfYears) } : {}),
    ...(result.birthDateUnknown
      ? { birthDateUnknown: { earliest: result.birthDateUnknown.earliest, latest: result.birthDateUnknown.latest, undecided: result.birthDateUnknown.undecided.map(stepLabel) } }
      : {}),
    ...(result.handoverDue && !result.ended ? { handover: { when: relativeDays(result.handoverDue.daysLeft), endDate: result.handoverDue.endDate } } : {}),
    steps: result.steps.map((s) => ({
      id: s.id,
      state: s.state,
      title: renderText(s.title),
      reason: renderText(s.reason),
      ...(s.dueDate ? { dueDate: s.dueDate } : {}),
      ...(s.likely ? { likely: true } : {}),
    })),
  };
}

/** The ids of the stored notes that UKA's log now covers (the engine returns the very note objects it was given). */
export function supersededIds(notes: readonly { id: string; note: LocalNote }[], result: LadderResult): string[] {
  const gone = new Set<LocalNote>(result.supersededNotes);
  return notes.filter((n) => gone.has(n.note)).map((n) => n.id);
}
