/**
 * Cross-check: the stand-in's own SCB serializer (tests/fixtures/uka/scbfile.ts) against the product's validator
 * (lib/scb). Written independently, they must agree on which persons have which warning kind.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startUkaServer, type UkaServer } from '../../fixtures/uka/server';
import { exportFile } from '../../fixtures/uka/scbfile';
import { validateScbFile } from '../../../lib/scb';

describe('stand-in export file vs lib/scb validator', () => {
  let s: UkaServer;
  beforeAll(async () => {
    s = await startUkaServer({ port: 0, youths: 300, seed: 1, today: '2026-11-23' });
  });
  afterAll(async () => s.close());

  const check = () => {
    const f = exportFile(s.state.persons, s.state.today, s.state.kommun, s.state.exportMode);
    return validateScbFile(new Uint8Array(f.bytes), { kommun: '2281', today: s.state.today, period: '2026H2' });
  };
  const personsByKind = (findings: { ruleId: string; personKey?: string }[]) => {
    const out: Record<string, Set<string>> = {};
    for (const f of findings) if (/^[RYG]\d$/.test(f.ruleId) && f.personKey) (out[f.ruleId] ??= new Set()).add(f.personKey);
    return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, [...v].sort()]));
  };
  const truthByKind = () => {
    const out: Record<string, string[]> = {};
    for (const p of s.groundTruth().persons) for (const k of p.warnings) (out[k] ??= []).push(p.personnummer);
    return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, v.sort()]));
  };

  it('finds the same persons under each warning kind as UKA shows', () => {
    const report = check();
    expect(report.verdict).toBe('block');
    expect(personsByKind(report.findings)).toEqual(truthByKind());
  });

  it('has no blocking finding after fix-all-red, and finds every planted error', async () => {
    await fetch(new URL('/__test/fix-all-red', s.url), { method: 'POST' });
    const clean = check();
    expect(clean.counts.block).toBe(0);
    expect(personsByKind(clean.findings)).toEqual(truthByKind());
    s.state.exportMode = 'planted';
    const planted = check();
    const lines = new Set(planted.findings.filter((f) => f.severity === 'block').map((f) => f.line));
    for (const p of s.groundTruth().planted) expect(lines.has(p.line) || lines.has(p.line + 1), p.rule).toBe(true);
    s.state.exportMode = 'excel';
    expect(check().findings.some((f) => f.ruleId.startsWith('X-'))).toBe(true);
  });
});
