/**
 * The SCB file's lines by column role, through the file profile (lib/scb): decoding comes from lib/scb/decode, the
 * columns from the profile, never from hard-coded positions. Whether the file is well-formed is
 * the validator's business (validateScbFile); this reader visits what it can read and skips nothing silently: a line
 * with the wrong number of fields is reported in `skipped`. Lines are visited one at a time (no object per line is
 * made or kept), so a 100,000-line file costs little beyond its text. Pure: no DOM, no browser APIs.
 */
import { decodeWindows1252 } from '../scb/decode';
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

/**
 * Visit every data line of an SCB file as its fields (trimmed), in one pass over the decoded text: no array of the
 * lines, and one fields array reused for every line (read it in `visit`, do not keep it). Returns the lines that
 * could not be split into the profile's columns. Never throws.
 */
export function forEachScbLine(bytes: Uint8Array, profile: ScbProfile, visit: (fields: readonly string[], line: number) => void): number[] {
  let start = 0;
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  const text = profile.encoding === 'utf-8' ? new TextDecoder('utf-8').decode(bytes.subarray(start)) : decodeWindows1252(bytes.subarray(start));
  const n = profile.columns.length;
  const sep = profile.separator;
  // Lines end in LF (CRLF: the CR is dropped below), or in CR alone in a file without any LF.
  const nl = text.indexOf('\n') === -1 && text.indexOf('\r') !== -1 ? '\r' : '\n';
  const fields = new Array<string>(n).fill('');
  const skipped: number[] = [];
  let line = 0;
  for (let pos = 0; pos < text.length; ) {
    const brk = text.indexOf(nl, pos);
    const next = brk === -1 ? text.length : brk + 1;
    let stop = brk === -1 ? text.length : brk;
    if (stop > pos && text.charCodeAt(stop - 1) === 13) stop--;
    line++;
    const from = pos;
    pos = next;
    if (line === 1 && profile.header) continue;
    let blank = true;
    for (let i = from; i < stop && blank; i++) if (text.charCodeAt(i) > 32) blank = false;
    if (blank) continue;
    // Trailing separators (a spreadsheet's doing) leave extra empty fields: accept them, report anything else.
    let k = 0;
    let extra = false;
    for (let f = from; ; ) {
      const j = text.indexOf(sep, f);
      const end = j === -1 || j >= stop ? stop : j;
      if (k < n) fields[k] = text.slice(f, end).trim();
      else if (text.slice(f, end).trim() !== '') extra = true;
      k++;
      if (end === stop) break;
      f = end + 1;
    }
    if (k < n || extra) skipped.push(line);
    else visit(fields, line);
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
