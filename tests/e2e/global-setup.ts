import { execSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Build the test variant of the extension once (unless KAA_SKIP_BUILD=1 and a build exists), then copy it to a
 * private directory for this run, so that a rebuild during the run cannot change the extension under test.
 */
export default function globalSetup(): void {
  // A private build (KAA_BUILD_DIR, e.g. from tests/bench/wxt.profile.config.ts) can be tested while others rebuild .output/.
  const built = process.env.KAA_BUILD_DIR ? path.resolve(process.env.KAA_BUILD_DIR) : path.join(root, '.output', 'chrome-mv3-test');
  if (!((process.env.KAA_SKIP_BUILD === '1' || process.env.KAA_BUILD_DIR) && existsSync(path.join(built, 'manifest.json')))) {
    execSync('npm run -s build:test', { cwd: root, stdio: 'inherit' });
  }
  const copy = path.join(mkdtempSync(path.join(tmpdir(), 'kaa-ext-')), 'extension');
  cpSync(built, copy, { recursive: true });
  process.env.KAA_EXTENSION_DIR = copy;
}
