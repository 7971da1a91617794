/**
 * Extens bench: the weekly comparison on a 50,000-row extract and the half-year statistics on a 100,000-line SCB file,
 * each timed as a ratio to merely decoding and splitting the same file (lines, then fields), and the peak memory each
 * adds beyond the file as a multiple of the file's size (goal: under 10×; measured as the max RSS of a fresh child
 * process doing the work minus that of a child that only loads the same modules and the files, medians of three
 * children each). The SCB file has blocking errors (R4 on every 25th youth), so the statistics list them as they count.
 *
 *   npx tsx tests/bench/extens.ts            (also run by `npm run bench`)
 *
 * Personnummer: Skatteverket's test numbers only.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compare, readRegister } from '../../lib/extens/compare';
import { readExtract } from '../../lib/extens/extract';
import { decodeExtract } from '../../lib/extens/parse';
import { decodeAndSplit } from '../../lib/scb/decode';
import { halfYearStats } from '../../lib/stats/stats';
import type { IsoDate } from '../../lib/domain/dates';
import { testPersonnummer } from '../fixtures/testpersonnummer';
import { buildFile, pickYouths, type YouthSpec } from '../unit/scb/build-file';

const MAP = { personnummer: 'Personnummer', firstName: 'Förnamn', lastName: 'Efternamn', kommun: 'Folkbokföringskommun', schoolForm: 'Skolform', programme: 'Program', enrolledFrom: 'Inskriven från', enrolledTo: 'Inskriven till', examen: 'Examen', studiebevis: 'Studiebevis', protectedIdentity: 'Skyddad identitet', phone: 'Telefon', address: 'Adress' };
const DATE = '2026-11-23' as IsoDate;

export function makeExtract(rows = 50_000): Uint8Array {
  const numbers = testPersonnummer();
  const forms = [['', '', '', ''], ['GY', 'NA', '2025-08-18', ''], ['GY', 'IMA', '2024-08-19', '2026-06-12'], ['GYS', '', '2026-08-17', '']];
  const out = ['Personnummer;Förnamn;Efternamn;Folkbokföringskommun;Skolform;Program;Inskriven från;Inskriven till;Examen;Studiebevis;Skyddad identitet;Telefon;Adress'];
  for (let i = 0; i < rows; i++) {
    const f = forms[i % forms.length] as string[];
    out.push(`${numbers[i % numbers.length]};Förnamn${i % 97};Efternamn${i % 89};${i % 50 === 0 ? '0180' : '2281'};${f.join(';')};${i % 7 === 0 ? 'J' : 'N'};${i % 5 === 0 ? 'X' : ''};;070-${String(i).padStart(7, '0')};"Gatan ${i}; lgh ${i % 1000}"`);
  }
  return new TextEncoder().encode(`\ufeff${out.join('\r\n')}\r\n`);
}

export function makeScbFile(lines = 100_000): Uint8Array {
  const pnrs = pickYouths('2026-01-10', 2500, 16, 19);
  const per = Math.ceil(lines / pnrs.length) + 1;
  const youths: YouthSpec[] = pnrs.map((pnr, i) => ({
    pnr,
    regs: [
      {
        start: '2026-01-10',
        level: String((i % 5) + 1),
        bevis: i % 5 === 3 ? 'J' : 'N',
        contacts: Array.from({ length: per - 2 }, (_, k) => ({ date: `2026-${String(7 + (k % 6)).padStart(2, '0')}-${String(1 + (k % 28)).padStart(2, '0')}`, occ: k % 3 === 0 ? '13' : '05' })),
        measures: [{ code: '16', start: '2026-07-02', end: '2026-08-30', reason: '1', after: i % 25 === 0 ? '' : '05' }],
      },
    ],
  }));
  return buildFile(youths);
}

/** Decode + split into lines + split into fields: the least any reader of the file has to do. */
function decodeSplitExtract(bytes: Uint8Array): number {
  const { text } = decodeExtract(bytes);
  let n = 0;
  for (const line of text.split('\n')) n += line.split(';').length;
  return n;
}

function workExtract(extract: Uint8Array, scb: Uint8Array): number {
  const r = readExtract(extract, { map: MAP, date: DATE });
  const c = compare(r.persons, readRegister(scb), r.rowErrors, { date: DATE, kommun: '2281' });
  return c.register.length + c.end.length;
}

function workStats(scb: Uint8Array): number {
  const r = halfYearStats(scb, { period: '2026H2', kommun: '2281' });
  return r.stats.persons + r.errors.length;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

function time(fn: () => unknown, runs: number): number {
  fn();
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    fn();
    t.push(performance.now() - s);
  }
  return median(t);
}

/** Max RSS (bytes) of a child that loads this module and the file, then does `mode` once; the median of `runs` children. */
function childRss(mode: string, files: string[], runs = 3): number {
  const self = fileURLToPath(import.meta.url);
  const rss: number[] = [];
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', self, '--child', mode, ...files], { encoding: 'utf8' });
    const m = /RSS (\d+)/.exec(r.stdout);
    if (!m) throw new Error(`bench child ${mode} failed: ${r.stderr}`);
    rss.push(Number(m[1]));
  }
  return median(rss);
}

/** The goal of issue 15 item 7: peak memory under 10× the file. */
export const MEMORY_GOAL = 10;
const goal = (ratio: number) => `${ratio.toFixed(1)} (mål under ${MEMORY_GOAL}×: ${ratio < MEMORY_GOAL ? 'uppfyllt' : 'inte uppfyllt'})`;

export async function benchExtens(runs = 5): Promise<Record<string, number | string>> {
  const extract = makeExtract();
  const scb = makeScbFile();
  const dir = mkdtempSync(path.join(tmpdir(), 'kaa-bench-extens-'));
  try {
    const ex = path.join(dir, 'extract.csv');
    const sc = path.join(dir, 'scb.txt');
    writeFileSync(ex, extract);
    writeFileSync(sc, scb);
    const baseE = time(() => decodeSplitExtract(extract), runs);
    const workE = time(() => workExtract(extract, scb), runs);
    const baseS = time(() => decodeAndSplit(scb), runs);
    const workS = time(() => workStats(scb), runs);
    const idle = childRss('idle', [ex, sc]);
    const rssE = childRss('extract', [ex, sc]);
    const rssS = childRss('stats', [ex, sc]);
    const mb = (b: number) => Math.round(b / 1048576);
    const memE = (rssE - idle) / (extract.length + scb.length);
    const memS = (rssS - idle) / scb.length;
    return {
      'utdrag rader': 50_000,
      'utdrag MB': +(extract.length / 1048576).toFixed(1),
      'utdrag avkodning+delning ms': +baseE.toFixed(1),
      'jämförelse (utdrag + SCB-fil) ms': +workE.toFixed(1),
      'jämförelse kvot': +(workE / (baseE + baseS)).toFixed(2),
      'SCB-fil rader': scb.length > 0 ? decodeAndSplit(scb).length - 1 : 0,
      'SCB-fil MB': +(scb.length / 1048576).toFixed(1),
      'SCB avkodning+delning ms': +baseS.toFixed(1),
      'statistik ms': +workS.toFixed(1),
      'statistik kvot': +(workS / baseS).toFixed(2),
      'statistik blockerande fel listade': halfYearStats(scb, { period: '2026H2', kommun: '2281' }).errors.length,
      'jämförelse topp-minne utöver filerna MB': mb(rssE - idle),
      'jämförelse topp-minne / filernas storlek': goal(memE),
      'statistik topp-minne utöver filen MB': mb(rssS - idle),
      'statistik topp-minne / filens storlek': goal(memS),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const argv = process.argv.slice(2);
if (argv[0] === '--child') {
  const extract = new Uint8Array(readFileSync(argv[2] as string));
  const scb = new Uint8Array(readFileSync(argv[3] as string));
  if (argv[1] === 'extract') workExtract(extract, scb);
  else if (argv[1] === 'stats') workStats(scb);
  else decodeSplitExtract(extract.subarray(0, 10));
  console.log(`RSS ${process.resourceUsage().maxRSS * 1024}`);
} else if (/bench[\\/]extens\.ts$/.test(process.argv[1] ?? '')) {
  const r = await benchExtens();
  for (const [k, v] of Object.entries(r)) console.log(`  ${k}: ${v}`);
}
