import { defineConfig } from '@playwright/test';
import type { KaaOptions } from './fixtures';

/**
 * End-to-end tests: the BUILT extension (test build, .output/chrome-mv3-test) in Debian's Chromium against the UKA
 * stand-in, once per UKA markup variant. Browsers are never downloaded.
 */
export default defineConfig<KaaOptions>({
  testDir: '.',
  testMatch: /.*\.e2e\.ts$/,
  globalSetup: './global-setup.ts',
  fullyParallel: false,
  workers: process.env.CI ? 1 : 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 7_000 },
  reporter: [['list']],
  outputDir: '../../test-results',
  projects: [
    { name: 'uka-2024', use: { variant: '2024' } },
    { name: 'uka-2026', use: { variant: '2026' } },
  ],
});
