/**
 * Default Swedish texts for the ladder's keys (our own wording). The UI may override any key; renderText never throws.
 */
import { count, everyNMonths } from '../domain/swedish';
import type { DateProblem, LadderTextKey, StepId, TextParams, TextRef } from './types';

type Render = (p: TextParams) => string;

/** Format an ISO date for Swedish UI ("2026-12-10" stays ISO: it is the Swedish standard form). */
const d = (v: string | number | undefined): string => (v === undefined ? '' : String(v));

export const LADDER_TEXTS_SV: Record<LadderTextKey, Render> = {
  'step.callGuardians': () => 'Ring vårdnadshavarna',
  'step.callYouth': () => 'Ring ungdomen',
  'step.callUndecided': () => 'Ring ungdomen eller vårdnadshavarna',
  'step.contactLetterGuardians': () => 'Skicka kontaktbrev till vårdnadshavarna',
  'step.contactPostcardYouth': () => 'Skicka kontaktvykort till ungdomen',
  'step.contactLetterUndecided': () => 'Skicka kontaktbrev till vårdnadshavarna eller kontaktvykort till ungdomen',
  'step.planHomeVisit': () => 'Sätt upp ungdomen på listan för hembesök',
  'step.visitLetterGuardians': () => 'Skicka brev om hembesöket till vårdnadshavarna',
  'step.visitPostcardYouth': () => 'Skicka vykort om hembesöket till ungdomen',
  'step.visitLetterUndecided': () => 'Skicka brev om hembesöket till vårdnadshavarna eller vykort till ungdomen',
  'step.homeVisit': () => 'Gör hembesök (två coacher)',
  'step.skatteverket': () => 'Anmäl till Skatteverkets bosättningskontroll',
  'step.orosanmalan': () => 'Gör orosanmälan till socialtjänsten',
  'step.restart': () => 'Börja om kontaktförsöken',
  'step.followUp3m': () => 'Följ upp ungdomen',
  'step.followUpAgreed': () => 'Följ upp på överenskommet datum',
  'step.followUpMeasure': () => 'Följ upp insatsen',
  'step.recontactNotInterested': () => 'Hör av dig till ungdomen igen',
  'step.halfYearMinimum': () => 'Få kontakt minst en gång detta halvår',
  'step.handover20': () => 'Förbered överlämning inför 20-årsdagen',

  'reason.startLadder': () => 'Ingen kontakt är registrerad ännu. Börja med ett telefonsamtal.',
  'reason.callAfterFailed': (p) => `${d(p.count)} samtal utan svar hittills. Försök igen.`,
  'reason.doneOn': (p) => `Gjort ${d(p.date)}.`,
  'reason.letterAfterCalls': (p) => `${d(p.count)} samtal har inte gett kontakt. Nu är det dags för brev eller vykort.`,
  'reason.visitAfterLetter': (p) =>
    `Inget svar på utskicket från ${d(p.letterDate)}. Planera ett hembesök` + (p.suggestedVisit ? ` (nästa lediga besöksdag: ${d(p.suggestedVisit)}).` : '.'),
  'reason.visitLetterBeforeVisit': (p) => `Besöket är planerat till ${d(p.visitDate)}. Brevet ska skickas minst ${count(Number(p.days ?? 0), 'dag')} före besöket.`,
  'reason.visitPlanned': (p) => `Hembesök planerat ${d(p.visitDate)}.`,
  'reason.visitNotPlanned': () => 'Inget datum för hembesök är satt ännu.',
  'reason.visitDateMissed': (p) => `Besöksdagen ${d(p.visitDate)} har passerat. Registrera hur besöket gick.`,
  'reason.notLivingAtAddress': (p) => `Det framkom ${d(p.date)} att ungdomen inte bor på folkbokföringsadressen.`,
  'reason.notLivingLikely': (p) =>
    `I UKA står det om hembesöket ${d(p.date)}: ”${d(p.words)}”. Ungdomen bor troligen inte på folkbokföringsadressen; kontrollera och anmäl.`,
  'reason.addressOk': () => 'Inget tyder på fel adress.',
  'reason.orosanmalanUnder18': (p) => `Ingen kontakt vid hembesöket ${d(p.visitDate)} och ungdomen var under 18 år.`,
  'reason.orosanmalanAgeUnknown': (p) =>
    `Ingen kontakt vid hembesöket ${d(p.visitDate)}. Födelsedatumet är bara delvis känt, så det går inte att säga om ungdomen var under 18 år då. Bedöm om en orosanmälan behövs.`,
  'reason.noOrosanmalanNeeded': () => 'Inget hembesök utan kontakt före 18 års ålder.',
  'reason.restartAfterVisit': (p) => `Hembesöket ${d(p.visitDate)} gav ingen kontakt. Nya försök ${count(Number(p.months ?? 0), 'månad')} efter besöket.`,
  'reason.noVisitWithoutContact': () => 'Gäller bara efter ett hembesök utan kontakt.',
  'reason.followUp3m': (p) => `Senaste kontakt ${d(p.date)}. Uppföljning ${everyNMonths(Number(p.months ?? 0))}.`,
  'reason.followUpAgreed': (p) => `Överenskommen uppföljning ${d(p.date)}.`,
  'reason.followUpMeasure': () => 'Pågående insats: följ upp enligt överenskommelse, och minst varje kalenderhalvår.',
  'reason.notInterested': (p) => `Ungdomen tackade nej ${d(p.date)}. Ny kontakt efter ${d(p.months)} månader.`,
  'reason.notReachedYet': () => 'Gäller när ungdomen har nåtts.',
  'reason.reached': () => 'Behövs inte: ungdomen är nådd.',
  'reason.inMeasure': () => 'Behövs inte: ungdomen har en pågående åtgärd.',
  'reason.skipped': () => 'Behövs inte längre: ett senare steg är redan gjort.',
  'reason.waitingForEarlierStep': () => 'Väntar på steget före.',
  'reason.halfYearDone': (p) => `Kontakt finns redan för ${halfYearLabel(p.halfYear)}.`,
  'reason.halfYearAttempts': (p) =>
    `Ungdomen har aldrig nåtts, men kontaktförsök är dokumenterade under ${halfYearLabel(p.halfYear)} (senast ${d(p.date)}). Det räcker för halvåret.`,
  'reason.halfYearOpen': (p) =>
    `Ingen kontakt ännu under ${halfYearLabel(p.halfYear)}` + (p.lastContact ? ` (senast ${d(p.lastContact)}).` : '.'),
  'reason.halfYearOff': () => 'Halvårskravet är avstängt i inställningarna.',
  'reason.handover': (p) => `Aktivitetsansvaret upphör ${d(p.endDate)}, när ungdomen fyller 20.`,
  'reason.handoverLater': (p) => `Aktuellt närmare 20-årsdagen (${d(p.endDate)}).`,
  'reason.after20': (p) => `Infaller efter 20-årsdagen ${d(p.endDate)}.`,
  'reason.ended': (p) => `Ungdomen har fyllt 20 (${d(p.endDate)}). Aktivitetsansvaret har upphört.`,
  'reason.unavailableToday': () => 'Dagens datum gick inte att fastställa.',
  'reason.unavailableBirthDate': () => 'Födelsedatumet i personnumret gick inte att tolka.',
  'reason.unavailableInternal': () => 'Ett oväntat fel uppstod när Kontakttrappan räknades fram.',
};

/** Short names of the ladder's steps, for lists such as "could not decide: …". */
export function stepLabel(id: StepId | string): string {
  const call = /^call(\d+)$/.exec(id);
  if (call) return `samtal ${call[1]}`;
  const fixed: Record<string, string> = {
    contactLetter: 'kontaktbrev/kontaktvykort',
    planHomeVisit: 'planering av hembesök',
    visitLetter: 'brev/vykort om hembesöket',
    homeVisit: 'hembesök',
    skatteverket: 'anmälan till Skatteverket',
    orosanmalan: 'orosanmälan',
    restart: 'nya kontaktförsök',
    followUp: 'uppföljning',
    halfYearMinimum: 'kontakt under halvåret',
    handover20: 'överlämning inför 20 år',
  };
  return fixed[id] ?? id;
}

const WHERE: Record<DateProblem['source'], string> = { contact: 'i kontaktloggen', measure: 'bland åtgärderna', note: 'i en egen anteckning' };

/**
 * One line about a date the ladder left out, e.g. "Datumet 2026-02-30 i kontaktloggen är inte ett riktigt datum;
 * rätta det i UKA." Our own wording; the value is shown as given (it is a date field, never free text).
 */
export function renderProblem(p: Pick<DateProblem, 'source' | 'field' | 'value' | 'problem'>): string {
  const what = p.source === 'measure' ? (p.field === 'end' ? 'Slutdatumet' : 'Startdatumet') : 'Datumet';
  const value = p.value.trim();
  const subject = value ? `${what} ${value} ${WHERE[p.source]}` : `${what} ${WHERE[p.source]} saknas eller`;
  const verdict = p.problem === 'in-the-future' ? 'ligger efter dagens datum' : value ? 'är inte ett riktigt datum' : 'är tomt';
  const fix = p.source === 'note' ? 'ändra eller ta bort anteckningen' : 'rätta det i UKA';
  return `${subject} ${verdict}; ${fix}. Raden räknas inte med i Kontakttrappan.`;
}

/** "Ingen kontakt eller kontaktförsök är dokumenterad under första halvåret 2026 och andra halvåret 2026." */
export function renderMissedHalfYears(labels: readonly string[]): string {
  if (labels.length === 0) return '';
  const names = labels.map((h) => halfYearLabel(h));
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} och ${names[names.length - 1]}`;
  return `Ingen kontakt och inget kontaktförsök är dokumenterat under ${list}.`;
}

/** '2026H1' → 'första halvåret 2026'. Anything else is shown as given. */
export function halfYearLabel(h: string | number | undefined): string {
  const m = /^(\d{4})H([12])$/.exec(String(h ?? ''));
  if (!m) return String(h ?? '');
  return `${m[2] === '1' ? 'första' : 'andra'} halvåret ${m[1]}`;
}

/** Render a key + params to Swedish. Unknown keys come back as the key itself (visible, never a crash). */
export function renderText(t: TextRef | { key: string; params?: TextParams }): string {
  const fn = (LADDER_TEXTS_SV as Record<string, Render | undefined>)[t.key];
  return fn ? fn(t.params ?? {}) : t.key;
}
