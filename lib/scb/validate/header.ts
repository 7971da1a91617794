/** The separator (found on the first non-blank line) and the header line, with columns in another order. */
import type { Compiled } from './compile';
import type { LineReader } from './lines';
import type { Sink } from './sink';

export interface HeaderResult {
  /** The separator the rows are split on (the profile's, or the one a spreadsheet program wrote). */
  sep: string;
  /**
   * When the header holds every variable of the profile in another order: for each profile column, its index in the
   * file. The rows are then read in the file's order. Null = the profile's order.
   */
  perm: number[] | null;
  /** True when the header does not match the profile: findings on the rows are its consequences. */
  headerCause: boolean;
  /** Empty fields after the last variable name of the header ("…;SysEfter;;" → 2). */
  headerTrailing: number;
  /** Line number of the header (0 = no header line). */
  headerLine: number;
}

function count(s: string, ch: string): number {
  let k = 0;
  for (let i = s.indexOf(ch); i !== -1; i = s.indexOf(ch, i + 1)) k++;
  return k;
}

const unquote = (f: string) => (f.length >= 2 && f.charCodeAt(0) === 34 && f.charCodeAt(f.length - 1) === 34 ? f.slice(1, -1) : f);

/**
 * Check the separator and the header line. Leaves the reader at the first data line. Null (after a finding) when
 * the file has no separators at all.
 */
export function checkHeader(reader: LineReader, C: Compiled, sink: Sink): HeaderResult | null {
  const profile = C.profile;
  let headLine = '';
  const blankBefore: number[] = [];
  for (let l = reader.next(); l !== null; l = reader.next()) {
    if (l.trim() !== '') {
      headLine = l;
      break;
    }
    blankBefore.push(reader.no);
  }
  const first = reader.no; // line number of headLine
  let sep = C.sep;
  const seps = count(headLine, sep);
  if (seps === 0) {
    const commas = count(headLine, ',');
    const tabs = count(headLine, '\t');
    if (tabs >= C.n - 1 && tabs >= commas) {
      sep = '\t';
      sink.add('X-TAB', first, 'Fälten skiljs åt med tabbar i stället för semikolon, så som kalkylprogram sparar "text (tabbavgränsad)".');
    } else if (commas >= C.n - 1) {
      sep = ',';
      sink.add('X-COMMA', first, 'Fälten skiljs åt med kommatecken i stället för semikolon, så som kalkylprogram sparar CSV.');
    } else if (tabs === 0 && commas === 0) {
      sink.add('U-NOT-SCB', null, 'Filen har inga fältavgränsare och liknar inte en SCB-fil.');
      return null;
    }
  }

  const out: HeaderResult = { sep, perm: null, headerCause: false, headerTrailing: 0, headerLine: 0 };
  if (profile.header) {
    const names = C.cols.map((c) => c.name);
    const fieldCount = count(headLine, sep) + 1;
    const looksLikeData = fieldCount > 1 && /^\s*"?\d/.test(headLine);
    if (looksLikeData) {
      sink.add('S-HEADER', null, `Rubrikraden saknas. Filen ska börja med raden ${names.join(sep)}.`);
      reader.unread();
    } else if (fieldCount > C.n * 4) {
      // A line of thousands of fields is no header; do not split it into an array.
      out.headerLine = first;
      out.headerCause = true;
      sink.add('S-HEADER', first, `Rubrikraden har ${fieldCount} fält, men ska ha ${C.n}. Förväntad rubrikrad: ${names.join(sep)}.`);
    } else {
      out.headerLine = first;
      const hf = headLine.split(sep).map(unquote);
      while (hf.length > C.n && hf[hf.length - 1] === '') {
        hf.pop();
        out.headerTrailing++;
      }
      if (hf.length !== C.n || hf.some((h, i) => h !== names[i])) {
        const same = hf.length === C.n && [...hf].sort().join() === [...names].sort().join();
        const ci = hf.length === C.n && hf.every((h, i) => h.toLowerCase() === (names[i] as string).toLowerCase());
        if (same && !ci) {
          out.perm = names.map((name) => hf.indexOf(name));
          out.headerCause = true;
          sink.add(
            'S-HEADER',
            first,
            `Kolumnerna står i en annan ordning än filprofilen ${profile.id} anger. Filens ordning: ${hf.join(sep)}. Väntad ordning: ${names.join(sep)}. Raderna har kontrollerats i filens egen ordning.`,
            {
              fix: 'Ordningen kommer från exporten, inte från uppgifterna i UKA. Exportera filen på nytt; har den samma ordning igen har exportformatet ändrats. Ladda då inte upp filen, utan fråga UKA:s förvaltning eller välj den filprofil som SCB anger för halvåret.',
            },
          );
        } else {
          const why = ci
            ? 'Variabelnamnen har fel stora eller små bokstäver.'
            : hf.length !== C.n
              ? `Rubrikraden har ${hf.length} fält, men ska ha ${C.n}.`
              : `Rubrikraden har andra variabelnamn än profilen ${profile.id}.`;
          out.headerCause = !ci;
          sink.add('S-HEADER', first, `${why} Förväntad rubrikrad: ${names.join(sep)}.`);
        }
      }
    }
  } else reader.unread();
  for (const b of blankBefore) sink.add('S-BLANK', b, 'Tom rad före rubrikraden.');
  return out;
}
