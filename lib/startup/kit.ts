/**
 * The shared kit: code that the main UKA script (entrypoints/uka.ts) and the scripts injected after it (each page
 * kind's bundle, entrypoints/uka-<kind>.ts, and the on-demand parts, entrypoints/uka-part-*.ts) would otherwise each
 * carry. The main script carries it once and publishes it in the extension's isolated world (lib/startup/kit-publish.ts);
 * the later scripts are built so that their imports of these modules read the published ones instead of carrying a
 * copy (the `kaa-lotsen-kit` Vite plugin in wxt.config.ts). So a UKA page carries each piece of shared code once, and
 * every panel is drawn by one preact, whose hooks work under any script's components.
 *
 * Pure data, read by the build (wxt.config.ts) and by the main script. See ./README.md.
 */

/**
 * The shared modules: a package's import path, or a file of ours relative to the project root without its extension.
 * A module belongs here when the main script needs it and the later scripts import it too (a module only the later
 * scripts use stays in them: the main script would carry it on every page kind). The main script publishes of each
 * module what the later scripts import (the production build records it while building them first; elsewhere, the
 * whole module). A kit module's own imports need no entry: the later scripts do not reach them. What the main script
 * publishes it carries on every page kind: a module whose shared names only some bundles use, and little of it, is
 * cheaper copied into those bundles (lib/domain/dates: the main script needs only today's date, the export and start
 * bundles two small helpers).
 */
export const KIT_MODULES = [
  'preact',
  'preact/hooks',
  'preact/jsx-runtime',
  'components/ui/draw',
  'components/ui/labels',
  'components/ui/shadow',
  'lib/messages/client',
  'lib/platform/native-api',
  'lib/platform/storage-keys',
  'lib/startup/early-reads',
  'lib/startup/kinds',
  'lib/startup/slots',
  'lib/store/redact',
  'lib/startup/next-task',
] as const;

export type KitModule = (typeof KIT_MODULES)[number];

/**
 * Where the main script publishes the kit (in the isolated world, which UKA's page scripts cannot see): an array
 * holding, at each module's place in KIT_MODULES, what it publishes of that module; new at every start of a main
 * script.
 */
export const KIT_KEY = '__kaaLotsenKit';

/** The scripts that take the kit instead of carrying it (WXT entrypoint names): every UKA script but the early and the main. */
export function takesKit(entrypoint: string): boolean {
  return entrypoint.startsWith('uka-') && entrypoint !== 'uka-early';
}

/** The expression by which a script built to take the kit reads one of its modules. */
export function kitExpression(module: KitModule): string {
  return `${KIT_KEY}[${KIT_MODULES.indexOf(module)}]`;
}
