/** The command-line checker masks personnummer in every output form and every way a number is written (issue 17.8). */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { maskPersonnummer } from '../../../lib/scb/mask';
import { buildText, cp1252, pickYouths, validYouth, withField, TODAY } from './build-file';

const [P] = pickYouths(TODAY, 1) as [string];
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

describe('maskPersonnummer', () => {
  const d8 = P.slice(0, 8);
  const d6 = P.slice(2, 8);
  const last = P.slice(8);
  it.each([
    [P, `${d8}-****`],
    [`${d8}-${last}`, `${d8}-****`],
    [`${d8}+${last}`, `${d8}+****`],
    [`${d8} ${last}`, `${d8}-****`],
    [`${d8} - ${last}`, `${d8}-****`],
    [`${d6}${last}`, `${d6}-****`],
    [`${d6}-${last}`, `${d6}-****`],
    [`${d6}+${last}`, `${d6}+****`],
    [`${d6} ${last}`, `${d6}-****`],
  ])('%s', (raw, masked) => {
    const out = maskPersonnummer(`Personnumret "${raw}" på rad 2;${raw};x`);
    expect(out).toBe(`Personnumret "${masked}" på rad 2;${masked};x`);
    expect(out).not.toContain(last);
  });
  it('leaves dates, line numbers and longer digit runs alone', () => {
    for (const s of ['2026-07-01', 'rad 12:34', 'period 2026H2', '1234567890123', '100001 rader']) expect(maskPersonnummer(s)).toBe(s);
  });
});

describe('scb-check output', { timeout: 240_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'scb-mask-'));
  // One valid line, one with the number written with a dash (an S-PNR message quotes it), one with 10 digits.
  const text = withField(withField(buildText([validYouth(P), validYouth(P)]), 1, 1, `${P.slice(0, 8)}-${P.slice(8)}`), 2, 1, P.slice(2));
  const file = join(dir, `${P}.txt`);
  writeFileSync(file, cp1252(text));
  const cli = (...args: string[]) => spawnSync(`${ROOT}node_modules/.bin/tsx`, ['lib/scb/cli.ts', file, '--kommun', '2281', '--period', '2026H2', '--today', TODAY, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  it('masks every form in text and --json output', () => {
    for (const r of [cli(), cli('--json')]) {
      expect(r.status).toBe(1);
      expect(r.stdout).toContain(`${P.slice(0, 8)}-****`);
      expect(r.stdout).not.toContain(P.slice(8));
    }
    const missing = spawnSync(`${ROOT}node_modules/.bin/tsx`, ['lib/scb/cli.ts', join(dir, `${P}-saknas.txt`)], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    expect(missing.status).toBe(2);
    expect(missing.stderr).not.toContain(P.slice(8));
  });
  it('shows the numbers only with --unmasked', () => {
    const r = cli('--json', '--unmasked');
    expect(r.stdout).toContain(`${P.slice(0, 8)}-${P.slice(8)}`);
  });
});
