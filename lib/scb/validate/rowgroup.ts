/**
 * The row loop's (rows.ts) grouping of a clean record per youth and registration period, and its contact or measure.
 * Called once per usable record with the values rows.ts already read; nothing is allocated beyond what is kept.
 */
import type { Compiled } from './compile';
import type { Born, Person } from './person';
import type { Sink } from './sink';

/**
 * The youth `key` (created on its first line) with the registration period starting `rs` of this record; a period
 * seen before with other end date, level, studiebevis or reason gives S-REG-CONFLICT.
 */
export function personOf(persons: Map<string, Person>, key: string, born: Born, f: readonly string[], R: Compiled['role'], reValid: boolean, sink: Sink, lineNo: number): Person {
  let p = persons.get(key);
  if (!p) {
    p = { key, born, firstLine: lineNo, regs: new Map(), contacts: [], measures: [] };
    persons.set(key, p);
  }
  const rs = f[R.regStart] as string;
  const re = f[R.regEnd] as string;
  const iRR = R.regEndReason;
  let r = p.regs.get(rs);
  const lvl = f[R.studyLevel] as string;
  const bev = f[R.studiebevis] as string;
  const reason = iRR >= 0 ? (f[iRR] as string) : '';
  if (!r) {
    r = { start: rs, end: reValid ? re : null, endValid: re === '' || reValid, level: lvl, bevis: bev, reason, firstLine: lineNo };
    p.regs.set(rs, r);
  } else if ((r.end ?? '') !== (reValid ? re : '') || r.level !== lvl || r.bevis !== bev || r.reason !== reason) {
    sink.add('S-REG-CONFLICT', lineNo, `Registreringsperioden som börjar ${rs} har andra uppgifter här än på rad ${r.firstLine}.`, { personKey: key });
  }
  return p;
}

/** Contact dates repeat (a half-year has some 180 days): one string per date, not one per line. */
function intern(dates: Map<string, string>, d: string): string {
  const had = dates.get(d);
  if (had !== undefined) return had;
  dates.set(d, d);
  return d;
}

/** The record's contact (date `cd`, occupation `co`) and measure (code, start `ms`, end `me`) added to youth `p`. */
export function addEvents(p: Person, lineNo: number, cd: string, co: string, csValid: boolean, mCode: string, ms: string, me: string, msValid: boolean, meValid: boolean, dates: Map<string, string>): void {
  if (co !== '') {
    p.contacts.push({ line: lineNo, date: csValid ? intern(dates, cd) : null, occ: co });
  } else if (csValid) {
    p.contacts.push({ line: lineNo, date: intern(dates, cd), occ: '' });
  }
  if (mCode !== '' || ms !== '') {
    p.measures.push({ line: lineNo, code: mCode, start: msValid ? ms : null, end: meValid ? me : null, ongoing: me === '' });
  }
}
