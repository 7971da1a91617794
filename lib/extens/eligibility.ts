/**
 * Who is covered by the kommunala aktivitetsansvaret (Skollagen 29 kap. 9 §, with Skolverket's reading), evaluated
 * at a chosen date, with the reason for each verdict in plain Swedish. Pure: no DOM, no browser APIs.
 *
 * Covered when all hold on the date: younger than 20 (covered until the day before the 20th birthday); folkbokförd in
 * the kommun; not enrolled in gymnasieskola or anpassad gymnasieskola (an introduktionsprogram counts as enrolled);
 * not in compulsory school; no gymnasieexamen, no gymnasiesärskolebevis and no completed equivalent education with a
 * pass. A studiebevis or a gymnasieintyg alone does not end the coverage. A youth with protected identity can be
 * covered but is never registered in UKA.
 */
import { ageOn, birthdayOn, type IsoDate } from '../domain/dates';
import type { Enrolment, ExtractPerson } from './extract';
import type { Certificate } from './values';

export type EndCause = 'age' | 'enrolled' | 'examen' | 'sarskolebevis' | 'movedOut' | 'compulsory';

export interface Verdict {
  covered: boolean;
  /** Why not covered (first = the main cause); empty when covered. */
  causes: EndCause[];
  /** Plain Swedish reason for the verdict. */
  reason: string;
  protectedIdentity: boolean;
  /** Neither phone nor address in the extract. */
  missingContact: boolean;
}

export interface EligibilityOptions {
  date: IsoDate;
  /** Kommunkod of the kommun doing the check, e.g. '2281'. */
  kommun: string;
}

/** True when the enrolment is in effect on the date (from ≤ date ≤ to; an empty "to" is ongoing). */
export function enrolledOn(e: Enrolment, date: IsoDate): boolean {
  if (e.from && e.from > date) return false;
  if (e.to && e.to < date) return false;
  return true;
}

/** A certificate held on the date (a dated one counts from its date). */
export function heldOn(c: Certificate | null, date: IsoDate): boolean {
  return !!c && c.has && (c.date === null || c.date <= date);
}

function enrolmentText(e: Enrolment): string {
  const form = e.form === 'GYS' ? 'anpassad gymnasieskola' : 'gymnasieskolan';
  const prog = e.programme.kind === 'im' ? `introduktionsprogram ${e.programme.code}` : e.programme.kind === 'national' ? `programmet ${e.programme.code}` : '';
  const since = e.from ? ` sedan ${e.from}` : '';
  return `inskriven i ${form}${prog ? ` (${prog})` : ''}${since}`;
}

export function judge(p: ExtractPerson, opts: EligibilityOptions): Verdict {
  const { date, kommun } = opts;
  const causes: EndCause[] = [];
  const why: string[] = [];
  const age = ageOn(p.id.birthDate, date);
  if (age >= 20) {
    causes.push('age');
    why.push(`fyllde 20 år ${birthdayOn(p.id.birthDate, 20)}`);
  }
  const upper = p.enrolments.filter((e) => (e.form === 'GY' || e.form === 'GYS' || (e.form === 'NONE' && e.programme.kind !== 'none')) && enrolledOn(e, date));
  if (upper.length > 0) {
    const e = upper[0] as Enrolment;
    causes.push('enrolled');
    why.push(e.programme.kind === 'im' ? `${enrolmentText(e)}; elever på introduktionsprogram omfattas inte medan de är inskrivna` : enrolmentText(e));
  } else {
    const compulsory = p.enrolments.find((e) => (e.form === 'GR' || e.form === 'GRS') && enrolledOn(e, date));
    if (compulsory) {
      causes.push('compulsory');
      why.push(`går i ${compulsory.form === 'GRS' ? 'anpassad grundskola' : 'grundskolan eller motsvarande'} (skolplikten är inte fullgjord)`);
    }
  }
  if (heldOn(p.examen, date)) {
    causes.push('examen');
    const ex = p.examen as Certificate;
    why.push(ex.text ? `har ${ex.text} (examen eller motsvarande utbildning med godkänt resultat)` : `har gymnasieexamen${ex.date ? ` sedan ${ex.date}` : ''}`);
  }
  if (heldOn(p.sarskolebevis, date)) {
    causes.push('sarskolebevis');
    why.push(`har gymnasiesärskolebevis${p.sarskolebevis?.date ? ` sedan ${p.sarskolebevis.date}` : ''}`);
  }
  if (p.kommuner.length > 0 && !p.kommuner.includes(kommun)) {
    causes.push('movedOut');
    why.push(`folkbokförd i kommun ${p.kommuner.join(', ')}, inte ${kommun}`);
  }
  const missingContact = p.phone === '' && p.address === '';
  if (causes.length > 0) {
    return { covered: false, causes, reason: `Omfattas inte: ${why.join('; ')}.`, protectedIdentity: p.protectedIdentity, missingContact };
  }
  const notes: string[] = [`${age} år (fyller 20 år ${birthdayOn(p.id.birthDate, 20)})`, p.kommuner.length ? `folkbokförd i ${kommun}` : `i utdraget över kommunens folkbokförda`];
  notes.push('inte inskriven i gymnasieskolan');
  if (heldOn(p.studiebevis, date)) notes.push('har studiebevis men ingen examen');
  else if (heldOn(p.gymnasieintyg, date)) notes.push('har gymnasieintyg men ingen examen');
  else notes.push('ingen examen');
  return { covered: true, causes, reason: `Omfattas: ${notes.join(', ')}.`, protectedIdentity: p.protectedIdentity, missingContact };
}
