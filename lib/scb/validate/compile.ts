/** A profile turned into the arrays and sets the row loop needs (built once per profile object). */
import type { ColumnRole, ScbProfile } from '../profile-core';

export const FMT_KOMMUN = 1;
export const FMT_PNR = 2;
export const FMT_DATE = 3;
export const FMT_CODE = 4;
export const FMT_YESNO = 5;
export const FMT_TEXT = 6;

export interface CompiledColumn {
  name: string;
  fmt: number;
  codes: Set<string> | null;
  codeList: string | null;
  requiredAlways: boolean;
  requiredWhen: number; // column index or -1
  requiredRule: string;
  onlyWhen: number; // column index or -1
}

export interface Compiled {
  profile: ScbProfile;
  cols: CompiledColumn[];
  n: number;
  role: Record<ColumnRole, number>;
  level: Map<string, number>;
  sep: string;
  enabled: Set<string>;
  /** Leading columns that only hold person/registration fields (repeated on every line of a period). */
  prefixLen: number;
}

const compiledCache = new WeakMap<ScbProfile, Compiled>();
const PREFIX_ROLES = new Set<string>(['kommun', 'personnummer', 'regStart', 'regEnd', 'regEndReason', 'studyLevel', 'studiebevis']);

export function compile(profile: ScbProfile): Compiled {
  const hit = compiledCache.get(profile);
  if (hit) return hit;
  const idx = new Map(profile.columns.map((c, i) => [c.name, i] as const));
  const fmtOf = { kommun: FMT_KOMMUN, personnummer: FMT_PNR, date: FMT_DATE, code: FMT_CODE, yesNo: FMT_YESNO, text: FMT_TEXT } as const;
  const cols: CompiledColumn[] = profile.columns.map((c) => {
    const req = c.required;
    return {
      name: c.name,
      fmt: fmtOf[c.format],
      codes: c.codeList ? new Set((profile.codeLists[c.codeList] ?? []).map((e) => e.code)) : null,
      codeList: c.codeList ?? null,
      requiredAlways: req === 'always',
      requiredWhen: typeof req === 'object' ? (idx.get(req.whenFilled) ?? -1) : -1,
      requiredRule: typeof req === 'object' && req.ruleId ? req.ruleId : 'S-REQUIRED',
      onlyWhen: c.onlyWhenFilled ? (idx.get(c.onlyWhenFilled) ?? -1) : -1,
    };
  });
  const role = {} as Record<ColumnRole, number>;
  profile.columns.forEach((c, i) => {
    if (c.role) role[c.role] = i;
  });
  if (role.regEndReason === undefined) role.regEndReason = -1;
  const level = new Map<string, number>();
  profile.studyLevels.order.forEach((codes, i) => codes.forEach((code) => level.set(code, i)));
  let prefixLen = 0;
  while (prefixLen < cols.length && PREFIX_ROLES.has(profile.columns[prefixLen]?.role ?? '')) prefixLen++;
  const out: Compiled = { profile, cols, n: cols.length, role, level, sep: profile.separator, enabled: new Set(profile.rules.enabled), prefixLen };
  compiledCache.set(profile, out);
  return out;
}
