/**
 * The one build switch: `wxt build --mode test` (npm run build:test) makes a test build, everything else a production
 * build. Everything that differs in test builds (the test clock, the policy stand-in in storage.local, loopback UKA
 * addresses and their pre-granted host permission in the manifest) asks this constant or, in wxt.config.ts, the same
 * mode. Production bundles contain none of the test-only code: the bundler drops it as dead code
 * (checked by .ci/check-production.mjs).
 */
export const IS_TEST_BUILD: boolean = import.meta.env.MODE === 'test';
