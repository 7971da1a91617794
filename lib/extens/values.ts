/**
 * Readers of single values as Swedish school data writes them (Extens, BEDA, spreadsheets). Each reader returns the
 * value or a precise Swedish message of what is wrong; none guesses. Pure: no DOM, no browser APIs.
 */
import { luhn10, parseId } from '../domain/personnummer';
import { isIsoDate, type IsoDate } from '../domain/dates';

export type Read<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const bad = <T>(message: string): Read<T> => ({ ok: false, message });

/** Trimmed text with non-breaking spaces as spaces; Excel's ="..." text guard removed. */
export function clean(raw: string | undefined): string {
  if (raw === undefined) return '';
  let s = raw.replace(/\u00a0/g, ' ').trim();
  const guarded = /^="(.*)"$/.exec(s);
  if (guarded) s = (guarded[1] as string).trim();
  return s;
}

/** A value a spreadsheet program wrote as a number: 1.99E+11, 1,99901E+11, 199901011234.0. */
const SCIENTIFIC = /^[+-]?\d+(?:[.,]\d+)?[eE][+-]?\d+$/;
const DECIMAL_TAIL = /^\d{10,12}[.,]0+$/;

export interface PersonId {
  digits12: string;
  birthDate: IsoDate;
  coordination: boolean;
}

/**
 * Personnummer or samordningsnummer, 10 or 12 digits, with or without `-`, `+` or a space. A number a spreadsheet
 * has turned into scientific notation has lost its last digits and is reported, never rebuilt.
 */
export function readPersonnummer(raw: string | undefined, onDate?: IsoDate): Read<PersonId> {
  const s = clean(raw);
  if (s === '') return bad('personnummer saknas');
  if (SCIENTIFIC.test(s)) return bad(`personnumret "${s}" är förstört av ett kalkylprogram (skrivet som tal i exponentform, siffror har gått förlorade); exportera utdraget igen utan att öppna det i Excel`);
  if (DECIMAL_TAIL.test(s)) return bad(`personnumret "${s}" har fått decimaler av ett kalkylprogram; exportera utdraget igen`);
  const compact = s.replace(/ /g, '');
  // Fast path for the usual 12-digit forms (a 50,000-row extract): Luhn and a real birth date, as parseId checks them.
  const m12 = /^(\d{8})-?(\d{4})$/.exec(compact);
  if (m12) {
    const digits12 = `${m12[1]}${m12[2]}`;
    const day = Number(digits12.slice(6, 8));
    const coordination = day > 60;
    const birthDate = `${digits12.slice(0, 4)}-${digits12.slice(4, 6)}-${String(coordination ? day - 60 : day).padStart(2, '0')}`;
    if (luhn10(digits12) && isIsoDate(birthDate)) return ok({ digits12, birthDate: birthDate as IsoDate, coordination });
  }
  if (!/^(\d{6}|\d{8})[-+]?\d{4}$/.test(compact)) {
    const digits = compact.replace(/\D/g, '');
    if (/^\d+$/.test(compact) && digits.length < 10) return bad(`personnumret "${s}" har bara ${digits.length} siffror (inledande nollor kan ha tagits bort av ett kalkylprogram)`);
    return bad(`"${s}" är inte ett personnummer (10 eller 12 siffror)`);
  }
  let text = compact;
  if (/^\d{10}$/.test(compact) || /^\d{6}[-+]\d{4}$/.test(compact)) {
    // Ten digits: the century follows from the separator (+ = 100 years or older) relative to the date.
    text = withCentury(compact, onDate);
  }
  const id = parseId(text);
  if (!id) return bad(`personnumret "${s}" är ogiltigt (fel kontrollsiffra eller datum)`);
  return ok({ digits12: id.digits12, birthDate: id.birthDate as IsoDate, coordination: id.coordination });
}

function withCentury(ten: string, onDate: IsoDate | undefined): string {
  const plus = ten.includes('+');
  const d = ten.replace(/[-+]/g, '');
  const yy = Number(d.slice(0, 2));
  const ref = onDate ?? new Date().toISOString().slice(0, 10);
  const refYear = Number(ref.slice(0, 4));
  const refMmdd = ref.slice(5, 7) + ref.slice(8, 10);
  let century = Math.floor(refYear / 100) * 100;
  let year = century + yy;
  const mmdd = d.slice(2, 6);
  if (year > refYear || (year === refYear && mmdd > refMmdd)) year -= 100;
  if (plus) year -= 100;
  century = Math.floor(year / 100);
  return `${century}${d}`;
}

/**
 * A date: 2026-08-17, 20260817, 2026/08/17, 2026.08.17. Dates a spreadsheet changed (a time part, 17/8/2026,
 * 2026-8-17, a serial number such as 46251) are reported as such.
 */
export function readDate(raw: string | undefined): Read<IsoDate | null> {
  const s = clean(raw);
  if (s === '') return ok(null);
  let m = /^(\d{4})[-/.](\d{2})[-/.](\d{2})$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) {
    const iso = `${m[1]}-${m[2]}-${m[3]}`;
    return isIsoDate(iso) ? ok(iso as IsoDate) : bad(`"${s}" är inget verkligt datum`);
  }
  m = /^(\d{4}-\d{2}-\d{2})[ T]\d{1,2}:\d{2}(:\d{2})?$/.exec(s);
  if (m) return bad(`datumet "${s}" har fått en klockslagsdel av ett kalkylprogram; skriv det som ÅÅÅÅ-MM-DD`);
  if (/^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$/.test(s) || /^\d{4}-\d{1,2}-\d{1,2}$/.test(s))
    return bad(`datumet "${s}" är skrivet i ett format som kan läsas på flera sätt (ofta efter Excel); skriv det som ÅÅÅÅ-MM-DD`);
  if (/^\d{5}$/.test(s)) return bad(`datumet "${s}" ser ut att vara ett serienummer från ett kalkylprogram; skriv det som ÅÅÅÅ-MM-DD`);
  return bad(`"${s}" är inget datum (skriv ÅÅÅÅ-MM-DD)`);
}

const YES = new Set(['j', 'ja', 'x', '1', 'y', 'yes', 'sant', 'true']);
const NO = new Set(['', 'n', 'nej', '0', 'no', 'falskt', 'false', '-']);

/** A yes/no flag: J/N, Ja/Nej, X/empty, 1/0. */
const FLAG_YES: Read<boolean> = Object.freeze({ ok: true, value: true });
const FLAG_NO: Read<boolean> = Object.freeze({ ok: true, value: false });

export function readFlag(raw: string | undefined): Read<boolean> {
  const s = clean(raw).toLowerCase();
  if (YES.has(s)) return FLAG_YES;
  if (NO.has(s)) return FLAG_NO;
  return bad(`"${clean(raw)}" är inte ja eller nej (skriv J/N, Ja/Nej, X eller 1/0)`);
}

/** A certificate (examen, bevis, intyg): a flag, or the date it was issued (a date after the check date = not yet). */
export interface Certificate {
  has: boolean;
  /** Date issued, when the column gives one. */
  date: IsoDate | null;
  /** Kind of examen as written (IB, "Högskoleförberedande examen"...), when the column gives text. */
  text: string | null;
  /** The cell names another kind of certificate than its column's ("Studiebevis" in the examen column). */
  names?: CertKind;
}

export type CertKind = 'examen' | 'gymnasieintyg' | 'studiebevis' | 'sarskolebevis';

/** The kind of certificate a text names; 'none' for a text saying there is none; null when it names nothing known. */
export function certTextKind(text: string): CertKind | 'none' | null {
  const t = text.toLowerCase();
  if (/^(ingen|inget|inga|ej|inte|icke|utan|saknas|underkänd)\b|\b(saknas|underkänd)$|ofullständig/.test(t)) return 'none';
  if (/särskolebevis|sarskolebevis/.test(t)) return 'sarskolebevis';
  if (/studiebevis/.test(t)) return 'studiebevis';
  if (/gymnasieintyg|^intyg$/.test(t)) return 'gymnasieintyg';
  if (/examen|\bib\b|baccalaureate|motsvarande|utländsk|fullständig|godkänd|slutbetyg/.test(t)) return 'examen';
  return null;
}

/** The two flag readings, shared (certificates are never changed once read; a 50,000-row extract has many). */
const CERT_YES: Read<Certificate> = Object.freeze({ ok: true, value: Object.freeze({ has: true, date: null, text: null }) });
const CERT_NO: Read<Certificate> = Object.freeze({ ok: true, value: Object.freeze({ has: false, date: null, text: null }) });

/**
 * A certificate cell of a column for `kind`: a flag (J/N, Ja/Nej, X/empty, 1/0), a date, or a text naming a kind of
 * certificate ("Gymnasieexamen", "IB", "Studiebevis", "Ingen examen"). A text naming another kind than the column's
 * is not this kind; `names` says which it is.
 */
export function readCertificate(raw: string | undefined, kind: CertKind = 'examen'): Read<Certificate> {
  const s = clean(raw);
  const flag = readFlag(s);
  if (flag.ok) return flag.value ? CERT_YES : CERT_NO;
  const d = readDate(s);
  if (d.ok && d.value) return ok({ has: true, date: d.value, text: null });
  if (!d.ok && /^\d/.test(s)) return bad(d.message);
  const named = certTextKind(s);
  if (named === 'none') return CERT_NO;
  if (named === kind) return ok({ has: true, date: null, text: s });
  if (named !== null) return ok({ has: false, date: null, text: s, names: named });
  return bad(`"${s}" går inte att läsa som ja/nej, datum eller examenstyp`);
}

export type SchoolForm = 'GY' | 'GYS' | 'GR' | 'GRS' | 'OTHER' | 'NONE';

const SCHOOL_FORMS: Array<[RegExp, SchoolForm]> = [
  [/^(gys|gysär|gysar|gymnasiesärskolan?|anpassade? gymnasieskolan?|anp\.? gymnasieskolan?|agy)$/i, 'GYS'],
  [/^(gy|gym|gymnasieskolan?|gymnasiet|gymnasium)$/i, 'GY'],
  [/^(grs|grsär|grundsärskolan?|anpassade? grundskolan?)$/i, 'GRS'],
  // Specialskolan (and sameskolan) are compulsory school too.
  [/^(gr|grundskolan?|sp|specialskolan?|sam|sameskolan?)$/i, 'GR'],
  [/^(vux|komvux|kv|sfi|sär?vux|anpassad utbildning för vuxna|kommunal vuxenutbildning|fhsk|folkhögskola|yh|yrkeshögskola|hs|högskola)$/i, 'OTHER'],
];

/** Skolform: GY, GYS, GR, GRS (codes or spelled out); komvux, folkhögskola and the like are OTHER. */
export function readSchoolForm(raw: string | undefined): Read<SchoolForm> {
  const s = clean(raw);
  if (s === '') return ok('NONE');
  for (const [re, form] of SCHOOL_FORMS) if (re.test(s)) return ok(form);
  return bad(`skolformen "${s}" är okänd (väntat GY, GYS, Gymnasieskola, Anpassad gymnasieskola, GR eller t.ex. Komvux)`);
}

export type Programme = { kind: 'national'; code: string } | { kind: 'im'; code: string } | { kind: 'none' };

/** Skolverket's two-letter national programmes. */
export const NATIONAL_PROGRAMMES = new Set(['BA', 'BF', 'EE', 'EK', 'ES', 'FT', 'HA', 'HU', 'HT', 'HV', 'IN', 'IB', 'NA', 'NB', 'RL', 'SA', 'TE', 'VF', 'VO', 'VB', 'MB', 'FP', 'BP', 'TS']);
const IM_PROGRAMMES = new Set(['IMA', 'IMV', 'IMY', 'IMS', 'IMI', 'IMPRO', 'IMYRK', 'IMPRE', 'IMIAS', 'IMIKL', 'IMER', 'IMFHS', 'IMYRKA', 'IMYRKB']);

/**
 * Programme: a national programme by its code (NA, EK, TE … also with a suffix such as NANAT, TEINF or NA22), an
 * introduktionsprogram (IMA, IMV, IMY, IMS, IMI, IMPRO, IMYRK …, or "Introduktionsprogram"), or none.
 */
export function readProgramme(raw: string | undefined): Read<Programme> {
  // Readings are shared per written value (never changed once read): a 50,000-row extract has a few dozen codes.
  const key = raw ?? '';
  let hit = programmeCache.get(key);
  if (!hit) {
    hit = readProgrammeText(clean(raw));
    if (programmeCache.size < 1000) programmeCache.set(key, hit);
  }
  return hit;
}

const programmeCache = new Map<string, Read<Programme>>();

function readProgrammeText(s: string): Read<Programme> {
  if (s === '' || /^(inget|ingen|saknas|-)$/i.test(s)) return ok({ kind: 'none' });
  const up = s.toUpperCase().replace(/\s+/g, '');
  if (IM_PROGRAMMES.has(up) || /^IM[A-ZÅÄÖ]{1,6}\d*$/.test(up) || /^introduktionsprogram/i.test(s)) return ok({ kind: 'im', code: up.startsWith('IM') ? up : 'IM' });
  if (up === 'IM') return ok({ kind: 'im', code: 'IM' });
  const two = up.slice(0, 2);
  if (/^[A-Z]{2}[A-Z0-9]{0,8}$/.test(up) && NATIONAL_PROGRAMMES.has(two)) return ok({ kind: 'national', code: up });
  if (/nationellt program|programmet$/i.test(s)) return ok({ kind: 'national', code: s });
  return bad(`programmet "${s}" är okänt (väntat en programkod som NA, EK, TE eller IMA, IMV, IMS …)`);
}

/** Kommunkod: four digits. Three digits means a spreadsheet dropped the leading zero (reported, never padded). */
export function readKommun(raw: string | undefined): Read<string | null> {
  const s = clean(raw);
  if (s === '') return ok(null);
  if (/^\d{4}$/.test(s)) return ok(s);
  if (/^\d{3}$/.test(s)) return bad(`kommunkoden "${s}" har tre siffror (en inledande nolla har troligen tagits bort av ett kalkylprogram)`);
  return bad(`"${s}" är ingen kommunkod (fyra siffror, t.ex. 0180)`);
}
