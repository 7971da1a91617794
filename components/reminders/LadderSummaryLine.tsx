/**
 * The popup's count of what the contact ladder found over every recorded youth: half-years that ended without any
 * documented contact or attempt, and dates in UKA it could not use. Counts only; each youth's panel says which.
 */
import type { LadderSummary } from '../../lib/reminders/types';
import { count } from '../../lib/domain/swedish';

const youths = (n: number) => count(n, 'ungdom');

export function LadderSummaryLine({ summary }: { summary: LadderSummary }) {
  if (!summary.missedPersons && !summary.withDateProblems && !summary.unavailable) return null;
  return (
    <ul class="ladder-summary" data-testid="ladder-summary">
      {summary.missedPersons > 0 && (
        <li data-testid="missed-half-years">
          <span class="tag yellow">Missat halvår</span> {youths(summary.missedPersons)} saknar dokumenterad kontakt eller kontaktförsök under
          ett avslutat halvår ({summary.missedHalfYears} {summary.missedHalfYears === 1 ? 'halvår' : 'halvår sammanlagt'}).
        </li>
      )}
      {summary.withDateProblems > 0 && (
        <li data-testid="date-problems">
          <span class="tag red">Fel datum</span> {youths(summary.withDateProblems)} har datum i UKA som Kontakttrappan inte kunde använda.
        </li>
      )}
      {summary.unavailable > 0 && (
        <li data-testid="ladder-unavailable">
          <span class="tag red">Ej beräknad</span> För {youths(summary.unavailable)} kunde Kontakttrappan inte räknas fram.
        </li>
      )}
    </ul>
  );
}
