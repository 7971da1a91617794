/**
 * The pure part of saving the SCB file. Nothing here transforms bytes: the UI makes a Blob from the very
 * Uint8Array returned by `prepareSave` (no TextEncoder, no string round trip, no newline or charset conversion).
 */

/** File name for the saved SCB file: safeFileName('2281', '2026H2') → 'KAA_2281_2026H2.txt'. */
export function safeFileName(kommun: string, period: string): string {
  const k = /^\d{4}$/.test(kommun) ? kommun : kommun.replace(/[^0-9A-Za-z]/g, '').slice(0, 8) || 'okand';
  const p = /^\d{4}H[12]$/.test(period) ? period : period.replace(/[^0-9A-Za-z]/g, '').slice(0, 12) || 'period';
  return `KAA_${k}_${p}.txt`;
}

export interface SavePlan {
  fileName: string;
  /** The exact bytes to write: the same Uint8Array that was given (same buffer, offset and length). */
  bytes: Uint8Array;
  /** Blob type; octet-stream so that no layer is tempted to re-encode. */
  mimeType: 'application/octet-stream';
}

/** Everything the UI needs to save: the file name and the untouched bytes. */
export function prepareSave(bytes: Uint8Array, kommun: string, period: string): SavePlan {
  return { fileName: safeFileName(kommun, period), bytes, mimeType: 'application/octet-stream' };
}
