/**
 * Playwright fixtures: the built extension in Debian's Chromium, the UKA stand-in, and two guards that every test
 * runs under:
 *  - network guard: every request the browser makes is recorded; the run fails on any request that is not a GET to
 *    the UKA origin (or an extension-internal URL), except requests the test itself declared (e.g. its own login POST);
 *  - storage guard: after the test, the extension's IndexedDB databases and storage areas are dumped and the run
 *    fails if any personnummer or name of the stand-in's data set appears in them.
 */
import { test as base, expect, chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startUkaServer } from '../fixtures/uka/server';
import { TOURS_FINISHED } from '../../components/tour/progress';

export interface KaaOptions {
  variant: '2024' | '2026';
  /**
   * The onboarding tour starts by itself for a new user and can cover what a test clicks. By default `configured`
   * marks it finished; tests of the tour itself set `freshTours: true`.
   */
  freshTours: boolean;
}

const root = fileURLToPath(new URL('../..', import.meta.url));
export const EXTENSION_DIR = process.env.KAA_EXTENSION_DIR ?? path.join(root, '.output', 'chrome-mv3-test');
export const CHROMIUM = process.env.KAA_CHROMIUM ?? '/usr/bin/chromium';
export const TODAY = '2026-11-23';
export const KOMMUN = '2281';

export interface UkaStatePerson {
  id: string | number;
  name: string;
  personnummer: string;
  [key: string]: unknown;
}

export interface Uka {
  url: string;
  origin: string;
  variant: '2024' | '2026';
  /** Ground truth from the stand-in's test endpoint. */
  state(): Promise<{ persons: UkaStatePerson[]; [key: string]: unknown }>;
  /** POST to the stand-in's test-only control endpoint (from Node, not from the browser). */
  control(pathname: string, body?: unknown): Promise<unknown>;
}

export interface RecordedRequest {
  method: string;
  url: string;
  serviceWorker: boolean;
}

export interface NetworkGuard {
  requests: RecordedRequest[];
  /** Declare a request the TEST makes itself (not the extension), e.g. the login form POST. */
  allow(predicate: (r: RecordedRequest) => boolean): void;
}

interface Fixtures {
  uka: Uka;
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  guard: NetworkGuard;
  /** Settings are written and the UKA content script is registered before the test body runs. */
  configured: void;
  /** Log in to the stand-in in the given page (the POST is declared to the network guard). */
  login: (page: Page) => Promise<void>;
  /** Open an extension page (popup.html, options.html, ...). */
  extensionPage: (file: string) => Promise<Page>;
}

export const test = base.extend<Fixtures & KaaOptions>({
  variant: ['2024', { option: true }],
  freshTours: [false, { option: true }],

  uka: async ({ variant }, use) => {
    const server = await startUkaServer({ port: 0, variant, youths: 60, seed: 1, today: TODAY, kommun: KOMMUN });
    const origin = new URL(server.url).origin;
    await use({
      url: server.url,
      origin,
      variant,
      state: async () => (await (await fetch(`${origin}/__test/state`)).json()) as Awaited<ReturnType<Uka['state']>>,
      control: async (pathname, body) => {
        const res = await fetch(`${origin}${pathname}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body ?? {}),
        });
        if (!res.ok) throw new Error(`control ${pathname} → ${res.status}`);
        const text = await res.text();
        return text ? JSON.parse(text) : null;
      },
    });
    await server.close();
  },

  guard: async ({}, use) => {
    const guard: NetworkGuard & { allowed: ((r: RecordedRequest) => boolean)[] } = {
      requests: [],
      allowed: [],
      allow(predicate) {
        this.allowed.push(predicate);
      },
    };
    await use(guard);
  },

  context: async ({ guard, uka }, use, testInfo) => {
    const userDataDir = mkdtempSync(path.join(tmpdir(), 'kaa-e2e-'));
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      locale: 'sv-SE',
      timezoneId: 'Europe/Stockholm',
      acceptDownloads: true,
      args: [`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`],
    });
    context.on('request', (request) => {
      guard.requests.push({ method: request.method(), url: request.url(), serviceWorker: request.serviceWorker() !== null });
    });
    await use(context);

    // Storage guard: nothing personal may be left in the extension's storage (names only in the session's memory).
    try {
      const dump = await dumpStorageParts(context);
      const state = await uka.state();
      const leaks = [...findPersonalData(dump.text, state.persons), ...findPersonalData(dump.names, state.persons, { namesAllowed: true })];
      expect(leaks, 'personnummer or names found in extension storage').toEqual([]);
      // No binary value anywhere (the pseudonymisation key is a non-extractable CryptoKey, never raw bytes).
      expect(dump.text.match(/\[\d+ bytes\]/g) ?? [], 'binary values (raw key bytes?) in extension storage').toEqual([]);
    } finally {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    }

    // Network guard.
    const allowedList = (guard as unknown as { allowed: ((r: RecordedRequest) => boolean)[] }).allowed;
    const offending = guard.requests.filter((r) => !isAllowedRequest(r, uka.origin) && !allowedList.some((p) => p(r)));
    if (testInfo.status === 'passed') {
      expect(offending, 'requests other than GET to the UKA origin').toEqual([]);
    }
  },

  serviceWorker: async ({ context }, use) => {
    const worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ?? (await context.waitForEvent('serviceworker'));
    await use(worker);
  },

  extensionId: async ({ serviceWorker }, use) => {
    await use(new URL(serviceWorker.url()).host);
  },

  configured: [
    async ({ serviceWorker, uka, freshTours }, use) => {
      await serviceWorker.evaluate(
        async ({ origin, kommun, freshTours, finished }) => {
          if (!freshTours) await chrome.storage.local.set({ tourProgress: finished });
          await chrome.storage.local.set({ settings: { ukaOrigin: origin, kommun, myLabel: 'Coach Anna' } });
        },
        { origin: uka.origin, kommun: KOMMUN, freshTours, finished: TOURS_FINISHED },
      );
      await expect
        .poll(
          async () =>
            (await registeredScripts(serviceWorker)).flatMap((s) => s.matches),
          { message: 'UKA content script registered for the stand-in origin' },
        )
        .toContain(`${new URL(uka.origin).protocol}//${new URL(uka.origin).hostname}/*`);
      await use();
    },
    { auto: false },
  ],

  login: async ({ guard, uka }, use) => {
    guard.allow((r) => r.method === 'POST' && r.url === `${uka.origin}/login`);
    await use(async (page: Page) => {
      await page.goto(`${uka.url.replace(/\/$/, '')}/login`);
      await page.getByLabel(/användar/i).fill('coach');
      await page.getByLabel(/lösenord/i).fill('test');
      await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/login')), page.getByRole('button', { name: /logga in/i }).click()]);
    });
  },

  extensionPage: async ({ context, extensionId }, use) => {
    await use(async (file: string) => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${file}`);
      return page;
    });
  },
});

export { expect };

/**
 * A browser of its own on a given profile, for tests that close and start the browser again (restarts). Every request
 * is recorded into `requests`, for the same network guard as the shared fixtures.
 */
export async function launchProfile(userDataDir: string, requests: RecordedRequest[]): Promise<{ context: BrowserContext; extensionId: string }> {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    args: [`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`],
  });
  context.on('request', (r) => requests.push({ method: r.method(), url: r.url(), serviceWorker: r.serviceWorker() !== null }));
  const worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ?? (await context.waitForEvent('serviceworker'));
  return { context, extensionId: new URL(worker.url()).host };
}

/** The content scripts the extension has registered (ids and match patterns), read in its service worker. */
export async function registeredScripts(serviceWorker: Worker): Promise<Array<{ id: string; matches: string[] }>> {
  return serviceWorker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).map((s) => ({ id: s.id, matches: s.matches ?? [] })));
}

/** The tab id of `page` as the extension sees it (for popup.html?tab=ID). */
export async function tabIdOf(page: Page): Promise<number> {
  const worker = page.context().serviceWorkers()[0]!;
  return worker.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id ?? -1, page.url());
}

/** GET to the UKA origin, and the extension's own internal URLs, are the only requests allowed. */
export function isAllowedRequest(r: RecordedRequest, ukaOrigin: string): boolean {
  const url = new URL(r.url);
  if (url.protocol === 'chrome-extension:' || url.protocol === 'data:' || url.protocol === 'blob:') return true;
  return url.origin === ukaOrigin && r.method === 'GET';
}

/** Everything the extension keeps: every IndexedDB database of its origin and its storage areas. */
export async function dumpExtensionStorage(context: BrowserContext): Promise<string> {
  return (await dumpStorageParts(context)).text;
}

/**
 * The dump in two parts: `text`, everything except the session's name memory, and `names`, that memory (youths' names
 * by pseudonymous key, allowed in storage.session for the browser session only).
 */
export async function dumpStorageParts(context: BrowserContext): Promise<{ text: string; names: string }> {
  const worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  if (!worker) return { text: '', names: '{}' };
  const id = new URL(worker.url()).host;
  const page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${id}/popup.html`);
    return await page.evaluate(async () => {
      const out: Record<string, unknown> = {};
      const dbs = await indexedDB.databases();
      for (const info of dbs) {
        if (!info.name) continue;
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const req = indexedDB.open(info.name!);
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        for (const storeName of Array.from(db.objectStoreNames)) {
          const rows = await new Promise<unknown[]>((resolve, reject) => {
            const req = db.transaction(storeName).objectStore(storeName).getAll();
            req.onsuccess = () => resolve(req.result);
            req.onerror = () => reject(req.error);
          });
          out[`idb:${info.name}/${storeName}`] = rows;
        }
        db.close();
      }
      out['storage.local'] = await chrome.storage.local.get(null);
      // storage.session is memory only. Its name memory ('name:<key>') may hold youths' names for the browser session
      // (lib/platform/session-names.ts): it is returned apart, and checked for personnummer only.
      const session = await chrome.storage.session.get(null);
      const names: Record<string, unknown> = {};
      const rest: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(session)) (k.startsWith('name:') ? names : rest)[k] = v;
      out['storage.session'] = rest;
      const text = JSON.stringify(out, (_k, v) => (v instanceof ArrayBuffer || ArrayBuffer.isView(v) ? `[${(v as ArrayBuffer).byteLength} bytes]` : v));
      return { text, names: JSON.stringify(names) };
    });
  } finally {
    await page.close();
  }
}

/** Every personnummer (any common spelling) or full name (unless `namesAllowed`) from the data set found in the dump. */
export function findPersonalData(dump: string, persons: UkaStatePerson[], options: { namesAllowed?: boolean } = {}): string[] {
  const leaks: string[] = [];
  for (const p of persons) {
    const digits = p.personnummer.replace(/\D/g, '');
    const forms = [digits, digits.slice(2), `${digits.slice(0, 8)}-${digits.slice(8)}`, `${digits.slice(2, 8)}-${digits.slice(8)}`];
    for (const form of forms) if (dump.includes(form)) leaks.push(`personnummer ${form.slice(0, 6)}…`);
    if (!options.namesAllowed && p.name && dump.includes(p.name)) leaks.push(`name of person ${p.id}`);
  }
  return leaks;
}
