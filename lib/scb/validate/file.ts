/** Rules on the file as a whole: blank lines, quoting, trailing separators, line endings, kommun and period. */
import { addHalfYears, halfYearEnd, halfYearOf, halfYearStart, type HalfYear } from '../../domain/dates';
import type { SplitLines } from '../decode';
import { deadlineFor, profileAppliesTo } from '../profile-core';
import type { Compiled } from './compile';
import type { RowsResult } from './rows';
import type { Sink } from './sink';
import { ISO_RE, short } from './text';
import type { ReportBase, ValidateOptions } from './types';

/** Line endings that make the file unreadable as lines; checked before the rows. */
export function checkCrOnly(split: SplitLines, sink: Sink): void {
  if (split.lineEnding === 'CR') sink.add('S-EOL-CR', null, 'Raderna slutar bara med CR (vagnretur) och kan inte läsas som rader.');
}

/** Findings about lines of the file as a whole, after the rows were read. */
export function checkFileLines(split: SplitLines, C: Compiled, r: RowsResult, sink: Sink): void {
  const lines = split.lines;
  for (const b of r.blankLines) sink.add('S-BLANK', b, b === lines.length ? 'Tom rad i slutet av filen.' : 'Tom rad mitt i filen.');
  if (r.rows === 0) sink.add('S-NO-ROWS', null, 'Filen har inga rader med ungdomar, bara rubrik eller tomma rader.');
  if (r.quotedLines > 0) sink.add('X-QUOTES', null, `Fält står inom citattecken på ${r.quotedLines} rader, så som kalkylprogram sparar text.`);
  if (r.trailingLines > 0 && r.trailingLines >= r.rows && r.rows > 0)
    sink.add('X-TRAILING-SEP', null, 'Varje rad slutar med en extra avgränsare (tomma kolumner), så som kalkylprogram sparar tabeller.');
  else if (r.trailingLines > 0) sink.add('S-COLUMNS', null, `${r.trailingLines} rader slutar med extra tomma fält.`);
  const excelSoFar = sink.excel;
  if (C.profile.lineEnding === 'CRLF' && (split.lineEnding === 'LF' || split.lineEnding === 'mixed')) {
    if (excelSoFar) sink.add('X-LF', null, 'Radsluten har ändrats från CRLF till bara LF, vilket tillsammans med övriga spår tyder på att filen sparats om.');
    else if (split.lineEnding === 'LF') sink.add('S-EOL-LF', null, 'Raderna slutar med bara LF; filen ska ha CRLF (Windows-radslut).');
    else sink.add('S-EOL-MIXED', null, `Filen blandar radslut: ${split.crlf} rader med CRLF och ${split.lf} med bara LF.`);
  }
  if (!split.finalNewline && lines.length > 0 && split.lineEnding !== 'CR') sink.add('S-EOF', lines.length, 'Sista raden saknar radslut.');
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
      sink.add('S-KOMMUN', e.lines[i] as number, opts.kommun ? `Kommunkoden ${value} är inte er kommun (${kommun}).` : `Kommunkoden ${value} skiljer sig från filens övriga rader (${kommun}).`, { column: e.col, field, personKey: e.keys[i] });
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
