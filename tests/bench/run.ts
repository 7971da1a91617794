/**
 * `npm run bench`: the UI bench (5,000-youth export list with and without the extension) and, when
 * tests/bench/scb.ts exists, the SCB-file bench. Prints every ratio.
 *
 *   npm run bench [-- --youths 5000 --runs 5 --variant 2026 --off glossary,review --per-feature --skip-scb --skip-ui]
 */
import { existsSync } from 'node:fs';
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
  },
});

const PAGE_FEATURES = ['status-panel', 'explainers', 'glossary', 'review', 'scb-guard', 'tips', 'tour'];

async function main(): Promise<void> {
  if (!values['skip-ui']) {
    const base = { youths: Number(values.youths), runs: Number(values.runs), variant: values.variant === '2024' ? ('2024' as const) : ('2026' as const) };
    const off = values.off ? values.off.split(',').map((s) => s.trim()).filter(Boolean) : [];
    const result = await benchUi({ ...base, featuresOff: off });
    console.log(formatUi(result));
    if (values['per-feature']) {
      console.log('\nPer funktion (en i taget avstängd):');
      for (const id of PAGE_FEATURES) {
        const r = await benchUi({ ...base, featuresOff: [id] });
        console.log(`  utan ${id.padEnd(13)} ratio ${r.loadRatio.toFixed(3)}  längsta task ${r.with.longestTaskMs.toFixed(0)} ms  tasks>50: ${r.with.tasksOver50} (utan tillägg ${r.without.tasksOver50})`);
      }
    }
  }
  const scbPath = fileURLToPath(new URL('./scb.ts', import.meta.url));
  if (!values['skip-scb'] && existsSync(scbPath)) {
    const { benchScb } = (await import('./scb')) as { benchScb: () => Promise<Record<string, unknown>> };
    const scb = await benchScb();
    console.log('\nSCB-fil-bench:');
    for (const [k, v] of Object.entries(scb)) console.log(`  ${k}: ${typeof v === 'number' ? Number(v.toFixed(3)) : String(v)}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack ?? error.message : error);
  process.exit(1);
});
