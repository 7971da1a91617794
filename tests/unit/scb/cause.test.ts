/** Cause first (issue 19): each kind of damage a real file meets gets its own rule, leads the report, and explains the rest. */
import { describe, expect, it } from 'vitest';
import { validateScbFile, type ScbReport } from '../../../lib/scb/validate';
import { formatReportText } from '../../../lib/scb/format';
import { ruleFamily } from '../../../lib/scb/rules';
import { parseId } from '../../../lib/domain/personnummer';
import { ageOn } from '../../../lib/domain/dates';
import { buildFile, buildText, cp1252, HEADER, pickYouths, testSamordningsnummer, validYouth, PERIOD, TODAY } from './build-file';

const PNRS = pickYouths(TODAY, 4);
const OPTS = { kommun: '2281', period: PERIOD, today: TODAY };
const check = (input: string | Uint8Array): ScbReport => validateScbFile(typeof input === 'string' ? cp1252(input) : input, OPTS);
const ids = (r: ScbReport) => r.findings.map((f) => f.ruleId);
const valid = () => buildText(PNRS.map((p) => validYouth(p)));
const mapLines = (text: string, fn: (line: string, i: number) => string) =>
  text
    .split('\r\n')
    .map((l, i) => (l === '' ? l : fn(l, i)))
    .join('\r\n');

/** Every finding with a cause points at a finding that exists and counts it. */
function expectCauseLinks(r: ScbReport): void {
  const byId = new Map(r.findings.map((f) => [f.id, f]));
  r.findings.forEach((f, i) => expect(f.id).toBe(i + 1));
  for (const f of r.findings) {
    if (f.cause === undefined) continue;
    const c = byId.get(f.cause);
    expect(c, `cause ${f.cause} of ${f.ruleId}`).toBeDefined();
    expect(c!.cause).toBeUndefined();
    expect(c!.consequences ?? 0).toBeGreaterThan(0);
  }
}

describe('columns in another order', () => {
  it('a file whose every line has the columns in another order gets one finding naming both orders, first', () => {
    const order = [1, 0, ...HEADER.slice(2).map((_, i) => i + 2).reverse()];
    const text = mapLines(valid(), (l) => {
      const f = l.split(';');
      return order.map((k) => f[k]).join(';');
    });
    const r = check(text);
    expect(r.verdict).toBe('block');
    expect(ids(r)).toEqual(['S-HEADER']);
    expect(r.excelDamage).toBe(false);
    const m = r.findings[0]!.message;
    expect(m).toContain(`Filens ordning: ${order.map((k) => HEADER[k]).join(';')}`);
    expect(m).toContain(`Väntad ordning: ${HEADER.join(';')}`);
    expect(r.findings[0]!.fix).not.toMatch(/kalkylprogram/);
    expect(r.persons).toBe(PNRS.length);
  });
  it('a header in another order than its rows: the header leads and explains the row findings', () => {
    const text = valid().replace('Kommun;PersonNr', 'PersonNr;Kommun');
    const r = check(text);
    expect(r.findings[0]!.ruleId).toBe('S-HEADER');
    expect(r.findings[0]!.consequences).toBeGreaterThan(PNRS.length);
    expect(ids(r)).not.toContain('X-EXCEL');
    expectCauseLinks(r);
  });
});

describe('one rule per kind of damage', () => {
  it('a header line ending in separators', () => {
    const r = check(valid().replace('SysEfter\r\n', 'SysEfter;;\r\n'));
    expect(ids(r)).toEqual(['S-HEADER-SEP']);
    expect(r.verdict).toBe('block');
    expect(r.findings[0]!.message).toContain('2 extra avgränsare');
  });
  it('a quoted field holding the separator: spreadsheet damage first, no consequences of the wrong split', () => {
    const text = mapLines(valid(), (l, i) => (i === 1 ? l.replace(/;08;/, ';"08;05";') : l));
    const r = check(text);
    expect(r.findings[0]!.ruleId).toBe('X-EXCEL');
    expect(ids(r)).toEqual(expect.arrayContaining(['X-QUOTES', 'X-QUOTED-SEP']));
    expect(ids(r)).not.toContain('S-COLUMNS');
    expect(r.findings.find((f) => f.ruleId === 'X-QUOTED-SEP')!.message).toContain('"08;05"');
    expect(r.findings.find((f) => f.ruleId === 'X-QUOTES')!.message).toContain('på 1 rad,');
    expect(r.findings.find((f) => f.ruleId === 'S-CODE')!.cause).toBe(r.findings[0]!.id);
    expectCauseLinks(r);
  });
  it('a quoted field holding a line break is read as one record', () => {
    const text = mapLines(valid(), (l, i) => (i === 2 ? l.replace(/;16;/, ';"16\r\nx";') : l));
    const r = check(text);
    expect(r.findings[0]!.ruleId).toBe('X-EXCEL');
    expect(ids(r)).toContain('X-QUOTED-NEWLINE');
    expect(ids(r)).not.toContain('S-LINE-KIND');
    expect(ids(r)).not.toContain('S-COLUMNS');
    expect(ids(r).filter((x) => x === 'G1')).toHaveLength(0);
    expectCauseLinks(r);
  });
  it('CR CR LF line endings: one line-ending finding showing the hidden CR, no code or header findings', () => {
    const r = check(valid().replace(/\r\n/g, '\r\r\n'));
    expect(ids(r)).toEqual(['S-EOL-CRCR']);
    expect(r.findings[0]!.message).toContain('Efter␍␍␊');
    expect(r.findings[0]!.message).toMatch(/^\d+ rader slutar/);
  });
  it('codes that lost their leading zero: spreadsheet damage first, the code findings folded under it', () => {
    const text = mapLines(valid(), (l, i) => (i === 0 ? l : l.replace(/;05$/, ';5')));
    const r = check(text);
    expect(r.findings[0]!.ruleId).toBe('X-EXCEL');
    const zero = r.findings.find((f) => f.ruleId === 'X-CODE-ZERO')!;
    expect(zero.message).toContain('"5" i stället för "05"');
    const codes = r.findings.filter((f) => f.ruleId === 'S-CODE');
    expect(codes).toHaveLength(PNRS.length);
    for (const f of codes) expect(f.cause).toBe(r.findings[0]!.id);
    expect(r.findings[0]!.consequences).toBe(PNRS.length + 1);
    expectCauseLinks(r);
  });
  it('empty spreadsheet rows: one spreadsheet finding, not missing personnummer or duplicates', () => {
    const r = check(valid() + ';;;;;;;;;;;;;\r\n'.repeat(3));
    expect(r.findings[0]!.ruleId).toBe('X-EXCEL');
    expect(ids(r).sort()).toEqual(['X-EMPTY-ROWS', 'X-EXCEL']);
    expect(r.findings.find((f) => f.ruleId === 'X-EMPTY-ROWS')!.message).toMatch(/^3 rader \(rad 10–12\)/);
    expect(r.rows).toBe(PNRS.length * 2);
  });
  it('trailing blank lines are all at the end of the file', () => {
    const r = check(`${valid()}\r\n\r\n`);
    const blank = r.findings.filter((f) => f.ruleId === 'S-BLANK');
    expect(blank.map((f) => f.message)).toEqual(['Tom rad i slutet av filen.', 'Tom rad i slutet av filen.']);
    const middle = check(valid().replace('\r\n', '\r\n\r\n'));
    expect(middle.findings.find((f) => f.ruleId === 'S-BLANK')!.message).toBe('Tom rad mitt i filen.');
  });
  it('UTF-16 without a byte-order mark is named as such', () => {
    const text = valid();
    for (const le of [true, false]) {
      const b = new Uint8Array(text.length * 2);
      for (let i = 0; i < text.length; i++) b[i * 2 + (le ? 0 : 1)] = text.charCodeAt(i);
      const r = check(b);
      expect(r.verdict).toBe('unreadable');
      expect(ids(r)).toEqual(['U-UTF16-NOBOM']);
      expect(r.findings[0]!.message).toContain(le ? 'little endian' : 'big endian');
    }
  });
});

describe('samordningsnummer with month or day 00', () => {
  const partial = testSamordningsnummer().filter((s) => s.slice(4, 6) === '00' || s.slice(6, 8) === '60');
  const age = (s: string) => Number(PERIOD.slice(0, 4)) - Number(s.slice(0, 4));
  it('are accepted when the youth is surely under 20', () => {
    const young = partial.find((s) => age(s) >= 14 && age(s) <= 18);
    expect(young).toBeDefined();
    const r = check(buildFile([validYouth(young!), validYouth(PNRS[0]!)]));
    expect(r.verdict).toBe('ok');
    expect(r.persons).toBe(2);
  });
  it('age rules use the known part of the date and say so', () => {
    const old = partial.find((s) => age(s) >= 22 && age(s) <= 40);
    expect(old).toBeDefined();
    const r = check(buildFile([validYouth(old!)]));
    const f = r.findings.find((x) => x.ruleId === 'S-AGE')!;
    expect(f.message).toMatch(/Samordningsnumret anger inte hela födelsedatumet/);
    const edge = partial.find((s) => s.slice(4, 6) === '00' && age(s) === 20);
    if (edge) expect(ids(check(buildFile([validYouth(edge)], {})))).toContain('S-AGE-UNSURE');
  });
  it('messages say "samordningsnumret" for day > 60', () => {
    const s = testSamordningsnummer().find((x) => Number(x.slice(6, 8)) > 60 && parseId(x) && ageOn(parseId(x)!.birthDate, '2026-02-01') < 20)!;
    const bad = s.slice(0, 11) + String((Number(s[11]) + 1) % 10);
    const r = check(buildFile([validYouth(bad)]));
    expect(r.findings.find((f) => f.ruleId === 'S-PNR')!.message).toMatch(/^Samordningsnumrets kontrollsiffra/);
  });
});

describe('the report leads with the cause', () => {
  it('text output: the cause and its action in the first lines, consequences counted', () => {
    const text = mapLines(valid(), (l, i) => (i === 0 ? l : l.replace(/;05$/, ';5')));
    const lines = formatReportText(check(text)).split('\n');
    expect(lines[0]).toMatch(/^SCB-filkontroll: Stopp/);
    expect(lines[1]).toMatch(/^Orsak: Filen har sparats i ett kalkylprogram/);
    expect(lines[2]).toMatch(/^Gör så här: Ta fram filen på nytt/);
    expect(lines.join('\n')).toContain(`${PNRS.length + 1} följdfel`);
  });
  it('counts in Swedish: "1 rad", not "1 rader"', () => {
    const one = check(buildFile([validYouth(PNRS[0]!, { measures: [] })]));
    expect(one.rows).toBe(1);
    expect(formatReportText(one)).toContain('1 rad, 1 ungdom');
    expect(formatReportText(one)).not.toMatch(/\b1 rader\b/);
  });
  it('every family of damage leads its report (family of the first finding)', () => {
    expect(ruleFamily(check(valid().replace(/;/g, ',')).findings[0]!.ruleId)).toBe('spreadsheet');
    expect(ruleFamily(check(valid().replace(/\r\n/g, '\n')).findings[0]!.ruleId)).toBe('line-ending');
    expect(ruleFamily(check(valid().replace(/\r\n/g, '\r')).findings[0]!.ruleId)).toBe('line-ending');
  });
});
