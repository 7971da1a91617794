/**
 * From the rows of an Extens extract to one record per youth, with a precise error for every cell that cannot be
 * read (row number, column, what was wrong). The import never stops at a bad row; a youth with an unreadable value
 * that the verdict depends on is left out of the verdict (never guessed) and the error says so.
 * Pure: no DOM, no browser APIs. Names, phone numbers and addresses stay in memory only.
 */
import type { IsoDate } from '../domain/dates';
import { EXTENS_FIELDS, FIELD_LABELS, resolveMapping, type ExtensField, type ExtensMapping } from './mapping';
import { decodeExtract, isEmptyRow, looksLikeHeader, streamRows, type Encoding, type Separator } from './parse';
import {
  clean,
  readCertificate,
  readDate,
  readFlag,
  readKommun,
  readPersonnummer,
  readProgramme,
  readSchoolForm,
  type Certificate,
  type CertKind,
  type PersonId,
  type Programme,
  type SchoolForm,
} from './values';

export interface RowError {
  /** 1-based record number in the file (the header row is row 1), as a spreadsheet numbers it. */
  row: number;
  /** Header name of the column, or "kolumn N" without a header; "" for a whole-row problem. */
  column: string;
  message: string;
}

export interface Enrolment {
  row: number;
  form: SchoolForm;
  programme: Programme;
  from: IsoDate | null;
  to: IsoDate | null;
}

export interface ExtractPerson {
  id: PersonId;
  /** Rows of the file that describe this youth. */
  rows: number[];
  name: string;
  kommuner: string[];
  enrolments: Enrolment[];
  examen: Certificate | null;
  gymnasieintyg: Certificate | null;
  studiebevis: Certificate | null;
  sarskolebevis: Certificate | null;
  protectedIdentity: boolean;
  phone: string;
  address: string;
  /** True when a value the verdict needs could not be read on one of the rows (see rowErrors). */
  unreadable: boolean;
}

export interface ExtractResult {
  encoding: Encoding;
  separator: Separator;
  header: string[] | null;
  /** Data records read (empty rows not counted). */
  rows: number;
  persons: ExtractPerson[];
  rowErrors: RowError[];
  /** Fields the mapping asks for that are not mapped. */
  mapped: ExtensField[];
  cancelled: boolean;
}

export interface ReadExtractOptions {
  map: ExtensMapping;
  /** true/false forces it; undefined detects it from the first row. */
  hasHeader?: boolean;
  separator?: Separator;
  /** Date used to place a 10-digit personnummer in its century. */
  date?: IsoDate;
  onProgress?: (share: number) => boolean | void;
  /** Cap of row errors kept (the total is still counted). Default 5,000. */
  maxErrors?: number;
}

/** The header row and the column count of a file's first record, for the mapping form. */
export function previewExtract(bytes: Uint8Array, maxRows = 5, hasHeader?: boolean): { encoding: Encoding; separator: Separator; header: string[] | null; sample: string[][]; columnCount: number } {
  const { text, encoding } = decodeExtract(bytes.subarray(0, Math.min(bytes.length, 256 * 1024)));
  const rows: string[][] = [];
  let separator: Separator = ';';
  try {
    const summary = streamRows(text, (cells) => {
      if (!isEmptyRow(cells) && rows.length < maxRows + 1) rows.push(cells);
    });
    separator = summary.separator;
  } catch {
    // an unreadable preview shows no columns
  }
  const first = rows[0] ?? [];
  const header = (hasHeader ?? looksLikeHeader(first)) ? first.map((h) => h.replace(/^\ufeff/, '').trim()) : null;
  return { encoding, separator, header, sample: header ? rows.slice(1) : rows.slice(0, maxRows), columnCount: first.length };
}

/** Read the whole extract with a mapping. Never throws on file content. */
export function readExtract(bytes: Uint8Array, opts: ReadExtractOptions): ExtractResult {
  const { text, encoding } = decodeExtract(bytes);
  const rowErrors: RowError[] = [];
  const maxErrors = opts.maxErrors ?? 5000;
  let errorCount = 0;
  const addError = (e: RowError) => {
    errorCount++;
    if (rowErrors.length < maxErrors) rowErrors.push(e);
  };
  const byId = new Map<string, ExtractPerson>();
  let header: string[] | null = null;
  let cols: Partial<Record<ExtensField, number>> = {};
  let headerDecided = false;
  let dataRows = 0;
  const colName = (i: number) => (header?.[i] ? header[i] : `kolumn ${i + 1}`);

  // Row state and its accessors are made once, not per row (a 50,000-row extract would otherwise make 250,000 closures).
  let cells: string[] = [];
  let row = 0;
  let unreadable = false;
  const cell = (f: ExtensField): string | undefined => {
    const i = cols[f];
    return i === undefined ? undefined : (cells[i] ?? '');
  };
  const raw = cell;
  const err = (f: ExtensField, message: string) => addError({ row, column: cols[f] !== undefined ? colName(cols[f] as number) : FIELD_LABELS[f], message });
  const take = <T>(f: ExtensField, r: { ok: true; value: T } | { ok: false; message: string }, fallback: T): T => {
    if (r.ok) return r.value;
    err(f, r.message);
    unreadable = true;
    return fallback;
  };

  const summary = streamRows(
    text,
    (cells, row) => {
      if (isEmptyRow(cells)) return;
      if (!headerDecided) {
        headerDecided = true;
        const isHeader = opts.hasHeader ?? looksLikeHeader(cells);
        if (isHeader) {
          header = cells.map((h) => h.replace(/^\ufeff/, '').trim());
          cols = resolveMapping(opts.map, header);
          return;
        }
        cols = resolveMapping(opts.map, null);
      }
      dataRows++;
      readRow(cells, row);
    },
    { separator: opts.separator, onProgress: opts.onProgress },
  );
  for (const p of summary.problems) addError({ row: p.row, column: '', message: p.message });
  if (!headerDecided) cols = resolveMapping(opts.map, null);
  if (errorCount > rowErrors.length) {
    rowErrors.push({ row: 0, column: '', message: `ytterligare ${errorCount - rowErrors.length} fel visas inte` });
  }

  function readRow(rowCells: string[], rowNumber: number): void {
    cells = rowCells;
    row = rowNumber;
    unreadable = false;
    if (cols.personnummer === undefined) {
      addError({ row, column: '', message: 'ingen kolumn är vald för personnummer' });
      return;
    }
    if (header && cells.length !== (header as string[]).length && cells.length < (cols.personnummer as number) + 1) {
      addError({ row, column: '', message: `raden har ${cells.length} fält, rubrikraden ${(header as string[]).length}` });
      return;
    }
    const pid = readPersonnummer(cell('personnummer'), opts.date);
    if (!pid.ok) {
      err('personnummer', pid.message);
      return;
    }
    let kommun: string | null = null;
    if (raw('kommun') !== undefined) {
      kommun = take('kommun', readKommun(raw('kommun')), null);
      if (kommun === null && clean(raw('kommun')) === '') {
        err('kommun', 'folkbokföringskommun saknas');
        unreadable = true;
      }
    }
    const form = raw('schoolForm') === undefined ? 'NONE' : take('schoolForm', readSchoolForm(raw('schoolForm')), 'NONE' as SchoolForm);
    const programme = raw('programme') === undefined ? ({ kind: 'none' } as Programme) : take('programme', readProgramme(raw('programme')), { kind: 'none' } as Programme);
    const from = raw('enrolledFrom') === undefined ? null : take('enrolledFrom', readDate(raw('enrolledFrom')), null);
    const to = raw('enrolledTo') === undefined ? null : take('enrolledTo', readDate(raw('enrolledTo')), null);
    if (from && to && to < from) {
      err('enrolledTo', `inskriven till (${to}) ligger före inskriven från (${from})`);
      unreadable = true;
    }
    const certs: Record<CertKind, Certificate | null> = { examen: null, gymnasieintyg: null, studiebevis: null, sarskolebevis: null };
    for (const [kind, f] of CERT_FIELDS) {
      const c = raw(f) === undefined ? null : take(f, readCertificate(raw(f), kind), null);
      certs[kind] = mergeCert(certs[kind], c);
      // "Studiebevis" in the examen column is a studiebevis, not an examen.
      if (c?.names) certs[c.names] = mergeCert(certs[c.names], { has: true, date: null, text: c.text });
    }
    const { examen, gymnasieintyg, studiebevis, sarskolebevis } = certs;
    const protectedIdentity = raw('protectedIdentity') === undefined ? false : take('protectedIdentity', readFlag(raw('protectedIdentity')), false);
    if (raw('protectedIdentity') !== undefined && !readFlag(raw('protectedIdentity')).ok) unreadable = true;
    const name = [clean(raw('name')), [clean(raw('firstName')), clean(raw('lastName'))].filter(Boolean).join(' ')].filter(Boolean).join(' ');

    const key = pid.value.digits12;
    const enrolment: Enrolment | null = form !== 'NONE' || programme.kind !== 'none' || from || to ? { row, form, programme, from, to } : null;
    let p = byId.get(key);
    if (!p) {
      // Arrays made with their first element: a push onto an empty array reserves room for 17 (a 50,000-row extract
      // is 50,000 youths, most with one row).
      p = {
        id: pid.value,
        rows: [row],
        name,
        kommuner: kommun ? [kommun] : [],
        enrolments: enrolment ? [enrolment] : [],
        examen: null,
        gymnasieintyg: null,
        studiebevis: null,
        sarskolebevis: null,
        protectedIdentity: false,
        phone: '',
        address: '',
        unreadable: false,
      };
      byId.set(key, p);
    } else {
      p.rows.push(row);
      if (!p.name && name) p.name = name;
      if (kommun && !p.kommuner.includes(kommun)) p.kommuner.push(kommun);
      if (enrolment) p.enrolments.push(enrolment);
    }
    p.examen = mergeCert(p.examen, examen);
    p.gymnasieintyg = mergeCert(p.gymnasieintyg, gymnasieintyg);
    p.studiebevis = mergeCert(p.studiebevis, studiebevis);
    p.sarskolebevis = mergeCert(p.sarskolebevis, sarskolebevis);
    p.protectedIdentity ||= protectedIdentity;
    if (!p.phone) p.phone = clean(raw('phone'));
    if (!p.address) p.address = clean(raw('address'));
    if (unreadable) p.unreadable = true;
  }

  return {
    encoding,
    separator: summary.separator,
    header,
    rows: dataRows,
    persons: [...byId.values()],
    rowErrors,
    mapped: EXTENS_FIELDS.filter((f) => cols[f] !== undefined),
    cancelled: summary.cancelled,
  };
}

/** The certificate fields of the mapping, by the kind each column is for. */
const CERT_FIELDS: ReadonlyArray<[CertKind, ExtensField]> = [
  ['examen', 'examen'],
  ['gymnasieintyg', 'gymnasieintyg'],
  ['studiebevis', 'studiebevis'],
  ['sarskolebevis', 'sarskolebevis'],
];

/** Two readings of the same certificate: "has" wins, with the earliest date. */
function mergeCert(a: Certificate | null, b: Certificate | null): Certificate | null {
  if (!a) return b;
  if (!b) return a;
  if (a.has !== b.has) return a.has ? a : b;
  if (a.date && b.date) return a.date <= b.date ? a : b;
  return a.date ? b : a;
}
