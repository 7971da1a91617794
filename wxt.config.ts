import path from 'node:path';
import { defineConfig } from 'wxt';
import type { Plugin } from 'vite';
import preact from '@preact/preset-vite';
import { KIT_MODULES, kitExpression, takesKit, type KitModule } from './lib/startup/kit';

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

/** The id under which a script built to take the shared kit imports one of its modules (external to its build). */
const KIT_ID = 'kaa-lotsen-kit:';

/**
 * Builds a UKA script that runs after the main script (lib/startup/kit.ts) so that it carries none of the shared kit:
 * an import of a kit module (a package such as preact by its name, a file of ours however it is reached) becomes
 * external, and the script's IIFE reads it from what the main script published in the isolated world.
 */
function takeSharedKit(root: string): Plugin {
  const files = new Map<string, KitModule>(KIT_MODULES.filter((m) => m.includes('/') && !m.startsWith('preact')).map((m) => [path.resolve(root, m), m]));
  const packages = new Set<string>(KIT_MODULES.filter((m) => !files.has(path.resolve(root, m))));
  return {
    name: 'kaa-lotsen-kit',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer) return null;
      if (packages.has(source)) return { id: KIT_ID + source, external: true };
      if (!source.startsWith('.') && !path.isAbsolute(source)) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      const module = resolved && !resolved.external ? files.get(resolved.id.replace(/[?#].*$/, '').replace(/\.[cm]?[jt]sx?$/, '')) : undefined;
      return module ? { id: KIT_ID + module, external: true } : null;
    },
  };
}

export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  outDir: '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  hooks: {
    // Every UKA script after the main one takes the shared kit from it instead of carrying its own copy.
    'vite:build:extendConfig': (entrypoints, config) => {
      const [entry, ...others] = entrypoints;
      if (!entry || others.length || entry.type !== 'unlisted-script' || !takesKit(entry.name)) return;
      config.plugins = [takeSharedKit(config.root ?? process.cwd()), ...(config.plugins ?? [])];
      const options = ((config.build ??= {}).rollupOptions ??= {});
      const globals = (id: string) => (id.startsWith(KIT_ID) ? kitExpression(id.slice(KIT_ID.length) as KitModule) : id);
      for (const output of [options.output ?? (options.output = {})].flat()) output.globals = globals;
    },
  },
  vite: () => ({
    plugins: [preact()],
    build: { sourcemap: process.env.KAA_SOURCEMAP === '1' },
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
