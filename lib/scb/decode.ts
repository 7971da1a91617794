/**
 * Decoding and line splitting of SCB files, without changing the bytes. Windows-1252 is a single-byte encoding, so
 * the decoded string has exactly one UTF-16 code unit per byte: character index i is byte index i (after a BOM).
 * Pure: TextDecoder exists in pages, service workers and Node; a manual table is the fallback.
 */

/** Windows-1252 0x80..0x9F → Unicode; the five undefined bytes keep their C1 code point (as WHATWG does). */
const CP1252_C1 = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];
const C1_RE = /[\x80-\x9f]/;
const C1_RE_G = /[\x80-\x9f]/g;

let nativeDecoder: TextDecoder | null | undefined;
function getDecoder(): TextDecoder | null {
  if (nativeDecoder === undefined) {
    try {
      nativeDecoder = typeof TextDecoder === 'function' ? new TextDecoder('windows-1252') : null;
    } catch {
      nativeDecoder = null;
    }
  }
  return nativeDecoder;
}

function manualDecode(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  const buf = new Array<number>(CHUNK);
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(bytes.length, start + CHUNK);
    buf.length = end - start;
    for (let i = start; i < end; i++) {
      const b = bytes[i] as number;
      buf[i - start] = b >= 0x80 && b <= 0x9f ? (CP1252_C1[b - 0x80] as number) : b;
    }
    parts.push(String.fromCharCode.apply(null, buf));
  }
  return parts.join('');
}

/** Decode Windows-1252 bytes to a string of the same length (one char per byte). Never throws. */
export function decodeWindows1252(bytes: Uint8Array): string {
  const dec = getDecoder();
  if (dec) {
    try {
      const text = dec.decode(bytes);
      if (text.length === bytes.length) {
        // Some runtimes (Node ≤ 22) decode the label as Latin-1; map the C1 range as Windows-1252 does.
        return C1_RE.test(text) ? text.replace(C1_RE_G, (c) => String.fromCharCode(CP1252_C1[c.charCodeAt(0) - 0x80] as number)) : text;
      }
    } catch {
      // fall through to the manual table
    }
  }
  return manualDecode(bytes);
}

export type LineEndingKind = 'CRLF' | 'LF' | 'CR' | 'mixed' | 'none';

export interface SplitLines {
  /** Lines without their terminators. An empty piece after the final newline is not a line. */
  lines: string[];
  /** Offset (char index = byte index in the decoded text) where each line starts. */
  starts: number[];
  crlf: number;
  lf: number;
  cr: number;
  lineEnding: LineEndingKind;
  finalNewline: boolean;
}

/** Split decoded text into lines, counting CRLF, lone LF and lone CR endings. */
export function splitLines(text: string): SplitLines {
  const lines: string[] = [];
  const starts: number[] = [];
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  const n = text.length;
  const hasLf = text.indexOf('\n') !== -1;
  if (!hasLf && text.indexOf('\r') !== -1) {
    // Only CR: old Mac style.
    let pos = 0;
    while (pos < n) {
      const i = text.indexOf('\r', pos);
      if (i === -1) {
        starts.push(pos);
        lines.push(text.slice(pos));
        pos = n;
        break;
      }
      starts.push(pos);
      lines.push(text.slice(pos, i));
      cr++;
      pos = i + 1;
    }
    return { lines, starts, crlf, lf, cr, lineEnding: 'CR', finalNewline: n > 0 && text.charCodeAt(n - 1) === 13 };
  }
  let pos = 0;
  while (pos < n) {
    const i = text.indexOf('\n', pos);
    if (i === -1) {
      starts.push(pos);
      lines.push(text.slice(pos));
      break;
    }
    starts.push(pos);
    if (i > pos && text.charCodeAt(i - 1) === 13) {
      lines.push(text.slice(pos, i - 1));
      crlf++;
    } else {
      lines.push(text.slice(pos, i));
      lf++;
    }
    pos = i + 1;
  }
  const lineEnding: LineEndingKind = crlf > 0 && lf > 0 ? 'mixed' : crlf > 0 ? 'CRLF' : lf > 0 ? 'LF' : 'none';
  return { lines, starts, crlf, lf, cr, lineEnding, finalNewline: n > 0 && text.charCodeAt(n - 1) === 10 };
}

/** Decode + split into lines + split into fields: the minimal work any reader of the file has to do (bench baseline). */
export function decodeAndSplit(bytes: Uint8Array, separator = ';'): string[][] {
  const { lines } = splitLines(decodeWindows1252(bytes));
  const out = new Array<string[]>(lines.length);
  for (let i = 0; i < lines.length; i++) out[i] = (lines[i] as string).split(separator);
  return out;
}

/** True when the bytes (from `from`) are valid UTF-8 containing at least one multi-byte sequence. */
export function looksLikeUtf8(bytes: Uint8Array, from = 0): boolean {
  let multi = 0;
  let i = from;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) need = 2;
    else if (b >= 0xf0 && b <= 0xf4) need = 3;
    else return false;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return false;
    }
    multi++;
    i += need + 1;
  }
  return multi > 0;
}
