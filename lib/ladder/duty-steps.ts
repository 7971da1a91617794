/**
 * The steps around the ladder's rungs, one function each, in the order the result lists them: the Skatteverket
 * report (bosättningskontroll), the orosanmälan after a home visit without contact while under 18, the restart after
 * such a visit, the follow-up (agreed, after a measure, after "not interested", or three months after contact), the
 * half-year minimum and the hand-over before the 20th birthday.
 *
 * - The half-year minimum counts reached contacts. For a youth never reached, documented attempts in the half-year
 *   satisfy it (what SCB receives for such a youth is "okänd / ej nådd").
 * - A home visit without contact whose note in UKA contains one of the pack's `notLivingPatterns` makes the
 *   Skatteverket step likely (`likely: true`), quoting the matched words, without a local note.
 * - The hand-over prompt counts from the earliest possible 20th birthday.
 */
import { addDays, addMonths, diffDays, halfYearEnd, halfYearOf, halfYearStart, minIso, type IsoDate } from '../domain/dates';
import type { ContactEntry } from '../uka/types';
import { halfYearDue, latestAttempt } from './attempts';
import { ageRange } from './inputs';
import { withTarget } from './ladder-steps';
import { matchNotLiving } from './notes';
import { doneState, ref, type StepContext } from './step-context';
import type { LadderResult, Stage, Step, TextParams } from './types';

/** The latest failed home visit (after the last contact) whose note in UKA says the youth does not live there. */
function movedPerUkaNote(contacts: ContactEntry[], lastContact: IsoDate | null, patterns: string[]): { date: IsoDate; words: string } | null {
  let best: { date: IsoDate; words: string } | null = null;
  for (const c of contacts) {
    if (c.kind !== 'hembesok' || c.reached || (lastContact !== null && c.date < lastContact)) continue;
    const words = matchNotLiving(c.note, patterns);
    if (words && (!best || c.date >= best.date)) best = { date: c.date, words };
  }
  return best;
}

/** Skatteverket (bosättningskontroll): the coach's note, or else what UKA's visit note says. */
export function skatteverketStep(c: StepContext): Step {
  const { s, contacts, lastContact, classify, latestNote } = c;
  const notLiving = latestNote('notLivingAtAddress');
  const ukaSaysMoved = notLiving ? null : movedPerUkaNote(contacts, lastContact, s.notLivingPatterns);
  if (!notLiving && !ukaSaysMoved) {
    return { id: 'skatteverket', title: ref('step.skatteverket'), state: 'not-applicable', reason: ref('reason.addressOk') };
  }
  const since = notLiving ? notLiving.date : (ukaSaysMoved as { date: IsoDate }).date;
  const reason = notLiving ? ref('reason.notLivingAtAddress', { date: notLiving.date }) : ref('reason.notLivingLikely', { date: since, words: ukaSaysMoved?.words ?? '' });
  const likely = notLiving ? {} : { likely: true };
  const reported = latestNote('skatteverketReported', (n) => !n.date || n.date >= since);
  if (reported) {
    return { id: 'skatteverket', title: ref('step.skatteverket'), state: 'done-local', dueDate: reported.date, reason, ...likely };
  }
  const due = addDays(since, s.reportWithinDays);
  return { id: 'skatteverket', title: ref('step.skatteverket'), state: classify(due), dueDate: due, reason, ...likely };
}

/** Orosanmälan: a home visit without contact while under adultAge. */
export function orosanmalanStep(c: StepContext): Step {
  const { s, birth, failedVisits, lastContact, undecided, classify, latestNote } = c;
  const minorVisit = [...failedVisits].reverse().find((v) => ageRange(birth, v.date).min < s.adultAge) ?? null;
  if (!minorVisit) {
    return { id: 'orosanmalan', title: ref('step.orosanmalan'), state: 'not-applicable', reason: ref('reason.noOrosanmalanNeeded') };
  }
  const certain = ageRange(birth, minorVisit.date).max < s.adultAge;
  const doneNote = latestNote('orosanmalanDone', (n) => !n.date || n.date >= minorVisit.date);
  const reachedAfter = lastContact !== null && lastContact > minorVisit.date;
  const reason = ref(certain ? 'reason.orosanmalanUnder18' : 'reason.orosanmalanAgeUnknown', { visitDate: minorVisit.date });
  if (doneNote) return { id: 'orosanmalan', title: ref('step.orosanmalan'), state: 'done-local', dueDate: doneNote.date, reason };
  if (reachedAfter) return { id: 'orosanmalan', title: ref('step.orosanmalan'), state: 'not-applicable', reason: ref('reason.reached') };
  const due = addDays(minorVisit.date, s.reportWithinDays);
  if (!certain) undecided.add('orosanmalan');
  return { id: 'orosanmalan', title: ref('step.orosanmalan'), state: classify(due), dueDate: due, reason };
}

/** Restart after a home visit without contact. */
export function restartStep(c: StepContext, stage: Stage): Step {
  const { s, cur, classify, targetAt, actionDate } = c;
  if (stage === 'afterVisit' && cur.visit) {
    const due = addMonths(cur.visit.date, s.restartMonthsAfterVisit);
    return { id: 'restart', title: ref('step.restart'), state: classify(due), dueDate: due, ...withTarget(targetAt(actionDate(due))), reason: ref('reason.restartAfterVisit', { visitDate: cur.visit.date, months: s.restartMonthsAfterVisit }) };
  }
  return { id: 'restart', title: ref('step.restart'), state: 'not-applicable', reason: ref('reason.noVisitWithoutContact') };
}

/** The follow-up: an agreed date, or the half-year rule during a measure, or the recontact after "not interested", or three months after contact. */
export function followUpStep(c: StepContext, stage: Stage): Step {
  const { s, today, cur, measure, lastContact, classify, latestNote } = c;
  const agreedAfter = (base: IsoDate) => latestNote('followUpAgreed', (n) => n.date > base);
  if (stage === 'inMeasure' && measure) {
    const base = lastContact && lastContact > measure.start ? lastContact : measure.start;
    const agreed = agreedAfter(base);
    if (agreed) {
      return { id: 'followUp', title: ref('step.followUpMeasure'), state: classify(agreed.date), dueDate: agreed.date, reason: ref('reason.followUpAgreed', { date: agreed.date }) };
    }
    const due = halfYearDue(lastContact ?? base, today, s.halfYearMinimum ? 1 : 2);
    return { id: 'followUp', title: ref('step.followUpMeasure'), state: classify(due), dueDate: due, reason: ref('reason.followUpMeasure', { measure: measure.atgardCode ?? '' }) };
  }
  if ((stage === 'followUp' || stage === 'notInterested') && cur.reached) {
    const base = lastContact ?? cur.reached.date;
    const agreed = agreedAfter(base);
    if (agreed) {
      return { id: 'followUp', title: ref('step.followUpAgreed'), state: classify(agreed.date), dueDate: agreed.date, reason: ref('reason.followUpAgreed', { date: agreed.date }) };
    }
    if (stage === 'notInterested' && cur.notInterested) {
      const due = addMonths(cur.notInterested.date, s.notInterestedMonths);
      return { id: 'followUp', title: ref('step.recontactNotInterested'), state: classify(due), dueDate: due, reason: ref('reason.notInterested', { date: cur.notInterested.date, months: s.notInterestedMonths }) };
    }
    const due = addMonths(base, s.followUpMonths);
    return { id: 'followUp', title: ref('step.followUp3m'), state: classify(due), dueDate: due, reason: ref('reason.followUp3m', { date: base, months: s.followUpMonths }) };
  }
  return { id: 'followUp', title: ref('step.followUp3m'), state: 'not-applicable', reason: ref('reason.notReachedYet') };
}

/** The half-year minimum: a contact this half-year, or (never reached) a documented attempt, or open until its end. */
export function halfYearStep(c: StepContext): Step {
  const { s, today, contacts, notes, lastContact, lastContactEv, endDate, classify } = c;
  const curHalf = halfYearOf(today);
  const attempt = lastContact === null ? latestAttempt(contacts, notes, halfYearStart(curHalf)) : null;
  if (!s.halfYearMinimum) {
    return { id: 'halfYearMinimum', title: ref('step.halfYearMinimum'), state: 'not-applicable', reason: ref('reason.halfYearOff') };
  }
  if (lastContact && lastContactEv && lastContact >= halfYearStart(curHalf)) {
    return { id: 'halfYearMinimum', title: ref('step.halfYearMinimum'), state: doneState(lastContactEv.source), dueDate: lastContact, reason: ref('reason.halfYearDone', { halfYear: curHalf }) };
  }
  if (attempt) {
    // Never reached: the documented attempts of this half-year are what can be reported; the ladder goes on.
    return { id: 'halfYearMinimum', title: ref('step.halfYearMinimum'), state: doneState(attempt.source), dueDate: attempt.date, reason: ref('reason.halfYearAttempts', { halfYear: curHalf, date: attempt.date }) };
  }
  const due = minIso(halfYearEnd(curHalf), addDays(endDate, -1));
  const params: TextParams = lastContact ? { halfYear: curHalf, lastContact } : { halfYear: curHalf };
  return { id: 'halfYearMinimum', title: ref('step.halfYearMinimum'), state: classify(due), dueDate: due, reason: ref('reason.halfYearOpen', params) };
}

/** Hand-over before the 20th birthday (from the earliest possible one), and the prompt when it is due. */
export function handoverStep(c: StepContext, ended: boolean): { step: Step; handoverDue?: LadderResult['handoverDue'] } {
  const { s, today, ends, classify, latestNote } = c;
  const handoverDate = addDays(ends.earliest, -s.handoverDaysBefore20);
  const handoverNote = latestNote('handoverDone');
  if (handoverNote) {
    return { step: { id: 'handover20', title: ref('step.handover20'), state: 'done-local', dueDate: handoverNote.date, reason: ref('reason.handover', { endDate: ends.earliest }) } };
  }
  const step: Step = { id: 'handover20', title: ref('step.handover20'), state: classify(handoverDate), dueDate: handoverDate, reason: ref(today >= handoverDate ? 'reason.handover' : 'reason.handoverLater', { endDate: ends.earliest }) };
  if (!ended && today >= handoverDate) return { step, handoverDue: { dueDate: handoverDate, endDate: ends.earliest, daysLeft: Math.max(0, diffDays(today, ends.earliest)) } };
  return { step };
}
