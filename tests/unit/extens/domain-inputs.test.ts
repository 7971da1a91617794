/**
 * An extract as Swedish school data may really come (not as our own fixtures write it): Windows-1252, tab-separated,
 * no header row and a mapping by 1-based column numbers, spelled-out school forms, IM codes such as IMPRO and IMYRK,
 * flags as Ja/Nej, X/empty and 1/0, a 10-digit personnummer with a separator, an Excel-mangled one, certificates
 * written as text. Read, judged and compared with an SCB register file, through the library and through the CLI.
 * Personnummer: Skatteverket's test numbers only.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readExtract } from '../../../lib/extens/extract';
import { compare, readRegister } from '../../../lib/extens/compare';
import { main as extensDiff } from '../../../lib/extens/cli';
import { main as scbStats } from '../../../lib/stats/cli';
import { readCertificate, readSchoolForm } from '../../../lib/extens/values';
import type { IsoDate } from '../../../lib/domain/dates';
import { buildFile, buildText, cp1252, pickYouths } from '../scb/build-file';

const DATE = '2026-11-23' as IsoDate;
const Y = pickYouths(DATE, 14, 16, 19);
const y = (i: number) => Y[i] as string;
/** 10 digits with a hyphen, as many registers write it: YYMMDD-NNNN. */
const ten = (p: string) => `${p.slice(2, 8)}-${p.slice(8)}`;

// columns: 1 pnr, 2 namn, 3 kommun, 4 skolform, 5 program, 6 från, 7 till, 8 examen, 9 studiebevis,
// 10 gymnasiesärskolebevis, 11 skyddad identitet, 12 telefon, 13 adress
const MAP = { personnummer: 1, name: 2, kommun: 3, schoolForm: 4, programme: 5, enrolledFrom: 6, enrolledTo: 7, examen: 8, studiebevis: 9, sarskolebevis: 10, protectedIdentity: 11, phone: 12, address: 13 };
const rows: string[][] = [
  [ten(y(0)), 'Åsa Öberg', '2281', 'Anpassad gymnasieskola', '', '2025-08-18', '', '', '', '', 'Nej', '070-1', ''], // enrolled GYS, in UKA → end
  [y(1), 'Märta Ek', '2281', 'GY', 'IMPRO', '2026-08-17', '', '', '', '', 'Nej', '070-2', ''], // enrolled on IM, in UKA → end
  [y(2), 'Sören Al', '2281', 'Gymnasieskolan', 'IMYRK', '2025-08-18', '2026-06-10', '', '', '', 'Nej', '070-3', ''], // IM ended → register
  [y(3), 'Ida Berg', '2281', '', '', '', '', 'Ja', '', '', 'Nej', '070-4', ''], // examen, in UKA → end
  [y(4), 'Bo Lind', '2281', '', '', '', '', '', 'X', '', '', '', ''], // studiebevis only, no contact → register + missing contact
  [y(5), 'Eva Ros', '2281', 'GYS', '', '2022-08-18', '2026-06-05', '', '', '1', '0', '070-6', ''], // gymnasiesärskolebevis → not covered
  [y(6), 'Al Ek', '2281', '', '', '', '', '', '', '', 'Ja', '070-7', ''], // protected identity → its own list
  ['1.99E+11', 'Excel Ek', '2281', '', '', '', '', '', '', '', '', '', ''], // Excel-mangled → row error, never guessed
  [y(7), 'Kim Falk', '2281', '', '', '', '', 'Studiebevis', '', '', 'N', '', 'Storgatan 1'], // studiebevis written in the examen column → register
  [y(8), 'Lo Hed', '2281', '', '', '', '', 'Ingen examen', '', '', '', '070-9', ''], // no examen → register
  [y(9), 'Max Ny', '0180', '', '', '', '', '0', '', '', '', '070-10', ''], // moved out, in UKA → end
  [y(10), 'Ulla Ås', '2281', 'Gymnasiesärskolan', '', '2026-01-10', '', '', '', '', 'nej', '070-11', ''], // enrolled GYS, not in UKA → nothing
  [y(11), 'Nils Holm', '2281', 'Komvux', '', '2026-01-10', '', 'Nej', 'J', '', '', '070-12', ''], // komvux does not end coverage, in UKA → nothing
  [], // empty trailing rows, as Excel leaves them
  ['', '', '', '', '', '', '', '', '', '', '', '', ''],
];
const EXTRACT = cp1252(`${rows.map((r) => r.join('\t')).join('\r\n')}\r\n`);
const inUka = [y(0), y(1), y(3), y(9), y(11), y(12)];
const REGISTER = buildFile(inUka.map((pnr) => ({ pnr, regs: [{ start: '2026-02-01', level: '2', bevis: 'N', contacts: [{ date: '2026-09-15', occ: '08' }] }] })));

const sorted = (xs: string[]) => [...xs].sort();

describe('an extract as school data writes it', () => {
  it('Windows-1252, tabs, no header, columns by number: read with names intact and one row error', () => {
    const r = readExtract(EXTRACT, { map: MAP, date: DATE });
    expect(r.encoding).toBe('windows-1252');
    expect(r.separator).toBe('\t');
    expect(r.header).toBeNull();
    expect(r.rows).toBe(13);
    expect(r.persons.find((p) => p.id.digits12 === y(0))?.name).toBe('Åsa Öberg');
    expect(r.rowErrors.map((e) => [e.row, e.column])).toEqual([[8, 'kolumn 1']]);
    expect(r.rowErrors[0]?.message).toMatch(/kalkylprogram/);
  });

  it('gives the lists a coach would expect', () => {
    const r = readExtract(EXTRACT, { map: MAP, date: DATE });
    const c = compare(r.persons, readRegister(REGISTER), r.rowErrors, { date: DATE, kommun: '2281' });
    const pn = (l: Array<{ personnummer: string }>) => sorted(l.map((e) => e.personnummer));
    expect(pn(c.register)).toEqual(sorted([y(2), y(4), y(7), y(8)]));
    expect(pn(c.end)).toEqual(sorted([y(0), y(1), y(3), y(9)]));
    expect(pn(c.protected)).toEqual([y(6)]);
    expect(pn(c.missingContact)).toEqual([y(4)]);
    expect(pn(c.notInExtract)).toEqual([y(12)]);
    const reason = (pnr: string) => c.end.find((e) => e.personnummer === pnr)?.reason ?? '';
    expect(reason(y(0))).toContain('anpassad gymnasieskola');
    expect(reason(y(1))).toContain('introduktionsprogram IMPRO');
    expect(reason(y(9))).toContain('0180');
  });

  it('the same through npm run extens-diff --json', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kaa-extens-'));
    try {
      writeFileSync(path.join(dir, 'extract.txt'), EXTRACT);
      writeFileSync(path.join(dir, 'map.json'), JSON.stringify(MAP));
      writeFileSync(path.join(dir, 'register.txt'), REGISTER);
      const out: string[] = [];
      const code = extensDiff([path.join(dir, 'extract.txt'), '--map', path.join(dir, 'map.json'), '--register', path.join(dir, 'register.txt'), '--date', DATE, '--kommun', '2281', '--json'], (s) => out.push(s), () => {});
      expect(code).toBe(1); // the Excel-mangled row
      const json = JSON.parse(out.join('\n'));
      expect(sorted(json.register.map((e: { personnummer: string }) => e.personnummer))).toEqual(sorted([y(2), y(4), y(7), y(8)]));
      expect(sorted(json.end.map((e: { personnummer: string }) => e.personnummer))).toEqual(sorted([y(0), y(1), y(3), y(9)]));
      expect(json.rowErrors).toEqual([{ row: 8, column: 'kolumn 1', message: expect.stringMatching(/1\.99E\+11/) }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('certificates and school forms written out', () => {
  it('a certificate text counts for its own kind only; "no examen" texts are no examen', () => {
    expect(readCertificate('Studiebevis', 'examen')).toEqual({ ok: true, value: { has: false, date: null, text: 'Studiebevis', names: 'studiebevis' } });
    expect(readCertificate('Studiebevis', 'studiebevis')).toMatchObject({ ok: true, value: { has: true } });
    expect(readCertificate('Gymnasiesärskolebevis', 'sarskolebevis')).toMatchObject({ ok: true, value: { has: true } });
    expect(readCertificate('Gymnasieintyg', 'gymnasieintyg')).toMatchObject({ ok: true, value: { has: true } });
    for (const none of ['Ingen examen', 'Examen saknas', 'Ej examen', 'Ofullständigt slutbetyg', 'Saknas']) expect(readCertificate(none, 'examen'), none).toMatchObject({ ok: true, value: { has: false } });
    for (const yes of ['Gymnasieexamen', 'Yrkesexamen', 'IB', 'Slutbetyg', 'Utländsk gymnasieexamen']) expect(readCertificate(yes, 'examen'), yes).toMatchObject({ ok: true, value: { has: true } });
    expect(readCertificate('Kanske', 'examen').ok).toBe(false);
  });
  it('school forms as registers spell them', () => {
    for (const gys of ['GYS', 'Gymnasiesärskola', 'Gymnasiesärskolan', 'Anpassad gymnasieskola', 'Anpassade gymnasieskolan']) expect(readSchoolForm(gys), gys).toEqual({ ok: true, value: 'GYS' });
    for (const gy of ['GY', 'Gymnasieskola', 'Gymnasieskolan', 'gymnasiet']) expect(readSchoolForm(gy), gy).toEqual({ ok: true, value: 'GY' });
    for (const gr of ['GR', 'Grundskolan', 'Specialskolan']) expect(readSchoolForm(gr), gr).toEqual({ ok: true, value: 'GR' });
    expect(readSchoolForm('Anpassad grundskola')).toEqual({ ok: true, value: 'GRS' });
  });
});

describe('personnummer in the CLIs\' output', () => {
  const PNR_RE = /\d{8}-?\d{4}|\d{6}-\d{4}/;
  function withFiles(fn: (f: (name: string) => string) => void) {
    const dir = mkdtempSync(path.join(tmpdir(), 'kaa-extens-'));
    try {
      // a row error whose message quotes a full number (wrong check digit)
      const bad = `${y(13).slice(0, 11)}${(Number(y(13).charAt(11)) + 1) % 10}`;
      writeFileSync(path.join(dir, 'extract.txt'), cp1252(`${[...rows.slice(0, 5), [bad, 'X', '2281']].map((r) => r.join('\t')).join('\r\n')}\r\n`));
      writeFileSync(path.join(dir, 'map.json'), JSON.stringify(MAP));
      writeFileSync(path.join(dir, 'register.txt'), REGISTER);
      // an SCB file whose PersonNr is written with a hyphen on one line (its finding quotes the number)
      const text = buildText([{ pnr: y(0), regs: [{ start: '2026-02-01', level: '2', bevis: 'N', contacts: [{ date: '2026-09-15', occ: '08' }] }] }]);
      writeFileSync(path.join(dir, 'scb.txt'), cp1252(text.replace(y(0), `${y(0).slice(0, 8)}-${y(0).slice(8)}`)));
      fn((name) => path.join(dir, name));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const run = (main: typeof extensDiff, args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = main(args, (s) => out.push(s), (s) => err.push(s));
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
  it('extens-diff: text masked unless --unmasked; --json in full (the work list), --json --masked masked', () => {
    withFiles((f) => {
      const base = [f('extract.txt'), '--map', f('map.json'), '--register', f('register.txt'), '--date', DATE, '--kommun', '2281'];
      const text = run(extensDiff, base);
      expect(text.out).not.toMatch(PNR_RE);
      expect(text.out).toMatch(/kontrollsiffra/);
      expect(run(extensDiff, [...base, '--unmasked']).out).toMatch(PNR_RE);
      const json = run(extensDiff, [...base, '--json']);
      expect(JSON.parse(json.out).end[0].personnummer).toMatch(/^\d{12}$/);
      expect(run(extensDiff, [...base, '--json', '--unmasked']).out).toBe(json.out);
      const masked = run(extensDiff, [...base, '--json', '--masked']);
      expect(masked.out).not.toMatch(PNR_RE);
      expect(JSON.parse(masked.out).end[0].personnummer).toMatch(/^\d{8}-\*{4}$/);
      for (const r of [text, json, masked]) expect(r.err).not.toMatch(PNR_RE);
    });
  });
  it('scb-stats: the listed errors masked unless --unmasked', () => {
    withFiles((f) => {
      const r = run(scbStats, [f('scb.txt'), '--period', '2026H2']);
      expect(r.code).toBe(1);
      expect(r.out).toMatch(/Blockerande fel/);
      expect(r.out).not.toMatch(PNR_RE);
      const j = run(scbStats, [f('scb.txt'), '--period', '2026H2', '--json']);
      expect(j.err).toMatch(/Blockerande fel/);
      expect(j.err).not.toMatch(PNR_RE);
      expect(run(scbStats, [f('scb.txt'), '--period', '2026H2', '--unmasked']).out).toMatch(PNR_RE);
    });
  });
});
