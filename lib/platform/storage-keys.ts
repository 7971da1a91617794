/**
 * Every name under which KAA-lotsen keeps something in the browser: the keys of the extension's storage areas and the
 * name of its IndexedDB database. Code reads and writes storage only through these names (a unit test checks that no
 * storage call spells a key of its own), so this file is the list of what the extension can keep, for a reviewer as
 * for a DPIA.
 *
 * One constant per key (not one object), so that a bundle carries only the keys it uses: the UKA early script
 * (lib/startup) reads two of them while UKA's page is parsed, where every byte is compiled in the parser's first task.
 */

// ---- storage.local: kept until "Radera all lokal data" (which clears the whole area) or uninstall

/** The user's own settings (lib/settings); policy values are never copied here. */
import { IS_TEST_BUILD } from './build';

export const SETTINGS_KEY = 'settings';
/** The metodbok pack imported on the options page (lib/platform/pack.ts). */
export const PACK_KEY = 'contentPack';
/** The UKA markup profile imported on the options page (lib/platform/uka-profile.ts). */
export const PROFILE_KEY = 'ukaProfile';
/** Which parts of UKA's pages each markup profile has found: part names only, per profile id (lib/platform/parts-seen.ts). */
export const PARTS_SEEN_KEY = 'ukaPartsSeen';
/** The onboarding tour's progress: step ids seen per page kind (components/tour/progress.ts). */
export const TOUR_PROGRESS_KEY = 'tourProgress';
/** Epoch ms of the last "restart the tour" (the tour feature watches it). */
export const TOUR_RESTART_KEY = 'tourRestart';
/** Where and how tall our in-page panels were per kind of page: element positions and heights only (lib/startup/slots.ts). */
export const LAYOUT_HINTS_KEY = 'layoutHints';
/** Epoch ms up to which reminders were notified. */
export const REMINDERS_LAST_FIRED_KEY = 'remindersLastFired';
/** The instants the scheduler's named alarms are set for, by alarm name (lib/platform/scheduler.ts). */
export const SCHEDULED_ALARMS_KEY = 'scheduledAlarms';
/** Column mappings of Extens extracts: header names and the field each maps to, never data (entrypoints/extens). */
export const EXTENS_MAPPINGS_KEY = 'extensMappings';
/** The team's home-visit days saved on the worklist page: ISO dates only (entrypoints/background/handlers/worklist.ts). */
export const TEAM_VISIT_DAYS_KEY = 'teamVisitDays';
/** Test builds only: the clock override, an ISO date-time (lib/platform/clock.ts). */
export const TEST_CLOCK_KEY = 'testClock';
/**
 * Test builds only: simulated enterprise policy values (lib/platform/managed.ts). Production builds read no such key,
 * and their bundles must not even name it (.ci/check-production.mjs).
 */
export const TEST_MANAGED_KEY = IS_TEST_BUILD ? '__testManaged' : '';
/**
 * Test builds only: when true, the background refuses to write the SCB export log (entrypoints/background/handlers/
 * scb-log.ts), so that e2e tests can check that an override is then refused. Absent from production bundles.
 */
export const TEST_FAIL_EXPORT_LOG_KEY = IS_TEST_BUILD ? '__testFailExportLog' : '';

export const LOCAL_KEYS = [
  SETTINGS_KEY,
  PACK_KEY,
  PROFILE_KEY,
  PARTS_SEEN_KEY,
  TOUR_PROGRESS_KEY,
  TOUR_RESTART_KEY,
  LAYOUT_HINTS_KEY,
  REMINDERS_LAST_FIRED_KEY,
  SCHEDULED_ALARMS_KEY,
  EXTENS_MAPPINGS_KEY,
  TEAM_VISIT_DAYS_KEY,
  TEST_CLOCK_KEY,
  TEST_MANAGED_KEY,
  TEST_FAIL_EXPORT_LOG_KEY,
] as const;

// ---- storage.session: in memory for the browser session only

/** Ids of the reminders notified so far in this session (newest last), for the popup and tests. */
export const FIRED_LOG_KEY = 'firedLog';
/** What the content script last reported for a tab (page kind, feature states): one key per open tab. */
export function tabStatusKey(tabId: number): string {
  return `tab:${tabId}`;
}

/** The visit list's free text (two coaches, the team's note, planned times): entrypoints/worklist/main.tsx. */
export const VISIT_SESSION_KEY = 'visitSession';
/** Prefix of the session's name memory: a youth's name seen in UKA, one key per pseudonymous person key. */
export const SESSION_NAME_PREFIX = 'name:';
export function sessionNameKey(personKey: string): string {
  return `${SESSION_NAME_PREFIX}${personKey}`;
}

export const SESSION_KEYS = [FIRED_LOG_KEY, tabStatusKey(0), VISIT_SESSION_KEY, sessionNameKey('')] as const;

// ---- storage.sync: nothing. Settings are per browser profile; nothing of ours leaves the computer through sync.

export const SYNC_KEYS = [] as const;

// ---- storage.managed (read only, set by the organisation's policy; public/managed_schema.json)

/** A metodbok pack supplied by policy (locked). Every settings field is a policy key by its own name too. */
export const POLICY_PACK_KEY = 'contentPack';
/** A UKA markup profile supplied by policy (locked, tried first), as JSON text or a document. */
export const POLICY_PROFILE_KEY = 'ukaProfile';
/** Column mappings of Extens extracts shipped by the kommun (same shape as EXTENS_MAPPINGS_KEY in storage.local). */
export const POLICY_EXTENS_MAPPINGS_KEY = 'extensMappings';

// ---- IndexedDB

/** The extension's database (lib/store/db.ts: its object stores and versions). */
export const IDB_NAME = 'kaa-lotsen';
