/**
 * The SCB phase of a date (normal, before the deadline, export week, after an upload), which tips can be restricted to.
 * Pure (no DOM, no browser APIs); type imports only from the pack's schema.
 */
import type { ScbDeadline } from './deadlines';
import type { ScbPhase } from './schema';

export interface ScbPhaseOptions {
  beforeDeadlineDays?: number;
  exportWeekDays?: number;
  afterUploadDays?: number;
}

function dayNumber(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return NaN;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000;
}

/**
 * Where we are in the SCB reporting cycle on `today` (YYYY-MM-DD):
 * - 'after-upload': a file was uploaded within the last `afterUploadDays` days (SCB may send back an error list);
 * - 'export-week': the nearest upcoming deadline (not yet uploaded) is at most `exportWeekDays` days away (or today);
 * - 'before-deadline': it is at most `beforeDeadlineDays` days away;
 * - 'normal' otherwise, and when no deadline is known.
 * Defaults (30 / 7 / 14) are the pack settings' defaults; pass `pack.settings` to use the kommun's.
 */
export function scbPhase(today: string, deadlines: readonly ScbDeadline[], options: ScbPhaseOptions = {}): ScbPhase {
  const t = dayNumber(today);
  if (Number.isNaN(t)) return 'normal';
  const before = options.beforeDeadlineDays ?? 30;
  const week = options.exportWeekDays ?? 7;
  const after = options.afterUploadDays ?? 14;
  for (const d of deadlines) {
    if (!d.uploadedOn) continue;
    const u = dayNumber(d.uploadedOn);
    if (!Number.isNaN(u) && t >= u && t - u <= after) return 'after-upload';
  }
  let nearest: number | null = null;
  for (const d of deadlines) {
    if (d.uploadedOn) continue;
    const dn = dayNumber(d.deadline);
    if (Number.isNaN(dn) || dn < t) continue;
    if (nearest === null || dn < nearest) nearest = dn;
  }
  if (nearest === null) return 'normal';
  const left = nearest - t;
  if (left <= week) return 'export-week';
  if (left <= before) return 'before-deadline';
  return 'normal';
}
