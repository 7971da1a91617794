/**
 * Code loaded when it is needed (lib/startup/parts.ts), end to end on both markup variants: the background injects an
 * on-demand part (the guard's dialog, the tour, the glossary's list and card) into UKA's frame only when the user
 * asks for it, once; and a part that cannot be loaded is said in its feature, reported, and breaks nothing else.
 * The service worker's scripting.executeScript is wrapped to see what is injected (and to make parts fail).
 */
import type { Page, Worker } from '@playwright/test';
import { test, expect } from './fixtures';

const guardPanel = (page: Page) => page.getByTestId('scb-guard-panel');
const glossaryLayer = (page: Page) => page.locator('kaa-lotsen-ui[data-feature="glossary"]');
/** Focus is inside our dialog (it moves there once the dialog has been drawn). */
const focusInDialog = (page: Page) =>
  page.evaluate(() => {
    const inner = document.activeElement?.shadowRoot?.activeElement ?? null;
    return Boolean(inner?.closest('[role="dialog"]'));
  });

/** Record every file the background injects from now on; with `fail`, a part's injection is refused. */
async function watchInjections(serviceWorker: Worker, fail: boolean): Promise<void> {
  await serviceWorker.evaluate((failParts) => {
    const g = globalThis as unknown as { __injected?: string[]; __failParts?: boolean; __original?: typeof chrome.scripting.executeScript };
    g.__injected = [];
    g.__failParts = failParts;
    g.__original ??= chrome.scripting.executeScript.bind(chrome.scripting);
    (chrome.scripting as unknown as { executeScript: unknown }).executeScript = (options: chrome.scripting.ScriptInjection<unknown[], unknown>) => {
      const file = (options as { files?: string[] }).files?.[0] ?? '?';
      g.__injected!.push(file);
      if (g.__failParts && file.startsWith('uka-part-')) return Promise.reject(new Error('testet stoppar delen'));
      return g.__original!(options);
    };
  }, fail);
}

async function injected(serviceWorker: Worker): Promise<string[]> {
  return serviceWorker.evaluate(() => (globalThis as unknown as { __injected: string[] }).__injected);
}

async function storedErrors(extensionPage: (file: string) => Promise<Page>): Promise<{ feature: string; message: string }[]> {
  const page = await extensionPage('popup.html');
  try {
    return await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('kaa-lotsen');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      try {
        if (!db.objectStoreNames.contains('errors')) return [];
        return await new Promise<{ feature: string; message: string }[]>((resolve, reject) => {
          const req = db.transaction('errors').objectStore('errors').getAll();
          req.onsuccess = () => resolve(req.result.map((r: { feature: string; message: string }) => ({ feature: r.feature, message: r.message })));
          req.onerror = () => reject(req.error);
        });
      } finally {
        db.close();
      }
    });
  } finally {
    await page.close();
  }
}

test.describe('code loaded when it is needed', () => {
  test('the guard’s dialog and the glossary’s list come when first used, each injected once into UKA’s frame', async ({ page, configured, login, uka, serviceWorker }) => {
    void configured;
    await uka.control('/__test/fix-all-red');
    await watchInjections(serviceWorker, false);
    await login(page);
    await page.goto(`${uka.origin}/export`);
    await expect(guardPanel(page)).toBeVisible();
    const toggle = glossaryLayer(page).getByRole('button', { name: /Koder på sidan/ });
    await expect(toggle).toBeVisible();
    // At load: the page kind's bundle, no part (the tour is finished for this user).
    expect((await injected(serviceWorker)).filter((f) => f.startsWith('uka-part-'))).toEqual([]);
    expect(await injected(serviceWorker)).toContain('uka-export.js');

    // The export button: the dialog's code comes with the file's check.
    const button = page.locator('#exportknapp, #scb-export');
    const dialog = page.getByTestId('guard-dialog');
    await button.click();
    await expect(dialog).toBeVisible();
    await expect.poll(() => focusInDialog(page)).toBe(true);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(button).toBeFocused();
    // Opened again (and the error list's form, in the same part): nothing is injected again.
    await button.press('Enter');
    await expect(dialog).toBeVisible();
    await expect.poll(() => focusInDialog(page)).toBe(true);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await guardPanel(page).getByText('Tolka SCB:s fellista').click();
    await expect(guardPanel(page).getByLabel('SCB:s fellista', { exact: true })).toBeVisible();
    expect((await injected(serviceWorker)).filter((f) => f.startsWith('uka-part-'))).toEqual(['uka-part-scb-guard.js']);

    // The glossary's list, by keyboard: its code comes on the first opening, and focus stays on the toggle.
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(glossaryLayer(page).getByRole('button', { name: 'SysKontakt', exact: true })).toBeVisible();
    await expect(toggle).toBeFocused();
    await toggle.press('Enter');
    await toggle.press('Enter');
    await expect(glossaryLayer(page).getByRole('button', { name: 'SysKontakt', exact: true })).toBeVisible();
    expect((await injected(serviceWorker)).filter((f) => f.startsWith('uka-part-'))).toEqual(['uka-part-scb-guard.js', 'uka-part-glossary.js']);
  });

  test.describe('when a part cannot be loaded', () => {
    test.use({ freshTours: true });
    test('the tour and the glossary say so in Swedish, the error is reported, and the page’s other panels work', async ({ page, configured, login, uka, serviceWorker, extensionPage }) => {
      void configured;
      await watchInjections(serviceWorker, true);
      await login(page);
      const someone = (await uka.state()).persons[0]!;
      await page.goto(`${uka.origin}/person/${someone.id}`);
      // The tour would start by itself for this new user: its notice says that it could not be loaded.
      const notice = page.locator('kaa-lotsen-ui[data-feature="tour"]').getByRole('alert');
      await expect(notice).toContainText('Introduktionen kunde inte laddas');
      await expect(notice.getByRole('button', { name: 'Stäng' })).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(notice).toHaveCount(0);
      // The glossary's list: its status says it, and the toggle still works.
      const toggle = glossaryLayer(page).getByRole('button', { name: /Koder på sidan/ });
      await toggle.focus();
      await page.keyboard.press('Enter');
      await expect(glossaryLayer(page).getByRole('status')).toHaveText(/Ordlistan kunde inte laddas/);
      await expect(toggle).toHaveAttribute('aria-expanded', 'true');
      // The page's own panels are there (the ladder is drawn from the page kind's bundle).
      await expect(page.locator('kaa-lotsen-ui[data-feature="ladder"]').first()).toBeVisible();
      await expect.poll(async () => (await storedErrors(extensionPage)).map((e) => e.feature).sort()).toEqual(['glossary', 'tour']);
      // Once the part can be loaded, the next opening loads it.
      await serviceWorker.evaluate(() => void ((globalThis as unknown as { __failParts: boolean }).__failParts = false));
      await toggle.press('Enter');
      await toggle.press('Enter');
      await expect(glossaryLayer(page).getByRole('list', { name: 'Koder och ord på sidan' })).toBeVisible();
    });
  });
});
