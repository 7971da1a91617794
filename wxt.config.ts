import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

/**
 * KAA-lotsen build configuration.
 *
 * The production manifest grants NO host permission up front: the UKA and SCB origins are optional host permissions
 * (https only) requested from the options page, and the UKA content script is registered at run time for exactly
 * that origin. The one build switch is the mode (lib/platform/build.ts): a test build (`wxt build --mode test`)
 * pre-grants the loopback origins so end-to-end tests need no permission prompt; http is only ever asked for there.
 *
 * Private windows: `incognito: 'not_allowed'` keeps the extension out of private windows altogether (Chrome, Edge and
 * Firefox alike), so it neither runs there nor writes to its database from there.
 */
const isTestBuild = (mode: string) => mode === 'test';

export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  outDir: '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: ({ browser, mode }) => ({
    name: 'KAA-lotsen',
    description: 'Stöd för det kommunala aktivitetsansvaret direkt i UKA: kontakttrappa, påminnelser, varningar och säker SCB-fil.',
    default_locale: undefined,
    permissions: ['storage', 'alarms', 'notifications', 'scripting'],
    optional_host_permissions: ['https://*/*'],
    host_permissions: isTestBuild(mode) ? ['http://127.0.0.1/*', 'http://localhost/*'] : [],
    incognito: 'not_allowed',
    storage: { managed_schema: 'managed_schema.json' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'kaa-lotsen@kaa-lotsen.se',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
