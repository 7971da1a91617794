/**
 * The SCB file's lines by column role, through the file profile (lib/scb): decoding and line splitting come from
 * lib/scb/decode, the columns from the profile, never from hard-coded positions. Whether the file is well-formed is
 * the validator's business (validateScbFile); this reader visits what it can read and skips nothing silently: a line
 * with the wrong number of fields is reported in `skipped`. Lines are visited one at a time (no object per line is
 * kept), so a 100,000-line file costs little beyond its text. Pure: no DOM, no browser APIs.
 */
import { decodeWindows1252, splitLines } from '../scb/decode';
import { defaultProfile, type ColumnRole } from '../scb/profile-core';
import type { ScbProfile } from '../scb/profile';
import { parseId, type ParsedId } from '../domain/personnummer';

/** Column index of each role in the profile (-1 when the profile has no such column). */
export type RoleIndex = Record<ColumnRole, number>;

export function roleIndex(profile: ScbProfile): RoleIndex {
  const out = {} as RoleIndex;
  const roles: ColumnRole[] = ['kommun', 'personnummer', 'regStart', 'regEnd', 'regEndReason', 'studyLevel', 'studiebevis', 'contactDate', 'contactOccupation', 'measure', 'measureStart', 'measureEnd', 'measureEndReason', 'occupationAfter'];
  for (const r of roles) out[r] = -1;
  profile.columns.forEach((c, i) => {
    if (c.role) out[c.role] = i;
  });
  return out;
}

/** Visit every data line of an SCB file as its fields (trimmed). Returns the lines that could not be split. Never throws. */
export function forEachScbLine(bytes: Uint8Array, profile: ScbProfile, visit: (fields: string[], line: number) => void): number[] {
  let start = 0;
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  const text = profile.encoding === 'utf-8' ? new TextDecoder('utf-8').decode(bytes.subarray(start)) : decodeWindows1252(bytes.subarray(start));
  const { lines } = splitLines(text);
  const n = profile.columns.length;
  const skipped: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] as string;
    if (raw.trim() === '') continue;
    if (i === 0 && profile.header) continue;
    const f = raw.split(profile.separator);
    // Trailing separators (a spreadsheet's doing) leave extra empty fields: accept them, report anything else.
    if (f.length < n || f.slice(n).some((x) => x !== '')) {
      skipped.push(i + 1);
      continue;
    }
    for (let k = 0; k < n; k++) f[k] = (f[k] as string).trim();
    visit(f, i + 1);
  }
  return skipped;
}

/** parseId with a cache: a youth's number repeats on every line of the youth. */
export function cachedParseId(): (raw: string) => ParsedId | null {
  const cache = new Map<string, ParsedId | null>();
  return (raw) => {
    let hit = cache.get(raw);
    if (hit === undefined) {
      hit = parseId(raw);
      cache.set(raw, hit);
    }
    return hit;
  };
}

export { defaultProfile };
