/**
 * Child process of the SCB bench (tests/bench/scb.ts): builds one input, validates it once and prints, as JSON, its
 * size, the peak resident memory during validation over the resident memory just before, and the verdict.
 *   node --import tsx tests/bench/scb-mem.ts <kind>
 */
import { validateScbFile } from '../../lib/scb/validate';
import { generate } from './scb';

const MB50 = 50 * 1024 * 1024;

function repeat(unit: string, size = MB50): Uint8Array {
  const b = Buffer.alloc(Math.floor(size / unit.length) * unit.length, unit, 'latin1');
  return new Uint8Array(b.buffer, b.byteOffset, b.length);
}

function input(kind: string): Uint8Array {
  switch (kind) {
    case 'valid-100k':
      return generate(100_000);
    case 'separators-one-line':
      return repeat(';');
    case 'separator-rows':
      return repeat(';;;;;;;;;;;;;\r\n');
    case 'same-line-repeated':
      return repeat('2281;200601012382;2026-01-10;;;2;N;2026-07-01;05;;;;;\r\n');
    case 'quotes':
      return repeat('"";"');
    case 'nul-bytes':
      return repeat('\0');
    case 'digits-no-breaks':
      return repeat('0123456789');
    default:
      throw new Error(`unknown input ${kind}`);
  }
}

const kind = process.argv[2] ?? 'valid-100k';
const bytes = input(kind);
const before = process.memoryUsage.rss();
const report = validateScbFile(bytes, { kommun: '2281', period: '2026H2', today: '2027-01-15' });
const peak = process.resourceUsage().maxRSS * 1024;
const mb = bytes.length / 1048576;
const peakMb = Math.max(0, peak - before) / 1048576;
console.log(JSON.stringify({ kind, mb, peakMb, ratio: peakMb / mb, verdict: `${report.verdict}, ${report.findings.length} fynd` }));
