/** Default Swedish titles for reminders (our own wording). Ladder step keys render through the ladder's texts. */
import { halfYearLabel, LADDER_TEXTS_SV, renderText } from '../ladder/texts';
import type { TextParams } from '../ladder/types';
import type { Reminder, ReminderOnlyKey } from './types';

type Render = (p: TextParams) => string;

export const REMINDER_TEXTS_SV: Record<ReminderOnlyKey, Render> = {
  'reminder.turns20': (p) => `Ungdomen fyller 20 ${String(p.endDate ?? '')}: aktivitetsansvaret upphör`,
  'reminder.scbDeadline': (p) => `Rapportera ${halfYearLabel(p.halfYear)} till SCB senast ${String(p.deadline ?? '')}`,
  'reminder.monthlyReview': () => 'Gå igenom listan Export till SCB (månadsgenomgång)',
  'reminder.halfYearMinimum': (p) => `Få kontakt med ungdomen under ${halfYearLabel(p.halfYear)}`,
  'reminder.handover20': (p) => `Förbered överlämning: ungdomen fyller 20 ${String(p.endDate ?? '')}`,
  'reminder.ladderUnavailable': () => 'Kontakttrappan kunde inte räknas fram: öppna personen i UKA och kontrollera uppgifterna',
};

/** The reminder's title in Swedish. */
export function renderReminderTitle(r: Pick<Reminder, 'titleKey' | 'params'>): string {
  const own = (REMINDER_TEXTS_SV as Record<string, Render | undefined>)[r.titleKey];
  if (own) return own(r.params);
  if (r.titleKey in LADDER_TEXTS_SV) return renderText({ key: r.titleKey, params: r.params });
  return r.titleKey;
}

/** The reminder's explanation in Swedish, or '' when it has none. */
export function renderReminderDetail(r: Pick<Reminder, 'detail'>): string {
  return r.detail ? renderText(r.detail) : '';
}
