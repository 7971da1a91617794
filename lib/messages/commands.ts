/**
 * Every command of KAA-lotsen's message layer: its payload schema (validated in the background before any handler
 * runs) and, in CommandResults, what the handler answers. Personal data rule: the commands that carry a
 * personnummer are 'persons-listed', 'person-keys' and 'ladder-view'; their handlers turn it into a
 * pseudonymous key (or a birth date) and drop it.
 */
import { z } from 'zod';
import { parseId } from '../domain/personnummer';
import { SLUG_RE } from '../content/markdown';
import { PAGE_KINDS } from '../uka/types';
import type { LoadedSettings } from '../settings';
import type { Pack } from '../content/schema';
import type { ProfileDoc } from '../platform/uka-profile';
import { PART_NAMES, type PartsSeen } from '../uka/parts';
import { ContactEntry, IsoDate, MeasureEntry, OccupationEntry, RegistrationPeriod } from '../uka/types';
import type { LadderSettings, LocalNote } from '../ladder/types';
import type { LadderView } from '../ladder/view';
import { LocalNoteSchema, type ErrorRecord, type ExportLogEntry, type ReminderStateRecord } from '../store/types';
import type { LadderSummary, ReminderView } from '../reminders/types';
import type { ReviewView } from '../review/records';
import type { VisitRow, WorkItem } from '../worklist/types';
import type { ScbReport, Verdict } from '../scb/validate/types';
import { MAX_UPLOAD_CHECK_BYTES } from '../scb/upload-limit';
import { defineCommands, type HandlerMap, type PayloadInput } from './dispatch';

import { PersonKey } from './person-key';
import { isUkaPath } from '../platform/links';
import { KNOWN_PAGE_KINDS } from '../startup/kinds';
import { CODE_PARTS } from '../startup/parts';

export { PersonKey };
const Text = (max: number) => z.string().max(max);
const Empty = z.object({}).optional();
/** Far above any kommun's list; a bound so that a broken message cannot fill the database. */
const MAX_REVIEW_KEYS = 20_000;
/** A UKA page path (no origin). */
const PagePath = z.string().max(2048).refine(isUkaPath, 'sökvägen ska vara en sökväg i UKA (börja med ett /)');

/** The upload check's answer for a file chosen on SCB's page (entrypoints/scb.tsx shows it). */
export type UploadCheckAnswer =
  | { kind: 'unchanged'; exportedAt: number; period: string; verdict: string; override: boolean }
  | {
      kind: 'changed';
      verdict: Verdict;
      excelDamage?: boolean;
      counts: { block: number; warn: number; info: number };
      top: { ruleId: string; line: number | null; message: string }[];
    };

/** What a UKA page starts from: the settings as in force and the active pack (null: the built-in one, not sent). */
export interface PageStart {
  /** The settings as in force: the active pack's routine applied to what was not set on purpose (applyPackDefaults). */
  loaded: LoadedSettings;
  /** The routine intervals in force, as the ladder reads them (applyPackDefaults), so UKA's page applies no defaults. */
  routine?: Partial<LadderSettings>;
  /** The active metodbok pack (the built-in one unless a kommun's pack is imported or set by policy). */
  pack: Pack;
  /** Every UKA markup profile in the order tried (policy, imported, built-in), checked and complete. */
  profiles?: ProfileDoc[];
  /** The parts of UKA's pages found before, per profile id (to notice drift). */
  partsSeen?: PartsSeen;
}

export const FeatureStatusSchema = z.object({
  id: Text(40),
  state: z.enum(['active', 'off', 'error', 'not-applicable']),
  error: Text(300).optional(),
});

export const PageStatusSchema = z.object({
  // A string refined to the known kinds (not z.enum), so callers holding a plain string type still compile.
  pageKind: z.string().refine((k) => (PAGE_KINDS as readonly string[]).includes(k), 'okänd sidtyp'),
  profileId: Text(80).nullable(),
  path: PagePath,
  features: z.array(FeatureStatusSchema).max(50),
  unknownWarnings: z.array(Text(200)).max(50),
  /** Parts of the page that were found on earlier pages of this profile and are missing now (UKA changed). */
  drift: z.array(z.object({ part: z.enum(PART_NAMES), selector: Text(500) })).max(20).optional(),
});
export type PageStatus = z.infer<typeof PageStatusSchema>;

/** What the popup gets for a tab: the status the content script last reported, and when. */
export type TabStatus = PageStatus & { time: number };

/** A ladder note as the content script sees it (the LadderPanel's StoredNote). */
export interface StoredNoteView {
  id: string;
  note: LocalNote;
  createdAt: number;
}

/**
 * The person page's contact ladder, computed in the background ('ladder-view'): the person's pseudonymous key, the
 * day it was computed for, the panel's view with its texts in words, the local notes and which of them UKA's log now
 * covers, and for the tips the ladder's stage and next action (`tipSteps`, lib/content/tips.ts ladderStepsOf; empty
 * once the duty has ended). `key: null` when the personnummer in the page's header cannot be read (nothing is
 * recorded then).
 */
export type LadderViewAnswer =
  | { key: string; today: string; view: LadderView; notes: StoredNoteView[]; supersededIds: string[]; tipSteps: string[] }
  | { key: null };

/** Far above any youth's log in UKA; a bound so that a broken message cannot make the background work for long. */
const MAX_LOG_ENTRIES = 5_000;
/** What the person page read that the ladder reasons from (UKA's contact log, measures, occupations), as read. */
const PersonLog = {
  /** As in the page's header (trimmed): parsed in the background; one that cannot be read gives no ladder. */
  personnummer: Text(20),
  /** The day the page computes for (the extension's clock as the page read it). */
  today: IsoDate,
  contacts: z.array(ContactEntry).max(MAX_LOG_ENTRIES),
  measures: z.array(MeasureEntry).max(MAX_LOG_ENTRIES),
  occupations: z.array(OccupationEntry).max(MAX_LOG_ENTRIES),
};

/** What the worklist page shows ('worklist-get'). */
export interface WorklistData {
  today: string;
  items: WorkItem[];
  /** The team's coming visit days (content pack and the days kept on the worklist page). */
  visitDays: string[];
  /** The visit letter goes out at least this many days before the visit. */
  letterDaysBeforeVisit: number;
  /** Youths known to KAA-lotsen, and how many of them have a name this session. */
  persons: number;
  named: number;
}

/** The home-visit list for one day ('visit-list'). */
export interface VisitListData {
  today: string;
  visitDay: string;
  rows: VisitRow[];
  letterDaysBeforeVisit: number;
  /** Youths known only from "Mina deltagare" (person page not read): the ladder cannot place them. */
  unread: number;
}

export const COMMANDS = defineCommands({
  /** Content script → background: what happened on this page view (for the popup). Handler needs sender.tab.id. */
  'page-status': PageStatusSchema,
  /** Popup → background: the status last reported for a tab (the active tab when tabId is left out). */
  'get-tab-status': z.object({ tabId: z.number().int().nonnegative().optional() }).optional(),
  /** Any context → background: a feature failed. The message is redacted before it is kept. */
  'report-error': z.object({ feature: Text(60).min(1), message: Text(2000), knownNames: z.array(Text(200)).max(20).optional() }),
  /** Popup → background: recent (redacted) errors, newest first. */
  'get-errors': z.object({ limit: z.number().int().min(1).max(50).optional() }).optional(),
  'get-settings': Empty,
  /**
   * UKA content script → background, at document_start: the checked settings and the active metodbok pack, so that
   * the page's script does not build and run the settings and pack schemas on every UKA page load.
   */
  'page-start': Empty,
  /**
   * UKA main script → background: inject this page kind's bundle (lib/startup/kinds.ts) into the sender's own frame and
   * document, in the extension's isolated world. Answers once the bundle has run.
   */
  'load-page-kind': z.object({ kind: z.enum(KNOWN_PAGE_KINDS as [string, ...string[]]) }).strict(),
  /**
   * UKA main script → background, when it found no start left by the early script (injected alone into a tab that was
   * already open): inject the early script (entrypoints/uka-early.ts) into the sender's own frame and document, in the
   * extension's isolated world. Answers once it has run.
   */
  'load-early-start': Empty,
  /**
   * UKA page → background: inject this on-demand part (lib/startup/parts.ts) into the sender's own frame and document,
   * in the extension's isolated world. Answers once the part has run.
   */
  'load-part': z.object({ name: z.enum(CODE_PARTS as [string, ...string[]]) }).strict(),
  /** UKA content script → background: parts of a page found with a profile (names only), to notice drift later. */
  'uka-parts-seen': z.object({ profileId: Text(80).min(1), parts: z.array(z.enum(PART_NAMES)).max(PART_NAMES.length) }),
  'open-options': Empty,
  /** Content script → background: open the metodbok/content pack at a section (a slug, e.g. "hembesok"). */
  'open-metodbok': z.object({ sectionId: z.string().max(80).regex(SLUG_RE, 'ogiltigt avsnitt') }),
  /** Popup → background: show the onboarding tour again. */
  'tour-restart': Empty,
  /** Options page → background: "Radera all lokal data". */
  'delete-all-data': Empty,
  /**
   * Content script → background: the pseudonymous keys of these personnummer (keys[i] for personnummer[i]). Writes
   * nothing: nobody is recorded (the monthly review counts with it).
   */
  'person-keys': z.object({
    personnummer: z
      .array(z.string().max(20).refine((s) => parseId(s) !== null, 'ogiltigt personnummer'))
      .max(MAX_REVIEW_KEYS),
  }),
  /**
   * Content script → background: the youths listed on "Mina deltagare", for reminders. Each personnummer only
   * derives the key and birth date and is then dropped.
   */
  'persons-listed': z.object({
    persons: z
      .array(
        z.object({
          personnummer: z.string().max(20).refine((s) => parseId(s) !== null, 'ogiltigt personnummer'),
          path: PagePath.nullable(),
          latestContact: IsoDate.nullable().optional(),
          /** The name on the list: kept for this browser session only (lib/platform/session-names.ts). */
          name: Text(300).optional(),
        }),
      )
      .max(MAX_REVIEW_KEYS),
  }),
  /**
   * UKA main script (the person page's ladder panel and tips: asked once per page view by whichever of the two needs
   * it first, entrypoints/uka.content/features/person-ladder.ts) → background: what the page read. The background records the person
   * (the personnummer only derives the pseudonymous key and the birth date and is dropped; the name is kept for this
   * browser session only, lib/platform/session-names.ts), keeps for the reminders what the ladder needs from the page
   * (dates, kinds and codes only, through the stored summary's strict schema, lib/ladder/summary-schema.ts) and the
   * latest contact, and answers the ladder computed with the routine in force, as the panel shows it
   * (LadderViewAnswer, with the tips' steps). Asked again after a note is added or deleted. UKA's free text is not kept.
   */
  'ladder-view': z.object({
    ...PersonLog,
    path: PagePath.nullable(),
    /** The name in the page's header: kept for this browser session only (lib/platform/session-names.ts). */
    name: Text(300).optional(),
    registrations: z.array(RegistrationPeriod).max(MAX_LOG_ENTRIES),
  }),
  'note-add': z.object({ key: PersonKey, note: LocalNoteSchema }),
  'note-delete': z.object({ key: PersonKey.optional(), id: Text(64).min(1) }),
  /** Popup/panel → background: current reminders. */
  'get-reminders': z.object({ today: IsoDate.optional() }).optional(),
  /** Worklist page → background: every step for my youths, with names known this session, and the visit days. */
  'worklist-get': Empty,
  /** Worklist page → background: the home-visit list for one visit day. */
  'visit-list': z.object({ visitDay: IsoDate }),
  /** Worklist page → background: keep (or drop) a team visit day (a date only, no personal data). */
  'visit-days-set': z.object({ days: z.array(IsoDate).max(60) }),
  /** Popup → background: the reminders as an .ics calendar file (text); birth-date reminders only when asked for. */
  'reminders-ics': z.object({ includeBirthDates: z.boolean().optional() }).optional(),
  /** Popup → background: counts of missed half-years and unusable dates over every recorded youth's ladder. */
  'ladder-summary': Empty,
  'reminder-snooze': z.object({ id: Text(300).min(1), until: IsoDate, personKey: PersonKey.optional() }),
  'reminder-done': z.object({ id: Text(300).min(1), personKey: PersonKey.optional() }),
  /** SCB guard → background: a file was saved (no personal data: counts and hash). */
  'log-export': z.object({
    time: z.number().int().nonnegative(),
    period: Text(20),
    kommun: z.string().regex(/^\d{4}$/).nullable(),
    rows: z.number().int().nonnegative(),
    persons: z.number().int().nonnegative(),
    sha256: z.string().regex(/^[0-9a-fA-F]{64}$/),
    verdict: Text(40),
    override: z.object({ reason: Text(1000).min(1) }).nullable().optional(),
  }),
  /** SCB page script → background, at its start: is the upload check on? */
  'scb-start': Empty,
  /**
   * SCB page script → background: the file chosen in SCB's upload form (base64): unchanged from a logged export, or
   * what the validator finds in it. The page carries no validator.
   */
  'check-upload': z.object({ data: z.string().min(1).max(Math.ceil(MAX_UPLOAD_CHECK_BYTES / 3) * 4) }).strict(),
  /**
   * UKA main script (the SCB-file guard) → background: the file UKA's export served (base64), validated by the
   * background; the answer is the validator's report (in memory only, nothing stored).
   */
  'validate-export': z.object({ data: z.string().min(1).max(Math.ceil(MAX_UPLOAD_CHECK_BYTES / 3) * 4) }).strict(),
  /** Upload check → background: was this exact file exported by KAA-lotsen? */
  'find-export': z.object({ sha256: z.string().regex(/^[0-9a-fA-F]{64}$/) }),
  /**
   * Monthly review of "Export till SCB". Only pseudonymous keys and counts travel; the background keeps the counts
   * and only the keys of youths it already records (lib/review/records.ts). 'review-state': the current
   * review; 'review-begin': "Starta ny genomgång"; 'review-visit': the progress seen on a visit.
   */
  'review-state': z.object({}).strict().optional(),
  'review-begin': z
    .object({ label: Text(100).nullable(), redKeys: z.array(PersonKey).max(MAX_REVIEW_KEYS), redCount: z.number().int().min(0).max(MAX_REVIEW_KEYS).optional(), today: IsoDate })
    .strict(),
  'review-visit': z
    .object({ id: Text(100).min(1), fixedKeys: z.array(PersonKey).max(MAX_REVIEW_KEYS), fixed: z.number().int().min(0).max(MAX_REVIEW_KEYS).optional(), today: IsoDate })
    .strict(),
});

export type Commands = typeof COMMANDS;
export type CommandName = keyof Commands;

/** What each handler answers. Every command is listed (a missing one is a type error below). */
export interface CommandResults {
  'page-status': void;
  'get-tab-status': TabStatus | null;
  'report-error': void;
  'get-errors': ErrorRecord[];
  'get-settings': LoadedSettings;
  'page-start': PageStart;
  'load-page-kind': void;
  'load-early-start': void;
  'load-part': void;
  'uka-parts-seen': void;
  'open-options': void;
  'open-metodbok': void;
  'tour-restart': void;
  'delete-all-data': void;
  /** keys[i] is the pseudonymous key of personnummer[i]. */
  'person-keys': { keys: string[] };
  /** keys[i] is the pseudonymous key of persons[i]. */
  'persons-listed': { count: number; keys: string[] };
  'ladder-view': LadderViewAnswer;
  'note-add': StoredNoteView;
  'note-delete': void;
  'get-reminders': ReminderView[];
  /** The .ics calendar file as text. */
  'reminders-ics': string;
  'worklist-get': WorklistData;
  'visit-list': VisitListData;
  'visit-days-set': { days: string[] };
  'ladder-summary': LadderSummary;
  'reminder-snooze': ReminderStateRecord;
  'reminder-done': ReminderStateRecord;
  'log-export': ExportLogEntry;
  'find-export': ExportLogEntry | null;
  'scb-start': { enabled: boolean };
  'check-upload': UploadCheckAnswer;
  'validate-export': ScbReport;
  'review-state': ReviewView | null;
  'review-begin': ReviewView;
  /** null when the review is unknown or finished. */
  'review-visit': ReviewView | null;
}

/** Compile-time check: CommandResults names exactly the commands of COMMANDS. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const RESULTS_MATCH_COMMANDS: Same<keyof CommandResults, CommandName> = true;
void RESULTS_MATCH_COMMANDS;

export type Handlers = HandlerMap<Commands, CommandResults>;
export type CommandPayload<K extends CommandName> = PayloadInput<Commands, K>;
export type CommandAnswer<K extends CommandName> = CommandResults[K];
