import type { IsoDate } from '../domain/dates';
import type { LadderResult, StepTitleKey, TextParams, TextRef } from '../ladder/types';
import { SCB_DEADLINES } from '../domain/routine';

export type ReminderKind = 'followup3m' | 'halfYearMinimum' | 'turns20' | 'handover20' | 'visitLetter' | 'scbDeadline' | 'monthlyReview' | 'ladderStep';

export type ReminderState = 'overdue' | 'due' | 'upcoming';

export type ReminderOnlyKey =
  | 'reminder.turns20'
  | 'reminder.scbDeadline'
  | 'reminder.monthlyReview'
  | 'reminder.halfYearMinimum'
  | 'reminder.handover20'
  | 'reminder.ladderUnavailable';
export type ReminderTitleKey = StepTitleKey | ReminderOnlyKey;

export interface Reminder {
  /** Stable: kind, pseudonymous person key and due date (a changed due date is a new reminder). */
  id: string;
  kind: ReminderKind;
  dueDate: IsoDate;
  /** overdue: dueDate < today; due: today ≥ notifyFrom; upcoming: before notifyFrom. */
  state: ReminderState;
  /** First day the reminder is shown as due (and the first alarm). */
  notifyFrom: IsoDate;
  /** Days on which an alarm fires (at `alarmHour` Stockholm time), ascending. */
  alarmDates: IsoDate[];
  /** Pseudonymous person key, for person reminders. Never a name or personnummer. */
  personKey?: string;
  /** UKA page path (no personnummer), for person reminders. */
  path?: string;
  titleKey: ReminderTitleKey;
  params: TextParams;
  /** Why, as a ladder text reference (dates only), when there is one. */
  detail?: TextRef;
  /** Set while snoozed (today < snoozedUntil): hide it in the panel; its alarm moves to that day. */
  snoozedUntil?: IsoDate;
}

export interface ReminderPerson {
  key: string;
  path: string;
  birthDate: IsoDate;
  ladder: LadderResult | null;
  lastContact?: IsoDate;
}

export interface ScbDeadlineSettings {
  /** 'MM-DD' in the same year for the first half-year (default in lib/domain/routine.ts). */
  H1: string;
  /** 'MM-DD' in the following year for the second half-year. */
  H2: string;
  /** Days before the deadline when alarms fire (default [30, 14, 7]); the largest starts the 'due' state. */
  warnDays: number[];
}

export const DEFAULT_SCB_DEADLINES: Readonly<ScbDeadlineSettings> = Object.freeze({ ...SCB_DEADLINES, warnDays: [30, 14, 7] });

export interface ReminderSettings {
  /** A person reminder turns 'due' this many days before its due date (default 7). */
  dueSoonDays: number;
  /** KAA ends on this birthday (default 20). */
  endAge: number;
  /** Hand-over reminder this many days before the end birthday, when no ladder result is at hand (default 30). */
  handoverDaysBefore20: number;
  /** The "turns 20" reminder is shown from this many days before the birthday (default 7) … */
  turns20NoticeDays: number;
  /** … until this many days after it, unless marked done (default 30). */
  turns20KeepDays: number;
  /** Months between reviews of the "Export till SCB" list (default 1). */
  monthlyReviewMonths: number;
}

export const DEFAULT_REMINDER_SETTINGS: Readonly<ReminderSettings> = Object.freeze({
  dueSoonDays: 7,
  endAge: 20,
  handoverDaysBefore20: 30,
  turns20NoticeDays: 7,
  turns20KeepDays: 30,
  monthlyReviewMonths: 1,
});

export interface ReminderInputs {
  today: IsoDate;
  persons: ReminderPerson[];
  scb?: Partial<ScbDeadlineSettings>;
  lastMonthlyReview?: IsoDate;
  /** Collection periods (e.g. '2026H2') whose SCB file has been exported: their deadline reminders are closed. */
  exportedPeriods?: string[];
  /** UKA path of the "Export till SCB" tab, linked from the monthly review reminder. */
  monthlyReviewPath?: string;
  /** Reminder id → snoozed until (exclusive: shown again on that day). */
  snoozed: Record<string, IsoDate>;
  /** Reminder id → date it was marked done. Done reminders are left out. */
  done: Record<string, IsoDate>;
  settings?: Partial<ReminderSettings>;
}

/** A reminder as the popup lists it: texts rendered, the UKA page as a full same-origin URL (or null). */
export interface ReminderView {
  id: string;
  kind: ReminderKind;
  state: ReminderState;
  dueDate: IsoDate;
  title: string;
  detail: string;
  url: string | null;
  personKey?: string;
  /** The youth's name when seen in UKA this browser session (never stored on disk). */
  name?: string;
}

/** Counts over every recorded youth's ladder, for the popup: no keys, no names. */
export interface LadderSummary {
  /** Youths with at least one ended half-year without documented contact or attempt. */
  missedPersons: number;
  /** Those half-years, summed over the youths. */
  missedHalfYears: number;
  /** Youths with a date in UKA that the ladder could not use. */
  withDateProblems: number;
  /** Youths whose ladder could not be computed at all. */
  unavailable: number;
}
