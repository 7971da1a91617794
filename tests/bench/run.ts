/**
 * `npm run bench`: the UI bench (5,000-youth export list with and without the extension) and, when
 * tests/bench/scb.ts exists, the SCB-file bench. Prints every ratio.
 *
 *   npm run bench [-- --youths 5000 --runs 5 --variant 2026|2024|both --off glossary,review --per-feature --fresh-tour --explain --skip-scb --skip-ui]
 *
 * Runs are medians of at least 5 measured loads per mode (after one warm-up each). The machine should be quiet: the
 * load average is printed before and after so a noisy result can be recognised. $KAA_EXTENSION_DIR picks another
 * build of the extension (see tests/bench/wxt.profile.config.ts).
 */
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { benchUi, formatUi } from './ui';

const { values } = parseArgs({
  options: {
    youths: { type: 'string', default: '5000' },
    runs: { type: 'string', default: '5' },
    variant: { type: 'string', default: '2026' },
    off: { type: 'string', default: '' },
    'per-feature': { type: 'boolean', default: false },
    'skip-scb': { type: 'boolean', default: false },
    'skip-ui': { type: 'boolean', default: false },
    'fresh-tour': { type: 'boolean', default: false },
    explain: { type: 'boolean', default: false },
  },
});

const PAGE_FEATURES = ['status-panel', 'explainers', 'glossary', 'review', 'scb-guard', 'tips', 'tour'];

async function main(): Promise<void> {
  const load = () => `load average ${loadavg().map((n) => n.toFixed(2)).join(' ')} on ${cpus().length} cores`;
  if (!values['skip-ui']) {
    console.log(`Före: ${load()}`);
    const runs = Math.max(5, Number(values.runs));
    if (Number(values.runs) < 5) console.log(`(--runs ${values.runs} höjt till 5: medianer behöver minst 5 körningar)`);
    const variants: Array<'2024' | '2026'> = values.variant === 'both' ? ['2024', '2026'] : [values.variant === '2024' ? '2024' : '2026'];
    const off = values.off ? values.off.split(',').map((s) => s.trim()).filter(Boolean) : [];
    for (const variant of variants) {
      const base = { youths: Number(values.youths), runs, variant, freshTour: values['fresh-tour'] };
      const result = await benchUi({ ...base, featuresOff: off });
      console.log(formatUi(result, values.explain));
      if (values['per-feature']) {
        console.log('\nPer funktion (en i taget avstängd):');
        for (const id of PAGE_FEATURES) {
          const r = await benchUi({ ...base, featuresOff: [...off, id] });
          console.log(
            `  utan ${id.padEnd(13)} ratio ${r.loadRatio.toFixed(3)}  längsta tilläggs-task ${r.with.longestExtensionTaskMs.toFixed(0)} ms  tasks>50: ${r.with.tasksOver50} (utan tillägg ${r.without.tasksOver50})  tilläggets CPU ${r.with.medianExtensionCpuMs.toFixed(0)} ms`,
          );
        }
      }
    }
    console.log(`Efter: ${load()}`);
  }
  const scbPath = fileURLToPath(new URL('./scb.ts', import.meta.url));
  if (!values['skip-scb'] && existsSync(scbPath)) {
    const { benchScb } = (await import('./scb')) as { benchScb: () => Promise<Record<string, unknown>> };
    const scb = await benchScb();
    console.log('\nSCB-fil-bench:');
    for (const [k, v] of Object.entries(scb)) console.log(`  ${k}: ${typeof v === 'number' ? Number(v.toFixed(3)) : String(v)}`);
  }
  if (!values['skip-scb']) {
    const { benchExtens } = await import('./extens');
    console.log('\nExtens-jämförelse och halvårsstatistik (kvoter mot avkodning+delning av samma fil; minne utöver filen):');
    for (const [k, v] of Object.entries(await benchExtens())) console.log(`  ${k}: ${v}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack ?? error.message : error);
  process.exit(1);
});
