/**
 * Where do the long tasks come from? Loads the 5,000-youth "Export till SCB" list once with the extension (after a
 * warm-up), records a V8 CPU profile of the page target over CDP, and prints every busy stretch > 50 ms with the
 * functions that took its time (self time, and the extension's own frames inclusive).
 *
 *   npx tsx tests/bench/profile.ts [--dir .output/chrome-mv3-test] [--variant 2024] [--youths 5000] [--off a,b] [--plain]
 *
 * For readable names build an unminified copy first:
 *   npx wxt build --mode test -c tests/bench/wxt.profile.config.ts   (→ /tmp/kaaprof/out/chrome-mv3-test)
 */
import { parseArgs } from 'node:util';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { startUkaServer } from '../fixtures/uka/server';
import { configure, EXTENSION_DIR, INIT_SCRIPT } from './ui';

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: EXTENSION_DIR },
    variant: { type: 'string', default: '2024' },
    youths: { type: 'string', default: '5000' },
    off: { type: 'string', default: '' },
    plain: { type: 'boolean', default: false },
    out: { type: 'string', default: '' },
    min: { type: 'string', default: '50' },
  },
});

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

function analyse(profile: Profile, minMs: number, offsetMs: number): string[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (n: ProfileNode) => {
    const f = n.callFrame;
    const file = f.url ? f.url.replace(/^chrome-extension:\/\/[a-z]+\//, 'EXT/').replace(/^https?:\/\/[^/]+/, 'PAGE') : '';
    return `${f.functionName || '(anon)'} ${file}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
  };
  const idle = (n: ProfileNode | undefined) => !n || ['(idle)', '(program)'].includes(n.callFrame.functionName);
  // Sample times.
  const times: number[] = [];
  let t = profile.startTime;
  for (const d of profile.timeDeltas) {
    t += d;
    times.push(t);
  }
  // Busy stretches: runs of non-idle samples (gaps < 2 ms merged).
  const stretches: Array<{ from: number; to: number }> = [];
  let cur: { from: number; to: number } | null = null;
  for (let i = 0; i < profile.samples.length; i++) {
    const n = byId.get(profile.samples[i]!);
    const time = times[i]!;
    if (idle(n)) continue;
    if (cur && time - cur.to < 2000) cur.to = time;
    else {
      if (cur) stretches.push(cur);
      cur = { from: time, to: time };
    }
  }
  if (cur) stretches.push(cur);
  const lines: string[] = [];
  for (const s of stretches) {
    const ms = (s.to - s.from) / 1000;
    if (ms < minMs) continue;
    const self = new Map<string, number>();
    const extIncl = new Map<string, number>();
    for (let i = 0; i < profile.samples.length; i++) {
      const time = times[i]!;
      if (time < s.from || time > s.to) continue;
      const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
      const leaf = byId.get(profile.samples[i]!);
      if (!leaf || idle(leaf)) continue;
      self.set(label(leaf), (self.get(label(leaf)) ?? 0) + dt);
      const seen = new Set<string>();
      for (let id: number | undefined = leaf.id; id !== undefined; id = parent.get(id)) {
        const n = byId.get(id)!;
        if (!n.callFrame.url.startsWith('chrome-extension://')) continue;
        const l = label(n);
        if (seen.has(l)) continue;
        seen.add(l);
        extIncl.set(l, (extIncl.get(l) ?? 0) + dt);
      }
    }
    const top = (m: Map<string, number>, k: number) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, k);
    lines.push(`\n=== busy ${ms.toFixed(0)} ms at ${((s.from - profile.startTime) / 1000 - offsetMs).toFixed(0)} ms after navigation start`);
    lines.push('  self:');
    for (const [l, v] of top(self, 12)) lines.push(`    ${v.toFixed(1).padStart(7)} ms  ${l}`);
    lines.push('  extension frames (inclusive):');
    for (const [l, v] of top(extIncl, 25)) lines.push(`    ${v.toFixed(1).padStart(7)} ms  ${l}`);
  }
  return lines;
}

async function main(): Promise<void> {
  const server = await startUkaServer({ port: 0, variant: values.variant === '2026' ? '2026' : '2024', youths: Number(values.youths), seed: 1, today: '2026-11-23', kommun: '2281' });
  const origin = new URL(server.url).origin;
  const dir = mkdtempSync(path.join(tmpdir(), 'kaa-prof-'));
  const ext = path.resolve(values.dir);
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.KAA_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    locale: 'sv-SE',
    viewport: { width: 1280, height: 900 },
    args: values.plain ? [] : [`--disable-extensions-except=${ext}`, `--load-extension=${ext}`],
  });
  try {
    await context.addInitScript(INIT_SCRIPT);
    if (!values.plain) await configure(context, origin, values.off ? values.off.split(',') : [], false);
    await context.addCookies([{ name: 'UKASESSION', value: '1', url: origin }]);
    const url = `${origin}/export`;
    const warm = await context.newPage();
    await warm.goto(url, { waitUntil: 'load' });
    await warm.waitForTimeout(3000);
    await warm.close();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    await cdp.send('Profiler.start');
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(4000);
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    const info = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const probe = (window as unknown as { __kaaBench: { longTasks: Array<{ start: number; duration: number }>; lastBusy: number } }).__kaaBench;
      const log = (probe as unknown as { log: Array<[number, string, number]> }).log;
      return { log: log.filter((l) => l[1] !== 'page' || l[0] > nav.domContentLoadedEventEnd).slice(-40), tasks: probe.longTasks.map((t) => t.duration), lastBusy: probe.lastBusy, dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd, sinceNav: performance.now() };
    });
    const tasks = info.tasks;
    if (values.out) writeFileSync(values.out, JSON.stringify(profile));
    console.log(`long tasks (ms): ${tasks.map((d) => d.toFixed(0)).join(', ')}`);
    console.log(`mutations (ms, where, records): ${info.log.map((l) => l.join(' ')).join('; ')}`);
    console.log(`DOMContentLoaded ${info.dcl.toFixed(0)} ms, load ${info.load.toFixed(0)} ms, last busy ${info.lastBusy.toFixed(0)} ms`);
    // Profile clock ↔ page clock: the profile ended at (about) performance.now() = info.sinceNav.
    const offsetMs = (profile.endTime - profile.startTime) / 1000 - info.sinceNav;
    console.log(analyse(profile, Number(values.min), offsetMs).join('\n'));
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
