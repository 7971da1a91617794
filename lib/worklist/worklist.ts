/**
 * The coach's worklist: person reminders grouped by what is to be done, each group by due date, with filters by
 * week. Pure: the background derives the reminders, this decides groups, order and what a filter shows.
 */
import { addDays, compareCodePoints, toDayNumber, type IsoDate } from '../domain/dates';
import { renderReminderDetail, renderReminderTitle } from '../reminders/texts';
import type { Reminder } from '../reminders/types';
import { WORK_GROUP_IDS, type WorkFilter, type WorkGroup, type WorkGroupId, type WorkItem, type Worklist } from './types';

/** Group titles in Swedish (our own wording). */
export const WORK_GROUP_TITLE: Record<WorkGroupId, string> = {
  calls: 'Samtal',
  letters: 'Brev och vykort',
  homeVisits: 'Hembesök att planera',
  visitLetters: 'Brev om hembesök',
  orosanmalan: 'Orosanmälan',
  skatteverket: 'Skatteverket',
  followUp: 'Uppföljning',
  handover: 'Överlämning vid 20',
  other: 'Övrigt',
};

const GROUP_OF_TITLE: Record<string, WorkGroupId> = {
  'step.callGuardians': 'calls',
  'step.callYouth': 'calls',
  'step.restart': 'calls',
  'step.contactLetterGuardians': 'letters',
  'step.contactPostcardYouth': 'letters',
  'step.planHomeVisit': 'homeVisits',
  'step.homeVisit': 'homeVisits',
  'step.visitLetterGuardians': 'visitLetters',
  'step.visitPostcardYouth': 'visitLetters',
  'step.orosanmalan': 'orosanmalan',
  'step.skatteverket': 'skatteverket',
  'step.followUp3m': 'followUp',
  'step.followUpAgreed': 'followUp',
  'step.followUpMeasure': 'followUp',
  'step.recontactNotInterested': 'followUp',
  'step.halfYearMinimum': 'followUp',
  'reminder.halfYearMinimum': 'followUp',
  'step.handover20': 'handover',
  'reminder.handover20': 'handover',
  'reminder.turns20': 'handover',
};

/**
 * The group of a reminder, or null when it is not a step for a youth (the SCB deadline, the monthly review).
 * A youth's step of a kind this table does not know goes to 'other', so that nothing is left out silently.
 */
export function groupOf(r: Pick<Reminder, 'titleKey' | 'personKey'>): WorkGroupId | null {
  const known = GROUP_OF_TITLE[r.titleKey];
  if (known) return known;
  return r.personKey ? 'other' : null;
}

/** A reminder as a worklist item (null for reminders that are not about a youth). */
export function workItemFrom(r: Reminder, name: string | null, url: string | null): WorkItem | null {
  const group = groupOf(r);
  if (!group) return null;
  const item: WorkItem = { id: r.id, group, dueDate: r.dueDate, state: r.state, title: renderReminderTitle(r), reason: renderReminderDetail(r), url, name };
  if (r.personKey) item.personKey = r.personKey;
  if (r.snoozedUntil) item.snoozedUntil = r.snoozedUntil;
  return item;
}

/** Monday (ISO week start) of the week that holds `date`. 1970-01-01 (day 0) was a Thursday. */
export function mondayOf(date: IsoDate): IsoDate {
  const weekday = (((toDayNumber(date) + 3) % 7) + 7) % 7; // Monday = 0
  return addDays(date, -weekday);
}

export interface Weeks {
  thisMonday: IsoDate;
  thisSunday: IsoDate;
  nextMonday: IsoDate;
  nextSunday: IsoDate;
}

export function weeksOf(today: IsoDate): Weeks {
  const thisMonday = mondayOf(today);
  return { thisMonday, thisSunday: addDays(thisMonday, 6), nextMonday: addDays(thisMonday, 7), nextSunday: addDays(thisMonday, 13) };
}

/**
 * Whether an item is shown under a filter:
 * - 'all': everything due by the end of next week (overdue included);
 * - 'overdue': due before today;
 * - 'thisWeek': to be done by Sunday this week, what is overdue included (it is this week's work too);
 * - 'nextWeek': due Monday to Sunday next week.
 */
export function matchesFilter(item: Pick<WorkItem, 'dueDate'>, filter: WorkFilter, today: IsoDate): boolean {
  const w = weeksOf(today);
  switch (filter) {
    case 'overdue':
      return item.dueDate < today;
    case 'thisWeek':
      return item.dueDate <= w.thisSunday;
    case 'nextWeek':
      return item.dueDate >= w.nextMonday && item.dueDate <= w.nextSunday;
    case 'all':
    default:
      return item.dueDate <= w.nextSunday;
  }
}

const collator = new Intl.Collator('sv-SE', { sensitivity: 'base' });

/** Due date first; then by name (unknown names last), then by id, so that the order is stable. */
export function compareItems(a: WorkItem, b: WorkItem): number {
  if (a.dueDate !== b.dueDate) return compareCodePoints(a.dueDate, b.dueDate);
  if (a.name !== b.name) {
    if (a.name === null) return 1;
    if (b.name === null) return -1;
    const byName = collator.compare(a.name, b.name);
    if (byName) return byName;
  }
  return compareCodePoints(a.id, b.id);
}

/**
 * The worklist under a filter: every group in order (empty ones too, so that the counts at the top always list the
 * same groups; 'other' only when something fell into it), each sorted by due date. Snoozed items are counted and
 * left out until their day.
 */
export function buildWorklist(items: readonly WorkItem[], today: IsoDate, filter: WorkFilter): Worklist {
  const byGroup = new Map<WorkGroupId, WorkItem[]>(WORK_GROUP_IDS.map((id) => [id, []]));
  let snoozed = 0;
  let total = 0;
  for (const item of items) {
    if (item.snoozedUntil && item.snoozedUntil > today) {
      snoozed++;
      continue;
    }
    if (!matchesFilter(item, filter, today)) continue;
    byGroup.get(item.group)!.push(item);
    total++;
  }
  const hasOther = items.some((i) => i.group === 'other');
  const groups: WorkGroup[] = WORK_GROUP_IDS.filter((id) => id !== 'other' || hasOther).map((id) => ({
    id,
    title: WORK_GROUP_TITLE[id],
    items: byGroup.get(id)!.sort(compareItems),
  }));
  return { groups, total, snoozed };
}

/** The next `count` steps across all groups (not snoozed), for the popup's short list. */
export function nextItems(items: readonly WorkItem[], today: IsoDate, count = 5): WorkItem[] {
  return items.filter((i) => !(i.snoozedUntil && i.snoozedUntil > today)).sort(compareItems).slice(0, count);
}
