/**
 * The heavy part of the UKA content script (adapter, runtime, every feature with its UI, the content-pack schema).
 * Imported dynamically by index.ts, after a macrotask, so that evaluating these modules (zod schemas, preact
 * components) is a task of its own instead of part of one long start-up task.
 */
export { createUkaAdapter } from '../../lib/uka/adapter';
export { FEATURES } from './features';
export { startRuntime } from './runtime';
