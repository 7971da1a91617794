/** Rules on the file as a whole: blank and empty rows, quoting, trailing separators, line endings, kommun and period. */
import { addHalfYears, halfYearEnd, halfYearOf, halfYearStart, type HalfYear } from '../../domain/dates';
import { count } from '../../domain/swedish';
import { deadlineFor, profileAppliesTo } from '../profile-core';
import type { Compiled } from './compile';
import type { HeaderResult } from './header';
import { showInvisible, type LineScan } from './lines';
import type { RowsResult } from './rows';
import type { Sink } from './sink';
import { ISO_RE, short } from './text';
import type { ReportBase, ValidateOptions } from './types';

/** Line endings that make the file unreadable as lines, or leave a hidden CR in every last field; before the rows. */
export function checkLineEndingsFirst(scan: LineScan, sink: Sink): void {
  if (scan.lineEnding === 'CR') sink.add('S-EOL-CR', null, 'Raderna slutar bara med CR (vagnretur) och kan inte läsas som rader.');
  if (scan.crcr > 0)
    sink.add(
      'S-EOL-CRCR',
      null,
      `${count(scan.crcr, 'rad slutar', 'rader slutar')} med två vagnreturer före radbytet (CR CR LF, till exempel rad ${scan.firstCrcr}: "…${showInvisible(scan.firstCrcrTail)}"), i stället för CR LF. Det händer när en fil med Windows-radslut förs över eller sparas om i textläge. Det extra tecknet (␍) hamnar annars sist i radens sista fält.`,
    );
}

/** Findings about the file as a whole, after the rows were read. */
export function checkFileLines(scan: LineScan, head: HeaderResult, C: Compiled, r: RowsResult, sink: Sink, cap: number): void {
  // blank lines: the run after the last row is "at the end", others are "in the middle"
  let added = 0;
  let beyond = 0;
  for (const [from, to] of r.blankRuns) {
    for (let b = from; b <= to; b++) {
      if (added >= cap) {
        beyond += to - b + 1;
        break;
      }
      sink.add('S-BLANK', b, b > r.lastNonBlank ? 'Tom rad i slutet av filen.' : 'Tom rad mitt i filen.');
      added++;
    }
  }
  sink.addCountOnly('S-BLANK', beyond);
  const e = r.emptyRows;
  if (e.count > 0)
    sink.add(
      'X-EMPTY-ROWS',
      e.first,
      `${count(e.count, 'rad')} (${e.count === 1 ? `rad ${e.first}` : `rad ${e.first}–${e.last}`}) består bara av avgränsare (${short(e.example)}), så som kalkylprogram sparar tomma rader i ett blad. De har inte lästs som ungdomar.`,
    );
  if (r.rows === 0) sink.add('S-NO-ROWS', null, 'Filen har inga rader med ungdomar, bara rubrik eller tomma rader.');
  if (r.quotedLines > 0) sink.add('X-QUOTES', null, `Fält står inom citattecken på ${count(r.quotedLines, 'rad')}, så som kalkylprogram sparar text.`);
  if (r.quotedSep.count > 0)
    sink.add(
      'X-QUOTED-SEP',
      r.quotedSep.first,
      `${r.quotedSep.field || 'Ett fält'} står inom citattecken och innehåller avgränsaren: ${short(showInvisible(r.quotedSep.value))} (${count(r.quotedSep.count, 'rad')}). Citattecknen har lästs som ett enda fält, så som SCB inte gör.`,
      { cause: 'X-QUOTES' },
    );
  if (r.quotedBreak.count > 0)
    sink.add(
      'X-QUOTED-NEWLINE',
      r.quotedBreak.first,
      `${r.quotedBreak.field || 'Ett fält'} står inom citattecken och innehåller en radbrytning, så att en post fortsätter på nästa rad (${r.quotedBreak.first === r.quotedBreak.last ? `rad ${r.quotedBreak.first}` : `rad ${r.quotedBreak.first}–${r.quotedBreak.last}`}; ${count(r.quotedBreak.count, 'post', 'poster')} i filen). SCB läser varje rad för sig.`,
      { cause: 'X-QUOTES' },
    );
  if (r.codeZero.count > 0)
    sink.add(
      'X-CODE-ZERO',
      null,
      `${count(r.codeZero.count, 'kod har', 'koder har')} tappat sin inledande nolla (till exempel ${r.codeZero.field} "${r.codeZero.example}" i stället för "0${r.codeZero.example}" på rad ${r.codeZero.first}), så som kalkylprogram gör med tal.`,
    );
  const everyLine = r.trailingLines > 0 && r.trailingLines >= r.rows && r.rows > 0;
  if (everyLine) sink.add('X-TRAILING-SEP', null, 'Varje rad slutar med en extra avgränsare (tomma kolumner), så som kalkylprogram sparar tabeller.');
  else if (r.trailingLines > 0) sink.add('S-COLUMNS', null, `${count(r.trailingLines, 'rad slutar', 'rader slutar')} med extra tomma fält.`);
  if (head.headerTrailing > 0)
    sink.add(
      'S-HEADER-SEP',
      head.headerLine,
      `Rubrikraden slutar med ${count(head.headerTrailing, 'extra avgränsare', 'extra avgränsare')} efter sista variabelnamnet ("…${C.cols[C.n - 1]?.name ?? ''}${C.sep.repeat(Math.min(head.headerTrailing, 5))}"), alltså tomma kolumner utan namn.`,
      { cause: everyLine ? 'X-TRAILING-SEP' : null },
    );
  const excelSoFar = sink.excel;
  if (C.profile.lineEnding === 'CRLF' && (scan.lineEnding === 'LF' || scan.lineEnding === 'mixed')) {
    if (excelSoFar) sink.add('X-LF', null, 'Radsluten har ändrats från CRLF till bara LF, vilket tillsammans med övriga spår tyder på att filen sparats om.');
    else if (scan.lineEnding === 'LF') sink.add('S-EOL-LF', null, 'Raderna slutar med bara LF; filen ska ha CRLF (Windows-radslut).');
    else sink.add('S-EOL-MIXED', null, `Filen blandar radslut: ${count(scan.crlf, 'rad')} med CRLF och ${scan.lf} med bara LF.`);
  }
  if (!scan.finalNewline && scan.lines > 0 && scan.lineEnding !== 'CR') sink.add('S-EOF', scan.lines, 'Sista raden saknar radslut.');
}

/** The kommunkod checked against (the option, or the most common one in the file) and the lines that differ. */
export function checkKommun(opts: ValidateOptions, C: Compiled, r: RowsResult, sink: Sink, base: ReportBase): void {
  let kommun = opts.kommun ?? null;
  if (kommun !== null && !/^\d{4}$/.test(kommun)) {
    sink.add('S-FORMAT', null, `Den inställda kommunkoden ${short(kommun)} ska vara fyra siffror.`);
    kommun = null;
  }
  if (kommun === null) {
    let best = 0;
    for (const [k, e] of r.kommunLines) if (e.lines.length > best) [kommun, best] = [k, e.lines.length];
  }
  base.kommun = kommun;
  if (kommun === null) return;
  const field = C.cols[C.role.kommun]!.name;
  for (const [value, e] of r.kommunLines) {
    if (value === kommun) continue;
    for (let i = 0; i < e.lines.length; i++)
      sink.add('S-KOMMUN', e.lines[i] as number, opts.kommun ? `Kommunkoden ${value} är inte er kommun (${kommun}).` : `Kommunkoden ${value} skiljer sig från filens övriga rader (${kommun}).`, { column: e.col, field, personKey: e.keys[i], cause: null });
  }
}

/** The collection period (option, latest date in the file, today, or the profile's first) and its bounds. */
export function choosePeriod(opts: ValidateOptions, C: Compiled, r: RowsResult, sink: Sink, base: ReportBase): { period: string; pStart: string; pEnd: string } {
  const profile = C.profile;
  const today = opts.today && ISO_RE.test(opts.today) ? opts.today : null;
  let period: string | null = base.period;
  if (!period) {
    if (r.latest) {
      period = halfYearOf(r.latest);
      base.periodSource = 'file';
    } else if (today) {
      period = addHalfYears(halfYearOf(today), -1);
      base.periodSource = 'today';
    } else {
      period = profile.periods.from;
      base.periodSource = 'profile';
    }
  }
  base.period = period;
  base.deadline = deadlineFor(profile, period);
  if (!profileAppliesTo(profile, period))
    sink.add('S-PROFILE-PERIOD', null, `Filprofilen ${profile.id} (version ${profile.version}) gäller inte insamlingsperioden ${period}.`);
  return { period, pStart: halfYearStart(period as HalfYear), pEnd: halfYearEnd(period as HalfYear) };
}
