/**
 * The contact ladder (kontakttrappan, metodbok ch. 2) and follow-up rules (ch. 5) as one pure function.
 *
 * How it is computed, and where:
 * - Every date is checked first (inputs.ts): a date that is not a real calendar date, or a record of something done
 *   after today, is left out of the reasoning and listed in `problems`. The rest is computed as if it were not there.
 *   The function never throws: when it cannot compute at all (today or the birth date unreadable) the result has
 *   stage 'unknown', no steps, and `unavailable` says why.
 * - UKA's contact log and the local notes still in force become events, replayed into ladder rounds (events.ts:
 *   what counts as a call, a letter, a visit or contact, and when a local note is superseded by UKA). The last round
 *   decides the stage.
 * - The steps are built from the current round (step-context.ts: addressee and due state; ladder-steps.ts: calls,
 *   letters, the home visit; duty-steps.ts: Skatteverket, orosanmälan, restart, follow-up, half-year minimum,
 *   hand-over). Every step's addressee is decided by the age on the day the step will be done; the switch is exact on
 *   the birthday. A youth born on 29 February turns 18 on 1 March in a common year and on 29 February in a leap year
 *   (lib/domain/dates: the Swedish rule, the same everywhere in the extension).
 * - A birth date partly unknown (samordningsnummer with month or day 00) is a range of possible dates: an addressee is
 *   decided only when every possible date gives the same answer; otherwise the step is listed in
 *   `birthDateUnknown.undecided` and worded for both. The duty is taken to end on the latest possible 20th birthday
 *   (never drop a youth early), the hand-over prompt counts from the earliest possible one.
 * - Nothing is open on or after the end of the duty; the next action is the earliest dated open step.
 * - `missedHalfYears` (attempts.ts): ended calendar half-years with no documented contact or attempt (any entry in
 *   UKA's contact log, or a local note of a call, letter, visit or contact), since registration or within the last
 *   twelve months, whichever is shorter. Without a registration date the first documented entry stands in for it.
 */
import { isIsoDate, type IsoDate } from '../domain/dates';
import type { MeasureEntry } from '../uka/types';
import { missedHalfYears } from './attempts';
import { orosanmalanStep, followUpStep, halfYearStep, handoverStep, restartStep, skatteverketStep } from './duty-steps';
import { replay, supersedeNotes, toEvents, type LadderEvent, type Round } from './events';
import { ageRange, birthdayRange, birthRange, checkInput } from './inputs';
import { ladderSteps } from './ladder-steps';
import { ref, stepContext } from './step-context';
import {
  DEFAULT_LADDER_SETTINGS,
  type DateProblem,
  type LadderInput,
  type LadderResult,
  type LadderSettings,
  type NextAction,
  type Stage,
  type StepId,
  type StepState,
  type TextRef,
} from './types';

export { supersedeNotes } from './events';
export { halfYearDue } from './attempts';

function ongoingMeasure(measures: MeasureEntry[], today: IsoDate): MeasureEntry | null {
  let best: MeasureEntry | null = null;
  for (const m of measures) {
    if (m.start <= today && (m.end === null || m.end >= today)) {
      if (!best || m.start > best.start) best = m;
    }
  }
  return best;
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

  const { active: notes, superseded } = supersedeNotes(contacts, checked.notes.map((n) => n.value), s.supersedeWindowDays);
  const events = toEvents(contacts, notes);
  const { rounds, failedVisits } = replay(events);
  const cur = rounds[rounds.length - 1] as Round;

  const contactDates = events.filter((e) => e.kind === 'reached' || e.kind === 'notInterested');
  const lastContactEv = contactDates.length ? (contactDates[contactDates.length - 1] as LadderEvent) : null;
  const lastContact = lastContactEv?.date ?? null;

  const measure = ongoingMeasure(measures, today);

  // ---- stage ----
  const reachedRound = cur.reached !== null;
  let stage: Stage;
  if (ended) stage = 'ended';
  else if (measure) stage = 'inMeasure';
  else if (reachedRound) stage = cur.notInterested ? 'notInterested' : 'followUp';
  else if (cur.empty) stage = 'notStarted';
  else if (cur.visit) stage = 'afterVisit';
  else stage = 'calling'; // refined by ladderSteps from the first open rung

  const c = stepContext({ s, today, birth, contacts, notes, cur, failedVisits, lastContact, lastContactEv, measure, ends, endDate, undecided });
  const rungs = ladderSteps(c, stage);
  stage = rungs.stage;
  const steps = [...rungs.steps, skatteverketStep(c), orosanmalanStep(c), restartStep(c, stage), followUpStep(c, stage), halfYearStep(c)];
  const handover = handoverStep(c, ended);
  steps.push(handover.step);
  const handoverDue = handover.handoverDue;

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
    ageOnAction: ageRange(birth, c.actionDate(next?.dueDate)).min,
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
