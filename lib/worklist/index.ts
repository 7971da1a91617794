export * from './types';
export { WORK_GROUP_TITLE, groupOf, workItemFrom, mondayOf, weeksOf, matchesFilter, compareItems, buildWorklist, nextItems, type Weeks } from './worklist';
export { visitRowFor, visitList, upcomingVisitDays, DEFAULT_VISIT_SETTINGS, type VisitPerson, type VisitSettings } from './visits';
