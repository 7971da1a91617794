import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

/**
 * KAA-lotsen build configuration.
 *
 * The production manifest grants NO host permission up front: the UKA and SCB origins are optional host permissions
 * requested from the options page, and the UKA content script is registered at run time for exactly that origin.
 * A test build (KAA_TEST_BUILD=1) pre-grants the loopback origin so end-to-end tests need no permission prompt.
 */
const testBuild = process.env.KAA_TEST_BUILD === '1';

export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  outDir: '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
    define: { __KAA_TEST_BUILD__: JSON.stringify(testBuild) },
  }),
  manifest: ({ browser }) => ({
    name: 'KAA-lotsen',
    description: 'Stöd för det kommunala aktivitetsansvaret direkt i UKA: kontakttrappa, påminnelser, varningar och säker SCB-fil.',
    default_locale: undefined,
    permissions: ['storage', 'alarms', 'notifications', 'scripting'],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    host_permissions: testBuild ? ['http://127.0.0.1/*', 'http://localhost/*'] : [],
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
