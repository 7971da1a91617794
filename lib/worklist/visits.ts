/**
 * The home-visit list for one visit day (metodbok: visits once a month by two coaches; the youths due for a visit are
 * kept on a running list with the planned date, and the visit letter goes out at least a week before). Pure: which
 * youths the contact ladder puts on the list for the day, and where each stands with the visit letter.
 */
import { addDays, ageOn, birthdayOn, compareCodePoints, type IsoDate } from '../domain/dates';
import type { LadderResult, Step } from '../ladder/types';
import type { VisitRow } from './types';

export interface VisitPerson {
  key: string;
  url: string | null;
  name: string | null;
  birthDate: IsoDate;
  /** The ladder for today, or null when the youth's person page has not been read (nothing to decide from). */
  ladder: LadderResult | null;
}

export interface VisitSettings {
  /** The visit letter goes out at least this many days before the visit (mb 2.4). */
  letterDaysBeforeVisit: number;
  /** From this age the youth, not the guardians, gets the letter (a postcard). */
  adultAge: number;
  /** KAA ends on this birthday: nobody is visited on or after it. */
  endAge: number;
}

export const DEFAULT_VISIT_SETTINGS: Readonly<VisitSettings> = Object.freeze({ letterDaysBeforeVisit: 7, adultAge: 18, endAge: 20 });

const isOpen = (s: Step | undefined): s is Step => !!s && (s.state === 'due' || s.state === 'overdue' || s.state === 'upcoming');
const isDone = (s: Step | undefined): s is Step => !!s && (s.state === 'done-uka' || s.state === 'done-local');

/**
 * The youth's place on the list for `visitDay`, or null when the youth does not belong on it:
 * - a visit noted for exactly that day ('planned');
 * - a noted visit day that has passed without the visit being registered ('missed': it needs a new day);
 * - the visit letter has gone out according to UKA, and no day is noted in KAA-lotsen ('letterSent');
 * - the contact letter brought no answer by the visit day, so a visit is due and not planned yet ('toPlan').
 * A youth planned for another coming day, not yet due for a visit, already visited, reached, or 20 by the visit day
 * is not on the list.
 */
export function visitRowFor(p: VisitPerson, visitDay: IsoDate, today: IsoDate, settings: VisitSettings = DEFAULT_VISIT_SETTINGS): VisitRow | null {
  const ladder = p.ladder;
  if (!ladder || ladder.ended) return null;
  if (visitDay >= birthdayOn(p.birthDate, settings.endAge)) return null;
  const step = (id: string) => ladder.steps.find((s) => s.id === id);
  const visit = step('homeVisit');
  const plan = step('planHomeVisit');
  const letter = step('visitLetter');
  if (!isOpen(visit)) return null;

  let row: Pick<VisitRow, 'plan' | 'plannedDate'> | null = null;
  if (visit.dueDate) {
    // The ladder dates an open visit by the day noted for it.
    if (visit.dueDate === visitDay) row = { plan: 'planned', plannedDate: visit.dueDate };
    else if (visit.dueDate < today) row = { plan: 'missed', plannedDate: visit.dueDate };
  } else if (isDone(letter)) {
    row = { plan: 'letterSent', plannedDate: null };
  } else if (isOpen(plan) && plan.dueDate && plan.dueDate <= visitDay) {
    row = { plan: 'toPlan', plannedDate: null };
  }
  if (!row) return null;

  const letterLatest = addDays(visitDay, -settings.letterDaysBeforeVisit);
  const letterSent = isDone(letter) ? (letter.dueDate ?? null) : null;
  // Addressed by the age on the day the letter goes out: today when it is due now, else its latest day.
  const sendOn = letterLatest > today ? letterLatest : today;
  const letterTo = letterSent && letter?.target ? letter.target : ageOn(p.birthDate, sendOn) < settings.adultAge ? 'vardnadshavare' : 'ungdom';
  return { personKey: p.key, url: p.url, name: p.name, age: ageOn(p.birthDate, visitDay), ...row, letterSent, letterLatest, letterTo };
}

const collator = new Intl.Collator('sv-SE', { sensitivity: 'base' });

/** The home-visit list for `visitDay`: by name (unknown names last, by key), so that a printed list is easy to scan. */
export function visitList(persons: readonly VisitPerson[], visitDay: IsoDate, today: IsoDate, settings: VisitSettings = DEFAULT_VISIT_SETTINGS): VisitRow[] {
  const rows: VisitRow[] = [];
  for (const p of persons) {
    const row = visitRowFor(p, visitDay, today, settings);
    if (row) rows.push(row);
  }
  return rows.sort((a, b) => {
    if (a.name !== b.name) {
      if (a.name === null) return 1;
      if (b.name === null) return -1;
      const c = collator.compare(a.name, b.name);
      if (c) return c;
    }
    return compareCodePoints(a.personKey, b.personKey);
  });
}

/**
 * The visit days to offer: the team's days (content pack or settings) from today on, sorted, without repeats and
 * without anything that is not a calendar date.
 */
export function upcomingVisitDays(days: readonly string[], today: IsoDate, isDate: (s: string) => boolean): IsoDate[] {
  return [...new Set(days.filter((d) => isDate(d) && d >= today))].sort(compareCodePoints);
}
