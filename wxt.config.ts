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
/** The main UKA script's entrypoint, which carries and publishes the kit. */
const MAIN = 'uka';

/**
 * What the later UKA scripts of this build import from each kit module ('*': the whole module), recorded while they
 * are built, so that the main script, built after them, publishes exactly that. `later`: the scripts to wait for
 * (from the build's entrypoint groups); null in a build that does not build them all first (the dev server), where
 * the main script publishes every kit module whole.
 */
const kitUse = { later: null as Set<string> | null, built: new Set<string>(), names: new Map<KitModule, Set<string>>() };

/** The kit module a source file is (its path without extension), if it is one. */
function kitFiles(root: string): Map<string, KitModule> {
  return new Map(KIT_MODULES.filter((m) => !m.startsWith('preact')).map((m) => [path.resolve(root, m), m]));
}
const withoutExtension = (id: string) => id.replace(/[?#].*$/, '').replace(/\.[cm]?[jt]sx?$/, '');

/**
 * Builds a UKA script that runs after the main script (lib/startup/kit.ts) so that it carries none of the shared kit:
 * an import of a kit module (a package such as preact by its name, a file of ours however it is reached) becomes
 * external, and the script's IIFE reads it from what the main script published in the isolated world. It records
 * the names it imports from each kit module for the main script's build.
 */
function takeSharedKit(root: string, entry: string): Plugin[] {
  const files = kitFiles(root);
  const packages = new Set<string>(KIT_MODULES.filter((m) => m.startsWith('preact')));
  const use = (module: KitModule, name: string) => {
    let names = kitUse.names.get(module);
    if (!names) kitUse.names.set(module, (names = new Set()));
    names.add(name);
  };
  return [
    {
      name: 'kaa-lotsen-kit',
      enforce: 'pre',
      async resolveId(source, importer, options) {
        if (!importer) return null;
        if (packages.has(source)) return { id: KIT_ID + source, external: true };
        if (!source.startsWith('.') && !path.isAbsolute(source)) return null;
        const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
        const module = resolved && !resolved.external ? files.get(withoutExtension(resolved.id)) : undefined;
        return module ? { id: KIT_ID + module, external: true } : null;
      },
    },
    {
      name: 'kaa-lotsen-kit-use',
      enforce: 'post',
      // After TypeScript and JSX are compiled: type-only imports are gone, the JSX runtime's imports are there.
      async transform(code, id) {
        if (!/\.[cm]?[jt]sx?$/.test(withoutQuery(id))) return null;
        for (const node of this.parse(code).body) {
          const from = 'source' in node && node.source && typeof node.source.value === 'string' ? node.source.value : null;
          if (!from) continue;
          const resolved = await this.resolve(from, id);
          if (!resolved?.id.startsWith(KIT_ID)) continue;
          const module = resolved.id.slice(KIT_ID.length) as KitModule;
          if (node.type === 'ImportDeclaration') {
            for (const s of node.specifiers) use(module, s.type === 'ImportSpecifier' ? nameOf(s.imported) : s.type === 'ImportDefaultSpecifier' ? 'default' : '*');
          } else if (node.type === 'ExportNamedDeclaration') {
            for (const s of node.specifiers) use(module, nameOf(s.local));
          } else use(module, '*');
        }
        return null;
      },
      generateBundle() {
        kitUse.built.add(entry);
      },
    },
  ];
}
const withoutQuery = (id: string) => id.replace(/[?#].*$/, '');

/** The entry of an unlisted script, instead of WXT's (whose error logging prints nothing in a production build). */
const ENTRY_ID = 'kaa-lotsen-entry:';

/** An unlisted script is its definition's main function run, its value the script's result (what executeScript gets). */
function plainEntry(): Plugin {
  return {
    name: 'kaa-lotsen-entry',
    enforce: 'pre',
    // Vite may have made the entry's id a path (the root in front of it).
    resolveId: (source) => (source.includes(ENTRY_ID) ? source.slice(source.indexOf(ENTRY_ID)) : null),
    load: (id) => (id.startsWith(ENTRY_ID) ? `import script from ${JSON.stringify(id.slice(ENTRY_ID.length))};\nexport default script.main();\n` : null),
  };
}
const nameOf = (node: { type: string; name?: string; value?: unknown }) => (node.type === 'Identifier' ? node.name! : String(node.value));

/**
 * The main script's build: when every later UKA script of this build was built before it, its kit
 * (lib/startup/kit-publish.ts) publishes exactly the names they import, each module as a frozen object of those
 * bindings, instead of whole module namespaces (which would keep every export of every kit module in the main script).
 */
function publishSharedKit(root: string): Plugin {
  const publisher = path.resolve(root, 'lib/startup/kit-publish.ts');
  const files = [...kitFiles(root)].map(([file, module]) => [module, file] as const);
  const source = new Map<KitModule, string>([...KIT_MODULES.map((m) => [m, m] as const), ...files]);
  return {
    name: 'kaa-lotsen-kit-publish',
    enforce: 'pre',
    load(id) {
      if (withoutQuery(id) !== publisher) return null;
      const { later, built, names } = kitUse;
      if (!later || [...later].some((name) => !built.has(name))) return null;
      const imports: string[] = [];
      const entries: string[] = [];
      KIT_MODULES.forEach((module, i) => {
        const used = names.get(module);
        if (!used) return;
        const from = JSON.stringify(source.get(module));
        if (used.has('*')) {
          imports.push(`import * as m${i} from ${from};`);
          entries[i] = `m${i}`;
          return;
        }
        const list = [...used].sort();
        imports.push(`import { ${list.map((name, j) => `${JSON.stringify(name)} as m${i}_${j}`).join(', ')} } from ${from};`);
        entries[i] = `Object.freeze({ ${list.map((name, j) => `${JSON.stringify(name)}: m${i}_${j}`).join(', ')} })`;
      });
      return [
        ...imports,
        `import { KIT_KEY } from ${JSON.stringify(path.resolve(root, 'lib/startup/kit.ts'))};`,
        `const KIT = [${Array.from({ length: KIT_MODULES.length }, (_, i) => entries[i] ?? 'undefined').join(', ')}];`,
        `export function publishKit(win = globalThis) { win[KIT_KEY] = Object.freeze([...KIT]); }`,
      ].join('\n');
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
    // The later UKA scripts are built before the main one, which then publishes exactly what they import.
    'entrypoints:grouped': (wxt, groups) => {
      const single = (group: (typeof groups)[number]) => (Array.isArray(group) ? null : group);
      const main = groups.findIndex((group) => single(group)?.name === MAIN);
      if (main >= 0) groups.push(...groups.splice(main, 1));
      // The dev server rebuilds a changed script alone: its main script publishes every kit module whole.
      kitUse.later = wxt.config.command !== 'build' ? null : new Set(groups.map(single).flatMap((e) => (e?.type === 'unlisted-script' && takesKit(e.name) ? [e.name] : [])));
      kitUse.built.clear();
      kitUse.names.clear();
    },
    // Every UKA script after the main one takes the shared kit from it instead of carrying its own copy.
    'vite:build:extendConfig': (entrypoints, config) => {
      const [entry, ...others] = entrypoints;
      if (!entry || others.length || entry.type !== 'unlisted-script') return;
      const root = config.root ?? process.cwd();
      if (config.build?.lib) config.build.lib.entry = ENTRY_ID + entry.inputPath;
      config.plugins = [plainEntry(), ...(config.plugins ?? [])];
      if (entry.name === MAIN) {
        config.plugins = [publishSharedKit(root), ...(config.plugins ?? [])];
        return;
      }
      if (!takesKit(entry.name)) return;
      config.plugins = [...takeSharedKit(root, entry.name), ...(config.plugins ?? [])];
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
