/**
 * What does our code cost at load, and where? (a tool for performance work, not part of `npm run bench`.) Loads the
 * 5,000-youth "Export till SCB" list and the person page with the most entries under the V8 CPU profiler, once per
 * build given and page in every round (the order reversed every other round, one browser per build, as ./ab.ts), and
 * prints per page, variant and build: the extension's CPU time per load (median), the longest main-thread task with
 * at least 5 ms of extension code, and the extension functions that took the time (mean ms per load): as entry (the
 * outermost extension frame: which task of ours), inclusive, and as leaf (the innermost extension frame, with what it
 * called in the browser: where the time went). CPU profiles are far less sensitive to machine load than wall-clock
 * ratios, so two builds can be compared on a shared machine; for readable names profile unminified builds:
 *
 *   KAA_BUILD_OUT=/tmp/a KAA_MINIFY=0 npx wxt build --mode test -c tests/bench/wxt.profile.config.ts
 *   npx tsx tests/bench/cpu.ts [--rounds 4] [--variant both|2024|2026] [--pages export,person] [--top 12] \
 *       [--interval 500] [--save DIR] /tmp/a/chrome-mv3-test [/tmp/b/chrome-mv3-test …] [none]
 *
 * Every load also reports the renderer main thread's CPU time (CDP Performance metrics, thread ticks): on a busy
 * machine a sampling profile counts the time the thread waited for a core, the thread's CPU time does not. With
 * `--interval 0` the loads run without the profiler (that figure only), and `none` adds a browser without any
 * extension, so that a build's cost is its difference to it. `--save DIR` keeps each load's .cpuprofile.
 *
 * Served over https as the bench's host, from the bench's copy of each build (./pages.ts), so production builds work
 * too.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { BrowserContext } from '@playwright/test';
import { benchCopy, richestPerson, startHttpsStandIn } from './pages';
import { EXT_SHARE_MS } from './table';
import { configure, launch, median } from './ui';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    rounds: { type: 'string', default: '4' },
    variant: { type: 'string', default: 'both' },
    pages: { type: 'string', default: 'export,person' },
    top: { type: 'string', default: '12' },
    interval: { type: 'string', default: '500' },
    save: { type: 'string', default: '' },
  },
});

interface Node {
  id: number;
  callFrame: { url: string; functionName: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: Node[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

interface Load {
  cpuMs: number;
  /** The renderer main thread's CPU time and script time over the load (CDP Performance metrics, ms). */
  threadMs: number;
  scriptMs: number;
  /** Longest long task with ≥ EXT_SHARE_MS of extension code, and that code's ms. */
  longest: { duration: number; ext: number; entries: string } | null;
  entry: Map<string, number>;
  incl: Map<string, number>;
  leaf: Map<string, number>;
}

const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);

function analyse(profile: CpuProfile, offsetMs: number, longTasks: Array<{ start: number; duration: number }>): Load {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const ext = (n: Node) => n.callFrame.url.startsWith('chrome-extension://');
  const label = (n: Node) => `${n.callFrame.functionName || '(top)'} ${n.callFrame.url.replace(/^chrome-extension:\/\/[a-z]+\//, '')}:${n.callFrame.lineNumber + 1}`;
  const stacks = new Map<number, { entry?: string; leaf?: string; all: string[] }>();
  const stackOf = (id: number) => {
    const known = stacks.get(id);
    if (known) return known;
    const all: string[] = [];
    let leaf: string | undefined;
    let leafNative = '';
    let entry: string | undefined;
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const n = byId.get(cur)!;
      if (ext(n)) {
        const l = label(n);
        if (!all.includes(l)) all.push(l);
        leaf ??= l + leafNative;
        entry = l;
      } else if (leaf === undefined && n.callFrame.url === '' && n.callFrame.functionName && !leafNative) {
        leafNative = ` → ${n.callFrame.functionName}`;
      }
    }
    const v = { entry, leaf, all };
    stacks.set(id, v);
    return v;
  };
  const load: Load = { cpuMs: 0, threadMs: 0, scriptMs: 0, longest: null, entry: new Map(), incl: new Map(), leaf: new Map() };
  const extAt: Array<{ t: number; dt: number; entry: string }> = [];
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i] ?? 0;
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const s = stackOf(profile.samples[i]!);
    if (!s.entry) continue;
    load.cpuMs += dt;
    add(load.entry, s.entry, dt);
    add(load.leaf, s.leaf!, dt);
    for (const l of s.all) add(load.incl, l, dt);
    extAt.push({ t: t / 1000 - offsetMs, dt, entry: s.entry });
  }
  for (const task of longTasks) {
    const inside = extAt.filter((s) => s.t >= task.start && s.t <= task.start + task.duration);
    const ms = inside.reduce((sum, s) => sum + s.dt, 0);
    if (ms < EXT_SHARE_MS || (load.longest && load.longest.duration >= task.duration)) continue;
    const m = new Map<string, number>();
    for (const s of inside) add(m, s.entry, s.dt);
    load.longest = { duration: task.duration, ext: ms, entries: top(m, 3, 1).join('; ') };
  }
  return load;
}

function top(m: Map<string, number>, n: number, per: number): string[] {
  return [...m.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `${(v / per).toFixed(1).padStart(6)} ms  ${k}`);
}

/** The top functions over several loads: mean and least ms per load (the least is the steadier on a busy machine). */
function topOver(maps: Array<Map<string, number>>, n: number): string[] {
  const sum = new Map<string, number>();
  for (const m of maps) for (const [k, v] of m) add(sum, k, v);
  return [...sum.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `${(v / maps.length).toFixed(1).padStart(6)} ms (least ${Math.min(...maps.map((m) => m.get(k) ?? 0)).toFixed(1).padStart(5)})  ${k}`);
}

async function profiledLoad(context: BrowserContext, url: string, interval: number, save = ''): Promise<Load> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    if (interval > 0) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval });
      await cdp.send('Runtime.enable');
      await cdp.send('Profiler.start');
    }
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    const longTasks = await page.evaluate(async () => {
      const probe = (window as unknown as { __kaaBench: { longTasks: Array<{ start: number; duration: number }>; lastBusy: number; settled: number } }).__kaaBench;
      const started = performance.now();
      while (performance.now() - Math.max(probe.lastBusy, probe.settled, started - 800) < 1000 && performance.now() - started < 30_000) {
        await new Promise((r) => setTimeout(r, 100));
      }
      return [...probe.longTasks];
    });
    const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> };
    const metric = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
    let load: Load = { cpuMs: 0, threadMs: 0, scriptMs: 0, longest: null, entry: new Map(), incl: new Map(), leaf: new Map() };
    if (interval > 0) {
      const before = ((await cdp.send('Runtime.evaluate', { expression: 'performance.now()', returnByValue: true })) as { result: { value: number } }).result.value;
      const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
      if (save) writeFileSync(save, JSON.stringify(profile));
      load = analyse(profile, profile.endTime / 1000 - before, longTasks);
    }
    return { ...load, threadMs: metric('ThreadTime'), scriptMs: metric('ScriptDuration') };
  } finally {
    await page.close();
  }
}

async function main(): Promise<void> {
  if (positionals.length === 0) throw new Error('ange minst en byggd version av tillägget (katalog med manifest.json)');
  const rounds = Math.max(1, Number(values.rounds));
  const n = Math.max(1, Number(values.top));
  // 0: no profiler, only the main thread's CPU time (with `none`, a mode without any extension).
  const interval = Number(values.interval) > 0 ? Math.max(100, Number(values.interval)) : 0;
  const variants: Array<'2024' | '2026'> = values.variant === 'both' ? ['2026', '2024'] : [values.variant === '2024' ? '2024' : '2026'];
  const pageIds = values.pages.split(',').filter((p) => p === 'export' || p === 'person');
  const copies = positionals.map((b) => (b === 'none' ? { name: b, dir: '', opened: 0 } : { name: b, ...benchCopy(path.resolve(b)) }));
  try {
    for (const variant of variants) {
      const standIn = await startHttpsStandIn(variant, 5000);
      const browsers: Array<{ name: string; context: BrowserContext; dir: string }> = [];
      try {
        const personId = richestPerson(standIn.server);
        const pages = pageIds.map((p) => ({ p, url: `${standIn.origin}${p === 'export' ? '/export' : `/person/${personId}`}` }));
        for (const c of copies) {
          const b = await launch(c.dir || null);
          browsers.push({ name: c.name, ...b });
          if (c.dir) await configure(b.context, standIn.origin, [], false);
          await b.context.addCookies([{ name: 'UKASESSION', value: '1', url: standIn.origin }]);
        }
        for (const p of pages) for (const b of browsers) for (let i = 0; i < 2; i++) await profiledLoad(b.context, p.url, interval);
        const loads = new Map<string, Load[]>();
        const slots = pages.flatMap((p) => browsers.map((b) => ({ p, b })));
        for (let r = 0; r < rounds; r++) {
          process.stderr.write(`  variant ${variant}: omgång ${r + 1} av ${rounds}\n`);
          for (const { p, b } of r % 2 ? [...slots].reverse() : slots) {
            const key = `${p.p}\u0000${b.name}`;
            const save = values.save ? path.join(values.save, `${p.p}-${variant}-${browsers.indexOf(b)}-${r}.cpuprofile`) : '';
            if (save) mkdirSync(values.save, { recursive: true });
            loads.set(key, [...(loads.get(key) ?? []), await profiledLoad(b.context, p.url, interval, save)]);
          }
        }
        for (const p of pages) {
          for (const b of browsers) {
            const ls = loads.get(`${p.p}\u0000${b.name}`) ?? [];
            const longest = ls.map((l) => l.longest).filter((x) => x !== null).sort((a, b) => b.duration - a.duration);
            console.log(`\n=== ${p.p} ${variant} · ${b.name} · ${ls.length} loads`);
            console.log(`  main thread CPU ms per load: median ${median(ls.map((l) => l.threadMs)).toFixed(0)}, least ${Math.min(...ls.map((l) => l.threadMs)).toFixed(0)} (${ls.map((l) => l.threadMs.toFixed(0)).join(' ')}); script ms: median ${median(ls.map((l) => l.scriptMs)).toFixed(0)}`);
            if (interval === 0) continue;
            console.log(`  extension CPU ms per load: median ${median(ls.map((l) => l.cpuMs)).toFixed(0)}, least ${Math.min(...ls.map((l) => l.cpuMs)).toFixed(0)} (${ls.map((l) => l.cpuMs.toFixed(0)).join(' ')})`);
            console.log(`  long tasks with ≥ ${EXT_SHARE_MS} ms of our code: ${longest.length ? longest.map((x) => `${x.duration.toFixed(0)} (ext ${x.ext.toFixed(0)})`).join(', ') : 'none'}`);
            if (longest[0]) console.log(`    longest: ${longest[0].entries}`);
            console.log('  entry (mean ms per load):');
            for (const line of topOver(ls.map((l) => l.entry), n)) console.log(`    ${line}`);
            console.log('  inclusive:');
            for (const line of topOver(ls.map((l) => l.incl), n)) console.log(`    ${line}`);
            console.log('  leaf (→ the browser function it called):');
            for (const line of topOver(ls.map((l) => l.leaf), n)) console.log(`    ${line}`);
          }
        }
      } finally {
        for (const b of browsers) {
          await b.context.close();
          rmSync(b.dir, { recursive: true, force: true });
        }
        await standIn.close();
      }
    }
  } finally {
    for (const c of copies) if (c.dir) rmSync(c.dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
