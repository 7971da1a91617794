/**
 * UI bench: the 5,000-youth "Export till SCB" list of the UKA stand-in, loaded in Debian's Chromium with and without
 * the built test extension (.output/chrome-mv3-test), alternating, several runs each, in the same process.
 *
 * Measured in the page (an init script, so it is there before UKA's first byte):
 *  - long tasks (PerformanceObserver 'longtask', buffered);
 *  - load-to-idle: from navigation start to the last moment the page was busy (the end of a long task, or a DOM
 *    mutation, our shadow roots included; at least the load event's end) before 1 s of quiet.
 * The extension's long tasks are the ones the page does not have without it: compare the two columns.
 */
import { chromium, type BrowserContext } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startUkaServer } from '../fixtures/uka/server';

const root = fileURLToPath(new URL('../..', import.meta.url));
export const EXTENSION_DIR = path.join(root, '.output', 'chrome-mv3-test');
const CHROMIUM = process.env.KAA_CHROMIUM ?? '/usr/bin/chromium';

export interface UiBenchOptions {
  youths?: number;
  runs?: number;
  variant?: '2024' | '2026';
  /** Feature ids switched off in the "with extension" runs (to find a slow feature). */
  featuresOff?: string[];
  quietMs?: number;
}

export interface RunMeasure {
  loadToIdleMs: number;
  longTasks: number[];
}

export interface UiBenchResult {
  youths: number;
  runs: number;
  featuresOff: string[];
  without: { medianLoadToIdleMs: number; longestTaskMs: number; tasksOver50: number; runs: RunMeasure[] };
  with: { medianLoadToIdleMs: number; longestTaskMs: number; tasksOver50: number; runs: RunMeasure[]; extensionActive: boolean };
  /** with / without, medians. */
  loadRatio: number;
}

/** Installed before any page script: long tasks, stalls and mutations, for the bench to read later. */
const INIT_SCRIPT = `(() => {
  const w = window;
  const probe = { longTasks: [], lastBusy: 0 };
  w.__kaaBench = probe;
  const busy = (t) => { if (t > probe.lastBusy) probe.lastBusy = t; };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) { probe.longTasks.push(e.duration); busy(e.startTime + e.duration); }
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) {}
  const watch = (target) => new MutationObserver(() => busy(performance.now())).observe(target, { childList: true, subtree: true, characterData: true, attributes: true });
  // Our UI lives in shadow roots; see those mutations too.
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) { const r = attach.call(this, init); try { watch(r); } catch (e) {} return r; };
  watch(document);
})();`;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

async function launch(withExtension: boolean): Promise<{ context: BrowserContext; dir: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'kaa-bench-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    viewport: { width: 1280, height: 900 },
    args: withExtension ? [`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`] : [],
  });
  await context.addInitScript(INIT_SCRIPT);
  return { context, dir };
}

async function configure(context: BrowserContext, origin: string, featuresOff: string[]): Promise<void> {
  const worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  await worker.evaluate(
    async ({ origin, off }) => {
      const features = Object.fromEntries(off.map((id) => [id, false]));
      await chrome.storage.local.set({ settings: { ukaOrigin: origin, kommun: '2281', myLabel: 'Coach Anna', ...(off.length ? { features } : {}) } });
    },
    { origin, off: featuresOff },
  );
  // Match patterns carry no port (Firefox cannot hold one), so either form counts.
  const u = new URL(origin);
  const wanted = [`${origin}/*`, `${u.protocol}//${u.hostname}/*`];
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const matches = await worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).flatMap((s) => s.matches ?? []));
    if (matches.some((m) => wanted.includes(m))) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the UKA content script was not registered for the stand-in');
}

async function measure(context: BrowserContext, url: string, quietMs: number): Promise<RunMeasure & { extensionActive: boolean }> {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    // Wait for `quietMs` without any busy sign (max 30 s).
    const result = await page.evaluate(
      async (quiet) => {
        const probe = (window as unknown as { __kaaBench: { longTasks: number[]; lastBusy: number } }).__kaaBench;
        const started = performance.now();
        while (performance.now() - Math.max(probe.lastBusy, started - quiet + 200) < quiet && performance.now() - started < 30_000) {
          await new Promise((r) => setTimeout(r, 100));
        }
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
        const loadEnd = nav?.loadEventEnd ?? 0;
        return { loadToIdleMs: Math.max(loadEnd, probe.lastBusy), longTasks: [...probe.longTasks], extensionActive: document.querySelector('kaa-lotsen-ui') !== null };
      },
      quietMs,
    );
    return result;
  } finally {
    await page.close();
  }
}

export async function benchUi(options: UiBenchOptions = {}): Promise<UiBenchResult> {
  if (!existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) throw new Error(`${EXTENSION_DIR} saknas: kör först npm run build:test`);
  const youths = options.youths ?? 5000;
  const runs = options.runs ?? 5;
  const featuresOff = options.featuresOff ?? [];
  const quietMs = options.quietMs ?? 1000;
  const server = await startUkaServer({ port: 0, variant: options.variant ?? '2026', youths, seed: 1, today: '2026-11-23', kommun: '2281' });
  const origin = new URL(server.url).origin;
  const plain = await launch(false);
  const ext = await launch(true);
  try {
    await configure(ext.context, origin, featuresOff);
    for (const { context } of [plain, ext]) await context.addCookies([{ name: 'UKASESSION', value: '1', url: origin }]);
    const url = `${origin}/export`;
    // One warm-up each (HTTP, V8 and the extension's first start), not counted.
    await measure(plain.context, url, quietMs);
    await measure(ext.context, url, quietMs);
    const without: RunMeasure[] = [];
    const withExt: RunMeasure[] = [];
    let extensionActive = true;
    for (let i = 0; i < runs; i++) {
      without.push(await measure(plain.context, url, quietMs));
      const m = await measure(ext.context, url, quietMs);
      extensionActive &&= m.extensionActive;
      withExt.push(m);
    }
    const sum = (ms: RunMeasure[]) => {
      const all = ms.flatMap((m) => m.longTasks);
      return {
        medianLoadToIdleMs: median(ms.map((m) => m.loadToIdleMs)),
        longestTaskMs: all.length ? Math.max(...all) : 0,
        tasksOver50: all.filter((d) => d > 50).length,
        runs: ms,
      };
    };
    const a = sum(without);
    const b = sum(withExt);
    return { youths, runs, featuresOff, without: a, with: { ...b, extensionActive }, loadRatio: b.medianLoadToIdleMs / a.medianLoadToIdleMs };
  } finally {
    await plain.context.close();
    await ext.context.close();
    rmSync(plain.dir, { recursive: true, force: true });
    rmSync(ext.dir, { recursive: true, force: true });
    await server.close();
  }
}

export function formatUi(r: UiBenchResult): string {
  const f = (n: number) => n.toFixed(0).padStart(6);
  const lines = [
    `UI-bench: Export till SCB med ${r.youths} ungdomar, ${r.runs} körningar per läge (median)${r.featuresOff.length ? `, avstängda funktioner: ${r.featuresOff.join(', ')}` : ''}`,
    `                         utan tillägg   med tillägg`,
    `  load-to-idle (ms)        ${f(r.without.medianLoadToIdleMs)}        ${f(r.with.medianLoadToIdleMs)}`,
    `  längsta task (ms)        ${f(r.without.longestTaskMs)}        ${f(r.with.longestTaskMs)}`,
    `  tasks > 50 ms (alla körn.) ${f(r.without.tasksOver50)}      ${f(r.with.tasksOver50)}`,
    `  load ratio (med/utan)    ${r.loadRatio.toFixed(3)}  (mål ≤ 1.10)`,
    `  longest task with extension: ${r.with.longestTaskMs.toFixed(0)} ms; tasks > 50 ms with: ${r.with.tasksOver50}, without: ${r.without.tasksOver50}`,
  ];
  if (!r.with.extensionActive) lines.push('  VARNING: tillägget visade inget på sidan i någon körning (inte registrerat?)');
  return lines.join('\n');
}
