/**
 * Test helper: builds valid kaa-scb-1 files (Windows-1252 bytes, CRLF) from a small object model.
 * Personnummer come only from Skatteverket's test numbers (/work/shared/data/testpersonnummer).
 */
import { testPersonnummer, testSamordningsnummer } from '../../fixtures/testpersonnummer';
import { ageOn } from '../../../lib/domain/dates';
import { parseId } from '../../../lib/domain/personnummer';
import { defaultProfile } from '../../../lib/scb/profile';


let all: string[] | null = null;
function allTestNumbers(): string[] {
  all ??= testPersonnummer();
  return all;
}
export { testSamordningsnummer };

/** `count` distinct test personnummer of youths aged minAge..maxAge on `today` (default 16..19). */
export function pickYouths(today: string, count: number, minAge = 16, maxAge = 19, skip = 0): string[] {
  const out: string[] = [];
  let skipped = 0;
  for (const p of allTestNumbers()) {
    const parsed = parseId(p);
    if (!parsed) continue;
    const age = ageOn(parsed.birthDate, today);
    if (age < minAge || age > maxAge) continue;
    if (skipped++ < skip) continue;
    out.push(p);
    if (out.length === count) break;
  }
  if (out.length < count) throw new Error(`only ${out.length} test numbers aged ${minAge}-${maxAge} on ${today}`);
  return out;
}

/** A test personnummer whose holder is exactly `age` on `date` (first found). */
export function pickAged(date: string, age: number): string {
  return pickYouths(date, 1, age, age)[0] as string;
}

export interface ContactSpec {
  date: string;
  occ: string;
}
export interface MeasureSpec {
  code: string;
  start: string;
  end?: string;
  reason?: string;
  after?: string;
}
export interface RegSpec {
  start: string;
  end?: string;
  endReason?: string;
  level?: string;
  bevis?: string;
  contacts?: ContactSpec[];
  measures?: MeasureSpec[];
}
export interface YouthSpec {
  pnr: string;
  kommun?: string;
  regs: RegSpec[];
}

export interface BuildOptions {
  kommun?: string;
  header?: boolean;
  eol?: string;
  separator?: string;
  finalNewline?: boolean;
}

export const HEADER = defaultProfile().columns.map((c) => c.name);

/** The fields (14) of every line of the file, header excluded. */
export function buildRows(youths: YouthSpec[], opts: BuildOptions = {}): string[][] {
  const rows: string[][] = [];
  for (const y of youths) {
    for (const r of y.regs) {
      const base = [y.kommun ?? opts.kommun ?? '2281', y.pnr, r.start, r.end ?? '', r.end ? (r.endReason ?? '1') : (r.endReason ?? ''), r.level ?? '2', r.bevis ?? 'N'];
      const contacts = r.contacts ?? [];
      const measures = r.measures ?? [];
      if (contacts.length === 0 && measures.length === 0) rows.push([...base, '', '', '', '', '', '', '']);
      for (const c of contacts) rows.push([...base, c.date, c.occ, '', '', '', '', '']);
      for (const m of measures) {
        const ended = m.end !== undefined;
        rows.push([...base, '', '', m.code, m.start, m.end ?? '', m.reason ?? (ended ? '1' : ''), m.after ?? (ended ? '05' : '')]);
      }
    }
  }
  return rows;
}

/** Windows-1252 bytes of the text (every char must be ≤ 0xFF; the file content is ASCII anyway). */
export function cp1252(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0xff) throw new Error(`not encodable: ${text[i]}`);
    out[i] = c;
  }
  return out;
}

export function buildText(youths: YouthSpec[], opts: BuildOptions = {}): string {
  const sep = opts.separator ?? ';';
  const eol = opts.eol ?? '\r\n';
  const lines = buildRows(youths, opts).map((r) => r.join(sep));
  if (opts.header !== false) lines.unshift(HEADER.join(sep));
  return lines.join(eol) + (opts.finalNewline === false ? '' : eol);
}

export function buildFile(youths: YouthSpec[], opts: BuildOptions = {}): Uint8Array {
  return cp1252(buildText(youths, opts));
}

/**
 * A valid youth in 2026H2: one registration period, one finished measure, and one contact with an occupation dated
 * inside the measure period (R2 asks for one in every measure period; 08 is not InSys, so R1 stays quiet).
 */
export function validYouth(pnr: string, over: Partial<RegSpec> = {}): YouthSpec {
  return {
    pnr,
    regs: [
      {
        start: '2026-02-01',
        level: '2',
        bevis: 'N',
        contacts: [{ date: '2026-09-15', occ: '08' }],
        measures: [{ code: '16', start: '2026-09-01', end: '2026-10-31', reason: '1', after: '05' }],
        ...over,
      },
    ],
  };
}

/** Replace field `col` (0-based) of data row `row` (0-based, header excluded) in a text file. */
export function withField(text: string, row: number, col: number, value: string, eol = '\r\n'): string {
  const lines = text.split(eol);
  const idx = row + 1;
  const f = (lines[idx] as string).split(';');
  f[col] = value;
  lines[idx] = f.join(';');
  return lines.join(eol);
}

export const TODAY = '2027-01-15';
export const PERIOD = '2026H2';
