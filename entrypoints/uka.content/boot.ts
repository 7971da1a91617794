/**
 * The heavy part of the UKA content script (adapter, runtime, every feature with its UI, the page schemas).
 * Imported dynamically by index.ts once the settings have been read, so that evaluating these modules is a task of
 * its own while UKA's HTML is still being parsed, instead of part of the parser's first task at document_start.
 */
export { createUkaAdapter } from '../../lib/uka/adapter';
export { FEATURES } from './features';
export { startRuntime } from './runtime';
