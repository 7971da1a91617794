/**
 * The SCB file's lines by column role, through the file profile (lib/scb): decoding and line splitting come from
 * lib/scb/decode, the columns from the profile, never from hard-coded positions. Whether the file is well-formed is
 * the validator's business (validateScbFile); this reader takes what it can read and skips nothing silently: a line
 * with the wrong number of fields is counted in `skipped`. Pure: no DOM, no browser APIs.
 */
import { decodeWindows1252, splitLines } from '../scb/decode';
import { defaultProfile, type ColumnRole } from '../scb/profile-core';
import type { ScbProfile } from '../scb/profile';

export type ScbLine = Partial<Record<ColumnRole, string>> & { line: number };

export interface ScbLines {
  lines: ScbLine[];
  /** Physical line numbers that could not be split into the profile's columns. */
  skipped: number[];
}

/** Read every data line of an SCB file into fields by role. Never throws. */
export function readScbLines(bytes: Uint8Array, profile: ScbProfile = defaultProfile()): ScbLines {
  let start = 0;
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  const text = profile.encoding === 'utf-8' ? new TextDecoder('utf-8').decode(bytes.subarray(start)) : decodeWindows1252(bytes.subarray(start));
  const { lines } = splitLines(text);
  const roles: Array<[ColumnRole, number]> = [];
  profile.columns.forEach((c, i) => {
    if (c.role) roles.push([c.role, i]);
  });
  const n = profile.columns.length;
  const out: ScbLine[] = [];
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
    const rec: ScbLine = { line: i + 1 };
    for (const [role, idx] of roles) rec[role] = (f[idx] as string).trim();
    out.push(rec);
  }
  return { lines: out, skipped };
}
