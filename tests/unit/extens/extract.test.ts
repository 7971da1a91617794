/** Reading Extens extracts: encodings, separators, header or not, CSV quirks, values, precise row errors. */
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { readExtract, previewExtract } from '../../../lib/extens/extract';
import { detectSeparator } from '../../../lib/extens/parse';
import { readCertificate, readDate, readFlag, readKommun, readPersonnummer, readProgramme, readSchoolForm } from '../../../lib/extens/values';
import { findSavedMapping, suggestMapping, unresolvedColumns } from '../../../lib/extens/mapping';
import { listToCsv } from '../../../lib/extens/csv';
import type { IsoDate } from '../../../lib/domain/dates';

const utf8 = (s: string) => new TextEncoder().encode(s);
const cp1252 = (s: string) => Uint8Array.from([...s].map((c) => (c.charCodeAt(0) <= 0xff ? c.charCodeAt(0) : 0x3f)));
const MAP = { personnummer: 'Personnummer', firstName: 'Förnamn', lastName: 'Efternamn', kommun: 'Kommun', phone: 'Telefon', address: 'Adress' };
const HEAD = 'Personnummer;Förnamn;Efternamn;Kommun;Telefon;Adress';
// Skatteverket test numbers
const A = '200801232380';
const B = '200801232398';

describe('CSV quirks', () => {
  it('UTF-8 with BOM, CRLF: å ä ö kept, BOM not part of the first header', () => {
    const r = readExtract(utf8(`\ufeff${HEAD}\r\n${A};Åsa;Öberg;2281;070;Gata 1\r\n`), { map: MAP });
    expect(r.encoding).toBe('utf-8-bom');
    expect(r.header?.[0]).toBe('Personnummer');
    expect(r.persons[0]?.name).toBe('Åsa Öberg');
    expect(r.rowErrors).toEqual([]);
  });
  it('UTF-8 without BOM and LF endings', () => {
    const r = readExtract(utf8(`${HEAD}\n${A};Märta;Ek;2281;;\n`), { map: MAP });
    expect(r.encoding).toBe('utf-8');
    expect(r.persons[0]?.name).toBe('Märta Ek');
  });
  it('Windows-1252', () => {
    const r = readExtract(cp1252(`${HEAD}\r\n${A};Måns;Åkesson;2281;;\r\n`), { map: MAP });
    expect(r.encoding).toBe('windows-1252');
    expect(r.persons[0]?.name).toBe('Måns Åkesson');
  });
  it('quoted fields with separators, quotes and a line break inside', () => {
    const r = readExtract(utf8(`${HEAD}\r\n${A};"Anna; ""Nina""";Berg;2281;;"Box 1; lgh 2\r\n85230 Sundsvall"\r\n${B};Bo;Ek;2281;070;\r\n`), { map: MAP });
    expect(r.persons.map((p) => p.name)).toEqual(['Anna; "Nina" Berg', 'Bo Ek']);
    expect(r.persons[0]?.address).toBe('Box 1; lgh 2\r\n85230 Sundsvall');
    expect(r.rows).toBe(2);
  });
  it('comma and tab separators are detected', () => {
    expect(detectSeparator('a,b,c\n1,2,3')).toBe(',');
    expect(detectSeparator('a\tb\tc\n')).toBe('\t');
    expect(detectSeparator('"x;y",b,c\n')).toBe(',');
    const r = readExtract(utf8(`Personnummer,Förnamn\r\n${A},Ida\r\n`), { map: { personnummer: 'Personnummer', firstName: 'Förnamn' } });
    expect(r.separator).toBe(',');
    expect(r.persons).toHaveLength(1);
  });
  it('empty trailing rows (Excel\'s ";;;;;" lines and blank lines) are skipped silently', () => {
    const r = readExtract(utf8(`${HEAD}\r\n${A};Ida;Ek;2281;;\r\n;;;;;\r\n;;;;;\r\n\r\n`), { map: MAP });
    expect(r.rows).toBe(1);
    expect(r.rowErrors).toEqual([]);
  });
  it('no header row: columns by number', () => {
    const r = readExtract(utf8(`${A};Ida;Ek\r\n${B};Bo;Ek\r\n`), { map: { personnummer: 1, firstName: 2, lastName: 3 } });
    expect(r.header).toBeNull();
    expect(r.persons.map((p) => p.id.digits12)).toEqual([A, B]);
    expect(previewExtract(utf8(`${A};Ida\r\n`)).header).toBeNull();
  });
  it('Excel-mangled personnummer is reported with row and column, never guessed; the import goes on', () => {
    const r = readExtract(utf8(`${HEAD}\r\n1,99E+11;Ida;Ek;2281;;\r\n2.00801E+11;Bo;Ek;2281;;\r\n${B};Al;Ek;2281;;\r\n`), { map: MAP });
    expect(r.rowErrors.map((e) => [e.row, e.column])).toEqual([
      [2, 'Personnummer'],
      [3, 'Personnummer'],
    ]);
    expect(r.rowErrors[0]?.message).toMatch(/kalkylprogram/);
    expect(r.persons.map((p) => p.id.digits12)).toEqual([B]);
  });
  it('a personnummer that lost its leading zeros, or with a wrong check digit, is reported', () => {
    const r = readExtract(utf8(`${HEAD}\r\n80123238;Ida;Ek;2281;;\r\n200801232381;Bo;Ek;2281;;\r\n`), { map: MAP });
    expect(r.rowErrors.map((e) => e.row)).toEqual([2, 3]);
    expect(r.rowErrors[1]?.message).toMatch(/kontrollsiffra/);
  });
  it('a three-digit kommunkod is reported (leading zero lost), the youth is not judged', () => {
    const r = readExtract(utf8(`${HEAD}\r\n${A};Ida;Ek;180;;\r\n`), { map: MAP });
    expect(r.rowErrors[0]).toMatchObject({ row: 2, column: 'Kommun' });
    expect(r.persons[0]?.unreadable).toBe(true);
  });
  it('several rows of one youth are merged', () => {
    const map = { personnummer: 'P', schoolForm: 'S', programme: 'Pr', enrolledFrom: 'F', enrolledTo: 'T' };
    const r = readExtract(utf8(`P;S;Pr;F;T\r\n${A};GY;NA;2024-08-15;2025-03-01\r\n${A.slice(2, 8)}-${A.slice(8)};GY;IMV;2025-08-15;\r\n`), { map, date: '2026-01-01' as IsoDate });
    expect(r.persons).toHaveLength(1);
    expect(r.persons[0]?.enrolments).toHaveLength(2);
  });
});

describe('values as Swedish school data writes them', () => {
  it('personnummer forms', () => {
    for (const s of [A, `${A.slice(0, 8)}-${A.slice(8)}`, `${A.slice(2, 8)}-${A.slice(8)}`, A.slice(2), ` ${A} `, `="${A}"`]) {
      const r = readPersonnummer(s, '2026-01-01' as IsoDate);
      expect(r.ok && r.value.digits12, s).toBe(A);
    }
    expect(readPersonnummer('1.99901E+11').ok).toBe(false);
    expect(readPersonnummer('200801232380.0').ok).toBe(false);
    expect(readPersonnummer('').ok).toBe(false);
  });
  it('flags: J/N, Ja/Nej, X/empty, 1/0', () => {
    for (const y of ['J', 'ja', 'X', 'x', '1']) expect(readFlag(y)).toEqual({ ok: true, value: true });
    for (const n of ['N', 'Nej', '', '0']) expect(readFlag(n)).toEqual({ ok: true, value: false });
    expect(readFlag('kanske').ok).toBe(false);
  });
  it('certificates: flag, date or kind of examen', () => {
    expect(readCertificate('2026-06-12')).toEqual({ ok: true, value: { has: true, date: '2026-06-12', text: null } });
    expect(readCertificate('Högskoleförberedande examen')).toMatchObject({ ok: true, value: { has: true } });
    expect(readCertificate('2026-13-01').ok).toBe(false);
  });
  it('skolform codes and spelled out', () => {
    expect(readSchoolForm('GY')).toEqual({ ok: true, value: 'GY' });
    expect(readSchoolForm('Gymnasieskola')).toEqual({ ok: true, value: 'GY' });
    expect(readSchoolForm('GYS')).toEqual({ ok: true, value: 'GYS' });
    expect(readSchoolForm('Anpassad gymnasieskola')).toEqual({ ok: true, value: 'GYS' });
    expect(readSchoolForm('Komvux')).toEqual({ ok: true, value: 'OTHER' });
    expect(readSchoolForm('XYZ').ok).toBe(false);
  });
  it('programmes by Skolverket\'s codes', () => {
    expect(readProgramme('NA')).toEqual({ ok: true, value: { kind: 'national', code: 'NA' } });
    expect(readProgramme('TEINF')).toEqual({ ok: true, value: { kind: 'national', code: 'TEINF' } });
    for (const im of ['IMA', 'IMV', 'IMY', 'IMS', 'IMI', 'IMPRO', 'IMYRK', 'Introduktionsprogram']) expect(readProgramme(im).ok && (readProgramme(im) as { value: { kind: string } }).value.kind, im).toBe('im');
    expect(readProgramme('')).toEqual({ ok: true, value: { kind: 'none' } });
    expect(readProgramme('QQ').ok).toBe(false);
  });
  it('dates: ISO and compact; spreadsheet forms are reported', () => {
    expect(readDate('20260817')).toEqual({ ok: true, value: '2026-08-17' });
    expect(readDate('')).toEqual({ ok: true, value: null });
    for (const bad of ['2026-08-17 00:00:00', '17/8/2026', '2026-8-17', '46251', '2026-02-30']) expect(readDate(bad).ok, bad).toBe(false);
  });
  it('kommunkod', () => {
    expect(readKommun('0180')).toEqual({ ok: true, value: '0180' });
    expect(readKommun('180').ok).toBe(false);
  });
});

describe('mappings by header names only', () => {
  it('suggests from common headers and finds a saved mapping for the same headers in another order', () => {
    const headers = ['Personnummer', 'Förnamn', 'Efternamn', 'Folkbokföringskommun', 'Skolform', 'Program', 'Telefon', 'Adress'];
    const map = suggestMapping(headers);
    expect(map).toMatchObject({ personnummer: 'Personnummer', firstName: 'Förnamn', kommun: 'Folkbokföringskommun', schoolForm: 'Skolform', programme: 'Program' });
    const saved = [{ headers: headers.map((h) => h.toLowerCase()), map }];
    expect(findSavedMapping(saved, [...headers].reverse())).toBe(saved[0]);
    expect(findSavedMapping(saved, [...headers, 'Extra'])).toBeNull();
  });
  it('reports columns that do not exist', () => {
    expect(unresolvedColumns({ personnummer: 'Pnr' }, ['Personnummer'], 1)).toHaveLength(1);
    expect(unresolvedColumns({ personnummer: 3 }, null, 2)).toHaveLength(1);
  });
});

describe('CSV export for Swedish Excel', () => {
  it('BOM, semicolons, CRLF, personnummer as text; parses back to the same values', () => {
    const csv = listToCsv([
      { personnummer: A, name: 'Åsa Öberg', reason: 'Ska registreras: 18 år; ingen examen', phone: '+46 70 123', address: 'Box 1; "lgh 2"' },
    ]);
    expect(csv.startsWith('\ufeffPersonnummer;Namn;Skäl;Telefon;Adress\r\n')).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(1), { delimiter: ';' }).data.filter((r) => r.length > 1);
    expect(parsed[1]).toEqual(['20080123-2380', 'Åsa Öberg', 'Ska registreras: 18 år; ingen examen', "'+46 70 123", 'Box 1; "lgh 2"']);
  });
});

describe('the personnummer fast path agrees with the personnummer package', () => {
  it('on every Skatteverket test number, with and without separator, and on broken check digits', async () => {
    const { testPersonnummer, testSamordningsnummer } = await import('../../fixtures/testpersonnummer');
    const { parseId } = await import('../../../lib/domain/personnummer');
    for (const p of [...testPersonnummer().slice(0, 5000), ...testSamordningsnummer()]) {
      for (const form of [p, `${p.slice(0, 8)}-${p.slice(8)}`, `${p.slice(0, 11)}${(Number(p.charAt(11)) + 1) % 10}`]) {
        const parsed = parseId(form);
        const slow = parsed ? { digits12: parsed.digits12, birthDate: parsed.birthDate, coordination: parsed.coordination } : null;
        const fast = readPersonnummer(form);
        expect(fast.ok ? { digits12: fast.value.digits12, birthDate: fast.value.birthDate, coordination: fast.value.coordination } : null, form).toEqual(slow);
      }
    }
  });
});
