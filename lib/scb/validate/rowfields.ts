/**
 * The findings of the row loop (rows.ts) on one record: personnummer, a missing value, a bad date, code or kommun
 * code, and the count of quoted records. Only the personnummer parse runs on every new person prefix and the quote
 * count on quoted records; the rest run only when a field is wrong, so the loop's clean path stays in rows.ts.
 * Plain functions with fixed argument types; the counts they keep are objects of RowsResult, created once per file.
 */
import { luhn10, parseId } from '../../domain/personnummer';
import type { Compiled, CompiledColumn } from './compile';
import type { QuotedInfo } from './fields';
import { bornOf, type Born } from './person';
import type { Sink } from './sink';
import { allDigits, isDigits, ISO_RE, short } from './text';

/** 1-based position of profile column `c` in the record. */
export function colAt(starts: number[], perm: number[] | null, c: number): number {
  return (starts[perm ? (perm[c] as number) : c] as number) + 1;
}

/**
 * A 12-digit personnummer or samordningsnummer `pRaw`: its birth date (parsed once per number, kept in `cache`), or
 * null with an S-PNR finding.
 */
export function parsePnr(pRaw: string, cache: Map<string, Born | null>, sink: Sink, lineNo: number, C: Compiled, starts: number[], perm: number[] | null): Born | null {
  let parsed: Born | null;
  if (cache.has(pRaw)) parsed = cache.get(pRaw) ?? null;
  else {
    parsed = luhn10(pRaw) ? bornOf(parseId(pRaw)) : null;
    cache.set(pRaw, parsed);
  }
  if (!parsed) {
    const iP = C.role.personnummer;
    const noun = Number(pRaw.slice(6, 8)) > 60 ? 'Samordningsnumret' : 'Personnumret';
    sink.add('S-PNR', lineNo, luhn10(pRaw) ? `${noun} innehåller inget giltigt födelsedatum.` : `${noun}s kontrollsiffra stämmer inte.`, { column: colAt(starts, perm, iP), field: C.cols[iP]!.name, personKey: pRaw });
  }
  return parsed;
}

/** A personnummer that is not 12 digits: in exponent form, too short, missing or written otherwise. */
export function pnrProblem(pRaw: string, sink: Sink, lineNo: number, C: Compiled, starts: number[], perm: number[] | null): void {
  const iP = C.role.personnummer;
  if (/^\d+([.,]\d+)?[eE]\+?\d+$/.test(pRaw)) {
    sink.add('X-PNR-SCI', lineNo, `Personnumret står i exponentform (${short(pRaw)}), som kalkylprogram visar stora tal. Siffrorna på slutet har gått förlorade.`, { column: colAt(starts, perm, iP), field: C.cols[iP]!.name });
  } else if (allDigits(pRaw) && pRaw.length < 12) {
    sink.add('X-PNR-SHORT', lineNo, `Personnumret har bara ${pRaw.length} siffror (${short(pRaw)}); det ska ha 12 (ÅÅÅÅMMDDNNNN).`, { column: colAt(starts, perm, iP), field: C.cols[iP]!.name });
  } else {
    sink.add('S-PNR', lineNo, pRaw === '' ? 'Personnummer saknas.' : `Personnumret ${short(pRaw)} ska skrivas med 12 siffror utan bindestreck (ÅÅÅÅMMDDNNNN).`, { column: colAt(starts, perm, iP), field: C.cols[iP]!.name });
  }
}

/**
 * Column `c` is empty: S-REQUIRED when it always must be filled in (returns false: the row is not usable), or the
 * column's rule (R3, R4 or its own) when the column it depends on is filled in. Returns true otherwise.
 */
export function emptyField(col: CompiledColumn, c: number, f: readonly string[], sink: Sink, lineNo: number, C: Compiled, starts: number[], perm: number[] | null, key: string | undefined): boolean {
  if (col.requiredAlways) {
    sink.add('S-REQUIRED', lineNo, `${col.name} saknas.`, { column: colAt(starts, perm, c), field: col.name, personKey: key });
    return false;
  }
  if (col.requiredWhen >= 0 && f[col.requiredWhen] !== '') {
    const other = C.cols[col.requiredWhen]!.name;
    const msg =
      col.requiredRule === 'R3'
        ? 'Åtgärden har ett slutdatum men ingen orsak till att den avslutades (GrundAtgSlut).'
        : col.requiredRule === 'R4'
          ? 'Åtgärden har ett slutdatum men ingen sysselsättning efter åtgärden (SysEfter).'
          : `${col.name} saknas fast ${other} är ifyllt.`;
    sink.add(col.requiredRule, lineNo, msg, { column: colAt(starts, perm, c), field: col.name, personKey: key });
  }
  return true;
}

/** Date `v` of column `c` is not a real ÅÅÅÅ-MM-DD date: a clock time, slashes, no leading zeros, or otherwise. */
export function badDate(v: string, col: CompiledColumn, c: number, sink: Sink, lineNo: number, starts: number[], perm: number[] | null, key: string | undefined): void {
  const extra = { column: colAt(starts, perm, c), field: col.name, personKey: key };
  if (/^\d{4}-\d{1,2}-\d{1,2}[ T]\d{1,2}:\d{2}(:\d{2})?/.test(v))
    sink.add('X-DATETIME', lineNo, `${col.name} har fått ett klockslag (${short(v)}), så som kalkylprogram sparar datum.`, extra);
  else if (/^\d{1,4}[/.]\d{1,2}[/.]\d{1,4}$/.test(v))
    sink.add('X-DATE-SLASH', lineNo, `${col.name} är skrivet ${short(v)} i stället för ÅÅÅÅ-MM-DD, så som kalkylprogram sparar datum.`, extra);
  else if (/^\d{4}-\d{1,2}-\d{1,2}$/.test(v) && !ISO_RE.test(v))
    sink.add('X-DATE-NOPAD', lineNo, `${col.name} saknar inledande nollor (${short(v)}); det ska vara ÅÅÅÅ-MM-DD.`, extra);
  else
    sink.add('S-DATE', lineNo, ISO_RE.test(v) ? `${col.name} ${short(v)} är inget riktigt datum.` : `${col.name} ${short(v)} ska skrivas ÅÅÅÅ-MM-DD.`, extra);
}

/** Codes found without their leading zero ("5" for "05"): how many, and the first. */
export interface CodeZero {
  count: number;
  first: number;
  example: string;
  field: string;
}

/** Code `v` of column `c` is not in its code list; a code that lost its leading zero is also counted in `zero`. */
export function badCode(v: string, col: CompiledColumn, c: number, zero: CodeZero, quoted: boolean, sink: Sink, lineNo: number, starts: number[], perm: number[] | null, key: string | undefined): void {
  if (v.length === 1 && allDigits(v) && col.codes!.has(`0${v}`)) {
    if (zero.count === 0) {
      zero.first = lineNo;
      zero.example = v;
      zero.field = col.name;
    }
    zero.count++;
    sink.add('S-CODE', lineNo, `${col.name} har koden ${short(v)}, som inte finns i kodlistan ${col.codeList}; där heter den "0${v}". Den inledande nollan har tagits bort.`, { column: colAt(starts, perm, c), field: col.name, personKey: key, cause: quoted ? 'X-QUOTES' : 'X-CODE-ZERO' });
  } else sink.add('S-CODE', lineNo, `${col.name} har koden ${short(v)}, som inte finns i kodlistan ${col.codeList}.`, { column: colAt(starts, perm, c), field: col.name, personKey: key });
}

/** Kommun code `v` of column `c` is not four digits (three: the leading zero lost in a spreadsheet program). */
export function badKommun(v: string, col: CompiledColumn, c: number, sink: Sink, lineNo: number, starts: number[], perm: number[] | null, key: string | undefined): void {
  if (isDigits(v, 3)) sink.add('X-KOMMUN3', lineNo, `Kommunkoden ${short(v)} har tappat sin inledande nolla, så som kalkylprogram gör med tal.`, { column: colAt(starts, perm, c), field: col.name, personKey: key });
  else sink.add('S-FORMAT', lineNo, `Kommunkoden ${short(v)} ska vara fyra siffror.`, { column: colAt(starts, perm, c), field: col.name, personKey: key });
}

/** Quoted records: how many hold the separator, or a line break, inside a quoted field, and the first of each. */
export interface QuotedSep {
  count: number;
  first: number;
  field: string;
  value: string;
}
export interface QuotedBreak {
  count: number;
  first: number;
  last: number;
  field: string;
}

/** Counts a quoted record (lines `lineNo` to `lastLine`) that holds the separator or a line break inside a quoted field. */
export function noteQuoted(q: QuotedInfo, fields: readonly string[], C: Compiled, perm: number[] | null, lineNo: number, lastLine: number, qSep: QuotedSep, qBreak: QuotedBreak): void {
  if (q.sepInside >= 0) {
    if (qSep.count === 0) {
      qSep.first = lineNo;
      qSep.field = C.cols[perm ? perm.indexOf(q.sepInside) : q.sepInside]?.name ?? '';
      qSep.value = fields[q.sepInside] ?? '';
    }
    qSep.count++;
  }
  if (q.breakInside >= 0) {
    if (qBreak.count === 0) {
      qBreak.first = lineNo;
      qBreak.last = lastLine;
      qBreak.field = C.cols[perm ? perm.indexOf(q.breakInside) : q.breakInside]?.name ?? '';
    }
    qBreak.count++;
  }
}
