/**
 * A private copy of the test build for profiling and benching while others rebuild .output/ (not used by npm scripts):
 *   [KAA_BUILD_OUT=/tmp/kaaprof/out] [KAA_MINIFY=0] npx wxt build --mode test -c tests/bench/wxt.profile.config.ts
 * The result is in $KAA_BUILD_OUT/chrome-mv3-test; pass it to the bench with KAA_EXTENSION_DIR or to profile.ts with --dir.
 */
import base from '../../wxt.config';
import preact from '@preact/preset-vite';

export default {
  ...base,
  root: new URL('../..', import.meta.url).pathname,
  outDir: process.env.KAA_BUILD_OUT ?? '/tmp/kaaprof/out',
  vite: () => ({
    plugins: [preact()],
    build: { minify: process.env.KAA_MINIFY !== '0' },
  }),
};
