#!/usr/bin/env node
// Checks the production builds (what `wxt zip` packs) for anything that belongs to test builds only: the manifest
// grants no host permission, asks for https origins only, stays out of private windows; no bundle holds the
// loopback addresses or the policy stand-in of test builds. The one build switch is lib/platform/build.ts.
// Usage: node .ci/check-production.mjs [build dir ...]   (default: .output/chrome-mv3 and .output/firefox-mv3)
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const dirs = process.argv.slice(2).length ? process.argv.slice(2) : ['.output/chrome-mv3', '.output/firefox-mv3'].filter((d) => existsSync(d));
/** Strings only test-build code contains. */
const TEST_ONLY = ['__testManaged', '__testFailExportLog', '127.0.0.1', 'localhost', '[::1]', 'http://*/*', 'data-test-hold-idle'];
const problems = [];

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

if (!dirs.length) problems.push('no production build found (run npm run build first)');
for (const dir of dirs) {
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  if ((manifest.host_permissions ?? []).length) problems.push(`${dir}: host_permissions ${JSON.stringify(manifest.host_permissions)}`);
  const optional = manifest.optional_host_permissions ?? manifest.optional_permissions?.filter((p) => p.includes('://')) ?? [];
  if (JSON.stringify(optional) !== JSON.stringify(['https://*/*'])) problems.push(`${dir}: optional host permissions ${JSON.stringify(optional)}`);
  if (manifest.incognito !== 'not_allowed') problems.push(`${dir}: incognito is ${JSON.stringify(manifest.incognito)}, not "not_allowed"`);
  if (manifest.content_scripts?.length) problems.push(`${dir}: static content scripts`);
  for (const file of files(dir).filter((f) => /\.(js|html)$/.test(f))) {
    const text = readFileSync(file, 'utf8');
    for (const marker of TEST_ONLY) if (text.includes(marker)) problems.push(`${file}: test-only code (${marker})`);
  }
}
if (problems.length) {
  console.error(`Production build check failed:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`Production build check: ${dirs.join(', ')} hold no test-only code`);
