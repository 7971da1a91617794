/**
 * The rungs of the ladder in the current round: the calls (`failedCallsBeforeLetter` of them), the contact letter,
 * planning the home visit, the visit letter and the home visit. A rung is done by its event in the round (or, for the
 * plan, by a local note); rungs before the last done one are skipped; the first open rung gets a due date (and the
 * visit letter and visit get theirs from a planned visit). Outside an active ladder (reached, in a measure) the rungs
 * do not apply.
 */
import { addDays, type IsoDate } from '../domain/dates';
import type { LadderEvent, Target } from './events';
import { doneState, ref, type StepContext } from './step-context';
import type { Stage, Step, StepId, TextRef } from './types';

interface Slot {
  id: StepId;
  done: LadderEvent | null;
  doneLocalPlan?: boolean;
}

const titleFor = (id: StepId, target: Target | null): TextRef => {
  if (id.startsWith('call')) return ref(target === 'vardnadshavare' ? 'step.callGuardians' : target === 'ungdom' ? 'step.callYouth' : 'step.callUndecided');
  if (id === 'contactLetter')
    return ref(target === 'vardnadshavare' ? 'step.contactLetterGuardians' : target === 'ungdom' ? 'step.contactPostcardYouth' : 'step.contactLetterUndecided');
  if (id === 'visitLetter')
    return ref(target === 'vardnadshavare' ? 'step.visitLetterGuardians' : target === 'ungdom' ? 'step.visitPostcardYouth' : 'step.visitLetterUndecided');
  if (id === 'planHomeVisit') return ref('step.planHomeVisit');
  return ref('step.homeVisit');
};

export const withTarget = (target: Target | null) => (target ? { target } : {});

/** The rungs' steps, and the stage: 'calling' is refined from the first open rung. */
export function ladderSteps(c: StepContext, stage: Stage): { steps: Step[]; stage: Stage } {
  const { s, today, cur, undecided, targetAt, actionDate, classify, latestNote } = c;
  const steps: Step[] = [];
  const plan =
    cur.visit || cur.reached
      ? null
      : latestNote('homeVisitPlanned', (n) => n.date >= (cur.letter?.date ?? cur.calls[0]?.date ?? '0000-00-00'));
  const ladderActive = stage === 'notStarted' || stage === 'calling' || stage === 'afterVisit';
  const naReason = stage === 'inMeasure' ? ref('reason.inMeasure') : ref('reason.reached');

  const slots: Slot[] = [];
  for (let i = 0; i < s.failedCallsBeforeLetter; i++) slots.push({ id: `call${i + 1}`, done: cur.calls[i] ?? null });
  slots.push({ id: 'contactLetter', done: cur.letter });
  slots.push({ id: 'planHomeVisit', done: null, doneLocalPlan: plan !== null });
  slots.push({ id: 'visitLetter', done: cur.visitLetter });
  slots.push({ id: 'homeVisit', done: cur.visit });
  const slotDone = (sl: Slot): boolean => sl.done !== null || sl.doneLocalPlan === true;
  let lastDoneIdx = -1;
  slots.forEach((sl, i) => {
    if (slotDone(sl)) lastDoneIdx = i;
  });
  const firstOpenIdx = slots.findIndex((sl, i) => i > lastDoneIdx && !slotDone(sl));
  const lastCall = cur.calls[cur.calls.length - 1];

  slots.forEach((sl, i) => {
    const callIdx = sl.id.startsWith('call') ? Number(sl.id.slice(4)) : 0;
    const addressed = sl.id !== 'planHomeVisit' && sl.id !== 'homeVisit';
    if (sl.done) {
      const target = sl.done.target ?? targetAt(sl.done.date);
      steps.push({ id: sl.id, title: titleFor(sl.id, target), state: doneState(sl.done.source), dueDate: sl.done.date, ...withTarget(target), reason: ref('reason.doneOn', { date: sl.done.date }) });
      return;
    }
    if (sl.doneLocalPlan && plan) {
      steps.push({ id: sl.id, title: titleFor(sl.id, 'ungdom'), state: 'done-local', reason: ref('reason.visitPlanned', { visitDate: plan.date }) });
      return;
    }
    // Not done.
    if (!ladderActive) {
      const target = targetAt(today);
      steps.push({ id: sl.id, title: titleFor(sl.id, target), state: 'not-applicable', ...(addressed ? withTarget(target) : {}), reason: naReason });
      return;
    }
    if (i < lastDoneIdx) {
      steps.push({ id: sl.id, title: titleFor(sl.id, targetAt(today)), state: 'not-applicable', reason: ref('reason.skipped') });
      return;
    }
    // Open steps: the first open one gets a due date; visit letter/visit also get one once a visit is planned.
    let due: IsoDate | undefined;
    let reason: TextRef = ref('reason.waitingForEarlierStep');
    if (sl.id === 'visitLetter' && plan) {
      due = addDays(plan.date, -s.letterDaysBeforeVisit);
      reason = ref('reason.visitLetterBeforeVisit', { visitDate: plan.date, days: s.letterDaysBeforeVisit });
    } else if (sl.id === 'homeVisit' && plan) {
      due = plan.date;
      reason = plan.date < today ? ref('reason.visitDateMissed', { visitDate: plan.date }) : ref('reason.visitPlanned', { visitDate: plan.date });
    } else if (i === firstOpenIdx) {
      if (callIdx === 1) {
        due = today;
        reason = ref('reason.startLadder');
      } else if (callIdx > 1) {
        const prev = cur.calls[callIdx - 2];
        due = prev ? addDays(prev.date, s.callRetryDays) : today;
        reason = ref('reason.callAfterFailed', { count: callIdx - 1 });
      } else if (sl.id === 'contactLetter') {
        due = lastCall ? addDays(lastCall.date, s.callRetryDays) : today;
        reason = ref('reason.letterAfterCalls', { count: cur.calls.length });
      } else if (sl.id === 'planHomeVisit') {
        const base = cur.letter?.date ?? cur.visitLetter?.date ?? today;
        due = addDays(base, s.letterAnswerDays);
        const earliestVisit = addDays(due > today ? due : today, s.letterDaysBeforeVisit);
        const suggested = [...s.homeVisitDays].sort().find((d) => d >= earliestVisit);
        reason = ref('reason.visitAfterLetter', suggested ? { letterDate: base, suggestedVisit: suggested } : { letterDate: base });
      }
    }
    const target = addressed ? targetAt(actionDate(due)) : 'ungdom';
    // Listed when it matters now: a step still waiting for an earlier one is decided when its turn comes.
    if (addressed && target === null && due) undecided.add(sl.id);
    steps.push({ id: sl.id, title: titleFor(sl.id, target), state: due ? classify(due) : 'upcoming', dueDate: due, ...(addressed ? withTarget(target) : {}), reason });
  });

  if (stage !== 'calling') return { steps, stage };
  const first = slots[firstOpenIdx];
  return { steps, stage: !first || first.id.startsWith('call') ? 'calling' : first.id === 'contactLetter' ? 'contactLetter' : 'homeVisit' };
}
