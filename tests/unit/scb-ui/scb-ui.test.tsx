/** The SCB-file UI: pure helpers (components/scb/model.ts) and the dialog/panels rendered to HTML. */
import { describe, expect, it } from 'vitest';
import { render as renderToString } from 'preact-render-to-string';
import { validateScbFile, mapScbErrorList } from '../../../lib/scb';
import {
  buildPersonIndex,
  dialogGroups,
  exportTimeText,
  linkErrors,
  mainFindings,
  overrideReady,
  saveActionFor,
  showId,
  twelveDigits,
} from '../../../components/scb/model';
import { GuardDialog } from '../../../components/scb/GuardDialog';
import { BLOCKED_PAGE, blockedPersons, ExportBlocked } from '../../../components/scb/ExportBlocked';
import { UploadCheck } from '../../../components/scb/UploadCheck';
import { GuardPanel } from '../../../components/scb/GuardPanel';
import type { ExportListGroup } from '../../../lib/uka/types';
import { buildFile, buildText, cp1252, pickYouths, validYouth, withField } from '../scb/build-file';

const TODAY = '2026-11-23';
const [A, B, C] = pickYouths(TODAY, 3) as [string, string, string];
const dash = (p: string) => `${p.slice(0, 8)}-${p.slice(8)}`;

const groups: ExportListGroup[] = [
  { colour: 'red', heading: 'Problem: åtgärd utan slutorsak', kind: 'R3', rows: [{ name: 'Alva Test', personnummer: dash(A), label: 'Coach Anna', href: '/person/1' }] },
  {
    colour: 'red',
    heading: 'Problem: SysEfter saknas',
    kind: 'R4',
    rows: [
      { name: 'Alva Test', personnummer: dash(A), label: 'Coach Anna', href: '/person/1' },
      { name: 'Bo Test', personnummer: dash(B), label: null, href: '/person/2' },
    ],
  },
  { colour: 'yellow', heading: 'Kontrollera: SenSysReg saknas', kind: 'Y2', rows: [{ name: 'Cecilia Test', personnummer: C.slice(2), label: null, href: '/person/3' }] },
];

describe('person index and display', () => {
  it('normalises shown personnummer to 12 digits', () => {
    expect(twelveDigits(dash(A))).toBe(A);
    expect(twelveDigits(A)).toBe(A);
    expect(twelveDigits(`${C.slice(2, 8)}-${C.slice(8)}`)).toBe(C);
    expect(twelveDigits('abc')).toBeNull();
    expect(twelveDigits(null)).toBeNull();
  });
  it('indexes every row once (first row wins)', () => {
    const idx = buildPersonIndex({ groups });
    expect(idx.size).toBe(3);
    expect(idx.get(A)).toEqual({ name: 'Alva Test', href: '/person/1' });
    expect(idx.get(C)?.href).toBe('/person/3');
  });
  it('masks unless the full number was asked for', () => {
    expect(showId(A, false)).toBe(`${A.slice(0, 8)}-****`);
    expect(showId(A, true)).toBe(dash(A));
  });
  it('lists the blocked persons once with all their red headings', () => {
    const persons = blockedPersons(groups);
    expect(persons.map((p) => p.href)).toEqual(['/person/1', '/person/2']);
    expect(persons[0]?.headings).toHaveLength(2);
    const html = renderToString(<ExportBlocked groups={groups} />);
    expect(html).toContain('href="/person/1"');
    expect(html).toContain('href="/person/2"');
    expect(html).not.toContain('/person/3');
    expect(html).toContain('2 personer');
    expect(html).not.toContain('Visa fler');
  });
  it('shows the first blocked persons of a long list, and says how many more there are', () => {
    const rows = Array.from({ length: BLOCKED_PAGE + 5 }, (_, i) => ({ name: `Person ${i}`, href: `/person/${i}`, label: null, personnummer: null }));
    const long = [{ ...groups[0]!, rows }] as typeof groups;
    const html = renderToString(<ExportBlocked groups={long} />);
    expect(html.match(/<a href=/g)).toHaveLength(BLOCKED_PAGE);
    expect(html).toContain(`${BLOCKED_PAGE + 5} personer`);
    expect(html).toContain('Visa fler (5 kvar)');
  });
});

describe('save choices', () => {
  it('offers the right button per verdict', () => {
    expect(saveActionFor('ok')).toBe('save');
    expect(saveActionFor('warn')).toBe('save-anyway');
    expect(saveActionFor('block')).toBe('override');
    expect(saveActionFor('unreadable')).toBe('none');
  });
  it('needs both the checkbox and a reason for an override', () => {
    expect(overrideReady(false, 'Ett bra skäl')).toBe(false);
    expect(overrideReady(true, '  ab ')).toBe(false);
    expect(overrideReady(true, 'Ett bra skäl')).toBe(true);
  });
});

describe('dialog', () => {
  const text = buildText([validYouth(A), validYouth(B), validYouth(C)]);
  const bad = withField(withField(text, 0, 8, '99'), 2, 2, '2026-02-30');
  const report = validateScbFile(cp1252(bad), { kommun: '2281', today: TODAY });
  const people = buildPersonIndex({ groups });

  it('groups findings per person with links, masked numbers', () => {
    expect(report.verdict).toBe('block');
    const g = dialogGroups(report, people, false);
    const persons = g.filter((x) => x.personKey !== null);
    expect(persons.map((x) => x.personKey)).toEqual([A, B]);
    expect(persons[0]?.link?.href).toBe('/person/1');
    const html = renderToString(<GuardDialog report={report} fileName="KAA_2281_2026H2.txt" people={people} maskReason={(r) => r} onSave={() => undefined} onCancel={() => undefined} />);
    expect(html).toContain('role="dialog"');
    expect(html).toContain('aria-modal="true"');
    expect(html).toContain('href="/person/1"');
    expect(html).toContain('href="/person/2"');
    expect(html).toContain(`${A.slice(0, 8)}-****`);
    expect(html).not.toContain(A.slice(8));
    expect(html).toContain('Öppna inte filen');
    expect(html).toContain('Spara ändå');
    expect(html).toMatch(/<button[^>]*disabled[^>]*>Spara ändå/);
    expect(html).toContain('Avbryt');
  });
  it('shows "Spara filen" for a clean file and "Spara ändå" for warnings only', () => {
    const ok = validateScbFile(buildFile([validYouth(A)]), { kommun: '2281', today: TODAY });
    expect(ok.verdict).toBe('ok');
    const html = renderToString(<GuardDialog report={ok} fileName="f.txt" people={people} maskReason={(r) => r} onSave={() => undefined} onCancel={() => undefined} />);
    expect(html).toContain('Spara filen');
    expect(html).not.toContain('Spara ändå');
    const warn = { ...ok, verdict: 'warn' as const };
    const html2 = renderToString(<GuardDialog report={warn} fileName="f.txt" people={people} maskReason={(r) => r} onSave={() => undefined} onCancel={() => undefined} />);
    expect(html2).toMatch(/<button type="button">Spara ändå/);
  });
  it('says so when the file carries traces of a spreadsheet program', () => {
    const damaged = validateScbFile(cp1252(buildText([validYouth(A)]).replace(/;/g, ',')), { kommun: '2281', today: TODAY });
    expect(damaged.excelDamage).toBe(true);
    const html = renderToString(<GuardDialog report={damaged} fileName="f.txt" people={people} maskReason={(r) => r} onSave={() => undefined} onCancel={() => undefined} />);
    expect(html).toContain('Filen bär spår av ett kalkylprogram');
    const clean = renderToString(<GuardDialog report={validateScbFile(buildFile([validYouth(A)]), { kommun: '2281', today: TODAY })} fileName="f.txt" people={people} maskReason={(r) => r} onSave={() => undefined} onCancel={() => undefined} />);
    expect(clean).not.toContain('kalkylprogram');
  });
  it('has no save button for an unreadable file', () => {
    const r = validateScbFile(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]), {});
    expect(r.verdict).toBe('unreadable');
    const html = renderToString(<GuardDialog report={r} fileName="f.txt" people={people} maskReason={(r) => r} onSave={() => undefined} onCancel={() => undefined} />);
    expect(html).not.toContain('Spara');
    expect(html).toContain('Avbryt');
  });
});

describe('error list and upload check', () => {
  it('links each mapped line of SCB\'s error list to the person page', () => {
    const bytes = buildFile([validYouth(A), validYouth(B), validYouth(C)]);
    // Line 1 is the header; validYouth gives two lines per person.
    const entries = linkErrors(mapScbErrorList('Rad 2: fel kod\nRad 4 och 6: fel datum\nOkänt fel', bytes), buildPersonIndex({ groups }));
    expect(entries.map((e) => [e.fileLine, e.personKey, e.link?.href ?? null])).toEqual([
      [2, A, '/person/1'],
      [4, B, '/person/2'],
      [6, C, '/person/3'],
      [null, null, null],
    ]);
    expect(entries[0]?.masked).toBe(`${A.slice(0, 8)}-****`);
  });
  it('picks blocking findings first and masks numbers in messages', () => {
    const r = mainFindings({
      findings: [
        { severity: 'info', ruleId: 'G1', line: 2, message: 'i', fix: '' },
        { severity: 'warn', ruleId: 'Y2', line: 3, message: `w ${A}`, fix: '' },
        { severity: 'block', ruleId: 'S-CODE', line: 4, message: 'b', fix: '' },
      ],
    });
    expect(r.map((f) => f.ruleId)).toEqual(['S-CODE', 'Y2']);
    expect(r[1]?.message).toBe(`w ${A.slice(0, 8)}-****`);
  });
  it('writes the export time as HH:MM (with the date when not today)', () => {
    const t = Date.parse('2026-11-23T13:02:00Z'); // 14:02 in Stockholm
    expect(exportTimeText(t, t + 60_000)).toBe('14:02');
    expect(exportTimeText(t, t + 3 * 86_400_000)).toBe('14:02 den 2026-11-23');
  });
  it('renders the unchanged and changed states', () => {
    const t = Date.parse('2026-11-23T13:02:00Z');
    const same = renderToString(<UploadCheck now={t} state={{ kind: 'unchanged', fileName: 'f.txt', exportedAt: t, period: '2026H2', verdict: 'warn', override: false }} />);
    expect(same).toContain('Oförändrad fil från UKA, exporterad 14:02');
    const changed = renderToString(
      <UploadCheck state={{ kind: 'changed', fileName: 'f.txt', verdict: 'block', counts: { block: 2, warn: 0, info: 0 }, top: [{ ruleId: 'X-COMMA', line: 2, message: 'komma' }] }} />,
    );
    expect(changed).toContain('Filen är inte den som KAA-lotsen sparade');
    expect(changed).toContain('X-COMMA');
  });
  it('renders the panel with the error-list disclosure, closed: its form is built when it is opened', () => {
    const html = renderToString(<GuardPanel state={{ kind: 'ready' }} people={new Map()} />);
    expect(html).toContain('<summary>Tolka SCB:s fellista</summary>');
    expect(html).not.toContain('<textarea');
    expect(html).not.toContain('type="file"');
  });
});
