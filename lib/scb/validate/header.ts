/** The separator (found on the first non-blank line) and the header line. */
import type { SplitLines } from '../decode';
import type { Compiled } from './compile';
import type { Sink } from './sink';

export interface HeaderResult {
  /** The separator the rows are split on (the profile's, or the one a spreadsheet program wrote). */
  sep: string;
  /** Index (0-based) of the first data line. */
  dataFrom: number;
}

function count(s: string, ch: string): number {
  let k = 0;
  for (let i = s.indexOf(ch); i !== -1; i = s.indexOf(ch, i + 1)) k++;
  return k;
}

/** Check the separator and the header line; null (after a finding) when the file has no separators at all. */
export function checkHeader(split: SplitLines, C: Compiled, sink: Sink): HeaderResult | null {
  const lines = split.lines;
  const profile = C.profile;
  let first = 0;
  while (first < lines.length && (lines[first] as string).trim() === '') first++;
  const headLine = lines[first] ?? '';
  let sep = C.sep;
  if (count(headLine, sep) === 0) {
    const commas = count(headLine, ',');
    const tabs = count(headLine, '\t');
    if (tabs >= C.n - 1 && tabs >= commas) {
      sep = '\t';
      sink.add('X-TAB', first + 1, 'Fälten skiljs åt med tabbar i stället för semikolon, så som kalkylprogram sparar "text (tabbavgränsad)".');
    } else if (commas >= C.n - 1) {
      sep = ',';
      sink.add('X-COMMA', first + 1, 'Fälten skiljs åt med kommatecken i stället för semikolon, så som kalkylprogram sparar CSV.');
    } else if (tabs === 0 && commas === 0) {
      sink.add('U-NOT-SCB', null, 'Filen har inga fältavgränsare och liknar inte en SCB-fil.');
      return null;
    }
  }

  let dataFrom = first;
  if (profile.header) {
    const hf = headLine.split(sep).map((f) => (f.length >= 2 && f.charCodeAt(0) === 34 && f.charCodeAt(f.length - 1) === 34 ? f.slice(1, -1) : f));
    while (hf.length > C.n && hf[hf.length - 1] === '') hf.pop();
    const names = C.cols.map((c) => c.name);
    const looksLikeData = hf.length > 1 && /^\s*"?\d/.test(headLine);
    if (looksLikeData) {
      sink.add('S-HEADER', null, `Rubrikraden saknas. Filen ska börja med raden ${names.join(sep)}.`);
    } else {
      dataFrom = first + 1;
      if (hf.length !== C.n || hf.some((h, i) => h !== names[i])) {
        const same = hf.length === C.n && [...hf].sort().join() === [...names].sort().join();
        const ci = hf.length === C.n && hf.every((h, i) => h.toLowerCase() === (names[i] as string).toLowerCase());
        const why = ci
          ? 'Variabelnamnen har fel stora eller små bokstäver.'
          : same
            ? 'Kolumnerna står i fel ordning.'
            : hf.length !== C.n
              ? `Rubrikraden har ${hf.length} fält, men ska ha ${C.n}.`
              : `Rubrikraden har andra variabelnamn än profilen ${profile.id}.`;
        sink.add('S-HEADER', first + 1, `${why} Förväntad rubrikrad: ${names.join(sep)}.`);
      }
    }
  }
  if (first > 0) for (let i = 0; i < first; i++) sink.add('S-BLANK', i + 1, 'Tom rad före rubrikraden.');
  return { sep, dataFrom };
}
