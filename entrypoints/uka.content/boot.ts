/**
 * The heavy part of the main UKA script (adapter, runtime, the feature list without the features' code).
 * Imported dynamically by entrypoints/uka.ts once the settings have arrived and the page is ready, so that these modules are
 * evaluated only on our UKA (not on a page of the origin the settings no longer name).
 */
export { createUkaReader } from '../../lib/uka/reader';
export { compileProfiles } from '../../lib/uka/compile';
export { ukaFeatures } from './features';
export { startRuntime } from './runtime';
export { publishKit } from '../../lib/startup/kit-publish';
