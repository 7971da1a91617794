/**
 * What the SCB validator needs of a file profile, without the schema (lib/scb/profile.ts): the roles and formats,
 * the built-in profile and the questions asked of a profile. No zod here, so the UKA content script carries none
 * for checking a file. Pure: no DOM, no Node or browser APIs.
 */
import defaultProfileJson from './profiles/kaa-scb-1.json';

/** Semantic roles the validator needs; the profile maps each to one column by name. */
export const COLUMN_ROLES = [
  'kommun',
  'personnummer',
  'regStart',
  'regEnd',
  'regEndReason',
  'studyLevel',
  'studiebevis',
  'contactDate',
  'contactOccupation',
  'measure',
  'measureStart',
  'measureEnd',
  'measureEndReason',
  'occupationAfter',
] as const;
export type ColumnRole = (typeof COLUMN_ROLES)[number];
/** Roles every profile must map (regEndReason may be absent in a layout). */
export const REQUIRED_ROLES: readonly ColumnRole[] = COLUMN_ROLES.filter((r) => r !== 'regEndReason');

export const COLUMN_FORMATS = ['kommun', 'personnummer', 'date', 'code', 'yesNo', 'text'] as const;
export type ColumnFormat = (typeof COLUMN_FORMATS)[number];

export const RULE_IDS_LOGICAL = ['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'Y1', 'Y2', 'Y3', 'Y4', 'G1'] as const;
export type LogicalRuleId = (typeof RULE_IDS_LOGICAL)[number];

/** When a field must have a value: always, never required, or when another column (by name) has one. */
export type ColumnRequirement = 'always' | 'optional' | { whenFilled: string; ruleId?: string | undefined };

export interface ScbColumn {
  name: string;
  role?: ColumnRole | undefined;
  format: ColumnFormat;
  codeList?: string | undefined;
  required: ColumnRequirement;
  /** The field may only have a value when this other column (by name) has one. */
  onlyWhenFilled?: string | undefined;
}

export interface ScbDeadline {
  monthDay: string;
  yearOffset: number;
}

/**
 * One layout of the SCB file. The zod schema in profile.ts checks a profile given as data and is proved (by a type
 * test there) to describe exactly this type.
 */
export interface ScbProfile {
  id: string;
  version: string;
  title?: string | undefined;
  /** Collection periods the profile applies to (inclusive); to = null means "until replaced". */
  periods: { from: string; to: string | null };
  encoding: 'windows-1252' | 'utf-8';
  lineEnding: 'CRLF' | 'LF';
  separator: string;
  header: boolean;
  columns: ScbColumn[];
  codeLists: Record<string, { code: string; label: string }[]>;
  studyLevels: { codeList: string; order: string[][]; unknown: string[] };
  codes: { noOccupation: string; studiebevisLevel: string; yes: string; no: string };
  /** A youth must be younger than this on RegStart. */
  youthMaxAge: number;
  rules: { enabled: LogicalRuleId[] };
  deadlines: { H1: ScbDeadline; H2: ScbDeadline };
}

/**
 * The built-in default profile "kaa-scb-1" as shipped. It is valid by construction: tests/unit/scb/profile-report.test.ts
 * parses it with the profile schema and finds it unchanged, so it is not parsed again on every page that might check a
 * file.
 */
export function defaultProfile(): ScbProfile {
  return defaultProfileJson as ScbProfile;
}
/** True when the profile applies to the collection period ('2026H2'). */
export function profileAppliesTo(profile: ScbProfile, period: string): boolean {
  return period >= profile.periods.from && (profile.periods.to === null || period <= profile.periods.to);
}

/** The reporting deadline of a collection period under the profile, e.g. '2026H2' → '2027-02-01'. */
export function deadlineFor(profile: ScbProfile, period: string): string | null {
  const m = /^(\d{4})H([12])$/.exec(period);
  if (!m) return null;
  const d = m[2] === '1' ? profile.deadlines.H1 : profile.deadlines.H2;
  return `${Number(m[1]) + d.yearOffset}-${d.monthDay}`;
}

/** Label of a code in a code list ("11" in "Sysselsattning" → "Ingen sysselsättning (InSys)"), or null. */
export function codeLabel(profile: ScbProfile, list: string, code: string): string | null {
  return profile.codeLists[list]?.find((c) => c.code === code)?.label ?? null;
}
