/**
 * Types of the coach's worklist ("Att göra") and the home-visit list. Pure data: what the background sends to the
 * worklist page. Names are present only when this browser session has seen them in UKA (never stored on disk).
 */
import type { IsoDate } from '../domain/dates';

/** What is to be done, in the order the worklist shows the groups. */
export const WORK_GROUP_IDS = [
  'calls',
  'letters',
  'homeVisits',
  'visitLetters',
  'orosanmalan',
  'skatteverket',
  'followUp',
  'handover',
  'other',
] as const;
export type WorkGroupId = (typeof WORK_GROUP_IDS)[number];

export type WorkState = 'overdue' | 'due' | 'upcoming';

/** One step for one youth (a person reminder, with its name when known this session). */
export interface WorkItem {
  /** The reminder's id: snooze and done act on the same reminder as in the popup. */
  id: string;
  group: WorkGroupId;
  dueDate: IsoDate;
  state: WorkState;
  /** What to do, in Swedish. */
  title: string;
  /** Why (the ladder's reason), in Swedish; '' when there is none. */
  reason: string;
  /** The youth's page in UKA, or null when unknown. */
  url: string | null;
  personKey?: string;
  /** The youth's name as seen in UKA this browser session, or null. */
  name: string | null;
  /** Set while snoozed (shown again on that day). */
  snoozedUntil?: IsoDate;
}

/** The worklist's filters: everything up to the end of next week, only overdue steps, this week, next week. */
export const WORK_FILTERS = ['all', 'overdue', 'thisWeek', 'nextWeek'] as const;
export type WorkFilter = (typeof WORK_FILTERS)[number];

export interface WorkGroup {
  id: WorkGroupId;
  title: string;
  items: WorkItem[];
}

export interface Worklist {
  /** Every group in WORK_GROUP_IDS order ('other' only when it has items before filtering). */
  groups: WorkGroup[];
  /** Items shown after filtering. */
  total: number;
  /** Snoozed items left out (they come back on their day). */
  snoozed: number;
}

/** Where a youth stands for a chosen home-visit day. */
export type VisitPlan =
  /** A visit is noted for exactly this day. */
  | 'planned'
  /** A noted visit day has passed without the visit being registered: plan it again. */
  | 'missed'
  /** The visit letter went out (UKA's log) but no visit day is noted in KAA-lotsen. */
  | 'letterSent'
  /** Due for a visit (no answer to the contact letter) and not planned yet. */
  | 'toPlan';

export interface VisitRow {
  personKey: string;
  url: string | null;
  name: string | null;
  /** Age on the visit day. */
  age: number;
  plan: VisitPlan;
  /** The visit day noted in KAA-lotsen, when there is one. */
  plannedDate: IsoDate | null;
  /** Date the visit letter/postcard went out, when known. */
  letterSent: IsoDate | null;
  /** Latest day the visit letter must go out for this visit day (visit day − letterDaysBeforeVisit). */
  letterLatest: IsoDate;
  /** Who gets the visit letter: the guardians (under 18 on the day it goes out) or the youth. */
  letterTo: 'vardnadshavare' | 'ungdom';
}
