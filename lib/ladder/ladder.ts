/**
 * The contact ladder (kontakttrappan, metodbok ch. 2) and follow-up rules (ch. 5) as one pure function.
 *
 * How the input is read:
 * - UKA's contact log is the truth. A phone contact that did not reach anyone is a failed call; an unanswered
 *   brev/vykort is a letter (the first in a ladder round is the contact letter, later ones announce the home visit);
 *   an unanswered hembesök is a home visit without contact; any contact with `reached` is contact. Unreached sms,
 *   meetings and "annat" do not move the ladder.
 * - Local notes fill what UKA cannot hold (planned visit, not interested, address problems, reports, agreed follow-up,
 *   hand-over). A local note of a kind UKA can also record (failed call, letters, visit, reached) is superseded by the
 *   nearest UKA entry of that kind within `supersedeWindowDays`, one UKA entry per note ("UKA wins").
 * - Events are replayed in date order into "rounds": a round starts with an attempt and closes when someone is reached
 *   or a home visit finds no one; the next attempt after a closed round starts a new round. The last round decides the
 *   stage. Same-day order: failed calls, letters, visits, then contact (so "tried, then reached" ends reached).
 * - Age is evaluated on the date of each action: calls/letters due on or after the 18th birthday go to the youth.
 * - The half-year minimum counts reached contacts only (being informed is the duty; attempts are the ladder).
 */
import { addDays, addMonths, ageOn, birthdayOn, diffDays, halfYearEnd, halfYearOf, halfYearStart, addHalfYears, minIso, compareCodePoints } from '../domain/dates';
import type { IsoDate } from '../domain/dates';
import type { ContactEntry, MeasureEntry } from '../uka/types';
import {
  DEFAULT_LADDER_SETTINGS,
  type LadderInput,
  type LadderResult,
  type LadderSettings,
  type LadderTextKey,
  type LocalNote,
  type NextAction,
  type Stage,
  type Step,
  type StepId,
  type StepState,
  type TextParams,
  type TextRef,
} from './types';

type Source = 'uka' | 'local';
type Target = 'vardnadshavare' | 'ungdom';
type EventKind = 'callFailed' | 'letter' | 'visitLetter' | 'visitFailed' | 'reached' | 'notInterested';

interface LadderEvent {
  date: IsoDate;
  kind: EventKind;
  source: Source;
  /** Whom UKA says the contact was with, when it says. */
  target?: Target;
  /** For UKA letters: decided by position in the round (first = contact letter). */
  letterRole?: 'auto' | 'contact' | 'visit';
}

interface Round {
  calls: LadderEvent[];
  letter: LadderEvent | null;
  visitLetter: LadderEvent | null;
  visit: LadderEvent | null;
  reached: LadderEvent | null;
  notInterested: LadderEvent | null;
  empty: boolean;
}

const KIND_ORDER: Record<EventKind, number> = { callFailed: 0, letter: 1, visitLetter: 2, visitFailed: 3, reached: 4, notInterested: 5 };

type SupersedeClass = 'call' | 'letter' | 'visit' | 'reached';

function ukaClasses(c: ContactEntry): SupersedeClass[] {
  const out: SupersedeClass[] = [];
  if (c.reached) out.push('reached');
  else if (c.kind === 'telefon') out.push('call');
  else if (c.kind === 'brev' || c.kind === 'vykort') out.push('letter');
  if (c.kind === 'hembesok') out.push('visit');
  return out;
}

function noteClass(n: LocalNote): SupersedeClass | null {
  switch (n.step) {
    case 'callFailed':
      return 'call';
    case 'letterSent':
    case 'visitLetterSent':
      return 'letter';
    case 'homeVisitDone':
      return 'visit';
    case 'reached':
      return 'reached';
    default:
      return null;
  }
}

/** Split local notes into those still in force and those a UKA entry now covers. */
export function supersedeNotes(contacts: ContactEntry[], notes: LocalNote[], windowDays: number): { active: LocalNote[]; superseded: LocalNote[] } {
  const used = new Map<SupersedeClass, Set<number>>();
  const active: LocalNote[] = [];
  const superseded: LocalNote[] = [];
  const dated = notes
    .map((n, i) => ({ n, i }))
    .sort((a, b) => compareCodePoints('date' in a.n && a.n.date ? a.n.date : '', 'date' in b.n && b.n.date ? b.n.date : '') || a.i - b.i);
  const isSuperseded = new Set<number>();
  for (const { n, i } of dated) {
    const cls = noteClass(n);
    const noteDate = 'date' in n ? n.date : undefined;
    if (!cls || !noteDate) continue;
    const set = used.get(cls) ?? new Set<number>();
    used.set(cls, set);
    let best = -1;
    let bestDist = Infinity;
    contacts.forEach((c, ci) => {
      if (set.has(ci) || !ukaClasses(c).includes(cls)) return;
      const dist = Math.abs(diffDays(noteDate, c.date));
      if (dist <= windowDays && dist < bestDist) {
        best = ci;
        bestDist = dist;
      }
    });
    if (best >= 0) {
      set.add(best);
      isSuperseded.add(i);
    }
  }
  notes.forEach((n, i) => (isSuperseded.has(i) ? superseded : active).push(n));
  return { active, superseded };
}

function ukaTarget(c: ContactEntry): Target | undefined {
  return c.target === 'annan' ? undefined : c.target;
}

function toEvents(contacts: ContactEntry[], notes: LocalNote[]): LadderEvent[] {
  const evs: LadderEvent[] = [];
  for (const c of contacts) {
    const target = ukaTarget(c);
    if (c.reached) evs.push({ date: c.date, kind: 'reached', source: 'uka', target });
    else if (c.kind === 'telefon') evs.push({ date: c.date, kind: 'callFailed', source: 'uka', target });
    else if (c.kind === 'brev' || c.kind === 'vykort') evs.push({ date: c.date, kind: 'letter', source: 'uka', target, letterRole: 'auto' });
    else if (c.kind === 'hembesok') evs.push({ date: c.date, kind: 'visitFailed', source: 'uka', target });
  }
  for (const n of notes) {
    switch (n.step) {
      case 'callFailed':
        evs.push({ date: n.date, kind: 'callFailed', source: 'local' });
        break;
      case 'letterSent':
        evs.push({ date: n.date, kind: 'letter', source: 'local', letterRole: 'contact' });
        break;
      case 'visitLetterSent':
        evs.push({ date: n.date, kind: 'visitLetter', source: 'local', letterRole: 'visit' });
        break;
      case 'homeVisitDone':
        evs.push({ date: n.date, kind: n.reached ? 'reached' : 'visitFailed', source: 'local' });
        break;
      case 'reached':
        evs.push({ date: n.date, kind: 'reached', source: 'local' });
        break;
      case 'notInterested':
        evs.push({ date: n.date, kind: 'notInterested', source: 'local' });
        break;
      default:
        break;
    }
  }
  return evs.sort((a, b) => compareCodePoints(a.date, b.date) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
}

function newRound(): Round {
  return { calls: [], letter: null, visitLetter: null, visit: null, reached: null, notInterested: null, empty: true };
}

/** Replay events into ladder rounds; returns every round (the last is the current one) and no-contact visits. */
function replay(events: LadderEvent[]): { rounds: Round[]; failedVisits: LadderEvent[] } {
  const rounds: Round[] = [newRound()];
  const failedVisits: LadderEvent[] = [];
  let cur = rounds[0] as Round;
  const start = (): Round => {
    cur = newRound();
    rounds.push(cur);
    return cur;
  };
  const closed = (r: Round): boolean => r.reached !== null || r.visit !== null;
  for (const e of events) {
    switch (e.kind) {
      case 'callFailed':
        if (closed(cur)) start();
        cur.calls.push(e);
        break;
      case 'letter':
      case 'visitLetter': {
        if (closed(cur)) start();
        const role = e.kind === 'visitLetter' ? 'visit' : e.letterRole === 'contact' ? 'contact' : cur.letter ? 'visit' : 'contact';
        if (role === 'contact') {
          if (!cur.letter) cur.letter = e;
        } else {
          cur.visitLetter = e;
        }
        break;
      }
      case 'visitFailed':
        if (closed(cur)) start();
        cur.visit = e;
        failedVisits.push(e);
        break;
      case 'reached':
        if (cur.reached || cur.visit) start();
        cur.reached = e;
        break;
      case 'notInterested':
        if (cur.visit || (cur.reached && cur.notInterested)) start();
        if (!cur.reached) cur.reached = e;
        cur.notInterested = e;
        break;
    }
    cur.empty = false;
  }
  return { rounds, failedVisits };
}

function ongoingMeasure(measures: MeasureEntry[], today: IsoDate): MeasureEntry | null {
  let best: MeasureEntry | null = null;
  for (const m of measures) {
    if (m.start <= today && (m.end === null || m.end >= today)) {
      if (!best || m.start > best.start) best = m;
    }
  }
  return best;
}

function ref(key: LadderTextKey, params: TextParams = {}): TextRef {
  return { key, params };
}

function doneState(source: Source): StepState {
  return source === 'uka' ? 'done-uka' : 'done-local';
}

function isDone(s: StepState): boolean {
  return s === 'done-uka' || s === 'done-local';
}

function isOpen(s: StepState): s is 'due' | 'overdue' | 'upcoming' {
  return s === 'due' || s === 'overdue' || s === 'upcoming';
}

export function resolveSettings(partial?: Partial<LadderSettings>): LadderSettings {
  return { ...DEFAULT_LADDER_SETTINGS, homeVisitDays: [...DEFAULT_LADDER_SETTINGS.homeVisitDays], ...(partial ?? {}) };
}

export function evaluateLadder(input: LadderInput): LadderResult {
  const s = resolveSettings(input.settings);
  const { today, birthDate } = input;
  const endDate = birthdayOn(birthDate, s.endAge);
  const ended = today >= endDate;
  const age = ageOn(birthDate, today);
  const ageAt = (d: IsoDate): number => ageOn(birthDate, d);
  const targetAt = (d: IsoDate): Target => (ageAt(d) < s.adultAge ? 'vardnadshavare' : 'ungdom');
  const classify = (due: IsoDate): 'due' | 'overdue' | 'upcoming' =>
    due < today ? 'overdue' : diffDays(today, due) <= s.dueSoonDays ? 'due' : 'upcoming';

  const { active: notes, superseded } = supersedeNotes(input.contacts, input.localNotes, s.supersedeWindowDays);
  const events = toEvents(input.contacts, notes);
  const { rounds, failedVisits } = replay(events);
  const cur = rounds[rounds.length - 1] as Round;

  const contactDates = events.filter((e) => e.kind === 'reached' || e.kind === 'notInterested');
  const lastContactEv = contactDates.length ? (contactDates[contactDates.length - 1] as LadderEvent) : null;
  const lastContact = lastContactEv?.date ?? null;

  const measure = ongoingMeasure(input.measures, today);
  const latestNote = <K extends LocalNote['step']>(step: K, pred: (n: Extract<LocalNote, { step: K }>) => boolean = () => true) => {
    let best: Extract<LocalNote, { step: K }> | null = null;
    for (const n of notes) {
      if (n.step !== step) continue;
      const nn = n as Extract<LocalNote, { step: K }>;
      if (!pred(nn)) continue;
      const d = 'date' in nn ? (nn.date ?? '') : '';
      const bd = best && 'date' in best ? (best.date ?? '') : '';
      if (!best || d >= bd) best = nn;
    }
    return best;
  };

  // ---- stage ----
  const reachedRound = cur.reached !== null;
  let stage: Stage;
  if (ended) stage = 'ended';
  else if (measure) stage = 'inMeasure';
  else if (reachedRound) stage = cur.notInterested ? 'notInterested' : 'followUp';
  else if (cur.empty) stage = 'notStarted';
  else if (cur.visit) stage = 'afterVisit';
  else stage = 'calling'; // refined below from the first open ladder step

  const steps: Step[] = [];

  // ---- ladder steps (calls, letter, visit) ----
  const plan =
    cur.visit || cur.reached
      ? null
      : latestNote('homeVisitPlanned', (n) => n.date >= (cur.letter?.date ?? cur.calls[0]?.date ?? '0000-00-00'));
  const ladderActive = stage === 'notStarted' || stage === 'calling' || stage === 'afterVisit';
  const naReason = stage === 'inMeasure' ? ref('reason.inMeasure') : ref('reason.reached');

  interface Slot {
    id: StepId;
    done: LadderEvent | null;
    doneLocalPlan?: boolean;
  }
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

  const titleFor = (id: StepId, target: Target): TextRef => {
    if (id.startsWith('call')) return ref(target === 'vardnadshavare' ? 'step.callGuardians' : 'step.callYouth');
    if (id === 'contactLetter') return ref(target === 'vardnadshavare' ? 'step.contactLetterGuardians' : 'step.contactPostcardYouth');
    if (id === 'visitLetter') return ref(target === 'vardnadshavare' ? 'step.visitLetterGuardians' : 'step.visitPostcardYouth');
    if (id === 'planHomeVisit') return ref('step.planHomeVisit');
    return ref('step.homeVisit');
  };

  slots.forEach((sl, i) => {
    const callIdx = sl.id.startsWith('call') ? Number(sl.id.slice(4)) : 0;
    if (sl.done) {
      const target = sl.done.target ?? targetAt(sl.done.date);
      steps.push({ id: sl.id, title: titleFor(sl.id, target), state: doneState(sl.done.source), dueDate: sl.done.date, target, reason: ref('reason.doneOn', { date: sl.done.date }) });
      return;
    }
    if (sl.doneLocalPlan && plan) {
      steps.push({ id: sl.id, title: titleFor(sl.id, 'ungdom'), state: 'done-local', reason: ref('reason.visitPlanned', { visitDate: plan.date }) });
      return;
    }
    // Not done.
    if (!ladderActive) {
      const d = today;
      const target = targetAt(d);
      steps.push({ id: sl.id, title: titleFor(sl.id, target), state: 'not-applicable', target: sl.id === 'planHomeVisit' || sl.id === 'homeVisit' ? undefined : target, reason: naReason });
      return;
    }
    if (i < lastDoneIdx) {
      const target = targetAt(today);
      steps.push({ id: sl.id, title: titleFor(sl.id, target), state: 'not-applicable', reason: ref('reason.skipped') });
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
    const target = sl.id === 'planHomeVisit' || sl.id === 'homeVisit' ? undefined : targetAt(due ?? today);
    steps.push({ id: sl.id, title: titleFor(sl.id, target ?? 'ungdom'), state: due ? classify(due) : 'upcoming', dueDate: due, target, reason });
  });

  if (stage === 'calling') {
    const first = slots[firstOpenIdx];
    stage = !first || first.id.startsWith('call') ? 'calling' : first.id === 'contactLetter' ? 'contactLetter' : 'homeVisit';
  }

  // ---- Skatteverket (bosättningskontroll) ----
  const notLiving = latestNote('notLivingAtAddress');
  if (!notLiving) {
    steps.push({ id: 'skatteverket', title: ref('step.skatteverket'), state: 'not-applicable', reason: ref('reason.addressOk') });
  } else {
    const reported = latestNote('skatteverketReported', (n) => !n.date || n.date >= notLiving.date);
    if (reported) {
      steps.push({ id: 'skatteverket', title: ref('step.skatteverket'), state: 'done-local', dueDate: reported.date, reason: ref('reason.notLivingAtAddress', { date: notLiving.date }) });
    } else {
      const due = addDays(notLiving.date, s.reportWithinDays);
      steps.push({ id: 'skatteverket', title: ref('step.skatteverket'), state: classify(due), dueDate: due, reason: ref('reason.notLivingAtAddress', { date: notLiving.date }) });
    }
  }

  // ---- Orosanmälan: home visit without contact while under adultAge ----
  const minorVisit = [...failedVisits].reverse().find((v) => ageAt(v.date) < s.adultAge) ?? null;
  if (!minorVisit) {
    steps.push({ id: 'orosanmalan', title: ref('step.orosanmalan'), state: 'not-applicable', reason: ref('reason.noOrosanmalanNeeded') });
  } else {
    const doneNote = latestNote('orosanmalanDone', (n) => !n.date || n.date >= minorVisit.date);
    const reachedAfter = lastContact !== null && lastContact > minorVisit.date;
    const reason = ref('reason.orosanmalanUnder18', { visitDate: minorVisit.date });
    if (doneNote) steps.push({ id: 'orosanmalan', title: ref('step.orosanmalan'), state: 'done-local', dueDate: doneNote.date, reason });
    else if (reachedAfter) steps.push({ id: 'orosanmalan', title: ref('step.orosanmalan'), state: 'not-applicable', reason: ref('reason.reached') });
    else {
      const due = addDays(minorVisit.date, s.reportWithinDays);
      steps.push({ id: 'orosanmalan', title: ref('step.orosanmalan'), state: classify(due), dueDate: due, reason });
    }
  }

  // ---- Restart after a home visit without contact ----
  if (stage === 'afterVisit' && cur.visit) {
    const due = addMonths(cur.visit.date, s.restartMonthsAfterVisit);
    steps.push({ id: 'restart', title: ref('step.restart'), state: classify(due), dueDate: due, target: targetAt(due), reason: ref('reason.restartAfterVisit', { visitDate: cur.visit.date, months: s.restartMonthsAfterVisit }) });
  } else {
    steps.push({ id: 'restart', title: ref('step.restart'), state: 'not-applicable', reason: ref('reason.noVisitWithoutContact') });
  }

  // ---- Follow-up ----
  const agreedAfter = (base: IsoDate) => latestNote('followUpAgreed', (n) => n.date > base);
  if (stage === 'inMeasure' && measure) {
    const base = lastContact && lastContact > measure.start ? lastContact : measure.start;
    const agreed = agreedAfter(base);
    if (agreed) {
      steps.push({ id: 'followUp', title: ref('step.followUpMeasure'), state: classify(agreed.date), dueDate: agreed.date, reason: ref('reason.followUpAgreed', { date: agreed.date }) });
    } else {
      const due = halfYearDue(lastContact ?? base, today, s.halfYearMinimum ? 1 : 2);
      steps.push({ id: 'followUp', title: ref('step.followUpMeasure'), state: classify(due), dueDate: due, reason: ref('reason.followUpMeasure', { measure: measure.atgardCode ?? '' }) });
    }
  } else if ((stage === 'followUp' || stage === 'notInterested') && cur.reached) {
    const base = lastContact ?? cur.reached.date;
    const agreed = agreedAfter(base);
    if (agreed) {
      steps.push({ id: 'followUp', title: ref('step.followUpAgreed'), state: classify(agreed.date), dueDate: agreed.date, reason: ref('reason.followUpAgreed', { date: agreed.date }) });
    } else if (stage === 'notInterested' && cur.notInterested) {
      const due = addMonths(cur.notInterested.date, s.notInterestedMonths);
      steps.push({ id: 'followUp', title: ref('step.recontactNotInterested'), state: classify(due), dueDate: due, reason: ref('reason.notInterested', { date: cur.notInterested.date, months: s.notInterestedMonths }) });
    } else {
      const due = addMonths(base, s.followUpMonths);
      steps.push({ id: 'followUp', title: ref('step.followUp3m'), state: classify(due), dueDate: due, reason: ref('reason.followUp3m', { date: base, months: s.followUpMonths }) });
    }
  } else {
    steps.push({ id: 'followUp', title: ref('step.followUp3m'), state: 'not-applicable', reason: ref('reason.notReachedYet') });
  }

  // ---- Half-year minimum ----
  const curHalf = halfYearOf(today);
  if (!s.halfYearMinimum) {
    steps.push({ id: 'halfYearMinimum', title: ref('step.halfYearMinimum'), state: 'not-applicable', reason: ref('reason.halfYearOff') });
  } else if (lastContact && lastContactEv && lastContact >= halfYearStart(curHalf)) {
    steps.push({ id: 'halfYearMinimum', title: ref('step.halfYearMinimum'), state: doneState(lastContactEv.source), dueDate: lastContact, reason: ref('reason.halfYearDone', { halfYear: curHalf }) });
  } else {
    const due = minIso(halfYearEnd(curHalf), addDays(endDate, -1));
    const params: TextParams = lastContact ? { halfYear: curHalf, lastContact } : { halfYear: curHalf };
    steps.push({ id: 'halfYearMinimum', title: ref('step.halfYearMinimum'), state: classify(due), dueDate: due, reason: ref('reason.halfYearOpen', params) });
  }

  // ---- Hand-over before the 20th birthday ----
  const handoverDate = addDays(endDate, -s.handoverDaysBefore20);
  const handoverNote = latestNote('handoverDone');
  let handoverDue: LadderResult['handoverDue'];
  if (handoverNote) {
    steps.push({ id: 'handover20', title: ref('step.handover20'), state: 'done-local', dueDate: handoverNote.date, reason: ref('reason.handover', { endDate }) });
  } else {
    steps.push({ id: 'handover20', title: ref('step.handover20'), state: classify(handoverDate), dueDate: handoverDate, reason: ref(today >= handoverDate ? 'reason.handover' : 'reason.handoverLater', { endDate }) });
    if (!ended && today >= handoverDate) handoverDue = { dueDate: handoverDate, endDate, daysLeft: diffDays(today, endDate) };
  }

  // ---- Nothing happens on or after the 20th birthday ----
  for (const st of steps) {
    if (isDone(st.state)) continue;
    if (ended) {
      st.state = 'not-applicable';
      st.reason = ref('reason.ended', { endDate });
    } else if (isOpen(st.state) && st.dueDate && st.dueDate >= endDate) {
      st.state = 'not-applicable';
      st.reason = ref('reason.after20', { endDate });
    }
  }

  // ---- Next action: the earliest dated open step (ties: ladder order) ----
  let next: NextAction | null = null;
  for (const st of steps) {
    if (!isOpen(st.state) || !st.dueDate) continue;
    if (!next || st.dueDate < next.dueDate) next = { action: st.id, title: st.title, dueDate: st.dueDate, state: st.state, reason: st.reason };
  }

  return {
    stage,
    steps,
    next,
    ageOnAction: ageAt(next?.dueDate ?? today),
    age,
    ended,
    endDate,
    ...(handoverDue ? { handoverDue } : {}),
    lastContact,
    supersededNotes: superseded,
  };
}

/**
 * Latest date for the next reached contact under the half-year minimum: by the end of the half-year after the one
 * of the last contact, but never earlier than the end of the current half-year (a half-year already missed cannot be
 * repaired; the current one can). `span` 2 allows skipping a half-year (used when the minimum is switched off).
 */
export function halfYearDue(lastContact: IsoDate | null, today: IsoDate, span = 1): IsoDate {
  const curEnd = halfYearEnd(addHalfYears(halfYearOf(today), span - 1));
  if (!lastContact) return curEnd;
  const fromLast = halfYearEnd(addHalfYears(halfYearOf(lastContact), span));
  return fromLast > curEnd ? fromLast : curEnd;
}
