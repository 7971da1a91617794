/**
 * SCB file profiles as DATA. A profile describes one layout of the SCB file (columns, formats, code lists, enabled
 * checks, deadlines). A new SCB layout or code list is a new profile JSON file, never new code.
 * Pure: no DOM, no Node or browser APIs.
 */
import { z } from 'zod';
import { lazySchema } from '../startup/lazy-schema';
import { COLUMN_FORMATS, COLUMN_ROLES, REQUIRED_ROLES, RULE_IDS_LOGICAL, type ScbColumn, type ScbProfile } from './profile-core';

export {
  COLUMN_FORMATS,
  COLUMN_ROLES,
  RULE_IDS_LOGICAL,
  codeLabel,
  deadlineFor,
  defaultProfile,
  profileAppliesTo,
  type ColumnFormat,
  type ColumnRole,
  type ScbColumn,
  type ScbProfile,
} from './profile-core';

const HalfYearText = lazySchema(() => z.string().regex(/^\d{4}H[12]$/, 'halvår skrivs som 2026H1 eller 2026H2'));
const MonthDay = lazySchema(() => z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'datum skrivs MM-DD'));

const RequiredRule = lazySchema(() => z.union([
  z.literal('always'),
  z.literal('optional'),
  z.object({
    /** The field is required when this other column (by name) has a value. */
    whenFilled: z.string().min(1),
    /** Rule id reported when missing (e.g. R3); default is the structural S-REQUIRED. */
    ruleId: z.string().min(1).optional(),
  }),
]));

const ColumnSchema = lazySchema(() => z.object({
  name: z.string().min(1),
  role: z.enum(COLUMN_ROLES).optional(),
  format: z.enum(COLUMN_FORMATS),
  codeList: z.string().min(1).optional(),
  required: RequiredRule,
  /** The field may only have a value when this other column (by name) has one. */
  onlyWhenFilled: z.string().min(1).optional(),
}));

const CodeEntry = lazySchema(() => z.object({ code: z.string().min(1), label: z.string().min(1) }));

const DeadlineSchema = lazySchema(() => z.object({ monthDay: MonthDay, yearOffset: z.number().int().min(0).max(2) }));


export const ScbProfileSchema = lazySchema(() => z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/i, 'id får bara innehålla bokstäver, siffror, punkt, - och _'),
    version: z.string().min(1),
    title: z.string().optional(),
    /** Collection periods the profile applies to (inclusive); to = null means "until replaced". */
    periods: z.object({ from: HalfYearText, to: HalfYearText.nullable() }),
    encoding: z.enum(['windows-1252', 'utf-8']),
    lineEnding: z.enum(['CRLF', 'LF']),
    separator: z.string().length(1),
    header: z.boolean(),
    columns: z.array(ColumnSchema).min(1),
    codeLists: z.record(z.string(), z.array(CodeEntry).min(1)),
    studyLevels: z.object({
      codeList: z.string().min(1),
      /** Levels from low to high; codes on one level are equal. */
      order: z.array(z.array(z.string().min(1)).min(1)).min(1),
      /** Codes meaning "unknown": never compared. */
      unknown: z.array(z.string()),
    }),
    codes: z.object({
      /** SysKontakt code for "no occupation" (InSys), used by R1. */
      noOccupation: z.string().min(1),
      /** SenSysReg code meaning studiebevis, used by Y1. */
      studiebevisLevel: z.string().min(1),
      yes: z.string().min(1),
      no: z.string().min(1),
    }),
    /** A youth must be younger than this on RegStart. */
    youthMaxAge: z.number().int().min(1).max(30),
    rules: z.object({ enabled: z.array(z.enum(RULE_IDS_LOGICAL)) }),
    deadlines: z.object({ H1: DeadlineSchema, H2: DeadlineSchema }),
  })
  .superRefine((p, ctx) => {
    const names = new Set<string>();
    const roles = new Set<string>();
    p.columns.forEach((c, i) => {
      if (names.has(c.name)) ctx.addIssue({ code: 'custom', path: ['columns', i, 'name'], message: `kolumnnamnet ${c.name} finns två gånger` });
      names.add(c.name);
      if (c.role) {
        if (roles.has(c.role)) ctx.addIssue({ code: 'custom', path: ['columns', i, 'role'], message: `rollen ${c.role} finns två gånger` });
        roles.add(c.role);
      }
      if (c.format === 'code' && !c.codeList) ctx.addIssue({ code: 'custom', path: ['columns', i, 'codeList'], message: 'kodkolumn saknar kodlista' });
      if (c.codeList && !p.codeLists[c.codeList]) ctx.addIssue({ code: 'custom', path: ['columns', i, 'codeList'], message: `kodlistan ${c.codeList} finns inte` });
    });
    p.columns.forEach((c, i) => {
      if (typeof c.required === 'object' && !names.has(c.required.whenFilled))
        ctx.addIssue({ code: 'custom', path: ['columns', i, 'required', 'whenFilled'], message: `kolumnen ${c.required.whenFilled} finns inte` });
      if (c.onlyWhenFilled && !names.has(c.onlyWhenFilled))
        ctx.addIssue({ code: 'custom', path: ['columns', i, 'onlyWhenFilled'], message: `kolumnen ${c.onlyWhenFilled} finns inte` });
    });
    for (const r of REQUIRED_ROLES) if (!roles.has(r)) ctx.addIssue({ code: 'custom', path: ['columns'], message: `ingen kolumn har rollen ${r}` });
    if (!p.codeLists[p.studyLevels.codeList]) ctx.addIssue({ code: 'custom', path: ['studyLevels', 'codeList'], message: `kodlistan ${p.studyLevels.codeList} finns inte` });
    if (p.periods.to !== null && p.periods.to < p.periods.from) ctx.addIssue({ code: 'custom', path: ['periods'], message: 'to ligger före from' });
    if (p.separator === '\r' || p.separator === '\n' || p.separator === '"') ctx.addIssue({ code: 'custom', path: ['separator'], message: 'ogiltig avgränsare' });
  }));

// The schema and the hand-written types in profile-core.ts describe the same shape: a change to one that is not made
// to the other fails the type check here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameProfile: Same<z.infer<typeof ScbProfileSchema>, ScbProfile> = true;
const sameColumn: Same<z.infer<typeof ColumnSchema>, ScbColumn> = true;
void sameProfile;
void sameColumn;

export interface ProfileError {
  /** Dotted path inside the profile JSON, e.g. "columns.4.codeList"; "" for the root. */
  path: string;
  message: string;
}

export type LoadProfileResult = { ok: true; profile: ScbProfile } | { ok: false; errors: ProfileError[] };

/** Validate a profile given as parsed JSON (unknown) or as JSON text. Never throws. */
export function loadProfile(json: unknown): LoadProfileResult {
  let value = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json);
    } catch (e) {
      return { ok: false, errors: [{ path: '', message: `inte giltig JSON: ${e instanceof Error ? e.message : String(e)}` }] };
    }
  }
  const r = ScbProfileSchema.safeParse(value);
  if (r.success) return { ok: true, profile: r.data };
  return { ok: false, errors: r.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })) };
}

