/**
 * The first steps on the raw bytes: files that are not text at all, the byte-order mark, the encoding, the split into
 * lines, and bytes that are no character (NUL, control characters, the five holes of Windows-1252).
 */
import { decodeWindows1252, looksLikeUtf8, splitLines, type SplitLines } from '../decode';
import type { ScbProfile } from '../profile-core';
import { EXCEL_MESSAGE } from '../rules';
import type { Sink } from './sink';
import type { ReportBase } from './types';

/** True (after adding its finding) when the bytes are no text file at all. */
export function detectUnreadable(bytes: Uint8Array, sink: Sink): boolean {
  const n = bytes.length;
  const b0 = bytes[0];
  const b1 = bytes[1];
  const b2 = bytes[2];
  const b3 = bytes[3];
  if (n === 0) {
    sink.add('U-EMPTY', null, 'Filen innehåller ingenting.');
    return true;
  }
  if (b0 === 0x50 && b1 === 0x4b && (b2 === 3 || b2 === 5 || b2 === 7) && (b3 === 4 || b3 === 6 || b3 === 8)) {
    sink.add('U-ZIP', null, `${EXCEL_MESSAGE} Den här filen är en Excel-arbetsbok (xlsx) eller ett zip-arkiv, inte en textfil.`);
    return true;
  }
  if (b0 === 0xd0 && b1 === 0xcf && b2 === 0x11 && b3 === 0xe0) {
    sink.add('U-XLS', null, `${EXCEL_MESSAGE} Den här filen är en Excel-arbetsbok i det äldre formatet (xls).`);
    return true;
  }
  if (b0 === 0x25 && b1 === 0x50 && b2 === 0x44 && b3 === 0x46) {
    sink.add('U-PDF', null, 'Filen är en PDF och inte den textfil som UKA exporterar.');
    return true;
  }
  if (b0 === 0x1f && b1 === 0x8b) {
    sink.add('U-GZIP', null, 'Filen är komprimerad (gzip) och kan inte läsas som text.');
    return true;
  }
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
    sink.add('U-UTF16', null, `${EXCEL_MESSAGE} Den här filen är sparad som "Unicode-text" (UTF-16).`);
    return true;
  }
  // Binary: many NULs or control bytes.
  let nul = 0;
  let ctrl = 0;
  let printable = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] as number;
    if (b === 0) nul++;
    else if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 26) ctrl++;
    else if (b !== 32 && b !== 9 && b !== 10 && b !== 13) printable++;
  }
  if (printable === 0) {
    sink.add('U-EMPTY', null, nul + ctrl > 0 ? 'Filen innehåller bara nolltecken eller styrtecken.' : 'Filen innehåller bara blanksteg och tomma rader.');
    return true;
  }
  if (nul > Math.max(8, n / 100) || ctrl > Math.max(16, n / 20)) {
    sink.add('U-BINARY', null, 'Filen innehåller många nolltecken eller styrtecken och är inte en textfil.');
    return true;
  }
  return false;
}

const PROBLEM_CHAR_RE = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x81\x8d\x8f\x90\x9d]/;

/** Decode (after a BOM), flag a UTF-8 re-save, split into lines and flag bytes that are no character. */
export function decodeText(bytes: Uint8Array, profile: ScbProfile, sink: Sink, base: ReportBase): SplitLines {
  let bom = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    bom = 3;
    sink.add('X-BOM', null, 'Filen börjar med ett osynligt byte-ordningsmärke (BOM), som kalkylprogram och vissa editorer lägger till.');
  }
  const body = bom ? bytes.subarray(bom) : bytes;
  const text = decodeWindows1252(body);
  if (profile.encoding === 'windows-1252' && /[^\x00-\x7f]/.test(text) && looksLikeUtf8(body)) {
    sink.add('S-ENCODING', null, 'Filen verkar vara sparad som UTF-8. SCB-filen ska vara kodad som Windows-1252 (å, ä och ö som en byte var).');
  }
  const split = splitLines(text);
  const lines = split.lines;
  base.lines = lines.length;
  base.lineEnding = split.lineEnding;

  if (PROBLEM_CHAR_RE.test(text)) {
    for (let li = 0; li < lines.length; li++) {
      const l = lines[li] as string;
      if (!PROBLEM_CHAR_RE.test(l)) continue;
      for (let ci = 0; ci < l.length; ci++) {
        const c = l.charCodeAt(ci);
        if (c === 0) sink.add('S-NUL', li + 1, `Raden innehåller ett nolltecken (byte 0x00) på position ${ci + 1}.`, { column: ci + 1 });
        else if (c === 0x81 || c === 0x8d || c === 0x8f || c === 0x90 || c === 0x9d)
          sink.add('S-BYTE', li + 1, `Byten 0x${c.toString(16).toUpperCase()} på position ${ci + 1} är inget tecken i Windows-1252.`, { column: ci + 1 });
        else if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0x7f)
          sink.add('S-CONTROL', li + 1, `Raden innehåller ett styrtecken (0x${c.toString(16).toUpperCase().padStart(2, '0')}) på position ${ci + 1}.`, { column: ci + 1 });
      }
    }
  }
  return split;
}
