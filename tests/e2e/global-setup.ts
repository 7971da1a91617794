import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Build the test variant of the extension once, unless told the build is fresh (KAA_SKIP_BUILD=1). */
export default function globalSetup(): void {
  if (process.env.KAA_SKIP_BUILD === '1' && existsSync(`${root}/.output/chrome-mv3-test/manifest.json`)) return;
  execSync('npm run build:test', { cwd: root, stdio: 'inherit' });
}
