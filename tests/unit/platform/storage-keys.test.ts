import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { IDB_NAME, LOCAL_KEYS, PACK_KEY, POLICY_PACK_KEY, SESSION_KEYS, SYNC_KEYS, TOUR_PROGRESS_KEY } from '../../../lib/platform/storage-keys';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const REGISTRY = 'lib/platform/storage-keys.ts';

/** Product source files (everything the extension is built from). */
function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(path.join(root, dir))) {
    const rel = path.join(dir, name);
    if (statSync(path.join(root, rel)).isDirectory()) sources(rel, out);
    else if (/\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts')) out.push(rel);
  }
  return out;
}

const files = ['lib', 'components', 'entrypoints'].flatMap((d) => sources(d));

describe('storage key registry (lib/platform/storage-keys.ts)', () => {
  it('names every key once, across all areas', () => {
    const all: string[] = [...LOCAL_KEYS, ...SESSION_KEYS, ...SYNC_KEYS];
    expect(new Set(all).size).toBe(all.length);
    expect(all.every((k) => typeof k === 'string' && k.length > 0)).toBe(true);
    expect(POLICY_PACK_KEY).toBe(PACK_KEY);
    expect(IDB_NAME).toBe('kaa-lotsen');
  });

  it('is the only place that spells a storage key: no storage call takes a literal key', () => {
    const offenders: string[] = [];
    // A literal as the key: get('x'), get(['x']), set({ x: … }), set({ 'x': … }), remove('x'), onChanged's changes.x
    const literalCall = /storage\.(?:local|session|sync)\s*\.\s*(?:get|set|remove)\(\s*(?:['"`]|\[\s*['"`]|\{\s*['"`]?[\w$]+['"`]?\s*:)/g;
    const literalOpen = /indexedDB\.open\(\s*['"`]|\.open\(\s*['"`]kaa/g;
    for (const file of files) {
      if (file === REGISTRY) continue;
      const text = readFileSync(path.join(root, file), 'utf8');
      for (const m of text.matchAll(literalCall)) offenders.push(`${file}: ${m[0]}`);
      for (const m of text.matchAll(literalOpen)) offenders.push(`${file}: ${m[0]}`);
    }
    expect(offenders).toEqual([]);
  });

  it('no product file writes one of the registry\'s key names as a string of its own', () => {
    const names: string[] = [...LOCAL_KEYS, SESSION_KEYS[0], IDB_NAME]
      // 'tourProgress' is also the name of an early read (lib/startup/early-reads.ts), not only a key.
      .filter((k) => k !== TOUR_PROGRESS_KEY);
    const offenders: string[] = [];
    for (const file of files) {
      if (file === REGISTRY) continue;
      // Code only: comments may name a key.
      const code = readFileSync(path.join(root, file), 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/(^|[^:])\/\/.*$/gm, '$1');
      for (const name of names) if (new RegExp(`['"\`]${name.replace(/[$]/g, '\\$')}['"\`]`).test(code)) offenders.push(`${file}: ${name}`);
    }
    expect(offenders).toEqual([]);
  });
});
