/**
 * Nothing a page script can use (#17 item 3): UKA's own scripts run in the page's main world. In the test build our
 * shadow roots are open (so these tests can reach our buttons at all); the production build closes them, which the
 * last test checks in the packed bundle. Every action that saves or deletes accepts only a real user's event.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { test, expect, TODAY, dumpExtensionStorage } from './fixtures';
import { startScbUploadServer } from '../fixtures/scb-upload/server';

const panel = (page: Page) => page.locator('kaa-lotsen-ui[data-feature="ladder"]');
/** What test builds (only) set on our hosts so that tests can find them (lib/startup/slots.ts markForTests). */
const TEST_ONLY_HOST_ATTRIBUTES = ['data-feature', 'data-flow', 'data-anchor'];
const notesIn = (dump: string): unknown[] => (JSON.parse(dump) as Record<string, unknown[]>)['idb:kaa-lotsen/notes'] ?? [];

test.describe('a page script', () => {
  test('cannot save or delete a note through our panel: scripted clicks and submits are refused', async ({ context, uka, configured, login, extensionPage }) => {
    void configured;
    const ext = await extensionPage('options.html');
    await ext.evaluate(async (value) => chrome.storage.local.set({ testClock: value }), `${TODAY}T12:00:00+01:00`);
    const page = await context.newPage();
    await login(page);
    await page.goto(`${uka.origin}/person/10`);
    await expect(panel(page).getByTestId('ladder-next')).toBeVisible();

    // UKA's page script: every quick button clicked, the note form submitted three ways.
    const tried = await page.evaluate(() => {
      const root = document.querySelector('kaa-lotsen-ui[data-feature="ladder"]')?.shadowRoot;
      if (!root) return 0;
      let n = 0;
      for (const button of Array.from(root.querySelectorAll<HTMLButtonElement>('.kaa-quick button'))) {
        button.click();
        button.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true }));
        n++;
      }
      const form = root.querySelector<HTMLFormElement>('form.kaa-note-form');
      if (form) {
        form.requestSubmit();
        form.dispatchEvent(new SubmitEvent('submit', { bubbles: true, cancelable: true }));
        root.querySelector<HTMLButtonElement>('form.kaa-note-form button[type="submit"], form.kaa-note-form button:not([type])')?.click();
        n++;
      }
      return n;
    });
    expect(tried).toBe(4);
    await page.waitForTimeout(500);
    await expect(panel(page).getByTestId('note-message')).not.toContainText('Sparat');
    expect(notesIn(await dumpExtensionStorage(context))).toEqual([]);

    // The same button clicked by the user saves the note, and a scripted click on its "Ta bort" deletes nothing.
    await panel(page).getByRole('button', { name: 'Samtal utan svar i dag' }).click();
    await expect(panel(page).getByTestId('note-message')).toContainText('dokumentera det i UKA');
    await expect.poll(async () => notesIn(await dumpExtensionStorage(context)).length).toBe(1);
    await page.evaluate(() => {
      const root = document.querySelector('kaa-lotsen-ui[data-feature="ladder"]')?.shadowRoot;
      for (const b of Array.from(root?.querySelectorAll<HTMLButtonElement>('button.kaa-link') ?? [])) if (b.textContent?.startsWith('Ta bort')) b.click();
    });
    await page.waitForTimeout(500);
    expect(notesIn(await dumpExtensionStorage(context))).toHaveLength(1);
  });

  test('finds nothing of ours in UKA’s page DOM: no attribute, id or class, on our hosts or on UKA’s elements', async ({ page, uka, configured, login }) => {
    void configured;
    await login(page);
    for (const where of ['/export', '/person/10', '/']) {
      await page.goto(`${uka.origin}${where}`);
      await expect(page.locator('kaa-lotsen-ui[data-feature="status-panel"]')).toHaveCount(1);
      // Every panel drawn (those out of view are drawn in idle time).
      await expect.poll(() => page.locator('kaa-lotsen-ui[data-flow]').evaluateAll((els) => els.filter((e) => !e.shadowRoot?.querySelector('.kaa-root')).length)).toBe(0);
      const seen = await page.evaluate((testOnly) => {
        // The light DOM as a page script sees it (our shadow roots are closed in production builds).
        const ours: string[] = [];
        for (const el of Array.from(document.querySelectorAll('*'))) {
          for (const a of Array.from(el.attributes)) if (/kaa/i.test(a.name) || /kaa/i.test(a.value)) ours.push(`${el.tagName.toLowerCase()} ${a.name}="${a.value.slice(0, 40)}"`);
        }
        // Our hosts carry only their style (and aria-hidden while a place is reserved); test builds add the names the
        // tests find them by, which production builds never set (checked in the bundle below).
        const hostAttributes = Array.from(document.querySelectorAll('kaa-lotsen-ui'))
          .flatMap((host) => Array.from(host.attributes).map((a) => a.name))
          .filter((name) => !testOnly.includes(name) && name !== 'style' && name !== 'aria-hidden');
        return { ours, hostAttributes, hosts: document.querySelectorAll('kaa-lotsen-ui').length };
      }, TEST_ONLY_HOST_ATTRIBUTES);
      expect(seen.hosts, where).toBeGreaterThan(0);
      expect({ ours: seen.ours, hostAttributes: seen.hostAttributes }, where).toEqual({ ours: [], hostAttributes: [] });
    }
  });

  test('finds no open shadow root in the production bundle', async () => {
    const dir = path.join(fileURLToPath(new URL('../..', import.meta.url)), '.output', 'chrome-mv3');
    const files: string[] = [];
    const walk = (d: string) => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        if (e.isDirectory()) walk(path.join(d, e.name));
        else if (e.name.endsWith('.js')) files.push(path.join(d, e.name));
      }
    };
    walk(dir);
    let attached = 0;
    for (const file of files) {
      const js = readFileSync(file, 'utf8');
      expect(js, file).not.toMatch(/attachShadow\(\{\s*mode:\s*['"`]open/);
      for (const m of js.matchAll(/attachShadow\(\{\s*mode:\s*([\w$]+)\s*\}\)/g)) {
        attached++;
        // The mode is a constant of the bundle: it must be 'closed'.
        expect(js, `${file}: mode ${m[1]}`).toMatch(new RegExp(`(?:^|[^\\w$])${m[1]!.replace(/\$/g, '\\$')}=[\`'"]closed[\`'"]`));
      }
    }
    expect(attached).toBeGreaterThan(0);
    // The code that runs in UKA's page (the bundles with our host element) names no attribute of ours for its hosts:
    // the test builds' names are not in it, nor the test builds' idle switch.
    const inPage = files.filter((file) => readFileSync(file, 'utf8').includes('kaa-lotsen-ui'));
    expect(inPage.length).toBeGreaterThan(0);
    for (const file of inPage) {
      const js = readFileSync(file, 'utf8');
      for (const name of [...TEST_ONLY_HOST_ATTRIBUTES, 'data-test-hold-idle', 'data-kaa']) expect(js, `${file}: ${name}`).not.toContain(name);
    }
  });
});

/**
 * No event or message of ours in the page's event stream (#17 item 3, script start): a page script listens, in the
 * capture phase on window and document, to every event type the page can name (each on* handler of window, document
 * and elements, 'message', and the framework's content-script-started event under each of our script names) from
 * before our early script runs, and records what reaches it while UKA's pages and SCB's page start with KAA-lotsen.
 * Anything dispatched by a script (ours) would be untrusted; the browser's own events are trusted.
 */
test.describe('the page’s event stream', () => {
  const SCRIPT_NAMES = ['uka', 'uka-early', 'uka-login', 'uka-start', 'uka-person', 'uka-export', 'uka-part-tour', 'uka-part-glossary', 'uka-part-scb-guard', 'scb'];

  const listen = (page: Page, extensionId: string) =>
    page.addInitScript(
      ({ id, names }) => {
        const seen: Array<{ type: string; trusted: boolean; ctor: string; on: string }> = [];
        (window as unknown as { __seenEvents: typeof seen }).__seenEvents = seen;
        const types = new Set<string>(['DOMContentLoaded', 'message', 'messageerror', 'wxt:content-script-started', 'wxt:locationchange']);
        // WXT names its events after the extension's id and the script (the id reads 'undefined' where its API wrapper has none).
        for (const extension of [id, 'undefined']) {
          for (const name of names) for (const event of ['wxt:content-script-started', 'wxt:locationchange']) types.add(`${extension}:${name}:${event}`);
        }
        for (const target of [window, document, HTMLElement.prototype]) {
          for (let o: object | null = target; o; o = Object.getPrototypeOf(o)) {
            for (const key of Object.getOwnPropertyNames(o)) if (key.startsWith('on')) types.add(key.slice(2));
          }
        }
        for (const [on, target] of [['window', window], ['document', document]] as const) {
          for (const type of types) {
            target.addEventListener(type, (e) => seen.push({ type: e.type, trusted: e.isTrusted, ctor: e.constructor.name, on }), { capture: true });
          }
        }
      },
      { id: extensionId, names: SCRIPT_NAMES },
    );

  const ours = (seen: Array<{ type: string; trusted: boolean; ctor: string }>) =>
    seen.filter((e) => !e.trusted || e.ctor === 'CustomEvent' || e.type.includes('wxt') || e.type === 'message' || e.type === 'messageerror');

  test('UKA’s pages and SCB’s upload page see no event or message of ours while we start', async ({ context, uka, configured, login, extensionId, serviceWorker, guard }) => {
    void configured;
    const scb = await startScbUploadServer();
    guard.allow((r) => new URL(r.url).origin === new URL(scb.url).origin && r.method === 'GET');
    try {
      const page = await context.newPage();
      await login(page);
      await listen(page, extensionId);
      for (const where of ['/person/10', '/export', '/']) {
        await page.goto(`${uka.origin}${where}`);
        await expect(page.locator('kaa-lotsen-ui[data-feature="status-panel"]').getByTestId('page-kind')).toBeVisible();
        await page.waitForTimeout(1000);
        const seen = await page.evaluate(() => (window as unknown as { __seenEvents: Array<{ type: string; trusted: boolean; ctor: string }> }).__seenEvents);
        // The listener works: the browser's own events of the page's start reached it.
        expect(seen.map((e) => e.type), where).toContain('DOMContentLoaded');
        expect(ours(seen), `events on ${where}`).toEqual([]);
      }

      await serviceWorker.evaluate(async (origin) => {
        const { settings } = await chrome.storage.local.get('settings');
        await chrome.storage.local.set({ settings: { ...(settings as object), scbOrigin: origin } });
      }, new URL(scb.url).origin);
      await expect
        .poll(async () => serviceWorker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).map((s) => s.id)))
        .toContain('kaa-scb');
      const scbPage = await context.newPage();
      await listen(scbPage, extensionId);
      await scbPage.goto(scb.url);
      // Our (empty) place beside SCB's file input shows that the page script has started.
      await expect(scbPage.locator('kaa-lotsen-ui[data-feature="upload-check"]')).toHaveCount(1);
      await scbPage.waitForTimeout(1000);
      const seen = await scbPage.evaluate(() => (window as unknown as { __seenEvents: Array<{ type: string; trusted: boolean; ctor: string }> }).__seenEvents);
      expect(seen.map((e) => e.type)).toContain('DOMContentLoaded');
      expect(ours(seen), 'events on SCB’s page').toEqual([]);
    } finally {
      await scb.close();
    }
  });
});
