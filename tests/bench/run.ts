/**
 * `npm run bench`: the page bench (issue #20: the 5,000-youth export list and a person page, both markup variants,
 * without an extension, with the no-op and the naive-panel baselines and with KAA-lotsen's production build,
 * interleaved; ./pages.ts), then the SCB-file bench (when tests/bench/scb.ts exists) and the Extens bench. Prints one
 * table per page and variant and whether each goal is met.
 *
 *   npm run bench [-- --rounds 5 --profiled 2 --variant both|2026|2024 --pages export,person --youths 5000
 *                     --off glossary,review --fresh-tour --markdown --skip-scb --skip-ui
 *                     --explain --per-feature [--runs 5]]
 *
 * Needs the production build (`npm run build`; $KAA_EXTENSION_DIR picks another). The default of 5 rounds keeps the
 * whole run under about ten minutes on a 2-core machine. The machine should be quiet: the load average is printed
 * before and after, so a noisy result can be recognised. `--per-feature` runs the older with/without bench of ./ui.ts
 * on the test build (npm run build:test) once per page feature switched off, to find a slow feature.
 */
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { benchPages } from './pages';
import { formatMarkdown, formatPage, summarisePage, type PageSummary } from './table';
import { benchUi, formatUi } from './ui';

const { values } = parseArgs({
  options: {
    youths: { type: 'string', default: '5000' },
    rounds: { type: 'string', default: '5' },
    profiled: { type: 'string', default: '2' },
    runs: { type: 'string', default: '5' },
    variant: { type: 'string', default: 'both' },
    pages: { type: 'string', default: 'export,person' },
    off: { type: 'string', default: '' },
    'per-feature': { type: 'boolean', default: false },
    'skip-scb': { type: 'boolean', default: false },
    'skip-ui': { type: 'boolean', default: false },
    'fresh-tour': { type: 'boolean', default: false },
    explain: { type: 'boolean', default: false },
    markdown: { type: 'boolean', default: false },
  },
});

const PAGE_FEATURES = ['status-panel', 'explainers', 'glossary', 'review', 'scb-guard', 'tips', 'tour'];

function count(name: string, text: string, least: number): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < least) throw new Error(`--${name} ska vara ett heltal ≥ ${least} (fick ${text})`);
  return n;
}

async function perFeature(variants: Array<'2024' | '2026'>, off: string[]): Promise<void> {
  const runs = Math.max(5, count('runs', values.runs, 1));
  for (const variant of variants) {
    const base = { youths: Number(values.youths), runs, variant, freshTour: values['fresh-tour'] };
    console.log(formatUi(await benchUi({ ...base, featuresOff: off }), values.explain));
    console.log('\nPer funktion (en i taget avstängd):');
    for (const id of PAGE_FEATURES) {
      const r = await benchUi({ ...base, featuresOff: [...off, id] });
      console.log(
        `  utan ${id.padEnd(13)} ratio ${r.loadRatio.toFixed(3)}  längsta tilläggs-task ${r.with.longestExtensionTaskMs.toFixed(0)} ms  tasks>50: ${r.with.tasksOver50} (utan tillägg ${r.without.tasksOver50})  tilläggets CPU ${r.with.medianExtensionCpuMs.toFixed(0)} ms`,
      );
    }
  }
}

async function main(): Promise<void> {
  const load = () => `load average ${loadavg().map((n) => n.toFixed(2)).join(' ')} on ${cpus().length} cores`;
  const variants: Array<'2024' | '2026'> = values.variant === 'both' ? ['2026', '2024'] : [values.variant === '2024' ? '2024' : '2026'];
  const off = values.off ? values.off.split(',').map((s) => s.trim()).filter(Boolean) : [];
  if (!values['skip-ui']) {
    console.log(`Före: ${load()}`);
    const before = loadavg()[0] ?? 0;
    if (values['per-feature']) await perFeature(variants, off);
    else {
      const pages = values.pages.split(',').map((s) => s.trim()).filter((s): s is 'export' | 'person' => s === 'export' || s === 'person');
      if (pages.length === 0) throw new Error('--pages ska vara export, person eller båda');
      const rounds = count('rounds', values.rounds, 1);
      const profiled = count('profiled', values.profiled, 0);
      const started = Date.now();
      const summaries: PageSummary[] = [];
      for (const variant of variants) {
        const runs = await benchPages({ variant, youths: count('youths', values.youths, 1), rounds, profiled, pages, featuresOff: off, freshTour: values['fresh-tour'], log: (line) => console.error(line) });
        summaries.push(...runs.map(summarisePage));
      }
      console.log(
        `\nSidbänk: utan tillägg, noop, naive-panel och KAA-lotsen sida vid sida, ${rounds} omgångar (varje sida en gång i varje läge, ordningen vänd varannan omgång) efter uppvärmning, och ${profiled} laddningar per tilläggsläge med CPU-profil; ${((Date.now() - started) / 60000).toFixed(1)} min.`,
      );
      console.log(`kvot: median mot utan tillägg; parvis kvot: median av omgångarnas kvoter; tasks > 50 ms: alla tidtagna laddningar; varav med tilläggskod: ≥ 5 ms tilläggskod i de profilerade.\n`);
      for (const s of summaries) console.log(`${formatPage(s, values.explain)}\n`);
      if (values.markdown) console.log(`${formatMarkdown(summaries)}\n`);
    }
    console.log(`Efter: ${load()}`);
    const busiest = Math.max(before, loadavg()[0] ?? 0);
    if (busiest > cpus().length) console.log(`VARNING: maskinen var belastad (load average upp till ${busiest.toFixed(1)} på ${cpus().length} kärnor): siffrorna är brusiga.`);
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
