/**
 * Validator benchmark. Speed: a 100,000-row valid kaa-scb-1 file, validated in the same process as two references:
 * a plain `TextDecoder('windows-1252')` with splitting on line breaks and `;` (goal: validation within 3× of it), and
 * the project's own decode-and-split. Times are CPU time of this process (process.cpuUsage), medians of interleaved
 * runs, so that other load on the machine does not distort the ratio. Memory: each input (the 100,000-row file and
 * 50 MB pathological files) is validated in a fresh child process (tests/bench/scb-mem.ts), which reports its peak
 * resident memory over its resident memory just before validating (goal: under 10× the file size).
 * Run standalone: npx tsx tests/bench/scb.ts
 *
 * Personnummer: Skatteverket's test numbers only (about 2,900 youths aged 16–19); each youth gets many lines
 * (contacts and measures on distinct dates), so no number is invented.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
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


export function generate(rows: number): Uint8Array {
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

/** The plain reference: the platform's decoder, then split on line breaks and on `;`. */
export function plainReference(bytes: Uint8Array): number {
  const lines = new TextDecoder('windows-1252').decode(bytes).split(/\r?\n/);
  let fields = 0;
  for (const l of lines) fields += l.split(';').length;
  return fields;
}

function cpuMs(f: () => unknown): number {
  const c = process.cpuUsage();
  f();
  const d = process.cpuUsage(c);
  return (d.user + d.system) / 1000;
}

/** Inputs of the memory bench (generated in the child process, see scb-mem.ts). */
export const MEMORY_INPUTS = ['valid-100k', 'separators-one-line', 'separator-rows', 'same-line-repeated', 'quotes', 'nul-bytes', 'digits-no-breaks'] as const;

function memoryOf(kind: string): { mb: number; peakMb: number; ratio: number; verdict: string } | { error: string } {
  const script = fileURLToPath(new URL('./scb-mem.ts', import.meta.url));
  const r = spawnSync(process.execPath, ['--import', 'tsx', script, kind], { encoding: 'utf8', timeout: 600_000 });
  try {
    return JSON.parse(r.stdout.trim().split('\n').pop() ?? '') as { mb: number; peakMb: number; ratio: number; verdict: string };
  } catch {
    return { error: (r.stderr || r.stdout || `exit ${r.status}`).slice(0, 300) };
  }
}

export type ScbBench = Record<string, number | string> & {
  lines: number;
  plainMs: number;
  decodeSplitMs: number;
  validateMs: number;
  /** validation / plain TextDecoder + split (goal ≤ 3). */
  ratioToPlain: number;
  /** validation / the project's decodeAndSplit. */
  ratioToDecode: number;
};

export async function benchScb(rows = 100_000, runs = 7): Promise<ScbBench> {
  const bytes = generate(rows);
  const opts = { kommun: '2281', period: '2026H2', today: '2027-01-15' };
  let lines = 0;
  for (let i = 0; i < 2; i++) {
    plainReference(bytes);
    lines = decodeAndSplit(bytes).length;
    const rep = validateScbFile(bytes, opts);
    if (rep.verdict !== 'ok') throw new Error(`bench file not valid: ${JSON.stringify(rep.findings.slice(0, 5))}`);
  }
  const plain: number[] = [];
  const dec: number[] = [];
  const val: number[] = [];
  for (let i = 0; i < runs; i++) {
    plain.push(cpuMs(() => plainReference(bytes)));
    dec.push(cpuMs(() => decodeAndSplit(bytes)));
    val.push(cpuMs(() => validateScbFile(bytes, opts)));
  }
  const plainMs = median(plain);
  const decodeSplitMs = median(dec);
  const validateMs = median(val);
  const out: ScbBench = { lines, plainMs, decodeSplitMs, validateMs, ratioToPlain: validateMs / plainMs, ratioToDecode: validateMs / decodeSplitMs };
  for (const kind of MEMORY_INPUTS) {
    const m = memoryOf(kind);
    out[`peak ${kind}`] = 'error' in m ? `fel: ${m.error}` : `${m.peakMb.toFixed(0)} MB över start för en fil på ${m.mb.toFixed(1)} MB (${m.ratio.toFixed(2)}× filens storlek, mål < 10), ${m.verdict}`;
  }
  return out;
}

if (/bench[\\/]scb\.ts$/.test(process.argv[1] ?? '')) {
  const r = await benchScb();
  console.log(
    `SCB-validering: ${r.lines} rader · ren TextDecoder+split ${r.plainMs.toFixed(0)} ms · projektets avkodning+delning ${r.decodeSplitMs.toFixed(0)} ms · validering ${r.validateMs.toFixed(0)} ms (CPU-tid)`,
  );
  console.log(`  kvot mot ren referens ${r.ratioToPlain.toFixed(2)} (mål ≤ 3) · kvot mot projektets avkodning ${r.ratioToDecode.toFixed(2)}`);
  for (const [k, v] of Object.entries(r)) if (k.startsWith('peak ')) console.log(`  minne ${k.slice(5)}: ${String(v)}`);
  process.exitCode = r.ratioToPlain <= 3 ? 0 : 1;
}
