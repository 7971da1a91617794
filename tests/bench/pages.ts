/**
 * Page bench (issue #20): the 5,000-youth "Export till SCB" list and one person page of the UKA stand-in, in one markup
 * variant, loaded in four modes side by side: no extension, the no-op baseline, the naive read-and-panel baseline
 * (tests/bench/baselines/) and KAA-lotsen's production build. One browser per mode; every round loads each page once
 * in each mode, the order reversed every other round (as ./ab.ts), so a machine that gets faster or slower affects
 * every mode alike. Then a few loads per extension mode under the CPU profiler tell which long tasks ran extension code
 * (the profiler is kept out of the timed loads: it slows script far more than layout). The measures are ./ui.ts's.
 *
 * The production build is used as users get it, with two changes in the bench's own copy of it: its manifest grants
 * the stand-in's host (a production build only asks for it on the options page, and only for https and a real host
 * name, so the stand-in is served over https as uka.kommun.test), and its shadow roots are attached open (a line put
 * before each script that attaches one). Open roots let the bench's page observer see the changes inside our panels,
 * as it sees those inside the naive baseline's open root; with closed roots load-to-idle would miss them, and the
 * time to the first panel could not be seen at all. The code is otherwise the production code.
 */
import type { BrowserContext } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServer as createTlsServer } from 'node:tls';
import { fileURLToPath } from 'node:url';
import { startUkaServer, type UkaServer } from '../fixtures/uka/server';
import { MODES, type ModeId, type ModeRuns, type PageRuns, type ProfiledLoad, type TimedLoad } from './table';
import { BENCH_HOST, configure, launch, measure } from './ui';

const root = fileURLToPath(new URL('../..', import.meta.url));
/** The production build (`npm run build`), or $KAA_EXTENSION_DIR. */
export const PRODUCTION_DIR = process.env.KAA_EXTENSION_DIR ? path.resolve(process.env.KAA_EXTENSION_DIR) : path.join(root, '.output', 'chrome-mv3');
const BASELINES = fileURLToPath(new URL('./baselines/', import.meta.url));

export interface PagesBenchOptions {
  variant: '2024' | '2026';
  youths?: number;
  rounds?: number;
  /** Loads per extension mode and page under the CPU profiler. */
  profiled?: number;
  pages?: Array<PageRuns['page']>;
  featuresOff?: string[];
  freshTour?: boolean;
  quietMs?: number;
  /** Progress lines (to stderr). */
  log?: (line: string) => void;
}

/** Makes every shadow root the isolated world attaches open (see the header). Idempotent; nothing outside a page. */
const OPEN_ROOTS = `;(()=>{if(typeof Element==='undefined')return;const a=Element.prototype.attachShadow;if(a.__kaaBenchOpen)return;const f=function(i){return a.call(this,Object.assign({},i,{mode:'open'}))};f.__kaaBenchOpen=true;Element.prototype.attachShadow=f})();\n`;

/** The bench's copy of a production build (see the header). Returns its directory and how many scripts were opened. */
export function benchCopy(buildDir: string): { dir: string; opened: number } {
  if (!existsSync(path.join(buildDir, 'manifest.json'))) throw new Error(`${buildDir} saknas: kör först npm run build`);
  const dir = mkdtempSync(path.join(tmpdir(), 'kaa-bench-build-'));
  cpSync(buildDir, dir, { recursive: true });
  const manifestPath = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { host_permissions?: string[] };
  manifest.host_permissions = [...(manifest.host_permissions ?? []), `https://${BENCH_HOST}/*`];
  writeFileSync(manifestPath, JSON.stringify(manifest));
  let opened = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.js')) continue;
    const file = path.join(entry.parentPath, entry.name);
    const code = readFileSync(file, 'utf8');
    if (!code.includes('attachShadow')) continue;
    writeFileSync(file, OPEN_ROOTS + code);
    opened++;
  }
  return { dir, opened };
}

export interface HttpsStandIn {
  server: UkaServer;
  /** https://uka.kommun.test:<port> */
  origin: string;
  close(): Promise<void>;
}

/** The stand-in behind a TLS proxy with a self-signed certificate for BENCH_HOST (made with openssl, for this run). */
export async function startHttpsStandIn(variant: '2024' | '2026', youths: number): Promise<HttpsStandIn> {
  const server = await startUkaServer({ port: 0, variant, youths, seed: 1, today: '2026-11-23', kommun: '2281' });
  const certDir = mkdtempSync(path.join(tmpdir(), 'kaa-bench-tls-'));
  const key = path.join(certDir, 'key.pem');
  const cert = path.join(certDir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', `/CN=${BENCH_HOST}`, '-addext', `subjectAltName=DNS:${BENCH_HOST}`], { stdio: 'ignore' });
  const tls = createTlsServer({ key: readFileSync(key), cert: readFileSync(cert) }, (socket) => {
    const upstream = connect(server.port, '127.0.0.1');
    socket.pipe(upstream).pipe(socket);
    socket.on('error', () => upstream.destroy());
    upstream.on('error', () => socket.destroy());
  });
  await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
  const port = (tls.address() as { port: number }).port;
  return {
    server,
    origin: `https://${BENCH_HOST}:${port}`,
    close: async () => {
      await new Promise<void>((resolve) => tls.close(() => resolve()));
      await server.close();
      rmSync(certDir, { recursive: true, force: true });
    },
  };
}

/** The person page measured: the person with the most entries (contacts, measures, occupations, registrations, bevakningar). */
export function richestPerson(server: UkaServer): number {
  let best = { id: 0, n: -1 };
  for (const p of server.groundTruth().persons) {
    const n = p.counts.contacts + p.counts.measures + p.counts.occupations + p.counts.registrations + p.counts.bevakningar;
    if (n > best.n) best = { id: p.id, n };
  }
  return best.id;
}

interface Browser {
  mode: ModeId;
  context: BrowserContext;
  dir: string;
}

/** Both pages (or those asked for) of one variant, every mode, interleaved. */
export async function benchPages(options: PagesBenchOptions): Promise<PageRuns[]> {
  const youths = options.youths ?? 5000;
  const rounds = Math.max(1, options.rounds ?? 6);
  const profiled = Math.max(0, options.profiled ?? 3);
  const quietMs = options.quietMs ?? 1000;
  const log = options.log ?? (() => undefined);
  const copy = benchCopy(PRODUCTION_DIR);
  if (copy.opened === 0) log('  VARNING: inget skript i bygget skapar en shadow root (attachShadow): panelerna syns inte för bänken');
  const standIn = await startHttpsStandIn(options.variant, youths);
  const browsers: Browser[] = [];
  try {
    const personId = richestPerson(standIn.server);
    const pages = (options.pages ?? ['export', 'person']).map((page) => ({
      page,
      url: `${standIn.origin}${page === 'export' ? '/export' : `/person/${personId}`}`,
      title: page === 'export' ? `Export till SCB, ${youths} ungdomar` : `Personsida (person ${personId}, flest uppgifter)`,
    }));
    for (const mode of MODES) {
      const dir = mode === 'none' ? null : mode === 'kaa' ? copy.dir : path.join(BASELINES, mode === 'noop' ? 'noop' : 'naive-panel');
      const browser = await launch(dir);
      browsers.push({ mode, ...browser });
      if (mode === 'kaa') await configure(browser.context, standIn.origin, options.featuresOff ?? [], options.freshTour ?? false);
      await browser.context.addCookies([{ name: 'UKASESSION', value: '1', url: standIn.origin }]);
    }
    const load = (b: Browser, url: string, profile: boolean) => measure(b.context, url, quietMs, profile);
    // Warm-ups, not counted: one per page and mode (HTTP, V8), two for KAA-lotsen (its first start, and the first
    // visit of a kind of page, after which its panels' places are remembered).
    log(`  variant ${options.variant}: uppvärmning`);
    for (const p of pages) for (const b of browsers) for (let i = 0; i < (b.mode === 'kaa' ? 2 : 1); i++) await load(b, p.url, false);
    const timed = new Map<string, TimedLoad[]>();
    const prof = new Map<string, ProfiledLoad[]>();
    const key = (page: string, mode: ModeId) => `${page}/${mode}`;
    const slots = pages.flatMap((p) => browsers.map((b) => ({ p, b })));
    for (let round = 0; round < rounds; round++) {
      log(`  variant ${options.variant}: omgång ${round + 1} av ${rounds}`);
      for (const { p, b } of round % 2 ? [...slots].reverse() : slots) {
        const m = await load(b, p.url, false);
        const list = timed.get(key(p.page, b.mode)) ?? [];
        list.push({ loadToIdleMs: m.loadToIdleMs, firstPanelMs: m.firstPanelMs, longTasks: m.longTasks });
        timed.set(key(p.page, b.mode), list);
      }
    }
    // Profiled loads: extension modes only (without an extension there is no extension code).
    const withCode = slots.filter((s) => s.b.mode !== 'none');
    for (let round = 0; round < profiled; round++) {
      log(`  variant ${options.variant}: profilerad omgång ${round + 1} av ${profiled}`);
      for (const { p, b } of round % 2 ? [...withCode].reverse() : withCode) {
        const m = await load(b, p.url, true);
        const list = prof.get(key(p.page, b.mode)) ?? [];
        list.push({ longTasks: m.longTasks, extensionCpuMs: m.extensionCpuMs });
        prof.set(key(p.page, b.mode), list);
      }
    }
    return pages.map(({ page, title }) => ({
      page,
      variant: options.variant,
      title,
      rounds,
      modes: MODES.map((mode): ModeRuns => ({ mode, timed: timed.get(key(page, mode)) ?? [], profiled: prof.get(key(page, mode)) ?? [] })),
    }));
  } finally {
    for (const b of browsers) {
      await b.context.close();
      rmSync(b.dir, { recursive: true, force: true });
    }
    await standIn.close();
    rmSync(copy.dir, { recursive: true, force: true });
  }
}
