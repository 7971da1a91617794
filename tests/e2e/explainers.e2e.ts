/**
 * Warning explainers: every one of UKA's 11 section kinds gets the right plain-language explanation right under the
 * section, on the person page and on "Export till SCB"; an unknown heading gets the generic one and is reported in
 * the popup. Keyboard-operable and axe-clean.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { defaultPack } from '../../lib/content';
import { WARNING_KINDS, type WarningKind } from '../../lib/domain/warnings';
import { test, expect, tabIdOf } from './fixtures';

const explainers = (page: Page) => page.locator('kaa-lotsen-ui[data-feature="explainers"]');

test('each of the 11 warning kinds shows its own explainer under the section on the person page', async ({ context, uka, configured, login }) => {
  void configured;
  const state = await uka.state();
  const page = await context.newPage();
  await login(page);
  const seen = new Set<WarningKind>();
  for (const kind of WARNING_KINDS) {
    if (seen.has(kind)) continue;
    const person = state.persons.find((p) => (p.warnings as string[]).includes(kind));
    expect(person, `a person with ${kind} in the stand-in`).toBeTruthy();
    await page.goto(`${uka.origin}/person/${person!.id}`);
    const kinds = person!.warnings as WarningKind[];
    await expect(explainers(page)).toHaveCount(kinds.length);
    for (const k of kinds) {
      seen.add(k);
      const card = explainers(page).locator(`[data-kind="${k}"]`);
      await expect(card).toHaveCount(1);
      const toggle = card.getByRole('button', { name: /Vad betyder det här/ });
      await expect(toggle).toHaveAttribute('aria-expanded', 'false');
      await toggle.focus();
      await page.keyboard.press('Enter');
      await expect(card.getByRole('button', { name: /Dölj förklaringen/ })).toHaveAttribute('aria-expanded', 'true');
      await expect(card.getByRole('heading', { level: 3 })).toContainText(defaultPack.explainers[k].title);
      await expect(card).toContainText(defaultPack.explainers[k].steps[0]!);
    }
    // Each explainer sits right after the UKA section it explains (its host is the section's next sibling).
    const order = await page.evaluate(() =>
      Array.from(document.querySelectorAll('kaa-lotsen-ui[data-feature="explainers"]')).map((host) => (host.previousElementSibling?.textContent ?? '').trim().slice(0, 60)),
    );
    for (const text of order) expect(text).toMatch(/problem|åtgärder/i);
  }
  expect([...seen].sort()).toEqual([...WARNING_KINDS].sort());
  const axe = await new AxeBuilder({ page }).include('kaa-lotsen-ui[data-feature="explainers"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

test('an unknown warning heading gets the generic explainer and is listed in the popup', async ({ context, uka, configured, login, extensionPage }) => {
  void configured;
  const page = await context.newPage();
  await login(page);
  const invented = 'Åtgärder med okänd kod i nya UKA';
  // Simulate a newer UKA that shows a red section we have never seen.
  await page.route(`${uka.origin}/person/3`, async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace(/(Problem\s*[:–-]\s*)[^<]*GrundAtgSlut[^<]*/, `$1${invented}`);
    await route.fulfill({ response, body: html });
  });
  await page.goto(`${uka.origin}/person/3`);
  const card = explainers(page).locator('[data-kind="unknown"]');
  await expect(card).toHaveCount(1);
  await card.getByRole('button').first().click();
  await expect(card).toContainText(defaultPack.explainers.generic.title);
  await expect(card).toContainText('okänd varning');
  const popup = await extensionPage(`popup.html?tab=${await tabIdOf(page)}`);
  await expect(popup.getByTestId('popup-unknown-warnings')).toContainText(invented);
});

test('explainers also sit under each group of the "Export till SCB" list', async ({ context, uka, configured, login }) => {
  void configured;
  const page = await context.newPage();
  await login(page);
  await page.goto(`${uka.origin}/export`);
  const state = await uka.state();
  const kindsInList = new Set((state.persons.flatMap((p) => p.warnings as string[])));
  await expect(explainers(page)).toHaveCount(kindsInList.size);
  for (const kind of kindsInList) await expect(explainers(page).locator(`[data-kind="${kind}"]`)).toHaveCount(1);
});
