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
 * - Every date is checked first (inputs.ts): a date that is not a real calendar date, or a record of something done
 *   after today, is left out of the reasoning and listed in `problems`. The rest is computed as if it were not there.
 *   The function never throws: when it cannot compute at all (today or the birth date unreadable) the result has
 *   stage 'unknown', no steps, and `unavailable` says why.
 * - Every step's addressee (guardians or youth; letter or postcard) is decided by the age on the day the step will be
 *   done: today when it is due or overdue, its due date when it lies ahead. The switch is exact on the birthday. A
 *   youth born on 29 February turns 18 on 1 March in a common year and on 29 February in a leap year (lib/domain/dates:
 *   the Swedish rule, the same everywhere in the extension).
 * - A birth date partly unknown (samordningsnummer with month or day 00) is a range of possible dates: an addressee is
 *   decided only when every possible date gives the same answer; otherwise the step is listed in
 *   `birthDateUnknown.undecided` and worded for both. The duty is taken to end on the latest possible 20th birthday
 *   (never drop a youth early), the hand-over prompt counts from the earliest possible one.
 * - The half-year minimum counts reached contacts. For a youth never reached, documented attempts in the half-year
 *   satisfy it (what SCB receives for such a youth is "okänd / ej nådd"), so after a failed home visit the next step
 *   is the restart of attempts (the orosanmälan first, when under 18), not the half-year.
 * - `missedHalfYears`: ended calendar half-years with no documented contact or attempt (any entry in UKA's contact
 *   log, or a local note of a call, letter, visit or contact), since registration or within the last twelve months,
 *   whichever is shorter. Without a registration date the first documented entry stands in for it.
 * - A home visit without contact whose note in UKA contains one of the pack's `notLivingPatterns` makes the
 *   Skatteverket step likely (`likely: true`), quoting the matched words, without a local note.
 */
import { addDays, addMonths, diffDays, halfYearEnd, halfYearOf, halfYearStart, addHalfYears, isIsoDate, maxIso, minIso, compareCodePoints } from '../domain/dates';
import type { HalfYear, IsoDate } from '../domain/dates';
import type { ContactEntry, MeasureEntry } from '../uka/types';
import { ageRange, birthdayRange, birthRange, checkInput } from './inputs';
import { matchNotLiving } from './notes';
import {
  DEFAULT_LADDER_SETTINGS,
  type DateProblem,
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
    if (!cls || !isIsoDate(noteDate)) continue;
    const set = used.get(cls) ?? new Set<number>();
    used.set(cls, set);
    let best = -1;
    let bestDist = Infinity;
    contacts.forEach((c, ci) => {
      if (set.has(ci) || !isIsoDate(c.date) || !ukaClasses(c).includes(cls)) return;
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
  const out: LadderSettings = { ...DEFAULT_LADDER_SETTINGS, homeVisitDays: [...DEFAULT_LADDER_SETTINGS.homeVisitDays], notLivingPatterns: [...DEFAULT_LADDER_SETTINGS.notLivingPatterns] };
  for (const [k, v] of Object.entries(partial ?? {}) as [keyof LadderSettings, unknown][]) {
    if (!(k in out) || v === undefined) continue;
    const def = DEFAULT_LADDER_SETTINGS[k];
    // A value of the wrong kind (a stored setting gone bad) falls back to the default rather than break the ladder.
    if (typeof def === 'number' ? typeof v === 'number' && Number.isFinite(v) : typeof def === 'boolean' ? typeof v === 'boolean' : Array.isArray(v)) {
      (out as unknown as Record<string, unknown>)[k] = v;
    }
  }
  out.homeVisitDays = out.homeVisitDays.filter((d) => isIsoDate(d));
  out.notLivingPatterns = out.notLivingPatterns.filter((p) => typeof p === 'string');
  return out;
}

/**
 * The contact ladder for one youth on `today`. Never throws: bad dates are reported in `problems` and left out; when
 * nothing can be computed the result is stage 'unknown' with `unavailable` saying why.
 */
export function evaluateLadder(input: LadderInput): LadderResult {
  try {
    return evaluate(input);
  } catch {
    // A last line of defence: the checks above should make this unreachable, but a coach must never see a crash.
    return unavailableResult(ref('reason.unavailableInternal'), []);
  }
}

function unavailableResult(reason: TextRef, problems: DateProblem[]): LadderResult {
  return {
    stage: 'unknown',
    steps: [],
    next: null,
    ageOnAction: Number.NaN,
    age: Number.NaN,
    ended: false,
    endDate: '',
    lastContact: null,
    supersededNotes: [],
    problems,
    missedHalfYears: [],
    unavailable: reason,
  };
}

type Target = 'vardnadshavare' | 'ungdom';

function evaluate(input: LadderInput): LadderResult {
  const s = resolveSettings(input.settings);
  const today = input.today;
  if (!isIsoDate(today)) return unavailableResult(ref('reason.unavailableToday'), []);
  const checked = checkInput(today, input.contacts, input.measures, input.localNotes);
  const birth = birthRange(input.birthDate);
  if (!birth) return unavailableResult(ref('reason.unavailableBirthDate'), checked.problems);

  const contacts = checked.contacts.map((c) => c.value);
  const measures = checked.measures.map((m) => m.value);
  const ends = birthdayRange(birth, s.endAge);
  // The duty ends on the 20th birthday; with a partly unknown birth date, on the latest possible one.
  const endDate = ends.latest;
  const ended = today >= endDate;
  const age = ageRange(birth, today).min;
  const undecided = new Set<StepId>();
  /** Guardians or youth by the age on `d`; null when a partly known birth date leaves both possible. */
  const targetAt = (d: IsoDate): Target | null => {
    const a = ageRange(birth, d);
    if (a.max < s.adultAge) return 'vardnadshavare';
    if (a.min >= s.adultAge) return 'ungdom';
    return null;
  };
  /** The day a step will be done: today when it is due already, its due date when that lies ahead. */
  const actionDate = (due: IsoDate | undefined): IsoDate => (due && due > today ? due : today);
  const classify = (due: IsoDate): 'due' | 'overdue' | 'upcoming' =>
    due < today ? 'overdue' : diffDays(today, due) <= s.dueSoonDays ? 'due' : 'upcoming';

  const { active: notes, superseded } = supersedeNotes(contacts, checked.notes.map((n) => n.value), s.supersedeWindowDays);
  const events = toEvents(contacts, notes);
  const { rounds, failedVisits } = replay(events);
  const cur = rounds[rounds.length - 1] as Round;

  const contactDates = events.filter((e) => e.kind === 'reached' || e.kind === 'notInterested');
  const lastContactEv = contactDates.length ? (contactDates[contactDates.length - 1] as LadderEvent) : null;
  const lastContact = lastContactEv?.date ?? null;

  const measure = ongoingMeasure(measures, today);
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

  const titleFor = (id: StepId, target: Target | null): TextRef => {
    if (id.startsWith('call')) return ref(target === 'vardnadshavare' ? 'step.callGuardians' : target === 'ungdom' ? 'step.callYouth' : 'step.callUndecided');
    if (id === 'contactLetter')
      return ref(target === 'vardnadshavare' ? 'step.contactLetterGuardians' : target === 'ungdom' ? 'step.contactPostcardYouth' : 'step.contactLetterUndecided');
    if (id === 'visitLetter')
      return ref(target === 'vardnadshavare' ? 'step.visitLetterGuardians' : target === 'ungdom' ? 'step.visitPostcardYouth' : 'step.visitLetterUndecided');
    if (id === 'planHomeVisit') return ref('step.planHomeVisit');
    return ref('step.homeVisit');
  };
  const withTarget = (target: Target | null) => (target ? { target } : {});

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

  if (stage === 'calling') {
    const first = slots[firstOpenIdx];
    stage = !first || first.id.startsWith('call') ? 'calling' : first.id === 'contactLetter' ? 'contactLetter' : 'homeVisit';
  }

  // ---- Skatteverket (bosättningskontroll): the coach's note, or else what UKA's visit note says ----
  const notLiving = latestNote('notLivingAtAddress');
  const ukaSaysMoved = notLiving ? null : movedPerUkaNote(contacts, lastContact, s.notLivingPatterns);
  if (!notLiving && !ukaSaysMoved) {
    steps.push({ id: 'skatteverket', title: ref('step.skatteverket'), state: 'not-applicable', reason: ref('reason.addressOk') });
  } else {
    const since = notLiving ? notLiving.date : (ukaSaysMoved as { date: IsoDate }).date;
    const reason = notLiving ? ref('reason.notLivingAtAddress', { date: notLiving.date }) : ref('reason.notLivingLikely', { date: since, words: ukaSaysMoved?.words ?? '' });
    const likely = notLiving ? {} : { likely: true };
    const reported = latestNote('skatteverketReported', (n) => !n.date || n.date >= since);
    if (reported) {
      steps.push({ id: 'skatteverket', title: ref('step.skatteverket'), state: 'done-local', dueDate: reported.date, reason, ...likely });
    } else {
      const due = addDays(since, s.reportWithinDays);
      steps.push({ id: 'skatteverket', title: ref('step.skatteverket'), state: classify(due), dueDate: due, reason, ...likely });
    }
  }

  // ---- Orosanmälan: home visit without contact while under adultAge ----
  const minorVisit = [...failedVisits].reverse().find((v) => ageRange(birth, v.date).min < s.adultAge) ?? null;
  if (!minorVisit) {
    steps.push({ id: 'orosanmalan', title: ref('step.orosanmalan'), state: 'not-applicable', reason: ref('reason.noOrosanmalanNeeded') });
  } else {
    const certain = ageRange(birth, minorVisit.date).max < s.adultAge;
    const doneNote = latestNote('orosanmalanDone', (n) => !n.date || n.date >= minorVisit.date);
    const reachedAfter = lastContact !== null && lastContact > minorVisit.date;
    const reason = ref(certain ? 'reason.orosanmalanUnder18' : 'reason.orosanmalanAgeUnknown', { visitDate: minorVisit.date });
    if (doneNote) steps.push({ id: 'orosanmalan', title: ref('step.orosanmalan'), state: 'done-local', dueDate: doneNote.date, reason });
    else if (reachedAfter) steps.push({ id: 'orosanmalan', title: ref('step.orosanmalan'), state: 'not-applicable', reason: ref('reason.reached') });
    else {
      const due = addDays(minorVisit.date, s.reportWithinDays);
      if (!certain) undecided.add('orosanmalan');
      steps.push({ id: 'orosanmalan', title: ref('step.orosanmalan'), state: classify(due), dueDate: due, reason });
    }
  }

  // ---- Restart after a home visit without contact ----
  if (stage === 'afterVisit' && cur.visit) {
    const due = addMonths(cur.visit.date, s.restartMonthsAfterVisit);
    steps.push({ id: 'restart', title: ref('step.restart'), state: classify(due), dueDate: due, ...withTarget(targetAt(actionDate(due))), reason: ref('reason.restartAfterVisit', { visitDate: cur.visit.date, months: s.restartMonthsAfterVisit }) });
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
  const attempt = lastContact === null ? latestAttempt(contacts, notes, halfYearStart(curHalf)) : null;
  if (!s.halfYearMinimum) {
    steps.push({ id: 'halfYearMinimum', title: ref('step.halfYearMinimum'), state: 'not-applicable', reason: ref('reason.halfYearOff') });
  } else if (lastContact && lastContactEv && lastContact >= halfYearStart(curHalf)) {
    steps.push({ id: 'halfYearMinimum', title: ref('step.halfYearMinimum'), state: doneState(lastContactEv.source), dueDate: lastContact, reason: ref('reason.halfYearDone', { halfYear: curHalf }) });
  } else if (attempt) {
    // Never reached: the documented attempts of this half-year are what can be reported; the ladder goes on.
    steps.push({ id: 'halfYearMinimum', title: ref('step.halfYearMinimum'), state: doneState(attempt.source), dueDate: attempt.date, reason: ref('reason.halfYearAttempts', { halfYear: curHalf, date: attempt.date }) });
  } else {
    const due = minIso(halfYearEnd(curHalf), addDays(endDate, -1));
    const params: TextParams = lastContact ? { halfYear: curHalf, lastContact } : { halfYear: curHalf };
    steps.push({ id: 'halfYearMinimum', title: ref('step.halfYearMinimum'), state: classify(due), dueDate: due, reason: ref('reason.halfYearOpen', params) });
  }

  // ---- Hand-over before the 20th birthday (from the earliest possible one) ----
  const handoverDate = addDays(ends.earliest, -s.handoverDaysBefore20);
  const handoverNote = latestNote('handoverDone');
  let handoverDue: LadderResult['handoverDue'];
  if (handoverNote) {
    steps.push({ id: 'handover20', title: ref('step.handover20'), state: 'done-local', dueDate: handoverNote.date, reason: ref('reason.handover', { endDate: ends.earliest }) });
  } else {
    steps.push({ id: 'handover20', title: ref('step.handover20'), state: classify(handoverDate), dueDate: handoverDate, reason: ref(today >= handoverDate ? 'reason.handover' : 'reason.handoverLater', { endDate: ends.earliest }) });
    if (!ended && today >= handoverDate) handoverDue = { dueDate: handoverDate, endDate: ends.earliest, daysLeft: Math.max(0, diffDays(today, ends.earliest)) };
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
    if (!isOpen(st.state)) undecided.delete(st.id);
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
    ageOnAction: ageRange(birth, actionDate(next?.dueDate)).min,
    age,
    ended,
    endDate,
    ...(handoverDue ? { handoverDue } : {}),
    lastContact,
    supersededNotes: superseded,
    problems: checked.problems,
    missedHalfYears: missedHalfYears(today, endDate, input.registeredFrom, contacts, measures, notes),
    ...(birth.exact ? {} : { birthDateUnknown: { earliest: birth.earliest, latest: birth.latest, undecided: steps.map((st) => st.id).filter((id) => undecided.has(id)) } }),
  };
}

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

const ATTEMPT_NOTES = new Set<LocalNote['step']>(['callFailed', 'letterSent', 'visitLetterSent', 'homeVisitDone']);
const DOCUMENTED_NOTES = new Set<LocalNote['step']>([...ATTEMPT_NOTES, 'reached', 'notInterested']);

/** The latest documented attempt on or after `from`: any entry of UKA's contact log, or a local attempt note. */
function latestAttempt(contacts: ContactEntry[], notes: LocalNote[], from: IsoDate): { date: IsoDate; source: Source } | null {
  let best: { date: IsoDate; source: Source } | null = null;
  for (const c of contacts) if (c.date >= from && (!best || c.date >= best.date)) best = { date: c.date, source: 'uka' };
  for (const n of notes) {
    if (!ATTEMPT_NOTES.has(n.step) || !('date' in n) || !n.date || n.date < from) continue;
    if (!best || n.date > best.date) best = { date: n.date, source: 'local' };
  }
  return best;
}

/**
 * Ended calendar half-years without any documented contact or attempt: since registration, or within the last
 * twelve months, whichever is shorter; never from before the first documented entry when registration is unknown,
 * and none that start on or after the end of the duty.
 */
function missedHalfYears(
  today: IsoDate,
  endDate: IsoDate,
  registeredFrom: unknown,
  contacts: ContactEntry[],
  measures: MeasureEntry[],
  notes: LocalNote[],
): HalfYear[] {
  const documented: IsoDate[] = contacts.map((c) => c.date);
  for (const n of notes) if (DOCUMENTED_NOTES.has(n.step) && 'date' in n && n.date) documented.push(n.date);
  let from: IsoDate | null = isIsoDate(registeredFrom) && registeredFrom <= today ? registeredFrom : null;
  if (!from) {
    const evidence = [...documented, ...measures.map((m) => m.start)];
    from = evidence.length ? minIso(...evidence) : null;
  }
  if (!from) return [];
  from = maxIso(from, addMonths(today, -12));
  const out: HalfYear[] = [];
  const current = halfYearOf(today);
  for (let h = halfYearOf(from); h < current && halfYearStart(h) < endDate; h = addHalfYears(h, 1)) {
    const start = halfYearStart(h);
    const end = halfYearEnd(h);
    if (!documented.some((d) => d >= start && d <= end)) out.push(h);
  }
  return out;
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
