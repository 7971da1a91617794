import { testPersonnummer, testSamordningsnummer } from '../../fixtures/testpersonnummer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startUkaServer, type GroundTruth, type UkaServer } from '../../fixtures/uka/server';
import { ageOn } from '../../fixtures/uka/data';
import { parseId } from '../../../lib/domain/personnummer';
import { createUkaAdapter } from '../../../lib/uka/adapter';
import { parse } from './helpers';

const TODAY = '2026-11-23';
const adapter = createUkaAdapter();
const testNumbers = new Set([
  ...testPersonnummer(),
  ...testSamordningsnummer(),
]);

describe.each(['2024', '2026'] as const)('UKA stand-in server, variant %s', (variant) => {
  let s: UkaServer;
  const cookie = { cookie: 'UKASESSION=1' };
  const get = (path: string, headers: Record<string, string> = cookie) => fetch(new URL(path, s.url), { headers, redirect: 'manual' });
  const post = async (path: string, body: unknown = {}) => (await fetch(new URL(path, s.url), { method: 'POST', body: JSON.stringify(body) })).json() as Promise<Record<string, unknown>>;
  const state = async () => (await (await get('/__test/state', {})).json()) as GroundTruth;

  beforeAll(async () => {
    s = await startUkaServer({ port: 0, variant, youths: 300, seed: 1, today: TODAY });
  });
  afterAll(async () => s.close());

  it('binds to 127.0.0.1 on a random port', () => {
    expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(s.port).toBeGreaterThan(0);
  });

  it('guarantees every warning kind, ages, and every step of the contact ladder', async () => {
    const gt = await state();
    expect(gt.persons).toHaveLength(300);
    for (const [kind, n] of Object.entries(gt.kindCounts)) expect(n, kind).toBeGreaterThan(0);
    const ages = gt.persons.map((p) => ageOn(p.birthDate, TODAY));
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(16);
    expect(Math.max(...ages)).toBeLessThanOrEqual(19);
    expect(ages.some((a) => a < 18)).toBe(true);
    expect(ages.some((a) => a >= 18)).toBe(true);
    expect(gt.persons.some((p) => ageOn(p.birthDate, '2026-12-23') === 20)).toBe(true);
    const ladders = new Set(gt.persons.map((p) => p.ladder));
    for (const l of ['tre-samtal', 'brev-vykort', 'hembesok-planerat', 'hembesok-utan-kontakt', 'ej-intresserad', 'i-atgard', 'studier']) expect(ladders.has(l), l).toBe(true);
    expect(new Set(gt.persons.map((p) => p.label)).size).toBeGreaterThanOrEqual(4);
    for (const p of gt.persons) {
      expect(testNumbers.has(p.personnummer), p.personnummer.slice(0, 8)).toBe(true);
      expect(parseId(p.personnummer), p.personnummer.slice(0, 8)).not.toBeNull();
    }
    expect(gt.persons.some((p) => parseId(p.personnummer)?.coordination)).toBe(true);
    expect(gt.anyRed).toBe(true);
    expect(gt.exportButtonEnabled).toBe(false);
  });

  it('the fixed persons demonstrate what README.md says', async () => {
    const gt = await state();
    const w = (id: number) => gt.persons.find((p) => p.id === id)!.warnings;
    expect(w(1)).toEqual(['R1', 'G1']);
    expect(w(2)).toEqual(['R2', 'Y4', 'G1']);
    expect(w(3)).toEqual(['R3']);
    expect(w(4)).toEqual(['R4']);
    expect(w(5)).toEqual(['R5']);
    expect(w(6)).toEqual(['R6', 'Y1']);
    expect(w(7)).toEqual(['Y1']);
    expect(w(8)).toEqual(['Y2']);
    expect(w(9)).toEqual(['Y3']);
    expect(w(10)).toEqual(['Y4']);
    expect(w(11)).toEqual(['G1']);
    expect(w(12)).toEqual(['R3', 'R4', 'Y2', 'G1']);
    for (const id of [13, 18, 19, 20]) expect(w(id), String(id)).toEqual([]);
  });

  it('redirects to /login without a session and sets one on POST /login', async () => {
    const r = await get('/', {});
    expect(r.status).toBe(302);
    expect(r.headers.get('location')).toBe('/login');
    const login = await fetch(new URL('/login', s.url), { method: 'POST', body: 'user=coach&password=x', headers: { 'content-type': 'application/x-www-form-urlencoded' }, redirect: 'manual' });
    expect(login.status).toBe(302);
    expect(login.headers.get('set-cookie')).toMatch(/UKASESSION=1/);
    const doc = parse(await (await get('/login', {})).text());
    expect(adapter.recognise(doc, new URL(s.url)).kind).toBe('login');
  });

  it('serves pages the adapter reads back exactly as the ground truth (every person)', async () => {
    const gt = await state();
    for (const p of gt.persons.slice(0, 80)) {
      const doc = parse(await (await get(`/person/${p.id}`)).text());
      const r = adapter.readPersonPage(doc);
      if (!r.ok) throw new Error(`person ${p.id}: ${r.reason}`);
      expect(r.value.sections.map((x) => x.kind), `person ${p.id}`).toEqual(p.warnings);
      expect(r.value.contacts.length).toBe(p.counts.contacts);
      expect(r.value.measures.length).toBe(p.counts.measures);
    }
    const unknown = await get('/hjalp/okand-sida');
    expect(unknown.status).toBe(404);
    expect(adapter.recognise(parse(await unknown.text()), new URL(s.url)).kind).toBe('unknown');
  });

  it('blocks the export while red problems exist, and serves the file after fix-all-red', async () => {
    expect((await get('/export/fil')).status).toBe(409);
    const fixed = await post('/__test/fix-all-red');
    expect(fixed.anyRed).toBe(false);
    const gt = await state();
    expect(['R1', 'R2', 'R3', 'R4', 'R5', 'R6'].map((k) => gt.kindCounts[k])).toEqual([0, 0, 0, 0, 0, 0]);
    const list = adapter.readExportList(parse(await (await get('/export')).text()));
    if (!list.ok) throw new Error(list.reason);
    expect(list.value.exportButton.enabled).toBe(true);
    const res = await get(list.value.exportButton.href!);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="KAA_2281_2026H2.txt"');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
    const textLatin1 = bytes.toString('latin1');
    const lines = textLatin1.split('\r\n');
    expect(lines.pop()).toBe('');
    expect(textLatin1.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(lines[0]).toBe('Kommun;PersonNr;RegStart;RegSlut;GrundRegSlut;SenSysReg;Studiebevis;DatKontakt;SysKontakt;Atgard;AtgStart;AtgSlut;GrundAtgSlut;SysEfter');
    for (const l of lines) expect(l.split(';')).toHaveLength(14);
    const persons = new Set(lines.slice(1).map((l) => l.split(';')[1]));
    expect(persons.size).toBe(300);
    expect(lines.slice(1).every((l) => l.startsWith('2281;'))).toBe(true);
    await post('/__test/reset');
  });

  it('plants known errors in the export on request, and can force the button enabled', async () => {
    const r = await post('/__test/export-mode', { mode: 'planted', forceEnabled: true });
    expect((r.planted as unknown[]).length).toBeGreaterThanOrEqual(5);
    const res = await get('/export/fil');
    expect(res.status).toBe(200);
    const lines = Buffer.from(await res.arrayBuffer()).toString('latin1').split('\r\n');
    expect(lines[3]!.split(';')[2]).toBe('2026-02-30');
    expect(lines[5]).toBe(lines[6]);
    await post('/__test/export-mode', { mode: 'excel' });
    const excel = Buffer.from(await (await get('/export/fil')).arrayBuffer());
    expect([...excel.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    await post('/__test/reset');
    expect((await state()).exportButtonEnabled).toBe(false);
  });

  it('derives warnings from data: patching a person and moving the clock change them', async () => {
    const r = await post('/__test/person/3', { measurePatches: [{ index: 0, grundAtgSlut: '1' }] });
    expect(r.warnings).toEqual([]);
    const back = await post('/__test/person/3', { measurePatches: [{ index: 0, grundAtgSlut: null }] });
    expect(back.warnings).toEqual(['R3']);
    await post('/__test/clock', { today: '2027-02-10' });
    const gt = await state();
    expect(gt.today).toBe('2027-02-10');
    expect(gt.persons.find((p) => p.id === 10)!.warnings).toEqual(['Y4']);
    await post('/__test/reset', { today: TODAY });
  });
});

describe('UKA stand-in at load size', () => {
  it('renders the start and export pages for 5,000 youths quickly', async () => {
    const s = await startUkaServer({ port: 0, youths: 5000 });
    try {
      const t0 = Date.now();
      const html = await (await fetch(new URL('/export', s.url), { headers: { cookie: 'UKASESSION=1' } })).text();
      expect(Date.now() - t0).toBeLessThan(3000);
      const r = adapter.readExportList(parse(html));
      if (!r.ok) throw new Error(r.reason);
      expect(r.value.groups.length).toBeGreaterThan(5);
      expect(s.groundTruth().reusedPersonnummer).toBe(true);
    } finally {
      await s.close();
    }
  });
});
