/**
 * Interleaved A/B comparison of extension builds on the 5,000-youth "Export till SCB" (a tool for performance work,
 * not part of `npm run bench`). One browser per mode: no extension, then each build given; every round loads the page
 * once in each mode (in turn, the order reversed every other round), so a machine that gets faster or slower during
 * the comparison affects every mode alike. Prints, per mode, the median load-to-idle (the bench's own measure, from
 * ./ui.ts) and its ratio to the page without the extension, as a ratio of medians and as the median of per-round
 * ratios. Differences between builds of less than ~0.03 are within this machine's noise; one `npm run bench` run
 * moves by more.
 *
 *   npx tsx tests/bench/ab.ts [--rounds 15] [--variant 2026|2024] <build dir>[@feature+feature …] …
 *
 * A build dir is a built extension (e.g. .output/chrome-mv3-test, or $KAA_BUILD_OUT/chrome-mv3-test of
 * tests/bench/wxt.profile.config.ts); `@a+b` switches features a and b off in that mode. `none` is one more mode
 * without any extension (an A/A comparison: the machine's noise floor), and `raw:<dir>` loads an unpacked extension
 * that is not KAA-lotsen as it is, unconfigured (the baselines in tests/bench/baselines/).
 */
import type { BrowserContext } from '@playwright/test';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startUkaServer } from '../fixtures/uka/server';
import { configure, launch, measure, median } from './ui';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { rounds: { type: 'string', default: '15' }, variant: { type: 'string', default: '2026' } },
});
const QUIET_MS = 1000;

interface Mode {
  name: string;
  context: BrowserContext;
  dir: string;
  times: number[];
}

/** The bench's load-to-idle (./ui.ts) of one load. */
async function loadToIdle(context: BrowserContext, url: string): Promise<number> {
  return (await measure(context, url, QUIET_MS, false)).loadToIdleMs;
}

async function main(): Promise<void> {
  if (positionals.length === 0) throw new Error('ange minst en byggd version av tillägget (katalog med manifest.json)');
  const variant = values.variant === '2024' ? '2024' : '2026';
  const rounds = Math.max(3, Number(values.rounds));
  const server = await startUkaServer({ port: 0, variant, youths: 5000, seed: 1, today: '2026-11-23', kommun: '2281' });
  const origin = new URL(server.url).origin;
  const url = `${origin}/export`;
  const modes: Mode[] = [];
  try {
    for (const spec of ['', ...positionals]) {
      const [build = '', off] = spec.split('@');
      const raw = build.startsWith('raw:');
      const extension = build && build !== 'none' ? path.resolve(raw ? build.slice(4) : build) : null;
      const { context, dir } = await launch(extension);
      if (extension && !raw) await configure(context, origin, off ? off.split('+') : [], false);
      await context.addCookies([{ name: 'UKASESSION', value: '1', url: origin }]);
      const name = extension ? `${raw ? 'raw:' : ''}${path.relative(process.cwd(), extension) || extension}${off ? ` utan ${off}` : ''}` : build === 'none' ? 'utan tillägg (A/A)' : 'utan tillägg';
      modes.push({ name, context, dir, times: [] });
      // Two warm-ups (HTTP, V8, the extension's first start and its remembered panel places), not counted.
      for (let i = 0; i < 2; i++) await loadToIdle(context, url);
    }
    for (let round = 0; round < rounds; round++) {
      for (const mode of round % 2 ? [...modes].reverse() : modes) mode.times.push(await loadToIdle(mode.context, url));
    }
    const base = modes[0]!.times;
    console.log(`A/B: Export till SCB med 5000 ungdomar (variant ${variant}), ${rounds} omgångar`);
    for (const mode of modes) {
      const paired = median(mode.times.map((t, i) => t / base[i]!));
      console.log(`  ${mode.name.padEnd(48)} load-to-idle ${median(mode.times).toFixed(0).padStart(5)} ms  kvot ${(median(mode.times) / median(base)).toFixed(3)}  parvis ${paired.toFixed(3)}`);
    }
  } finally {
    for (const mode of modes) {
      await mode.context.close();
      rmSync(mode.dir, { recursive: true, force: true });
    }
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
