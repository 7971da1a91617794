/**
 * Background handlers of the worklist page ("Att göra") and its home-visit list. The steps are the person reminders
 * (so snooze and done are shared with the popup); names come from this browser session's memory
 * (lib/platform/session-names.ts) and are never stored. The team's visit days are dates only, kept in
 * storage.local; the content pack's days (the routine's homeVisitDays) are offered too.
 */
import { browser } from 'wxt/browser';
import { isIsoDate, type IsoDate } from '../../../lib/domain/dates';
import type { VisitListData, WorklistData } from '../../../lib/messages/commands';
import { loadEffective } from '../../../lib/platform/effective';
import { today as clockToday } from '../../../lib/platform/clock';
import { sessionNames } from '../../../lib/platform/session-names';
import { TEAM_VISIT_DAYS_KEY } from '../../../lib/platform/storage-keys';
import { DEFAULT_VISIT_SETTINGS, upcomingVisitDays, visitList, workItemFrom, type WorkItem } from '../../../lib/worklist';
import { computeReminders, persons } from '../../../lib/reminders/stored';
import { ukaUrl as urlFor } from '../../../lib/platform/links';
import type { DomainHandlers } from './types';

/** storage.local: the team's home-visit days saved on the worklist page (ISO dates, no personal data). */
const VISIT_DAYS_KEY = TEAM_VISIT_DAYS_KEY;

async function savedVisitDays(): Promise<IsoDate[]> {
  const got = (await browser.storage.local.get(VISIT_DAYS_KEY))[VISIT_DAYS_KEY];
  return Array.isArray(got) ? got.filter((d): d is IsoDate => typeof d === 'string' && isIsoDate(d)) : [];
}

export async function setVisitDays(days: readonly IsoDate[]): Promise<{ days: IsoDate[] }> {
  const clean = [...new Set(days.filter((d) => isIsoDate(d)))].sort();
  await browser.storage.local.set({ [VISIT_DAYS_KEY]: clean });
  return { days: clean };
}

async function routineNow() {
  const { loaded, routine } = await loadEffective();
  const letterDaysBeforeVisit = routine.letterDaysBeforeVisit ?? DEFAULT_VISIT_SETTINGS.letterDaysBeforeVisit;
  return { settings: loaded.settings, routine, letterDaysBeforeVisit };
}

export async function worklistData(): Promise<WorklistData> {
  const [today, names, reminders, { settings, routine, letterDaysBeforeVisit }, saved] = await Promise.all([
    clockToday(),
    sessionNames(),
    computeReminders(),
    routineNow(),
    savedVisitDays(),
  ]);
  const items: WorkItem[] = [];
  const keys = new Set<string>();
  for (const r of reminders) {
    const item = workItemFrom(r, r.personKey ? (names.get(r.personKey) ?? null) : null, urlFor(settings.ukaOrigin, r.path));
    if (!item) continue;
    items.push(item);
    if (r.personKey) keys.add(r.personKey);
  }
  const known = await persons(today);
  return {
    today,
    items,
    visitDays: upcomingVisitDays([...(routine.homeVisitDays ?? []), ...saved], today, isIsoDate),
    letterDaysBeforeVisit,
    persons: known.length,
    named: known.filter((p) => names.has(p.key)).length,
  };
}

export async function visitListData(visitDay: IsoDate): Promise<VisitListData> {
  const [today, names, { settings, routine, letterDaysBeforeVisit }] = await Promise.all([clockToday(), sessionNames(), routineNow()]);
  const known = await persons(today);
  const rows = visitList(
    known.map((p) => ({ key: p.key, url: urlFor(settings.ukaOrigin, p.path), name: names.get(p.key) ?? null, birthDate: p.birthDate, ladder: p.ladder })),
    visitDay,
    today,
    { letterDaysBeforeVisit, adultAge: routine.adultAge ?? DEFAULT_VISIT_SETTINGS.adultAge, endAge: routine.endAge ?? DEFAULT_VISIT_SETTINGS.endAge },
  );
  return { today, visitDay, rows, letterDaysBeforeVisit, unread: known.filter((p) => !p.ladder).length };
}

export function worklistHandlers(): DomainHandlers<'worklist-get' | 'visit-list' | 'visit-days-set'> {
  return {
    'worklist-get': () => worklistData(),
    'visit-list': ({ visitDay }) => visitListData(visitDay),
    'visit-days-set': ({ days }) => setVisitDays(days),
  };
}
