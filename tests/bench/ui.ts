/**
 * UI bench: the 5,000-youth "Export till SCB" list of the UKA stand-in, loaded in Debian's Chromium with and without
 * the built test extension (.output/chrome-mv3-test, or $KAA_EXTENSION_DIR), alternating, several runs each, in the
 * same process, after one warm-up load each that is not counted.
 *
 * Measured per load:
 *  - long tasks (PerformanceObserver 'longtask', buffered, installed by an init script before UKA's first byte);
 *  - which long tasks are the extension's: in a second series of loads (the same number, both modes), a V8 CPU profile
 *    of the page (CDP Profiler, 1 ms samples) tells how much of each long task ran in code from the extension's URL. A
 *    long task with ≥ 5 ms of extension code is counted as caused by the extension. The profiler is kept out of the
 *    timed loads: it makes every function V8 compiles carry source positions and samples the main thread, which
 *    slows script (the extension's) far more than UKA's script-free page and would be counted against the extension;
 *  - load-to-idle: from navigation start until the page's last change is on screen and the main thread is free again:
 *    the last busy sign (the end of a long task, or a DOM mutation, inside the extension's open shadow roots too) is
 *    followed by an animation frame and a task after it (so the style, layout and paint that the change caused are
 *    counted, for the page without the extension as much as with it); at least the load event's end; before
 *    `quietMs` of quiet. The older measure, which stopped at the last change itself, is printed too ("last change");
 *  - peak JS heap of the page's V8 isolate (UKA and content script share it), polled over CDP every 50 ms.
 * Medians over the runs; the largest task over all runs is given too.
 */
import { TOURS_FINISHED } from '../../components/tour/progress';
import { chromium, type BrowserContext, type CDPSession } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startUkaServer } from '../fixtures/uka/server';
import { EXT_SHARE_MS, median } from './table';

export { median };

const root = fileURLToPath(new URL('../..', import.meta.url));
export const EXTENSION_DIR = process.env.KAA_EXTENSION_DIR ? path.resolve(process.env.KAA_EXTENSION_DIR) : path.join(root, '.output', 'chrome-mv3-test');
const CHROMIUM = process.env.KAA_CHROMIUM ?? '/usr/bin/chromium';


export interface UiBenchOptions {
  youths?: number;
  runs?: number;
  variant?: '2024' | '2026';
  /** Feature ids switched off in the "with extension" runs (to find a slow feature). */
  featuresOff?: string[];
  quietMs?: number;
  /** Measure a first visit (the onboarding tour starts by itself). Default: a returning user, tour finished. */
  freshTour?: boolean;
}

export interface LongTask {
  start: number;
  duration: number;
  /** Milliseconds of extension code (by CPU samples) inside the task. */
  extensionMs: number;
  /** Top extension functions in the task (entry points; innermost frames), for --explain. */
  entries?: string;
  leaves?: string;
}

export interface RunMeasure {
  loadToIdleMs: number;
  /** The older measure: until the last change itself (not its rendering). */
  lastChangeMs: number;
  loadEventMs: number;
  /** From UKA's load event to the first panel (of any extension) painted in the window; null when none was. */
  firstPanelMs: number | null;
  longTasks: LongTask[];
  /** Extension code over the whole load (CPU samples), ms. */
  extensionCpuMs: number;
  peakHeapMb: number;
}

export interface ModeSummary {
  /** From the profiled loads: long tasks with their extension share, and the extension's CPU time. */
  profiled: RunMeasure[];
  medianLoadToIdleMs: number;
  medianLastChangeMs: number;
  medianLoadEventMs: number;
  /** Longest long task over all runs. */
  longestTaskMs: number;
  /** Median over runs of each run's longest task (0 when a run had none). */
  medianLongestTaskMs: number;
  /** Longest task that ran ≥ EXT_SHARE_MS of extension code (0 when none). */
  longestExtensionTaskMs: number;
  /** Long tasks over all runs, and how many of them were the extension's. */
  tasksOver50: number;
  extensionTasksOver50: number;
  medianExtensionCpuMs: number;
  medianPeakHeapMb: number;
  runs: RunMeasure[];
}

export interface UiBenchResult {
  youths: number;
  runs: number;
  variant: '2024' | '2026';
  featuresOff: string[];
  freshTour: boolean;
  without: ModeSummary;
  with: ModeSummary & { extensionActive: boolean };
  /** with / without, medians of load-to-idle. */
  loadRatio: number;
  /** with / without, medians of the older "until the last change" measure. */
  lastChangeRatio: number;
  /**
   * Median of the per-pair ratios (each run with the extension against the run without it just before it): less
   * sensitive than the ratio of medians to a machine that gets faster or slower during the bench.
   */
  pairedRatio: number;
}

/**
 * Installed before any page script: long tasks, stalls and mutations, for the bench to read later; and when the first
 * panel of an extension (content in a shadow root whose host is in the window) was painted: the time after the next
 * frame (an animation frame and a task after it) following the change that drew it.
 */
export const INIT_SCRIPT = `(() => {
  const w = window;
  const probe = { longTasks: [], lastBusy: 0, settled: 0, seq: 0, log: [], firstPanel: 0 };
  w.__kaaBench = probe;
  // After each busy sign: one frame (style, layout, paint) and then a task; when no newer sign came meanwhile, that
  // moment is when the page had settled.
  const settle = () => {
    const mine = ++probe.seq;
    requestAnimationFrame(() => setTimeout(() => { if (probe.seq === mine) probe.settled = performance.now(); }, 0));
  };
  const busy = (t) => { if (t > probe.lastBusy) probe.lastBusy = t; settle(); };
  w.addEventListener('load', () => setTimeout(settle, 0));
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) { probe.longTasks.push({ start: e.startTime, duration: e.duration }); busy(e.startTime + e.duration); }
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) {}
  // A panel is drawn when its root holds something visible besides style sheets: text, a control or an image.
  const VISIBLE = 'button, input, select, textarea, img, svg, summary';
  const drawn = (root) => {
    for (const c of root.children) if (c.localName !== 'style' && c.localName !== 'link' && (c.textContent.trim() || c.matches(VISIBLE) || c.querySelector(VISIBLE))) return true;
    return false;
  };
  const inView = (host) => {
    const r = host.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth;
  };
  const pending = new WeakSet();
  const panelCheck = (root) => {
    if (probe.firstPanel || pending.has(root) || !drawn(root)) return;
    pending.add(root);
    requestAnimationFrame(() => setTimeout(() => {
      pending.delete(root);
      if (!probe.firstPanel && root.host.isConnected && inView(root.host)) probe.firstPanel = performance.now();
    }, 0));
  };
  const watched = new WeakSet();
  const late = [];
  const watch = (target) => {
    if (watched.has(target)) return;
    watched.add(target);
    new MutationObserver((records) => {
      busy(performance.now());
      const root = target.host ? 'ui:' + (target.host.getAttribute('data-feature') || '?') : 'page';
      probe.log.push([Math.round(performance.now()), root, records.length]);
      if (probe.log.length > 400) probe.log.splice(0, 200);
      if (target.host) panelCheck(target);
      // Extensions' UI lives in shadow roots made in their content scripts' isolated worlds (a patched attachShadow
      // here would never see them): watch the open root of every host element that arrives. (Hosts get their root
      // before they are inserted, so the added node itself is enough.) KAA-lotsen's production roots are closed: the
      // bench opens them in its copy of the build (pages.ts).
      // A custom element that arrives without a root may get one later: looked at again after each change.
      for (const r of records) for (const n of r.addedNodes) if (n.shadowRoot) watch(n.shadowRoot); else if (n.localName && n.localName.includes('-') && late.length < 200) late.push(n);
      for (let i = late.length - 1; i >= 0; i--) if (late[i].shadowRoot) watch(late.splice(i, 1)[0].shadowRoot);
    }).observe(target, { childList: true, subtree: true, characterData: true, attributes: true });
    if (target.host) panelCheck(target);
  };
  watch(document);
})();`;


/**
 * The host name under which the page bench serves the stand-in over https (pages.ts): production builds accept only
 * https and a real host name. Every browser the bench starts resolves it to 127.0.0.1 and accepts the stand-in's
 * self-signed certificate.
 */
export const BENCH_HOST = 'uka.kommun.test';

/** A fresh Chromium profile with the bench's probe installed, with the built extension in `extensionDir` or without one. */
export async function launch(extensionDir: string | null): Promise<{ context: BrowserContext; dir: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'kaa-bench-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    viewport: { width: 1280, height: 900 },
    ignoreHTTPSErrors: true,
    args: [
      `--host-resolver-rules=MAP ${BENCH_HOST} 127.0.0.1`,
      '--ignore-certificate-errors',
      ...(extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
    ],
  });
  await context.addInitScript(INIT_SCRIPT);
  return { context, dir };
}

export async function configure(context: BrowserContext, origin: string, featuresOff: string[], freshTour = true): Promise<void> {
  const worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  await worker.evaluate(
    async ({ origin, off, freshTour, finished }) => {
      const features = Object.fromEntries(off.map((id) => [id, false]));
      await chrome.storage.local.set({ settings: { ukaOrigin: origin, kommun: '2281', myLabel: 'Coach Anna', ...(off.length ? { features } : {}) } });
      // A returning user has finished the onboarding tour (as in the e2e fixtures).
      if (!freshTour) await chrome.storage.local.set({ tourProgress: finished });
    },
    { origin, off: featuresOff, freshTour, finished: TOURS_FINISHED },
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

interface ProfileNode {
  id: number;
  callFrame: { url: string; functionName: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

interface Sample {
  t: number;
  dt: number;
  ext: boolean;
  /** Outermost and innermost extension frame ("name:line"), when ext. */
  entry?: string;
  leaf?: string;
}

/** Sample times (page clock, ms) and whether extension code was on the stack, for each sample. */
function extensionSamples(profile: CpuProfile, offsetMs: number): Sample[] {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const label = (n: ProfileNode) => `${n.callFrame.functionName || '(top)'}:${n.callFrame.lineNumber + 1}`;
  const memo = new Map<number, { entry?: string; leaf?: string }>();
  const frames = (id: number): { entry?: string; leaf?: string } => {
    const known = memo.get(id);
    if (known) return known;
    const node = byId.get(id);
    const p = parent.get(id);
    const up = p !== undefined ? frames(p) : {};
    const own = node?.callFrame.url.startsWith('chrome-extension://') ? label(node) : undefined;
    const v = { entry: up.entry ?? own, leaf: own ?? up.leaf };
    memo.set(id, v);
    return v;
  };
  const out: Sample[] = [];
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i] ?? 0;
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const f = frames(profile.samples[i]!);
    out.push({ t: t / 1000 - offsetMs, dt, ext: f.entry !== undefined, entry: f.entry, leaf: f.leaf });
  }
  return out;
}

function topOf(samples: Sample[], key: 'entry' | 'leaf', n: number): string {
  const m = new Map<string, number>();
  for (const s of samples) if (s[key]) m.set(s[key]!, (m.get(s[key]!) ?? 0) + s.dt);
  return [...m.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `${k} ${v.toFixed(0)}ms`)
    .join(', ');
}

async function heapPoller(cdp: CDPSession): Promise<{ stop(): Promise<number> }> {
  let peak = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      try {
        const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
        if (usedSize > peak) peak = usedSize;
      } catch {
        // page closing
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return peak / (1024 * 1024);
    },
  };
}

export async function measure(context: BrowserContext, url: string, quietMs: number, profile: boolean): Promise<RunMeasure & { extensionActive: boolean }> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    if (profile) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
      await cdp.send('Runtime.enable');
      await cdp.send('Profiler.start');
    }
    const heap = await heapPoller(cdp);
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    // Wait for `quietMs` without any busy sign (max 30 s).
    const result = await page.evaluate(
      async (quiet) => {
        const probe = (window as unknown as { __kaaBench: { longTasks: Array<{ start: number; duration: number }>; lastBusy: number; settled: number; firstPanel: number } }).__kaaBench;
        const started = performance.now();
        while (performance.now() - Math.max(probe.lastBusy, probe.settled, started - quiet + 200) < quiet && performance.now() - started < 30_000) {
          await new Promise((r) => setTimeout(r, 100));
        }
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
        const loadEnd = nav?.loadEventEnd ?? 0;
        const firstPanelMs = probe.firstPanel && nav ? probe.firstPanel - nav.loadEventStart : null;
        return { loadToIdleMs: Math.max(loadEnd, probe.lastBusy, probe.settled), lastChangeMs: Math.max(loadEnd, probe.lastBusy), loadEventMs: loadEnd, firstPanelMs, longTasks: [...probe.longTasks], extensionActive: document.querySelector('kaa-lotsen-ui') !== null };
      },
      quietMs,
    );
    const peakHeapMb = await heap.stop();
    if (!profile) return { ...result, longTasks: result.longTasks.map((t) => ({ ...t, extensionMs: 0 })), extensionCpuMs: 0, peakHeapMb };
    // Align the profile's clock with the page's: read performance.now() right before stopping the profiler.
    const before = ((await cdp.send('Runtime.evaluate', { expression: 'performance.now()', returnByValue: true })) as { result: { value: number } }).result.value;
    const { profile: cpuProfile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    const offsetMs = cpuProfile.endTime / 1000 - before;
    const samples = extensionSamples(cpuProfile, offsetMs);
    const extensionCpuMs = samples.reduce((sum, s) => sum + (s.ext ? s.dt : 0), 0);
    const longTasks = result.longTasks.map((task) => {
      const inside = samples.filter((s) => s.ext && s.t >= task.start && s.t <= task.start + task.duration);
      return { ...task, extensionMs: inside.reduce((sum, s) => sum + s.dt, 0), entries: topOf(inside, 'entry', 3), leaves: topOf(inside, 'leaf', 4) };
    });
    return { ...result, longTasks, extensionCpuMs, peakHeapMb };
  } finally {
    await page.close();
  }
}

function summarise(ms: RunMeasure[], profiled: RunMeasure[]): ModeSummary {
  const all = ms.flatMap((m) => m.longTasks);
  const attributed = profiled.flatMap((m) => m.longTasks);
  const ext = attributed.filter((t) => t.extensionMs >= EXT_SHARE_MS);
  const longest = (tasks: LongTask[]) => tasks.reduce((max, t) => Math.max(max, t.duration), 0);
  return {
    medianLoadToIdleMs: median(ms.map((m) => m.loadToIdleMs)),
    medianLastChangeMs: median(ms.map((m) => m.lastChangeMs)),
    medianLoadEventMs: median(ms.map((m) => m.loadEventMs)),
    longestTaskMs: longest(all),
    medianLongestTaskMs: median(ms.map((m) => longest(m.longTasks))),
    longestExtensionTaskMs: longest(ext),
    tasksOver50: all.filter((t) => t.duration > 50).length,
    extensionTasksOver50: ext.filter((t) => t.duration > 50).length,
    medianExtensionCpuMs: median(profiled.map((m) => m.extensionCpuMs)),
    medianPeakHeapMb: median(ms.map((m) => m.peakHeapMb)),
    runs: ms,
    profiled,
  };
}

export async function benchUi(options: UiBenchOptions = {}): Promise<UiBenchResult> {
  if (!existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) throw new Error(`${EXTENSION_DIR} saknas: kör först npm run build:test`);
  const youths = options.youths ?? 5000;
  const runs = Math.max(1, options.runs ?? 5);
  const variant = options.variant ?? '2026';
  const featuresOff = options.featuresOff ?? [];
  const quietMs = options.quietMs ?? 1000;
  const freshTour = options.freshTour ?? false;
  const server = await startUkaServer({ port: 0, variant, youths, seed: 1, today: '2026-11-23', kommun: '2281' });
  const origin = new URL(server.url).origin;
  const plain = await launch(null);
  const ext = await launch(EXTENSION_DIR);
  try {
    await configure(ext.context, origin, featuresOff, freshTour);
    for (const { context } of [plain, ext]) await context.addCookies([{ name: 'UKASESSION', value: '1', url: origin }]);
    const url = `${origin}/export`;
    // One warm-up each (HTTP, V8 and the extension's first start), not counted.
    await measure(plain.context, url, quietMs, false);
    await measure(ext.context, url, quietMs, false);
    const without: RunMeasure[] = [];
    const withExt: RunMeasure[] = [];
    let extensionActive = true;
    // Timed loads, alternating (no profiler).
    for (let i = 0; i < runs; i++) {
      without.push(await measure(plain.context, url, quietMs, false));
      const m = await measure(ext.context, url, quietMs, false);
      extensionActive &&= m.extensionActive;
      withExt.push(m);
    }
    // Profiled loads: whose code ran in the long tasks, and how much CPU the extension used.
    const withoutProfiled: RunMeasure[] = [];
    const withProfiled: RunMeasure[] = [];
    for (let i = 0; i < runs; i++) {
      withoutProfiled.push(await measure(plain.context, url, quietMs, true));
      withProfiled.push(await measure(ext.context, url, quietMs, true));
    }
    const a = summarise(without, withoutProfiled);
    const b = summarise(withExt, withProfiled);
    return { youths, runs, variant, featuresOff, freshTour, without: a, with: { ...b, extensionActive }, loadRatio: b.medianLoadToIdleMs / a.medianLoadToIdleMs, pairedRatio: median(withExt.map((m, i) => m.loadToIdleMs / (without[i]?.loadToIdleMs ?? m.loadToIdleMs))), lastChangeRatio: b.medianLastChangeMs / a.medianLastChangeMs };
  } finally {
    await plain.context.close();
    await ext.context.close();
    rmSync(plain.dir, { recursive: true, force: true });
    rmSync(ext.dir, { recursive: true, force: true });
    await server.close();
  }
}

export function formatUi(r: UiBenchResult, explain = false): string {
  const f = (n: number) => n.toFixed(0).padStart(8);
  const f1 = (n: number) => n.toFixed(1).padStart(8);
  const okTask = r.with.longestExtensionTaskMs <= 50;
  const okRatio = r.loadRatio <= 1.1;
  const lines = [
    `UI-bench: Export till SCB med ${r.youths} ungdomar (variant ${r.variant}), ${r.runs} mätta körningar per läge efter en uppvärmning, medianer${
      r.featuresOff.length ? `; avstängda funktioner: ${r.featuresOff.join(', ')}` : ''
    }${r.freshTour ? '; ny användare (rundturen startar)' : ''}`,
    `                                              utan tillägg   med tillägg`,
    `  load-to-idle, median (ms)                   ${f(r.without.medianLoadToIdleMs)}      ${f(r.with.medianLoadToIdleMs)}`,
    `  sista ändringen (utan rendering), median   ${f(r.without.medianLastChangeMs)}      ${f(r.with.medianLastChangeMs)}   (kvot ${r.lastChangeRatio.toFixed(3)})`,
    `  load-händelsen klar, median (ms)            ${f(r.without.medianLoadEventMs)}      ${f(r.with.medianLoadEventMs)}`,
    `  längsta task, alla körningar (ms)           ${f(r.without.longestTaskMs)}      ${f(r.with.longestTaskMs)}`,
    `  längsta task per körning, median (ms)       ${f(r.without.medianLongestTaskMs)}      ${f(r.with.medianLongestTaskMs)}`,
    `  tasks > 50 ms, alla tidtagna körningar      ${f(r.without.tasksOver50)}      ${f(r.with.tasksOver50)}`,
    `  profilerade körningar (lika många, med CPU-profil):`,
    `    längsta task med tilläggets kod (ms)      ${f(r.without.longestExtensionTaskMs)}      ${f(r.with.longestExtensionTaskMs)}`,
    `    tasks > 50 ms med ≥ ${EXT_SHARE_MS} ms tilläggskod        ${f(r.without.extensionTasksOver50)}      ${f(r.with.extensionTasksOver50)}`,
    `    tilläggets CPU-tid per laddning, median   ${f(r.without.medianExtensionCpuMs)}      ${f(r.with.medianExtensionCpuMs)}`,
    `  JS-heap, topp, median (MB)                  ${f1(r.without.medianPeakHeapMb)}      ${f1(r.with.medianPeakHeapMb)}`,
    `  load-to-idle per körning (ms): utan ${r.without.runs.map((m) => m.loadToIdleMs.toFixed(0)).join(' ')}; med ${r.with.runs.map((m) => m.loadToIdleMs.toFixed(0)).join(' ')}`,
    `  load ratio (med/utan)                       ${r.loadRatio.toFixed(3)}  (mål ≤ 1.10: ${okRatio ? 'uppfyllt' : 'EJ uppfyllt'})`,
    `  parvis kvot, median av körning för körning  ${r.pairedRatio.toFixed(3)}`,
    `  longest task caused by the extension: ${r.with.longestExtensionTaskMs.toFixed(0)} ms (goal ≤ 50: ${okTask ? 'met' : 'NOT met'}); tasks > 50 ms with: ${r.with.tasksOver50} (extension's: ${r.with.extensionTasksOver50}), without: ${r.without.tasksOver50}; load ratio ${r.loadRatio.toFixed(3)}`,
  ];
  if (explain) {
    lines.push('  long tasks with extension code (start ms, duration ms: entry points | innermost frames):');
    r.with.profiled.forEach((run, i) => {
      for (const t of run.longTasks.filter((t) => t.extensionMs >= EXT_SHARE_MS)) {
        lines.push(`    run ${i + 1} @${t.start.toFixed(0)} ${t.duration.toFixed(0)} ms (ext ${t.extensionMs.toFixed(0)}): ${t.entries} | ${t.leaves}`);
      }
    });
  }
  if (!r.with.extensionActive) lines.push('  VARNING: tillägget visade inget på sidan i någon körning (inte registrerat?)');
  return lines.join('\n');
}
