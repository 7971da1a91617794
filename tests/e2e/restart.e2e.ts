/**
 * Reminders survive a browser restart: a home visit noted in one browser session still produces its visit-letter
 * alarm after the browser was closed and started again with the same profile. This test manages its own browser
 * (two launches on one profile) and applies the same network and storage guards as the shared fixtures.
 */
import type { Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TOURS_FINISHED } from '../../components/tour/progress';
import { KOMMUN, TODAY, dumpExtensionStorage, expect, findPersonalData, isAllowedRequest, launchProfile, test, type RecordedRequest } from './fixtures';


const firedLog = (page: Page) => page.evaluate(async () => ((await chrome.storage.session.get('firedLog')).firedLog as string[] | undefined) ?? []);

test('a noted home visit still gives its visit-letter alarm after the browser is restarted', async ({ uka }) => {
  test.setTimeout(150_000);
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'kaa-restart-'));
  const requests: RecordedRequest[] = [];
  try {
    // Session 1: set up, log in, note a home visit for person 10.
    let { context, extensionId } = await launchProfile(userDataDir, requests);
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await options.evaluate(
      async ({ origin, kommun, clock, finished }) => {
        await chrome.storage.local.set({
          testClock: clock,
          tourProgress: finished,
          settings: { ukaOrigin: origin, kommun, myLabel: 'Coach Anna' },
        });
      },
      { origin: uka.origin, kommun: KOMMUN, clock: `${TODAY}T12:00:00+01:00`, finished: TOURS_FINISHED },
    );
    const page = await context.newPage();
    // The stand-in's login is a form POST made by the test itself; the session cookie is set directly instead.
    await context.addCookies([{ name: 'UKASESSION', value: '1', url: uka.origin }]);
    await page.goto(`${uka.origin}/person/10`);
    const panel = page.locator('kaa-lotsen-ui[data-feature="ladder"]');
    await expect(panel.getByTestId('ladder-next')).toBeVisible({ timeout: 15_000 });
    await panel.getByLabel('Vad hände?').selectOption('homeVisitPlanned');
    await panel.getByLabel(/^Datum/).fill('2026-12-13');
    await panel.getByRole('button', { name: 'Spara anteckning' }).click();
    await expect(panel.getByTestId('note-message')).toContainText('dokumentera det i UKA');
    await context.close();

    // Session 2: the same profile after a browser restart.
    ({ context, extensionId } = await launchProfile(userDataDir, requests));
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html`);
    const letter = popup.getByTestId('reminders').locator('li[data-kind="visitLetter"]');
    await expect(letter).toHaveCount(1);
    const letterId = (await letter.getAttribute('data-reminder-id'))!;
    expect(await firedLog(popup)).not.toContain(letterId);
    // Move the extension's clock to 20 s before the letter's first alarm (2026-11-29 08:00 Stockholm).
    await popup.evaluate(async (iso) => chrome.storage.local.set({ testClock: iso }), new Date(Date.parse('2026-11-29T07:00:00Z') - 20_000).toISOString());
    await expect.poll(() => firedLog(popup), { timeout: 60_000, intervals: [1000], message: 'the visit-letter alarm fired in the new session' }).toContain(letterId);

    // Guards: nothing personal in storage, no request other than GET to UKA.
    const dump = await dumpExtensionStorage(context);
    expect(findPersonalData(dump, (await uka.state()).persons)).toEqual([]);
    await context.close();
    expect(requests.filter((r) => !isAllowedRequest(r, uka.origin))).toEqual([]);
  } finally {
    rmSync(userDataDir, { recursive: true, force: true });
  }
});
