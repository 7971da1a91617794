/**
 * The first steps on the raw bytes: files that are not text at all, the byte-order mark, the encoding, the split into
 * lines, and bytes that are no character (NUL, control characters, the five holes of Windows-1252).
 */
import { decodeWindows1252, looksLikeUtf8 } from '../decode';
import type { ScbProfile } from '../profile-core';
import { EXCEL_MESSAGE } from '../rules';
import { LineReader, scanLines, type LineScan } from './lines';
import type { Sink } from './sink';
import type { ReportBase } from './types';

/** Per byte: 0 printable, 1 NUL, 2 control byte, 3 blank (space, tab, CR, LF). */
const BYTE_CLASS = (() => {
  const t = new Uint8Array(256);
  t[0] = 1;
  for (let b = 1; b < 32; b++) t[b] = b === 12 || b === 26 ? 0 : 2;
  for (const b of [9, 10, 13, 32]) t[b] = 3;
  return t;
})();

const CONTROL_RE = /[\x00-\x08\x0b\x0e-\x19\x1b-\x1f]/;
const NOT_BLANK_RE = /[^\t\n\r ]/;

/**
 * True (after adding its finding) when the bytes are no text file at all. `text` is the bytes decoded one char per
 * byte (after a BOM of `bom` bytes): plain text is recognised by two regular-expression scans; bytes are counted
 * one by one only when the text holds control characters.
 */
export function detectUnreadable(bytes: Uint8Array, text: string, bom: number, sink: Sink): boolean {
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
  // UTF-16 without a byte-order mark: every other byte of plain text is 0.
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) {
    sink.add(
      'U-UTF16-NOBOM',
      null,
      `Filen är sparad som UTF-16 (${utf16 === 'LE' ? 'little endian' : 'big endian'}, två byte per tecken) utan byte-ordningsmärke. SCB-filen ska vara kodad som Windows-1252, en byte per tecken.`,
    );
    return true;
  }
  // Binary: many NULs or control bytes.
  if (!CONTROL_RE.test(text)) {
    if (bom > 0 || NOT_BLANK_RE.test(text)) return false;
    sink.add('U-EMPTY', null, 'Filen innehåller bara blanksteg och tomma rader.');
    return true;
  }
  const tally = new Int32Array(4);
  for (let i = 0; i < n; i++) tally[BYTE_CLASS[bytes[i] as number] as number]!++;
  const nul = tally[1] as number;
  const ctrl = tally[2] as number;
  const printable = tally[0] as number;
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

/** 'LE' or 'BE' when the first bytes look like UTF-16 text without a BOM (ASCII with a 0 byte beside each). */
function utf16WithoutBom(bytes: Uint8Array): 'LE' | 'BE' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 8) return null;
  let zeroOdd = 0;
  let zeroEven = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) zeroEven++;
    if (bytes[i + 1] === 0) zeroOdd++;
  }
  const pairs = n / 2;
  if (zeroOdd > pairs * 0.6 && zeroEven < pairs * 0.05) return 'LE';
  if (zeroEven > pairs * 0.6 && zeroOdd < pairs * 0.05) return 'BE';
  return null;
}

const PROBLEM_CHAR_RE = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x81\x8d\x8f\x90\x9d]/;

/** Decode (after a BOM), flag a UTF-8 re-save, count the lines and flag bytes that are no character. */
export interface Decoded {
  text: string;
  /** Length of a UTF-8 byte-order mark at the start (0 or 3). */
  bom: number;
}

/** The bytes after a UTF-8 BOM, decoded as Windows-1252 (one char per byte). */
export function decodeBody(bytes: Uint8Array): Decoded {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return { text: decodeWindows1252(bom ? bytes.subarray(bom) : bytes), bom };
}

/** Flag a BOM and a UTF-8 re-save, count the lines and flag bytes that are no character. */
export function checkText(bytes: Uint8Array, { text, bom }: Decoded, profile: ScbProfile, sink: Sink, base: ReportBase): LineScan {
  if (bom) sink.add('X-BOM', null, 'Filen börjar med ett osynligt byte-ordningsmärke (BOM), som kalkylprogram och vissa editorer lägger till.');
  const body = bom ? bytes.subarray(bom) : bytes;
  // Most files are plain printable ASCII: one scan answers both questions below.
  const plain = !/[^\t\n\r\x20-\x7e]/.test(text);
  if (!plain && profile.encoding === 'windows-1252' && /[^\x00-\x7f]/.test(text) && looksLikeUtf8(body)) {
    sink.add('S-ENCODING', null, 'Filen verkar vara sparad som UTF-8. SCB-filen ska vara kodad som Windows-1252 (å, ä och ö som en byte var).');
  }
  const scan = scanLines(text);
  base.lines = scan.lines;
  base.lineEnding = scan.lineEnding;

  if (!plain && PROBLEM_CHAR_RE.test(text)) {
    const reader = new LineReader(text, scan.crOnly);
    for (let l = reader.next(); l !== null; l = reader.next()) {
      if (!PROBLEM_CHAR_RE.test(l)) continue;
      const lineNo = reader.no;
      for (let ci = 0; ci < l.length; ci++) {
        const c = l.charCodeAt(ci);
        if (c === 0) sink.add('S-NUL', lineNo, `Raden innehåller ett nolltecken (byte 0x00) på position ${ci + 1}.`, { column: ci + 1 });
        else if (c === 0x81 || c === 0x8d || c === 0x8f || c === 0x90 || c === 0x9d)
          sink.add('S-BYTE', lineNo, `Byten 0x${c.toString(16).toUpperCase()} på position ${ci + 1} är inget tecken i Windows-1252.`, { column: ci + 1 });
        else if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0x7f)
          sink.add('S-CONTROL', lineNo, `Raden innehåller ett styrtecken (0x${c.toString(16).toUpperCase().padStart(2, '0')}) på position ${ci + 1}.`, { column: ci + 1 });
      }
    }
  }
  return scan;
}
