/**
 * The row loop: each data line split into fields, every field checked against its column (format, code list,
 * required / only-when), and the lines grouped per youth and registration period for the person rules.
 */
import { luhn10, parseId } from '../../domain/personnummer';
import { FMT_CODE, FMT_DATE, FMT_KOMMUN, FMT_YESNO, type Compiled, type CompiledColumn } from './compile';
import type { Person } from './person';
import type { Sink } from './sink';
import { afterNthSep, allDigits, fieldColumn, isDigits, isRealIsoDate, ISO_RE, short } from './text';

export interface KommunLines {
  lines: number[];
  keys: (string | undefined)[];
  col: number;
}

export interface RowsResult {
  persons: Map<string, Person>;
  kommunLines: Map<string, KommunLines>;
  blankLines: number[];
  trailingLines: number;
  quotedLines: number;
  rows: number;
  /** Latest valid event date not after today ('' = none). */
  latest: string;
}

export function checkRows(lines: string[], dataFrom: number, sep: string, C: Compiled, todayOpt: string | undefined, sink: Sink): RowsResult {
  const profile = C.profile;
  const n = C.n;
  const R = C.role;
  const iP = R.personnummer;
  const iRS = R.regStart;
  const iRE = R.regEnd;
  const iRR = R.regEndReason;
  const iSL = R.studyLevel;
  const iSB = R.studiebevis;
  const iCD = R.contactDate;
  const iCO = R.contactOccupation;
  const iM = R.measure;
  const iMS = R.measureStart;
  const iME = R.measureEnd;
  const iAF = R.occupationAfter;
  const yes = profile.codes.yes;
  const no = profile.codes.no;
  const today = todayOpt && ISO_RE.test(todayOpt) ? todayOpt : null;

  const persons = new Map<string, Person>();
  const pnrCache = new Map<string, ReturnType<typeof parseId>>();
  const seen = new Map<string, number>();
  const kommunLines = new Map<string, KommunLines>();
  let kommunEntry: KommunLines | undefined;
  let kommunValue = '';
  // Per-person cache: consecutive lines of one registration period repeat the same prefix (person + registration
  // fields); when the prefix is byte-identical to a previous clean one, its checks are not repeated.
  let cachePrefix = '';
  let cacheKey: string | undefined;
  let cacheParsed: ReturnType<typeof parseId> = null;
  const prefixLen = C.prefixLen;
  let trailingLines = 0;
  let quotedLines = 0;
  let rows = 0;
  let latest = '';
  const blankLines: number[] = [];

  for (let li = dataFrom; li < lines.length; li++) {
    const lineNo = li + 1;
    const raw = lines[li] as string;
    if (raw.length === 0 || ((raw.charCodeAt(0) <= 32 || raw.charCodeAt(raw.length - 1) <= 32) && raw.trim() === '')) {
      blankLines.push(lineNo);
      continue;
    }
    rows++;
    // duplicates (identical lines)
    const prev = seen.get(raw);
    if (prev !== undefined) {
      sink.add('S-DUPLICATE', lineNo, `Raden är en exakt kopia av rad ${prev}.`);
      continue;
    }
    seen.set(raw, lineNo);

    let f = raw.split(sep);
    if (raw.indexOf('"') !== -1) {
      let q = false;
      for (let k = 0; k < f.length; k++) {
        const v = f[k] as string;
        if (v.length >= 2 && v.charCodeAt(0) === 34 && v.charCodeAt(v.length - 1) === 34) {
          f[k] = v.slice(1, -1).replace(/""/g, '"');
          q = true;
        }
      }
      if (q) quotedLines++;
    }
    if (f.length > n) {
      let extraEmpty = true;
      for (let k = n; k < f.length; k++) if (f[k] !== '') extraEmpty = false;
      if (extraEmpty) {
        trailingLines++;
        f = f.slice(0, n);
      }
    }
    if (f.length !== n) {
      sink.add('S-COLUMNS', lineNo, `Raden har ${f.length} fält, men ska ha ${n}. Fälten hamnar då i fel kolumner.`);
      continue;
    }

    // --- personnummer
    const pRaw = f[iP] as string;
    let key: string | undefined;
    let parsed: ReturnType<typeof parseId> = null;
    const cached = cachePrefix !== '' && raw.startsWith(cachePrefix);
    const totalBefore = sink.total;
    if (cached) {
      key = cacheKey;
      parsed = cacheParsed;
    } else if (isDigits(pRaw, 12)) {
      key = pRaw;
      if (pnrCache.has(pRaw)) parsed = pnrCache.get(pRaw) ?? null;
      else {
        parsed = luhn10(pRaw) ? parseId(pRaw) : null;
        pnrCache.set(pRaw, parsed);
      }
      if (!parsed) sink.add('S-PNR', lineNo, luhn10(pRaw) ? 'Personnumret innehåller inget giltigt födelsedatum.' : 'Personnumrets kontrollsiffra stämmer inte.', { column: fieldColumn(raw, sep, iP), field: C.cols[iP]!.name, personKey: key });
    } else if (/^\d+([.,]\d+)?[eE]\+?\d+$/.test(pRaw)) {
      sink.add('X-PNR-SCI', lineNo, `Personnumret står i exponentform (${short(pRaw)}), som kalkylprogram visar stora tal. Siffrorna på slutet har gått förlorade.`, { column: fieldColumn(raw, sep, iP), field: C.cols[iP]!.name });
    } else if (allDigits(pRaw) && pRaw.length < 12) {
      sink.add('X-PNR-SHORT', lineNo, `Personnumret har bara ${pRaw.length} siffror (${short(pRaw)}); det ska ha 12 (ÅÅÅÅMMDDNNNN).`, { column: fieldColumn(raw, sep, iP), field: C.cols[iP]!.name });
    } else {
      sink.add('S-PNR', lineNo, pRaw === '' ? 'Personnummer saknas.' : `Personnumret ${short(pRaw)} ska skrivas med 12 siffror utan bindestreck (ÅÅÅÅMMDDNNNN).`, { column: fieldColumn(raw, sep, iP), field: C.cols[iP]!.name });
    }

    // --- every column: format, code list, required/only-when
    let rowOk = parsed !== null;
    if (cached && kommunEntry) {
      kommunEntry.lines.push(lineNo);
      kommunEntry.keys.push(key);
    }
    for (let c = cached ? prefixLen : 0; c <= n; c++) {
      if (c === prefixLen && !cached) {
        // end of the prefix: registration date order, then decide whether this prefix can be cached
        const rs0 = f[iRS] as string;
        const re0 = f[iRE] as string;
        if (re0 !== '' && re0 < rs0 && isRealIsoDate(re0) && isRealIsoDate(rs0))
          sink.add('S-DATE-ORDER', lineNo, `Registreringsperioden slutar (${re0}) före den börjar (${rs0}).`, { column: fieldColumn(raw, sep, iRE), field: C.cols[iRE]!.name, personKey: key });
        if (rowOk && sink.total === totalBefore && prefixLen > 0) {
          const end = afterNthSep(raw, sep, prefixLen);
          if (end > 0 && raw.indexOf('"') === -1) {
            cachePrefix = raw.slice(0, end);
            cacheKey = key;
            cacheParsed = parsed;
          } else cachePrefix = '';
        } else cachePrefix = '';
      }
      if (c === n) break;
      if (c === iP) continue;
      const col = C.cols[c] as CompiledColumn;
      const v = f[c] as string;
      if (v === '') {
        if (col.requiredAlways) {
          sink.add('S-REQUIRED', lineNo, `${col.name} saknas.`, { column: fieldColumn(raw, sep, c), field: col.name, personKey: key });
          rowOk = false;
        } else if (col.requiredWhen >= 0 && f[col.requiredWhen] !== '') {
          const other = C.cols[col.requiredWhen]!.name;
          const msg =
            col.requiredRule === 'R3'
              ? 'Åtgärden har ett slutdatum men ingen orsak till att den avslutades (GrundAtgSlut).'
              : col.requiredRule === 'R4'
                ? 'Åtgärden har ett slutdatum men ingen sysselsättning efter åtgärden (SysEfter).'
                : `${col.name} saknas fast ${other} är ifyllt.`;
          sink.add(col.requiredRule, lineNo, msg, { column: fieldColumn(raw, sep, c), field: col.name, personKey: key });
        }
        continue;
      }
      if (col.onlyWhen >= 0 && f[col.onlyWhen] === '') {
        sink.add('S-NOT-ALLOWED', lineNo, `${col.name} är ifyllt fast ${C.cols[col.onlyWhen]!.name} är tomt.`, { column: fieldColumn(raw, sep, c), field: col.name, personKey: key });
      }
      switch (col.fmt) {
        case FMT_DATE:
          if (!isRealIsoDate(v)) {
            if (c === iRS) rowOk = false;
            const extra = { column: fieldColumn(raw, sep, c), field: col.name, personKey: key };
            if (/^\d{4}-\d{1,2}-\d{1,2}[ T]\d{1,2}:\d{2}(:\d{2})?/.test(v))
              sink.add('X-DATETIME', lineNo, `${col.name} har fått ett klockslag (${short(v)}), så som kalkylprogram sparar datum.`, extra);
            else if (/^\d{1,4}[/.]\d{1,2}[/.]\d{1,4}$/.test(v))
              sink.add('X-DATE-SLASH', lineNo, `${col.name} är skrivet ${short(v)} i stället för ÅÅÅÅ-MM-DD, så som kalkylprogram sparar datum.`, extra);
            else if (/^\d{4}-\d{1,2}-\d{1,2}$/.test(v) && !ISO_RE.test(v))
              sink.add('X-DATE-NOPAD', lineNo, `${col.name} saknar inledande nollor (${short(v)}); det ska vara ÅÅÅÅ-MM-DD.`, extra);
            else
              sink.add('S-DATE', lineNo, ISO_RE.test(v) ? `${col.name} ${short(v)} är inget riktigt datum.` : `${col.name} ${short(v)} ska skrivas ÅÅÅÅ-MM-DD.`, extra);
          } else {
            if (today && v > today) sink.add('S-FUTURE', lineNo, `${col.name} ${v} ligger efter dagens datum.`, { column: fieldColumn(raw, sep, c), field: col.name, personKey: key });
            if (v > latest && (c === iCD || c === iMS || c === iRS) && (!today || v <= today)) latest = v;
          }
          break;
        case FMT_CODE:
          if (!col.codes!.has(v)) {
            sink.add('S-CODE', lineNo, `${col.name} har koden ${short(v)}, som inte finns i kodlistan ${col.codeList}.`, { column: fieldColumn(raw, sep, c), field: col.name, personKey: key });
          }
          break;
        case FMT_YESNO:
          if (v !== yes && v !== no) sink.add('S-FORMAT', lineNo, `${col.name} ska vara ${yes} eller ${no}, men är ${short(v)}.`, { column: fieldColumn(raw, sep, c), field: col.name, personKey: key });
          break;
        case FMT_KOMMUN:
          if (isDigits(v, 4)) {
            if (v !== kommunValue || !kommunEntry) {
              kommunValue = v;
              kommunEntry = kommunLines.get(v);
              if (!kommunEntry) {
                kommunEntry = { lines: [], keys: [], col: fieldColumn(raw, sep, c) };
                kommunLines.set(v, kommunEntry);
              }
            }
            kommunEntry.lines.push(lineNo);
            kommunEntry.keys.push(key);
          } else if (isDigits(v, 3)) {
            sink.add('X-KOMMUN3', lineNo, `Kommunkoden ${short(v)} har tappat sin inledande nolla, så som kalkylprogram gör med tal.`, { column: fieldColumn(raw, sep, c), field: col.name, personKey: key });
          } else sink.add('S-FORMAT', lineNo, `Kommunkoden ${short(v)} ska vara fyra siffror.`, { column: fieldColumn(raw, sep, c), field: col.name, personKey: key });
          break;
        default:
          break;
      }
    }
    if ((f[iCD] !== '' || f[iCO] !== '') && (f[iM] !== '' || f[iMS] !== '')) {
      sink.add('S-LINE-KIND', lineNo, 'Raden har både en kontakt och en åtgärd. Varje kontakt och varje åtgärd ska stå på en egen rad.', { personKey: key });
    }

    const rs = f[iRS] as string;
    const re = f[iRE] as string;
    const reValid = re !== '' && (cached || isRealIsoDate(re));
    const ms = f[iMS] as string;
    const me = f[iME] as string;
    const msValid = ms !== '' && isRealIsoDate(ms);
    const meValid = me !== '' && isRealIsoDate(me);
    if (msValid && meValid && me < ms)
      sink.add('S-DATE-ORDER', lineNo, `Åtgärden slutar (${me}) före den börjar (${ms}).`, { column: fieldColumn(raw, sep, iME), field: C.cols[iME]!.name, personKey: key });
    const mCode = f[iM] as string;
    const after = f[iAF] as string;
    if (mCode !== '' && after !== '' && mCode === after)
      sink.add('R5', lineNo, `Åtgärden och sysselsättningen efter åtgärden har samma kod (${mCode}).`, { column: fieldColumn(raw, sep, iAF), field: C.cols[iAF]!.name, personKey: key });

    if (!rowOk || !key || !parsed) continue;

    // --- group per person and registration period
    let p = persons.get(key);
    if (!p) {
      p = { key, birth: parsed.birthDate, firstLine: lineNo, regs: new Map(), contacts: [], measures: [] };
      persons.set(key, p);
    }
    let reg = p.regs.get(rs);
    const lvl = f[iSL] as string;
    const bev = f[iSB] as string;
    const reason = iRR >= 0 ? (f[iRR] as string) : '';
    if (!reg) {
      reg = { start: rs, end: reValid ? re : null, endValid: re === '' || reValid, level: lvl, bevis: bev, reason, firstLine: lineNo, hasContact: false, firstMeasureLine: 0 };
      p.regs.set(rs, reg);
    } else if ((reg.end ?? '') !== (reValid ? re : '') || reg.level !== lvl || reg.bevis !== bev || reg.reason !== reason) {
      sink.add('S-REG-CONFLICT', lineNo, `Registreringsperioden som börjar ${rs} har andra uppgifter här än på rad ${reg.firstLine}.`, { personKey: key });
    }
    const co = f[iCO] as string;
    const cd = f[iCD] as string;
    if (co !== '') {
      reg.hasContact = true;
      p.contacts.push({ line: lineNo, date: cd !== '' && isRealIsoDate(cd) ? cd : null, occ: co });
    } else if (cd !== '' && isRealIsoDate(cd)) {
      p.contacts.push({ line: lineNo, date: cd, occ: '' });
    }
    if (mCode !== '' || ms !== '') {
      if (reg.firstMeasureLine === 0) reg.firstMeasureLine = lineNo;
      p.measures.push({ line: lineNo, code: mCode, start: msValid ? ms : null, end: meValid ? me : null, ongoing: me === '' });
    }
  }
  return { persons, kommunLines, blankLines, trailingLines, quotedLines, rows, latest };
}
