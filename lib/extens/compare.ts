/**
 * The weekly comparison of an Extens extract with UKA's register (the SCB export file): who must be registered, whose
 * registration must end, who has protected identity (separate routine, never in UKA) and who lacks contact details.
 * Pure: no DOM, no browser APIs. Everything is worked out in memory; nothing is stored.
 */
import { ageOn, birthdayOn, type IsoDate } from '../domain/dates';
import { parseId } from '../domain/personnummer';
import type { ScbProfile } from '../scb/profile';
import { cachedParseId, defaultProfile, forEachScbLine, roleIndex } from '../stats/scb-lines';
import { judge, type EligibilityOptions } from './eligibility';
import type { ExtractPerson, RowError } from './extract';
import { count } from '../domain/swedish';

export interface ListEntry {
  /** 12 digits, YYYYMMDDNNNN. */
  personnummer: string;
  reason: string;
}

export interface ListEntryView extends ListEntry {
  /** Name as in the extract (memory only); '' when the youth is not in the extract. */
  name: string;
  phone: string;
  address: string;
}

export interface Register {
  /** Youths with an open registration period (RegSlut empty) in the file. */
  open: Set<string>;
  /** Every youth in the file. */
  all: Set<string>;
  /** Lines that could not be read into the profile's columns, or whose PersonNr is not a valid number. */
  unreadableLines: number[];
}

/** The register from an SCB file: "in UKA" = an open registration period (RegSlut empty). */
export function readRegister(bytes: Uint8Array, profile?: ScbProfile): Register {
  const p = profile ?? defaultProfile();
  const R = roleIndex(p);
  const parse = cachedParseId();
  const open = new Set<string>();
  const all = new Set<string>();
  const unreadableLines: number[] = [];
  const skipped = forEachScbLine(bytes, p, (f, line) => {
    const id = parse(R.personnummer < 0 ? '' : (f[R.personnummer] as string));
    if (!id) {
      unreadableLines.push(line);
      return;
    }
    all.add(id.digits12);
    if (R.regEnd < 0 || f[R.regEnd] === '') open.add(id.digits12);
  });
  unreadableLines.push(...skipped);
  return { open, all, unreadableLines: unreadableLines.sort((a, b) => a - b) };
}

export interface Comparison {
  register: ListEntryView[];
  end: ListEntryView[];
  protected: ListEntryView[];
  missingContact: ListEntryView[];
  rowErrors: RowError[];
  /** In UKA with an open registration but not in the extract (and not 20 yet): check by hand. */
  notInExtract: ListEntryView[];
  /** Youths of the extract left out of the verdict because a value could not be read (see rowErrors). */
  notJudged: number;
  counts: { extract: number; inUka: number; covered: number };
}

const byPnr = (a: ListEntry, b: ListEntry) => (a.personnummer < b.personnummer ? -1 : a.personnummer > b.personnummer ? 1 : 0);

export function compare(persons: readonly ExtractPerson[], register: Register, rowErrors: RowError[], opts: EligibilityOptions): Comparison {
  const out: Comparison = { register: [], end: [], protected: [], missingContact: [], rowErrors, notInExtract: [], notJudged: 0, counts: { extract: persons.length, inUka: register.open.size, covered: 0 } };
  const seen = new Set<string>();
  const lostIds = rowErrors.filter((e) => /personnum/i.test(e.message)).length;
  for (const p of persons) {
    const pnr = p.id.digits12;
    seen.add(pnr);
    if (p.unreadable) {
      out.notJudged++;
      continue;
    }
    const v = judge(p, opts);
    const inUka = register.open.has(pnr);
    const view = (reason: string): ListEntryView => ({ personnummer: pnr, reason, name: p.name, phone: p.phone, address: p.address });
    if (v.covered) out.counts.covered++;
    if (v.protectedIdentity) {
      if (inUka) out.protected.push(view(`Skyddad identitet men registrerad i UKA: ta bort registreringen enligt kommunens rutin och följ den särskilda rutinen. ${v.reason}`));
      else if (v.covered) out.protected.push(view(`Skyddad identitet: registrera inte i UKA, följ den särskilda rutinen. ${v.reason}`));
      continue;
    }
    if (v.covered && !inUka) out.register.push(view(`Ska registreras: ${v.reason.replace(/^Omfattas: /, '')}`));
    if (!v.covered && inUka) out.end.push(view(`Ska avslutas: ${v.reason.replace(/^Omfattas inte: /, '')}`));
    if (v.covered && v.missingContact) out.missingContact.push(view(`Varken telefon eller adress i utdraget (${inUka ? 'registrerad i UKA' : 'ska registreras'}).`));
  }
  for (const pnr of register.open) {
    if (seen.has(pnr)) continue;
    const id = parseId(pnr);
    if (!id) continue;
    const entry = { personnummer: pnr, name: '', phone: '', address: '' };
    if (ageOn(id.birthDate as IsoDate, opts.date) >= 20) out.end.push({ ...entry, reason: `Ska avslutas: fyllde 20 år ${birthdayOn(id.birthDate as IsoDate, 20)} (finns inte i utdraget).` });
    else
      out.notInExtract.push({
        ...entry,
        reason: `Registrerad i UKA men finns inte i utdraget${lostIds > 0 ? ` (eller på någon av ${count(lostIds, 'rad')} vars personnummer inte kunde läsas)` : ''}: kontrollera folkbokföring och skolgång.`,
      });
  }
  out.register.sort(byPnr);
  out.end.sort(byPnr);
  out.protected.sort(byPnr);
  out.missingContact.sort(byPnr);
  out.notInExtract.sort(byPnr);
  return out;
}

/** The CLI's JSON shape: the four lists and the row errors. */
export function comparisonJson(c: Comparison): { register: ListEntry[]; end: ListEntry[]; protected: ListEntry[]; missingContact: ListEntry[]; rowErrors: RowError[] } {
  const strip = (l: ListEntryView[]) => l.map(({ personnummer, reason }) => ({ personnummer, reason }));
  return { register: strip(c.register), end: strip(c.end), protected: strip(c.protected), missingContact: strip(c.missingContact), rowErrors: c.rowErrors };
}
