import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const TSX = `${ROOT}node_modules/.bin/tsx`;
const FIX = 'tests/fixtures/scb/';

function cli(...args: string[]) {
  const r = spawnSync(TSX, ['lib/scb/cli.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
function ruleIds(out: string): string[] {
  return (JSON.parse(out) as { findings: { ruleId: string }[] }).findings.map((f) => f.ruleId);
}
const COMMON = ['--kommun', '2281', '--period', '2026H2', '--today', '2027-01-15'];

describe('scb-check CLI', { timeout: 240_000 }, () => {
  it('clean file: exit 0, verdict ok', () => {
    const r = cli(`${FIX}clean.txt`, ...COMMON, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).verdict).toBe('ok');
  });
  it('warnings only: exit 0', () => {
    const r = cli(`${FIX}warning.txt`, ...COMMON, '--json');
    expect(r.code).toBe(0);
    expect(ruleIds(r.out)).toEqual(['Y2']);
  });
  it('blocking file: exit 1 with R3 and R5; text report is Swedish and masked', () => {
    const r = cli(`${FIX}blocking.txt`, ...COMMON, '--json');
    expect(r.code).toBe(1);
    expect(ruleIds(r.out)).toEqual(expect.arrayContaining(['R3', 'R5']));
    expect(JSON.parse(r.out).findings[0].personKey).toMatch(/^\d{8}-\*{4}$/);
    const t = cli(`${FIX}blocking.txt`, ...COMMON);
    expect(t.code).toBe(1);
    expect(t.out).toMatch(/Stopp/);
    expect(t.out).toMatch(/Så rättar du/);
    expect(t.out).toMatch(/Ungdom \d{8}-\*{4}/);
    expect(t.out).not.toMatch(/\d{12}/);
  });
  it('Excel-damaged file: exit 1 with X-* rule ids', () => {
    const r = cli(`${FIX}excel.txt`, ...COMMON, '--json');
    expect(r.code).toBe(1);
    expect(ruleIds(r.out)).toEqual(expect.arrayContaining(['X-EXCEL', 'X-COMMA', 'X-PNR-SCI', 'X-DATETIME', 'X-LF']));
    expect(JSON.parse(r.out).excelDamage).toBe(true);
  });
  it('xlsx, empty and missing files: exit 2', () => {
    const x = cli(`${FIX}workbook.xlsx`, '--json');
    expect(x.code).toBe(2);
    expect(ruleIds(x.out)).toEqual(['U-ZIP']);
    expect(cli(`${FIX}empty.txt`).code).toBe(2);
    expect(cli(`${FIX}does-not-exist.txt`).code).toBe(2);
  });
  it('bad arguments and a broken profile: exit 3', () => {
    expect(cli().code).toBe(3);
    const p = cli(`${FIX}clean.txt`, '--profile', `${FIX}clean.txt`);
    expect(p.code).toBe(3);
    expect(p.err).toMatch(/ogiltig/);
  });
  it('--profile with a valid profile file', () => {
    expect(cli(`${FIX}clean.txt`, ...COMMON, '--profile', 'lib/scb/profiles/kaa-scb-1.json').code).toBe(0);
  });
});
