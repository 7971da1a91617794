/** The per-youth model built from the rows, and the rules that look at one youth as a whole (R1, R2, R6, Y1–Y4, G1). */
import { ageOn } from '../../domain/dates';
import type { ParsedId } from '../../domain/personnummer';
import type { Compiled } from './compile';
import type { Sink } from './sink';

export interface RegPeriod {
  start: string;
  end: string | null; // null = ongoing or invalid
  endValid: boolean;
  level: string;
  bevis: string;
  reason: string;
  firstLine: number;
}
export interface Contact {
  line: number;
  date: string | null;
  occ: string;
}
export interface Measure {
  line: number;
  code: string;
  start: string | null;
  end: string | null;
  ongoing: boolean;
}
/**
 * What a number tells of the birth date: exact, or (a samordningsnummer with month or day 00, which Skatteverket
 * issues when the date is partly unknown) the earliest and latest possible day.
 */
export interface Born {
  earliest: string;
  latest: string;
  /** Month or day unknown (a samordningsnummer with 00). */
  partial: boolean;
}

/** The birth dates a number allows (parseId gives the latest possible one, and the partial date for 00), or null. */
export function bornOf(parsed: ParsedId | null): Born | null {
  if (!parsed) return null;
  const partial = parsed.birthDatePartial;
  if (!partial) return { earliest: parsed.birthDate, latest: parsed.birthDate, partial: false };
  const [y, m, d] = partial.split('-') as [string, string, string];
  return { earliest: `${y}-${m === '00' ? '01' : m}-${d === '00' ? '01' : d}`, latest: parsed.birthDate, partial: true };
}

export interface Person {
  key: string;
  born: Born;
  firstLine: number;
  regs: Map<string, RegPeriod>;
  contacts: Contact[];
  measures: Measure[];
}

export interface PersonCtx {
  pStart: string;
  pEnd: string;
  noOcc: string;
  bevisLevel: string;
  unknown: Set<string>;
  yes: string;
  no: string;
  period: string;
}

export function checkPerson(p: Person, C: Compiled, sink: Sink, x: PersonCtx): void {
  const key = p.key;
  const regs = p.regs.size === 1 ? [...p.regs.values()] : [...p.regs.values()].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  let prev: RegPeriod | null = null;
  let maxLevel = -1;
  let maxLevelCode = '';
  for (const r of regs) {
    // age on RegStart (with a partly unknown birth date: certain only when even the latest possible day is too old)
    const max = C.profile.youthMaxAge;
    if (ageOn(p.born.latest, r.start) >= max)
      sink.add(
        'S-AGE',
        r.firstLine,
        p.born.partial
          ? `Ungdomen hade fyllt ${max} år när registreringsperioden började (${r.start}). Samordningsnumret anger inte hela födelsedatumet; kontrollen räknar med det senast möjliga (${p.born.latest}).`
          : `Ungdomen hade fyllt ${max} år när registreringsperioden började (${r.start}).`,
        { personKey: key },
      );
    else if (ageOn(p.born.earliest, r.start) >= max)
      sink.add(
        'S-AGE-UNSURE',
        r.firstLine,
        `Samordningsnumret anger inte hela födelsedatumet (född mellan ${p.born.earliest} och ${p.born.latest}), så det går inte att avgöra om ungdomen hade fyllt ${max} år när registreringsperioden började (${r.start}).`,
        { personKey: key },
      );
    // overlap with the collection period
    if (r.start > x.pEnd || (r.end !== null && r.end < x.pStart))
      sink.add('S-PERIOD', r.firstLine, `Registreringsperioden ${r.start}–${r.end ?? ''} ligger utanför insamlingsperioden ${x.period}.`, { personKey: key });
    // overlapping registration periods
    if (prev && (prev.end === null || r.start <= prev.end))
      sink.add('S-REG-OVERLAP', r.firstLine, `Registreringsperioden som börjar ${r.start} överlappar perioden som började ${prev.start} (rad ${prev.firstLine}).`, { personKey: key });
    prev = r;
    // R6
    const lv = r.level !== '' && !x.unknown.has(r.level) ? C.level.get(r.level) : undefined;
    if (lv !== undefined) {
      if (lv < maxLevel)
        sink.add('R6', r.firstLine, `Senaste studier vid registrering (${r.level}) är en lägre nivå än i en tidigare registreringsperiod (${maxLevelCode}).`, { personKey: key });
      if (lv > maxLevel) {
        maxLevel = lv;
        maxLevelCode = r.level;
      }
    }
    // Y1
    if ((r.level === x.bevisLevel && r.bevis === x.no) || (r.bevis === x.yes && r.level !== x.bevisLevel))
      sink.add('Y1', r.firstLine, r.bevis === x.no ? 'Senaste studier är studiebevis, men uppgiften om studiebevis är N.' : `Ungdomen har studiebevis (J), men senaste studier är ${r.level === '' ? 'tomt' : r.level} och inte ${x.bevisLevel}.`, { personKey: key });
    // Y2
    if (r.level === '' || x.unknown.has(r.level))
      sink.add('Y2', r.firstLine, r.level === '' ? 'Senaste studier vid registrering (SenSysReg) är tomt.' : `Senaste studier vid registrering är ${r.level} (uppgift saknas).`, { personKey: key });
  }
  // measures: R1, Y3, G1, period
  let contactInPeriod = false;
  for (const c of p.contacts) {
    if (c.date === null) continue;
    if (c.date >= x.pStart && c.date <= x.pEnd) contactInPeriod = true;
    if (c.date > x.pEnd) sink.add('S-CONTACT-LATE', c.line, `Kontakten ${c.date} ligger efter insamlingsperiodens slut (${x.pEnd}).`, { personKey: key });
    if (c.occ === x.noOcc) {
      for (const m of p.measures) {
        if (m.start !== null && m.start <= c.date && (m.ongoing || (m.end !== null && c.date <= m.end))) {
          sink.add('R1', c.line, `Kontakten ${c.date} anger ingen sysselsättning (InSys) fast ungdomen har en åtgärd som pågår då (rad ${m.line}).`, { personKey: key });
          break;
        }
      }
    }
  }
  for (const m of p.measures) {
    if (m.ongoing) sink.add('G1', m.line, `Åtgärden ${m.code}${m.start ? ` från ${m.start}` : ''} pågår fortfarande.`, { personKey: key });
    if (m.start === null) continue;
    let inside = false;
    for (const r of regs) if (r.start <= m.start && (r.end === null || m.start <= r.end)) inside = true;
    if (!inside) sink.add('Y3', m.line, `Åtgärden börjar ${m.start}, utanför alla ungdomens registreringsperioder.`, { personKey: key });
    if (m.start > x.pEnd || (m.end !== null && m.end < x.pStart))
      sink.add('S-PERIOD', m.line, `Åtgärden ${m.start}–${m.end ?? ''} ligger utanför insamlingsperioden ${x.period}.`, { personKey: key });
  }
  checkMeasurePeriods(p, sink, x);
  if (!contactInPeriod) sink.add('Y4', p.firstLine, `Ungdomen har ingen kontakt daterad inom insamlingsperioden ${x.period}.`, { personKey: key });
}

/**
 * The measure period of a measure as R2 reads it: AtgStart to AtgSlut, both days included, or to the end of the
 * collection period while the measure is ongoing. Null when it cannot be known or is not this file's to judge: an
 * unusable AtgStart or AtgSlut (S-DATE / S-REQUIRED name it), an end before the start (S-DATE-ORDER), or a measure
 * outside the collection period (S-PERIOD). Those findings name the cause; R2 does not guess around them.
 */
export function measurePeriod(m: Measure, pStart: string, pEnd: string): { from: string; to: string } | null {
  if (m.start === null) return null;
  if (!m.ongoing && m.end === null) return null;
  const to = m.end ?? pEnd;
  if (m.end !== null && m.end < m.start) return null;
  if (m.start > pEnd || to < pStart) return null;
  return { from: m.start, to };
}

/**
 * R2: every measure period needs a contact line with an occupation (SysKontakt) dated inside it. A contact before
 * the measure, or after it ended, does not count. A contact line whose date is unusable could lie in any period, so
 * while one exists R2 is not decided for the youth (the bad date is reported on its own line).
 */
function checkMeasurePeriods(p: Person, sink: Sink, x: PersonCtx): void {
  if (p.measures.length === 0) return;
  const dates: string[] = [];
  for (const c of p.contacts) {
    if (c.occ === '') continue;
    if (c.date === null) return;
    dates.push(c.date);
  }
  for (const m of p.measures) {
    const mp = measurePeriod(m, x.pStart, x.pEnd);
    if (!mp) continue;
    let inside = false;
    for (const d of dates) {
      if (d >= mp.from && d <= mp.to) {
        inside = true;
        break;
      }
    }
    if (inside) continue;
    const span = m.ongoing ? `${mp.from} till insamlingsperiodens slut ${mp.to}, eftersom åtgärden pågår` : `${mp.from} till ${mp.to}`;
    sink.add('R2', m.line, `Åtgärden ${m.code}${m.code ? ' ' : ''}har ingen kontakt med sysselsättning (SysKontakt) daterad under åtgärdsperioden, från ${span}.`, { personKey: p.key });
  }
}
