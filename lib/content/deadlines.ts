/**
 * SCB deadlines: the type the SCB phase reads, and the deadlines around a date from the settings' month-days.
 * Pure (no DOM, no browser APIs).
 */
import { SCB_DEADLINES } from '../domain/routine';

export interface ScbDeadline {
  /** Last day to upload (YYYY-MM-DD). */
  deadline: string;
  /** Date the kommun uploaded a file for this period (YYYY-MM-DD), if it has. */
  uploadedOn?: string | null;
}

/**
 * Deadlines around a date from month-day settings (lib/settings `scbDeadlines`: H1 is due in the same year,
 * H2 in the following year); the defaults are lib/domain/routine.ts's.
 * Returns the H2 deadline of last year's period, this year's H1 deadline and this year's H2 deadline.
 */
export function defaultScbDeadlines(today: string, monthDays: { H1: string; H2: string } = SCB_DEADLINES): ScbDeadline[] {
  const year = Number(today.slice(0, 4));
  return [{ deadline: `${year}-${monthDays.H2}` }, { deadline: `${year}-${monthDays.H1}` }, { deadline: `${year + 1}-${monthDays.H2}` }];
}
