/**
 * The SCB override as a record (#17 item 6): the reason keeps no names of the export list and no personnummer-like
 * numbers, and the field says so; person links on the guard's panels stay in UKA (#17 item 7).
 */
import { describe, expect, it } from 'vitest';
import { render as renderToString } from 'preact-render-to-string';
import { testPersonnummer } from '../../fixtures/testpersonnummer';
import { buildPersonIndex, exportListNames, maskReason } from '../../../components/scb/model';
import { GuardDialog, OVERRIDE_REFUSED } from '../../../components/scb/GuardDialog';
import { ExportBlocked } from '../../../components/scb/ExportBlocked';
import { validateScbFile } from '../../../lib/scb';
import { buildText, cp1252, pickYouths, validYouth, withField } from '../scb/build-file';
import type { ExportListGroup } from '../../../lib/uka/types';

const P = testPersonnummer().find((p) => p.startsWith('2006'))!;
const d8 = P.slice(0, 8);
const d6 = P.slice(2, 8);
const last = P.slice(8);

const groups: ExportListGroup[] = [
  {
    colour: 'red',
    heading: 'Problem',
    kind: 'R3',
    rows: [
      { name: 'Alva Test', personnummer: `${d8}-${last}`, label: null, href: '/person/1' },
      { name: 'Öberg, Anna-Karin', personnummer: null, label: null, href: '//evil.example/person/2' },
    ],
  },
  { colour: 'yellow', heading: 'Kontrollera', kind: 'Y4', rows: [{ name: 'Kim Li', personnummer: null, label: null, href: 'javascript:alert(1)' }] },
];
const NAMES = exportListNames({ groups });

describe('maskReason: personnummer-like numbers in every form', () => {
  it.each([
    ['12 digits', P],
    ['12 with -', `${d8}-${last}`],
    ['12 with +', `${d8}+${last}`],
    ['12 with a space', `${d8} ${last}`],
    ['12 with spaced -', `${d8} - ${last}`],
    ['10 digits', `${d6}${last}`],
    ['10 with -', `${d6}-${last}`],
    ['10 with +', `${d6}+${last}`],
    ['10 with a space', `${d6} ${last}`],
    ['10 with spaced +', `${d6} + ${last}`],
  ])('%s', (_name, raw) => {
    const out = maskReason(`SCB godkände ${raw} per telefon.`, NAMES);
    expect(out).toBe('SCB godkände [personnummer] per telefon.');
    expect(out).not.toContain(last);
    expect(out).not.toContain(d6);
  });

  it('keeps dates, case numbers and counts', () => {
    expect(maskReason('Ärende 2026-123 den 2026-11-23, 12 rader, dnr 4711', NAMES)).toBe('Ärende 2026-123 den 2026-11-23, 12 rader, dnr 4711');
  });
});

describe('maskReason: names of the export list', () => {
  it.each([
    ['the whole name', 'Alva Test flyttade', '[namn] flyttade'],
    ['first name only, lower case', 'alva flyttade', '[namn] flyttade'],
    ['surname only', 'familjen Test flyttade', 'familjen [namn] flyttade'],
    ['a genitive', 'Alvas flytt', '[namn] flytt'],
    ['a genitive with colon', 'Kim:s flytt', '[namn] flytt'],
    ['"Surname, First" as UKA lists it', 'Anna-Karin Öberg flyttade', '[namn] [namn] flyttade'],
    ['one part of a hyphenated name', 'Karin flyttade', '[namn] flyttade'],
    ['a short name', 'Li flyttade', '[namn] flyttade'],
  ])('%s', (_name, input, expected) => {
    expect(maskReason(input, NAMES)).toBe(expected);
  });

  it('leaves words that merely contain a name', () => {
    expect(maskReason('Testet i Alvastra gick bra', NAMES)).toBe('Testet i Alvastra gick bra');
  });

  it('masks names and numbers together, and trims', () => {
    expect(maskReason(`  Alva Test (${d6}-${last}) flyttar, SCB vet  `, NAMES)).toBe('[namn] ([personnummer]) flyttar, SCB vet');
  });

  it('finds a name among thousands (a long export list), in any case', () => {
    const many = [...Array.from({ length: 5000 }, (_, i) => `Förnamn${i} Efternamn${i}`), 'Åsa Öberg'];
    expect(maskReason('ÅSA och förnamn4711 samt efternamn4999s', many)).toBe('[namn] och [namn] samt [namn]');
    expect(maskReason('Förnamn47110 finns inte', many)).toBe('Förnamn47110 finns inte');
  });

  it('lists every name of the list once', () => {
    expect(NAMES).toEqual(['Alva Test', 'Öberg, Anna-Karin', 'Kim Li']);
  });
});

describe('the guard dialog for an override', () => {
  const [A, B] = pickYouths('2026-11-23', 2) as [string, string];
  const report = validateScbFile(cp1252(withField(buildText([validYouth(A), validYouth(B)]), 0, 8, '99')), { kommun: '2281', today: '2026-11-23' });

  it('says in the field that names and personnummer are masked and that the log is local', () => {
    expect(report.verdict).toBe('block');
    const html = renderToString(
      <GuardDialog report={report} fileName="f.txt" people={buildPersonIndex({ groups })} maskReason={(r) => maskReason(r, NAMES)} onSave={() => undefined} onCancel={() => undefined} />,
    );
    expect(html).toContain('utan namn och personnummer');
    expect(html).toContain('lokala exportlogg');
    expect(html).toContain('[namn]');
    expect(html).toContain('[personnummer]');
    expect(html).toMatch(/<input[^>]*aria-describedby="kaa-reason-hint"/);
    expect(html).not.toContain('data-testid="guard-refused"');
  });

  it('has a refusal that names the cause and what to do', () => {
    expect(OVERRIDE_REFUSED).toMatch(/^Filen sparades inte\. Exportloggen kunde inte skrivas/);
    expect(OVERRIDE_REFUSED).toContain('Försök igen');
  });
});

describe('person links on the guard\'s panels stay in UKA', () => {
  it('the person index keeps only plain UKA paths', () => {
    const index = buildPersonIndex({ groups });
    expect([...index.values()].map((l) => l.href)).toEqual(['/person/1']);
  });

  it('the blocked-export list shows a name without a link when its path would leave UKA', () => {
    const html = renderToString(<ExportBlocked groups={groups} />);
    expect([...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1])).toEqual(['/person/1']);
    expect(html).toContain('Öberg, Anna-Karin');
    expect(html).not.toContain('evil.example');
  });
});
