import { describe, expect, it } from 'vitest';
import { defaultProfile, codeLabel, deadlineFor, loadProfile, profileAppliesTo } from '../../../lib/scb/profile';
import { groupFindingsByPerson, mapScbErrorList } from '../../../lib/scb/report';
import { validateScbFile } from '../../../lib/scb/validate';
import { safeFileName, prepareSave } from '../../../lib/scb/save';
import { sha256Hex } from '../../../lib/scb/hash';
import { decodeWindows1252, decodeAndSplit } from '../../../lib/scb/decode';
import { formatReportText } from '../../../lib/scb/format';
import profileJson from '../../../lib/scb/profiles/kaa-scb-1.json';
import { buildFile, pickYouths, validYouth, TODAY } from './build-file';

const [P1, P2] = pickYouths(TODAY, 2) as [string, string];

describe('profile', () => {
  it('the built-in profile, used as shipped (no schema in the content script), is exactly what the schema accepts', () => {
    const parsed = loadProfile(structuredClone(defaultProfile()));
    expect(parsed.ok).toBe(true);
    expect(parsed.ok && parsed.profile).toEqual(defaultProfile());
  });

  it('the built-in profile loads and has the layout of SCB-FILE.md', () => {
    expect(defaultProfile().id).toBe('kaa-scb-1');
    expect(defaultProfile().columns.map((c) => c.name)).toEqual(['Kommun', 'PersonNr', 'RegStart', 'RegSlut', 'GrundRegSlut', 'SenSysReg', 'Studiebevis', 'DatKontakt', 'SysKontakt', 'Atgard', 'AtgStart', 'AtgSlut', 'GrundAtgSlut', 'SysEfter']);
    expect(codeLabel(defaultProfile(), 'Sysselsattning', '11')).toMatch(/InSys/);
    expect(loadProfile(JSON.stringify(profileJson)).ok).toBe(true);
  });
  it('deadlines come from profile data: H1 → 1 Sep same year, H2 → 1 Feb next year', () => {
    expect(deadlineFor(defaultProfile(), '2026H1')).toBe('2026-09-01');
    expect(deadlineFor(defaultProfile(), '2026H2')).toBe('2027-02-01');
    const p = { ...defaultProfile(), deadlines: { H1: { monthDay: '08-15', yearOffset: 0 }, H2: { monthDay: '01-31', yearOffset: 1 } } };
    expect(deadlineFor(p, '2026H2')).toBe('2027-01-31');
    expect(profileAppliesTo(defaultProfile(), '2026H2')).toBe(true);
    expect(profileAppliesTo(defaultProfile(), '2023H2')).toBe(false);
  });
  it('gives precise errors for a broken profile', () => {
    const bad = structuredClone(profileJson) as Record<string, unknown> & { columns: Record<string, unknown>[] };
    bad.columns[8]!.codeList = 'Finns';
    bad.separator = ';;';
    const r = loadProfile(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      const paths = r.errors.map((e) => e.path);
      expect(paths).toContain('separator');
      expect(paths).toContain('columns.8.codeList');
    }
    const r2 = loadProfile('{not json');
    expect(r2.ok).toBe(false);
    const noRole = structuredClone(profileJson) as { columns: { role?: string }[] };
    delete noRole.columns[1]!.role;
    const r3 = loadProfile(noRole);
    expect(!r3.ok && r3.errors.some((e) => /personnummer/.test(e.message))).toBe(true);
  });
  it('a new code list is data: a profile with an extra Atgard code accepts it', () => {
    const p = structuredClone(defaultProfile());
    p.id = 'kaa-scb-2';
    p.codeLists.Atgard!.push({ code: '19', label: 'Ny insats' });
    const file = buildFile([validYouth(P1, { measures: [{ code: '19', start: '2026-09-01', end: '2026-10-01', reason: '1', after: '05' }] })]);
    expect(validateScbFile(file, { period: '2026H2' }).findings.map((f) => f.ruleId)).toContain('S-CODE');
    const r = validateScbFile(file, { period: '2026H2', profile: p });
    expect(r.verdict).toBe('ok');
    expect(r.profileId).toBe('kaa-scb-2');
  });
});

describe('report helpers', () => {
  const file = buildFile([validYouth(P1, { level: '9' }), validYouth(P2, { measures: [{ code: '06', start: '2026-09-01', end: '2026-10-01', reason: '1', after: '06' }] })]);
  it('groupFindingsByPerson: file-level first, then persons in line order, masked labels', () => {
    const rep = validateScbFile(new Uint8Array([...file, 0x0d, 0x0a]), { kommun: '2281', period: '2026H2' });
    const g = groupFindingsByPerson(rep);
    expect(g[0]!.personKey).toBeNull();
    expect(g[1]).toMatchObject({ personKey: P1, label: `${P1.slice(0, 8)}-****`, worst: 'warn' });
    expect(g[2]).toMatchObject({ personKey: P2, worst: 'block' });
  });
  it('mapScbErrorList maps "Rad N", "rad N", "Post N", lists and ranges to personnummer', () => {
    const text = ['Rad 2: SysKontakt saknas', 'post 5 - felaktig kod', 'Fel på rad 3, 4 och 99', 'Allmänt fel utan radnummer', 'Rad 1: rubrik', 'Rader: rad 2-3 har fel'].join('\n');
    const e = mapScbErrorList(text, file);
    expect(e[0]).toMatchObject({ reportedLine: 2, fileLine: 2, personKey: P1, masked: `${P1.slice(0, 8)}-****` });
    expect(e[1]).toMatchObject({ reportedLine: 5, personKey: P2 });
    expect(e.slice(2, 5).map((x) => x.personKey)).toEqual([P1, P2, null]);
    expect(e[4]!.note).toMatch(/inte rad 99/);
    expect(e[5]).toMatchObject({ reportedLine: null, personKey: null });
    expect(e[6]!.note).toMatch(/rubrik/);
    expect(e.slice(7).map((x) => x.reportedLine)).toEqual([2, 3]);
    const data = mapScbErrorList('Post 1: fel', file, { numbering: 'data' });
    expect(data[0]).toMatchObject({ fileLine: 2, personKey: P1 });
  });
  it('formatReportText masks personnummer', () => {
    const text = formatReportText(validateScbFile(file, { kommun: '2281', period: '2026H2' }));
    expect(text).toMatch(/Stopp/);
    expect(text).not.toContain(P1);
    expect(text).toContain(`${P1.slice(0, 8)}-****`);
  });
});

describe('save, hash, decode', () => {
  it('safeFileName', () => {
    expect(safeFileName('2281', '2026H2')).toBe('KAA_2281_2026H2.txt');
    expect(safeFileName('../x', '2026/H2')).toBe('KAA_x_2026H2.txt');
    expect(prepareSave(new Uint8Array([1]), '0180', '2026H1').fileName).toBe('KAA_0180_2026H1.txt');
  });
  it('sha256Hex', async () => {
    expect(await sha256Hex(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
  it('decodes Windows-1252 one char per byte, C1 range mapped', () => {
    const all = new Uint8Array(Array.from({ length: 256 }, (_, i) => i));
    const s = decodeWindows1252(all);
    expect(s.length).toBe(256);
    expect(s.charCodeAt(0x80)).toBe(0x20ac);
    expect(s.charCodeAt(0x81)).toBe(0x81);
    expect(s[0xe5]).toBe('å');
    expect(decodeAndSplit(new Uint8Array([0x61, 0x3b, 0x62, 0x0d, 0x0a]))).toEqual([['a', 'b']]);
  });
});
