/**
 * The demo: builds the extension, starts the UKA stand-in with synthetic data, and opens Chromium with KAA-lotsen
 * set up for it. With --headless it writes screenshots of every page instead and exits.
 *
 *   npm run demo                       # interactive (needs a display)
 *   npm run demo -- --headless         # screenshots into demo-screenshots/
 *   options: --variant 2024|2026  --youths N  --port N  --out DIR  --no-build
 */
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { execSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startUkaServer } from '../fixtures/uka/server';
import { TOURS_FINISHED } from '../../components/tour/progress';

const root = fileURLToPath(new URL('../..', import.meta.url));
const { values: args } = parseArgs({
  options: {
    headless: { type: 'boolean', default: false },
    variant: { type: 'string', default: '2024' },
    youths: { type: 'string', default: '300' },
    port: { type: 'string', default: '4100' },
    out: { type: 'string', default: path.join(root, 'demo-screenshots') },
    'no-build': { type: 'boolean', default: false },
  },
});

const CHROMIUM = process.env.KAA_CHROMIUM ?? '/usr/bin/chromium';
const EXTENSION_DIR = path.join(root, '.output', 'chrome-mv3-test');

async function main(): Promise<void> {
  execSync('bash .ci/ensure-chromium.sh', { cwd: root, stdio: 'inherit' });
  if (!args['no-build']) execSync('npm run -s build:test', { cwd: root, stdio: 'inherit' });
  const variant = args.variant === '2026' ? '2026' : '2024';
  const server = await startUkaServer({ port: Number(args.port), variant, youths: Number(args.youths), seed: 1, today: '2026-11-23', kommun: '2281' });
  const origin = new URL(server.url).origin;
  console.log(`UKA (stand-in, variant ${variant}) kör på ${server.url}`);

  const headless = args.headless || !process.env.DISPLAY;
  if (!args.headless && headless) console.log('Ingen skärm (DISPLAY) hittades: kör i headless-läge och sparar skärmbilder.');
  const context = await chromium.launchPersistentContext(mkdtempSync(path.join(tmpdir(), 'kaa-demo-')), {
    executablePath: CHROMIUM,
    headless,
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    viewport: { width: 1280, height: 900 },
    args: [`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  await worker.evaluate(
    async ({ origin, headless, finished }) => {
      // Screenshots show the pages themselves; the onboarding tour gets its own picture at the end.
      if (headless) await chrome.storage.local.set({ tourProgress: finished });
      await chrome.storage.local.set({ settings: { ukaOrigin: origin, kommun: '2281', myLabel: 'Coach Anna' } });
    },
    { origin, headless: args.headless || !process.env.DISPLAY, finished: TOURS_FINISHED },
  );
  for (let i = 0; i < 50; i++) {
    const ids = await worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).map((s) => s.id));
    if (ids.length) break;
    await new Promise((r) => setTimeout(r, 100));
  }

  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${origin}/login`);
  if (headless) {
    mkdirSync(args.out, { recursive: true });
    await screenshots(context, page, origin, extensionId, args.out);
    console.log(`Skärmbilder sparade i ${args.out}`);
    await context.close();
    await server.close();
    return;
  }
  console.log('Chromium är öppet med KAA-lotsen. Logga in med vilket namn och lösenord som helst. Avsluta med Ctrl+C.');
  await new Promise<void>((resolve) => {
    process.on('SIGINT', () => resolve());
    context.on('close', () => resolve());
  });
  await context.close().catch(() => undefined);
  await server.close();
}

async function shot(page: Page, out: string, name: string): Promise<void> {
  await page.waitForTimeout(600);
  await page.screenshot({ path: path.join(out, `${name}.png`), fullPage: false });
  console.log(`  ${name}.png`);
}

async function screenshots(context: BrowserContext, page: Page, origin: string, extensionId: string, out: string): Promise<void> {
  await shot(page, out, '01-login');
  await page.getByLabel(/användar/i).fill('coach');
  await page.getByLabel(/lösenord/i).fill('demo');
  await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/login')), page.getByRole('button', { name: /logga in/i }).click()]);
  await shot(page, out, '02-mina-deltagare');
  const state = (await (await fetch(`${origin}/__test/state`)).json()) as { persons: { id: string | number; warnings?: string[] }[] };
  const showcase = state.persons.find((p) => (p.warnings?.length ?? 0) >= 3) ?? state.persons[0];
  const showcaseId = showcase ? showcase.id : null;
  if (showcase) {
    await page.goto(`${origin}/person/${showcase.id}`);
    await shot(page, out, '03-personsida');
    await page.evaluate(() => window.scrollTo(0, 600));
    await shot(page, out, '03b-personsida-varningar');
  }
  await page.goto(`${origin}/export`);
  await shot(page, out, '04-export-till-scb');
  await page.goto(`${origin}/hjalp/okand-sida`);
  await shot(page, out, '05-okand-sida');
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await shot(options, out, '06-installningar');
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await shot(popup, out, '07-popup');
  const metodbok = await context.newPage();
  await metodbok.goto(`chrome-extension://${extensionId}/metodbok.html#kontakttrappan`);
  await shot(metodbok, out, '08-metodbok');
  // The coach's worklist and the home-visit list: the youths' pages are read once (the ladder needs UKA's contact log).
  for (let id = 10; id <= 20; id++) {
    await page.goto(`${origin}/person/${id}`);
    await page.locator('kaa-lotsen-ui[data-feature="ladder"]').getByTestId('ladder-next').waitFor({ timeout: 15_000 }).catch(() => undefined);
  }
  const worklist = await context.newPage();
  await worklist.goto(`chrome-extension://${extensionId}/worklist.html`);
  await worklist.getByTestId('worklist').waitFor();
  await shot(worklist, out, '10-att-gora');
  await worklist.goto(`chrome-extension://${extensionId}/worklist.html#hembesok`);
  await worklist.reload();
  // The stand-in's next visit day: its youths with a planned visit have it 9 days after "today".
  await worklist.getByTestId('visit-day-input').fill('2026-12-02');
  await worklist.getByLabel('Coach 1').fill('Anna');
  await worklist.getByLabel('Coach 2').fill('Omar');
  await worklist.getByTestId('visit-table').waitFor();
  await shot(worklist, out, '11-hembesokslista');
  await worklist.emulateMedia({ media: 'print' });
  await shot(worklist, out, '12-hembesokslista-utskrift');
  await worklist.emulateMedia({ media: 'screen' });
  // The onboarding tour for new staff, started again as from the popup.
  await options.evaluate(async () => chrome.storage.local.set({ tourProgress: { v: 1, pages: {} }, tourRestart: Date.now() }));
  if (showcaseId !== null) {
    await page.bringToFront();
    await page.goto(`${origin}/person/${showcaseId}`);
    await shot(page, out, '09-introduktion');
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
