/**
 * Command line: npm run scb-stats -- SCBFILE [--compare SCBFILE2 [--compare-period YYYYHn]] --period YYYYHn [--kommun NNNN] [--json] [--unmasked]
 * The comparison file is counted for its own half-year: --compare-period, or the period its latest event falls in.
 * Exit 0: counted, no blocking errors; 1: counted, but a file has blocking errors (listed on stderr with --json);
 * 2: a file cannot be read or is unreadable as an SCB file; 3: bad arguments.
 *
 * --json prints the figures of the first file in exactly the documented shape; with --compare the second file's
 * figures are added under "compare". Personnummer never appear in the figures; in the listed errors they are masked
 * (lib/scb/mask.ts, as scb-check does) unless --unmasked is given.
 */
import { readFileSync } from 'node:fs';
import { readCliArgs } from '../cli/args';
import type { HalfYear } from '../domain/dates';
import { maskPersonnummer } from '../scb/mask';
import { halfYearStats, type HalfYearStats, type StatsResult } from './stats';
import { statsLabel } from './labels';

const USAGE = 'Användning: npm run scb-stats -- SCBFIL [--compare SCBFIL2 [--compare-period ÅÅÅÅH1|ÅÅÅÅH2]] --period ÅÅÅÅH1|ÅÅÅÅH2 [--kommun NNNN] [--json] [--unmasked]';

export function main(argv: string[], out: (s: string) => void = console.log, err: (s: string) => void = console.error): number {
  const args = readCliArgs(
    argv,
    { json: { type: 'boolean' }, unmasked: { type: 'boolean' }, period: { type: 'string' }, kommun: { type: 'string' }, compare: { type: 'string' }, 'compare-period': { type: 'string' } },
    { tooMany: (a) => `för många filer (${a})`, usage: USAGE, out, err, usageExit: 3 },
  );
  if (args.kind === 'exit') return args.code;
  const { json = false, unmasked = false, period, kommun, compare, 'compare-period': comparePeriod } = args.values;
  const files: string[] = [];
  if (args.positionals[0] !== undefined) files[0] = args.positionals[0];
  if (compare !== undefined) files[1] = compare;
  if (!files[0] || !period) {
    err(USAGE);
    return 3;
  }
  for (const p of [period, comparePeriod]) {
    if (p !== undefined && !/^\d{4}H[12]$/.test(p)) {
      err(`En period skrivs som 2026H1 eller 2026H2, inte "${p}"`);
      return 3;
    }
  }
  const results: StatsResult[] = [];
  for (const [i, f] of files.entries()) {
    if (f === undefined) continue;
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(readFileSync(f));
    } catch (e) {
      err(`Kan inte läsa filen ${f}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      return 2;
    }
    results.push(halfYearStats(bytes, { period: (i === 0 ? period : comparePeriod) as HalfYear | undefined, kommun }));
  }
  const [first, second] = results as [StatsResult, StatsResult | undefined];
  const mask = unmasked ? (t: string) => t : maskPersonnummer;
  const errorLines = (r: StatsResult, name: string) =>
    r.errors.map((e) => `${name}: ${mask(`${e.line !== null ? `rad ${e.line}` : 'filen'}${e.field ? ` (${e.field})` : ''}: ${e.message}${e.personKey ? ` [${e.personKey}]` : ''}`)}`);
  const allErrors = [...errorLines(first, files[0]), ...(second ? errorLines(second, files[1] as string) : [])];
  if (json) {
    out(JSON.stringify(second ? { ...first.stats, compare: second.stats } : first.stats, null, 2));
    if (allErrors.length > 0) err(`Blockerande fel (filen räknas ändå):\n  ${allErrors.join('\n  ')}`);
  } else {
    out(formatStats(first.stats, `${files[0]} (${period})`));
    if (second) out(`\n${formatStats(second.stats, `${files[1]} (jämförelse, ${second.period})`)}`);
    if (allErrors.length > 0) out(`\nBlockerande fel (filen räknas ändå):\n  ${allErrors.join('\n  ')}`);
  }
  if (results.some((r) => r.unreadable)) return 2;
  return results.some((r) => r.blocking > 0) ? 1 : 0;
}

function formatStats(s: HalfYearStats, title: string): string {
  const lines = [`Halvårsstatistik ${title}`, `  Ungdomar: ${s.persons} (kvinnor ${s.byGender.kvinna}, män ${s.byGender.man})`, `  Nådda under perioden: ${s.reached}, inte nådda: ${s.notReached}`];
  const block = (title2: string, rec: Record<string, number>, list: Parameters<typeof statsLabel>[0]) => {
    lines.push(`  ${title2}:`);
    for (const [k, v] of Object.entries(rec)) lines.push(`    ${statsLabel(list, k)}: ${v}`);
  };
  block('Ålder vid periodens slut', s.byAge, 'age');
  block('Registreringsorsak (SenSysReg)', s.bySenSysReg, 'SenSysReg');
  block('Åtgärder (Atgard)', s.measuresByAtgard, 'Atgard');
  block('Sysselsättning efter avslutad åtgärd (SysEfter)', s.outcomesBySysEfter, 'Sysselsattning');
  block('Avslutade registreringar (GrundRegSlut)', s.endedByGrundRegSlut, 'GrundRegSlut');
  return lines.join('\n');
}

const invoked = process.argv[1] ?? '';
if (/stats[/\\]cli\.(ts|js|mjs)$/.test(invoked)) process.exitCode = main(process.argv.slice(2));
