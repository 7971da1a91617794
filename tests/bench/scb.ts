/**
 * Validator benchmark: a 100,000-row valid kaa-scb-1 file; decode + split into fields only vs the full validation.
 * Goal: validation ≤ 3× decode+split. Run standalone: npx tsx tests/bench/scb.ts
 *
 * Personnummer: Skatteverket's test numbers only (about 2,900 youths aged 16–19); each youth gets many lines
 * (contacts and measures on distinct dates), so no number is invented.
 */
import { decodeAndSplit } from '../../lib/scb/decode';
import { validateScbFile } from '../../lib/scb/validate';
import { buildFile, pickYouths, type YouthSpec } from '../unit/scb/build-file';

const OCC = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '12', '13', '14'];
const MEASURES = ['15', '16', '17', '04'];

function addDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}


function generate(rows: number): Uint8Array {
  let pnrs: string[] = [];
  for (let n = 4000; n > 100 && pnrs.length === 0; n -= 100) {
    try {
      pnrs = pickYouths('2026-01-10', n, 16, 19);
    } catch {
      pnrs = [];
    }
  }
  const perPerson = Math.ceil(rows / pnrs.length);
  const measuresPer = Math.max(1, Math.floor(perPerson / 8));
  const contactsPer = perPerson - measuresPer;
  const youths: YouthSpec[] = [];
  let left = rows;
  for (let i = 0; i < pnrs.length && left > 0; i++) {
    const nc = Math.min(contactsPer, left);
    left -= nc;
    const nm = Math.min(measuresPer, left);
    left -= nm;
    youths.push({
      pnr: pnrs[i] as string,
      regs: [
        {
          start: '2026-01-10',
          level: '2',
          bevis: 'N',
          contacts: Array.from({ length: nc }, (_, k) => ({ date: addDays('2026-07-01', k), occ: OCC[k % OCC.length] as string })),
          measures: Array.from({ length: nm }, (_, k) => ({ code: MEASURES[k % MEASURES.length] as string, start: addDays('2026-07-01', k * 5), end: addDays('2026-07-03', k * 5), reason: '1', after: '05' })),
        },
      ],
    });
  }
  return buildFile(youths);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

export async function benchScb(rows = 100_000, runs = 5): Promise<{ lines: number; decodeSplitMs: number; validateMs: number; ratio: number; peakRssMb: number }> {
  const bytes = generate(rows);
  let peak = process.memoryUsage.rss();
  const sample = () => {
    const r = process.memoryUsage.rss();
    if (r > peak) peak = r;
  };
  let lines = 0;
  // warm up
  for (let i = 0; i < 2; i++) {
    lines = decodeAndSplit(bytes).length;
    const rep = validateScbFile(bytes, { kommun: '2281', period: '2026H2', today: '2027-01-15' });
    if (rep.verdict !== 'ok') throw new Error(`bench file not valid: ${JSON.stringify(rep.findings.slice(0, 5))}`);
    sample();
  }
  const dec: number[] = [];
  const val: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    decodeAndSplit(bytes);
    dec.push(performance.now() - t);
    sample();
    t = performance.now();
    validateScbFile(bytes, { kommun: '2281', period: '2026H2', today: '2027-01-15' });
    val.push(performance.now() - t);
    sample();
  }
  const decodeSplitMs = median(dec);
  const validateMs = median(val);
  return { lines, decodeSplitMs, validateMs, ratio: validateMs / decodeSplitMs, peakRssMb: Math.round(peak / 1048576) };
}

if (/bench[\\/]scb\.ts$/.test(process.argv[1] ?? '')) {
  const r = await benchScb();
  console.log(`SCB-validering: ${r.lines} rader · avkodning+delning ${r.decodeSplitMs.toFixed(1)} ms · validering ${r.validateMs.toFixed(1)} ms · kvot ${r.ratio.toFixed(2)} (mål ≤ 3) · topp-RSS ${r.peakRssMb} MB`);
  process.exitCode = r.ratio <= 3 ? 0 : 1;
}
