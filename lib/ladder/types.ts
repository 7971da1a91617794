/**
 * Types of the contact-ladder engine (kontakttrappan, metodbok ch. 2 and 5). Pure data, no behaviour.
 */
import type { ContactEntry, MeasureEntry, OccupationEntry } from '../uka/types';
import type { IsoDate } from '../domain/dates';
import { LADDER_NUMBER_KEYS, routineDefaults } from '../domain/routine';

/**
 * Things the coach notes in the extension that UKA cannot hold (or has not been updated with yet).
 * Dates are calendar dates; where `date` is optional an undated note counts as "done, whenever".
 *
 * Notes whose step UKA can also record ('callFailed', 'letterSent', 'visitLetterSent', 'homeVisitDone', 'reached')
 * are superseded by the matching UKA log entry (same class of entry within `supersedeWindowDays`); see events.ts.
 */
export type LocalNote =
  /** A phone attempt that did not reach anyone (not yet entered in UKA). */
  | { step: 'callFailed'; date: IsoDate }
  /** The contact letter (to guardians) or contact postcard (to the youth) was sent. */
  | { step: 'letterSent'; date: IsoDate }
  /** A home visit is planned on `date` (the date of the visit, from the running visit list). */
  | { step: 'homeVisitPlanned'; date: IsoDate }
  /** The letter/postcard announcing the home visit was sent on `date`. */
  | { step: 'visitLetterSent'; date: IsoDate }
  /** The home visit took place on `date`; `reached` when someone was met. */
  | { step: 'homeVisitDone'; date: IsoDate; reached: boolean }
  /** Contact was made (outside UKA's log so far). */
  | { step: 'reached'; date: IsoDate }
  /** Reached, but the youth does not want support from KAA (mb 2.2.3). */
  | { step: 'notInterested'; date: IsoDate }
  /** It turned out the youth does not live at the registered address (mb 2.4.1). */
  | { step: 'notLivingAtAddress'; date: IsoDate }
  /** The address problem was reported to Skatteverket's bosättningskontroll. */
  | { step: 'skatteverketReported'; date?: IsoDate }
  /** A concern report (orosanmälan) was made to social services. */
  | { step: 'orosanmalanDone'; date?: IsoDate }
  /** The next follow-up date agreed with the party running a measure, or set by individual judgement. */
  | { step: 'followUpAgreed'; date: IsoDate }
  /** The case was handed over before the 20th birthday (e.g. to målgrupp 2 / another actor). */
  | { step: 'handoverDone'; date?: IsoDate };

export type LocalNoteStep = LocalNote['step'];

/** One municipality's routine (the metodbok), not law: every value is a setting of the content pack. */
export interface LadderSettings {
  /** Follow-up interval for a reached youth without a measure (mb 5.2). */
  followUpMonths: number;
  /** Failed phone attempts before the contact letter/postcard (mb 2.3). */
  failedCallsBeforeLetter: number;
  /** The visit letter goes out at least this many days before the home visit (mb 2.4.1). */
  letterDaysBeforeVisit: number;
  /** Hand-over prompt this many days before the 20th birthday. */
  handoverDaysBefore20: number;
  /** After a home visit without contact, start the attempts again after this many months (mb 2.5). */
  restartMonthsAfterVisit: number;
  /** After "not interested", contact again after this many months (mb 2.2.3). */
  notInterestedMonths: number;
  /** Everyone must be reached at least once each calendar half-year (mb 2.2.3, 5.2). */
  halfYearMinimum: boolean;
  /** From this age the youth, not the guardians, is called and gets a postcard instead of a letter. */
  adultAge: number;
  /** KAA ends on this birthday (Skollagen 29:9). */
  endAge: number;
  /** Our default (not in the metodbok): days between phone attempts, and from the 3rd failed call to the letter. */
  callRetryDays: number;
  /** Our default (not in the metodbok): days to wait for an answer to the contact letter before planning a visit. */
  letterAnswerDays: number;
  /** A step is 'due' (rather than 'upcoming') when its due date is at most this many days ahead. */
  dueSoonDays: number;
  /** A local note is superseded by a UKA entry of the same kind at most this many days away from it. */
  supersedeWindowDays: number;
  /** Our default (not in the metodbok): days within which a Skatteverket report or orosanmälan is due. */
  reportWithinDays: number;
  /** The team's planned monthly home-visit days, if known; used to suggest a visit date. */
  homeVisitDays: IsoDate[];
  /**
   * Words that, found in UKA's note of a home visit without contact, make the Skatteverket step likely ("trolig"):
   * plain text, matched case-insensitively with spaces normalised, not after a negation ("har inte flyttat").
   */
  notLivingPatterns: string[];
}

/** The numbers come from the routine table (lib/domain/routine.ts). */
export const DEFAULT_LADDER_SETTINGS: Readonly<LadderSettings> = Object.freeze({
  ...routineDefaults(LADDER_NUMBER_KEYS),
  halfYearMinimum: true,
  homeVisitDays: [] as IsoDate[],
  notLivingPatterns: ['bor ej på adressen', 'bor inte på adressen', 'okänd på adressen', 'flyttat', 'avflyttad', 'utflyttad'],
});

export interface LadderInput {
  /** Today's date. Anything that is not a real calendar date makes the ladder `unavailable`. */
  today: IsoDate;
  /**
   * The birth date from the personnummer. A samordningsnummer may carry 00 as month and/or day (birth date partly
   * unknown, as Skatteverket issues them): '2008-00-06', '2008-05-00', '2008-00-00' are accepted, and the ladder
   * works with the range of possible dates (see `birthDateUnknown` in the result).
   */
  birthDate: string;
  /**
   * UKA's contact log and measures, as read. Every date is checked: one that is not a real calendar date, or that
   * lies after today, is left out of the reasoning and reported in `problems`.
   */
  contacts: ContactEntry[];
  measures: MeasureEntry[];
  /** Start of the current registration period in UKA, when known; bounds `missedHalfYears`. */
  registeredFrom?: string | null;
  /** Accepted for completeness; the ladder does not read it (an occupation entry is not proof of contact). */
  occupations?: OccupationEntry[];
  localNotes: LocalNote[];
  settings?: Partial<LadderSettings>;
}

/** Steps after the phone attempts, in ladder order. Call steps are `call1`…`callN` (N = failedCallsBeforeLetter). */
export const FIXED_STEP_IDS = [
  'contactLetter',
  'planHomeVisit',
  'visitLetter',
  'homeVisit',
  'skatteverket',
  'orosanmalan',
  'restart',
  'followUp',
  'halfYearMinimum',
  'handover20',
] as const;
export type CallStepId = `call${number}`;
export type StepId = CallStepId | (typeof FIXED_STEP_IDS)[number];

export type StepState = 'done-uka' | 'done-local' | 'due' | 'overdue' | 'not-applicable' | 'upcoming';

export type Stage =
  /** The ladder could not be computed at all (see `unavailable`). */
  | 'unknown'
  | 'notStarted'
  | 'calling'
  | 'contactLetter'
  | 'homeVisit'
  | 'afterVisit'
  | 'notInterested'
  | 'followUp'
  | 'inMeasure'
  | 'ended';

export type TextParams = Record<string, string | number>;

/** A text reference: the UI renders Swedish text from `key` (see texts.ts). Params never hold names or numbers. */
export interface TextRef {
  key: LadderTextKey;
  params: TextParams;
}

export type StepTitleKey =
  | 'step.callGuardians'
  | 'step.callYouth'
  | 'step.callUndecided'
  | 'step.contactLetterGuardians'
  | 'step.contactPostcardYouth'
  | 'step.contactLetterUndecided'
  | 'step.planHomeVisit'
  | 'step.visitLetterGuardians'
  | 'step.visitPostcardYouth'
  | 'step.visitLetterUndecided'
  | 'step.homeVisit'
  | 'step.skatteverket'
  | 'step.orosanmalan'
  | 'step.restart'
  | 'step.followUp3m'
  | 'step.followUpAgreed'
  | 'step.followUpMeasure'
  | 'step.recontactNotInterested'
  | 'step.halfYearMinimum'
  | 'step.handover20';

export type ReasonKey =
  | 'reason.startLadder'
  | 'reason.callAfterFailed'
  | 'reason.doneOn'
  | 'reason.letterAfterCalls'
  | 'reason.visitAfterLetter'
  | 'reason.visitLetterBeforeVisit'
  | 'reason.visitPlanned'
  | 'reason.visitNotPlanned'
  | 'reason.visitDateMissed'
  | 'reason.notLivingAtAddress'
  | 'reason.notLivingLikely'
  | 'reason.addressOk'
  | 'reason.orosanmalanUnder18'
  | 'reason.orosanmalanAgeUnknown'
  | 'reason.noOrosanmalanNeeded'
  | 'reason.restartAfterVisit'
  | 'reason.noVisitWithoutContact'
  | 'reason.followUp3m'
  | 'reason.followUpAgreed'
  | 'reason.followUpMeasure'
  | 'reason.notInterested'
  | 'reason.notReachedYet'
  | 'reason.reached'
  | 'reason.inMeasure'
  | 'reason.skipped'
  | 'reason.waitingForEarlierStep'
  | 'reason.halfYearDone'
  | 'reason.halfYearAttempts'
  | 'reason.halfYearOpen'
  | 'reason.halfYearOff'
  | 'reason.handover'
  | 'reason.handoverLater'
  | 'reason.after20'
  | 'reason.ended'
  | 'reason.unavailableToday'
  | 'reason.unavailableBirthDate'
  | 'reason.unavailableInternal';

export type LadderTextKey = StepTitleKey | ReasonKey;

/** Where a date that the ladder could not use came from. `index` is the position in the input list. */
export type DateProblemSource = 'contact' | 'measure' | 'note';
export type DateProblemKind = 'not-a-date' | 'in-the-future';

/** A date left out of the ladder's reasoning, to be corrected (in UKA, or in the local note). */
export interface DateProblem {
  source: DateProblemSource;
  /** Position in `contacts`, `measures` or `localNotes` of the input. */
  index: number;
  /** The field holding the date: 'date' (contacts, notes), 'start' or 'end' (measures). */
  field: 'date' | 'start' | 'end';
  /** The value as given (truncated to 40 characters). */
  value: string;
  problem: DateProblemKind;
}

export interface Step {
  id: StepId;
  /** What to do, as a text key (varies with age on the action date, e.g. letter to guardians vs postcard). */
  title: TextRef;
  state: StepState;
  /** When it is/was due; for done steps, the date it was done (when known). */
  dueDate?: IsoDate;
  /**
   * Who the action is aimed at, for call/letter steps: decided by the age on the day the step will be done (today
   * when it is due or overdue, its due date when it lies ahead). Absent when the birth date is too uncertain to tell.
   */
  target?: 'vardnadshavare' | 'ungdom';
  reason: TextRef;
  /** The step is probably needed, from what UKA's own note says (not confirmed by the coach). */
  likely?: boolean;
}

export interface NextAction {
  action: StepId;
  title: TextRef;
  dueDate: IsoDate;
  state: 'due' | 'overdue' | 'upcoming';
  reason: TextRef;
}

export interface LadderResult {
  stage: Stage;
  steps: Step[];
  next: NextAction | null;
  /** Age on the date of the next action (or today when there is none). */
  ageOnAction: number;
  /** Age today. */
  age: number;
  /** The KAA duty has ended (20th birthday reached). */
  ended: boolean;
  /** The endAge birthday. */
  endDate: IsoDate;
  /** Present from `handoverDaysBefore20` days before the 20th birthday until it, unless a hand-over is noted. */
  handoverDue?: { dueDate: IsoDate; endDate: IsoDate; daysLeft: number };
  /** Latest date someone was reached (UKA or local), if any. */
  lastContact: IsoDate | null;
  /** Local notes that UKA's log now covers; the UI may offer to delete them. */
  supersededNotes: LocalNote[];
  /** Dates left out of the reasoning (not a real date, or after today), in input order. */
  problems: DateProblem[];
  /**
   * Calendar half-years (e.g. '2026H1') that ended with no documented contact or attempt, oldest first: every
   * half-year since registration, or within the last twelve months, whichever is shorter.
   */
  missedHalfYears: string[];
  /** Set when the birth date is only partly known (samordningsnummer with month or day 00). */
  birthDateUnknown?: {
    /** Earliest and latest possible birth date. */
    earliest: IsoDate;
    latest: IsoDate;
    /** Age-dependent steps the ladder could not decide (the age on the action day lies on both sides of the limit). */
    undecided: StepId[];
  };
  /** Set (with stage 'unknown', no steps) when the ladder cannot be computed at all. */
  unavailable?: TextRef;
}
