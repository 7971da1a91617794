/**
 * The heavy part of the UKA content script (adapter, runtime, every feature with its UI, the page schemas).
 * Imported dynamically by index.ts once the settings have arrived and the page is ready, so that these modules are
 * evaluated only on our UKA (not on a page of the origin the settings no longer name).
 */
export { createUkaReader } from '../../lib/uka/reader';
export { compileProfiles } from '../../lib/uka/compile';
export { FEATURES } from './features';
export { startRuntime } from './runtime';
