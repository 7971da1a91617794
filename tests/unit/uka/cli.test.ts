import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../lib/uka/cli';
import { VARIANTS, truth } from './helpers';

const pagePath = (variant: string, name: string) => fileURLToPath(new URL(`../../fixtures/uka/pages/${variant}/${name}.html`, import.meta.url));
const invented = (name: string) => fileURLToPath(new URL(`../../fixtures/uka/invented/${name}`, import.meta.url));

function run(args: string[]): { code: number; out: string; err: string } {
  const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  const code = main(args);
  const out = log.mock.calls.map((c) => c.join(' ')).join('\n');
  const err = error.mock.calls.map((c) => c.join(' ')).join('\n');
  log.mockRestore();
  error.mockRestore();
  return { code, out, err };
}

afterEach(() => vi.restoreAllMocks());

describe.each(VARIANTS)('npm run uka-read on every saved %s stand-in page', (variant) => {
  const t = truth(variant);
  const names = readdirSync(new URL(`../../fixtures/uka/pages/${variant}/`, import.meta.url)).filter((f) => f.endsWith('.html')).map((f) => f.replace(/\.html$/, ''));
  const expected = (name: string): [number, string] => {
    if (name === 'broken-not-uka') return [2, 'unknown'];
    if (name === 'broken-empty-tables') return [1, 'person'];
    if (/^person-|broken-renamed-section/.test(name)) return [0, 'person'];
    if (name.startsWith('export')) return [0, 'export'];
    if (name === 'start' || name === 'login') return [0, name];
    return [0, 'unknown'];
  };
  it.each(names)('%s', (name) => {
    const { code, out } = run([pagePath(variant, name), '--json']);
    const [wantCode, wantKind] = expected(name);
    expect(code).toBe(wantCode);
    const report = JSON.parse(out) as { profile: string | null; kind: string; read: { ok: boolean; value?: Record<string, unknown[]> } | null };
    expect(report.kind).toBe(wantKind);
    expect(report.profile).toBe(wantCode === 2 ? null : `uka-${variant}`);
    const m = /^person-(\d+)$/.exec(name);
    if (m) {
      const p = t.truth.persons.find((x) => x.id === Number(m[1]))!;
      const v = report.read!.value!;
      expect(v.contacts).toHaveLength(p.counts.contacts);
      expect(v.measures).toHaveLength(p.counts.measures);
      expect((v.sections as Array<{ kind: string }>).map((s) => s.kind)).toEqual(p.warnings);
      // Masked unless asked: no personnummer, no name in the output.
      expect(out).not.toContain(p.personnummer.slice(2, 8));
      expect(out).not.toContain(p.name);
      expect(out).toContain('ÅÅÅÅMMDD-XXXX');
      expect(run([pagePath(variant, name), '--json', '--unmasked']).out).toContain(p.name);
    }
  });
});

describe('npm run uka-read with a profile of another markup', () => {
  it('reads the invented page only when its profile is given', () => {
    const without = run([invented('person.html')]);
    expect(without.code).toBe(2);
    expect(without.out).toMatch(/Ingen profil känner igen sidan/);
    const withProfile = run(['--profile', invented('profile.json'), invented('person.html'), '--json']);
    expect(withProfile.code).toBe(0);
    const report = JSON.parse(withProfile.out) as { profile: string; kind: string; read: { ok: boolean; value: { contacts: Array<{ kind: string; reached: boolean }>; sections: Array<{ kind: string }>; bevakningar: unknown[] } } };
    expect(report.profile).toBe('ungdomsregistret');
    expect(report.kind).toBe('person');
    expect(report.read.value.contacts.map((c) => [c.kind, c.reached])).toEqual([
      ['telefon', false],
      ['brev', true],
    ]);
    expect(report.read.value.sections.map((s) => s.kind)).toEqual(['R4', 'G1']);
    expect(report.read.value.bevakningar).toHaveLength(1);
  });

  it('the invented profile does not take over the stand-in pages', () => {
    const { code, out } = run(['--profile', invented('profile.json'), pagePath('2026', 'person-1'), '--json']);
    expect(code).toBe(0);
    expect((JSON.parse(out) as { profile: string }).profile).toBe('uka-2026');
  });

  it('refuses a broken profile with its path (exit 3) and a missing page (exit 2)', () => {
    const bad = run(['--profile', pagePath('2026', 'person-1'), invented('person.html')]);
    expect(bad.code).toBe(3);
    expect(bad.err).toMatch(/inte giltig JSON/);
    expect(run(['finns-inte.html']).code).toBe(2);
    expect(run([]).code).toBe(2);
  });
});
