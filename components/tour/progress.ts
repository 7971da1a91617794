/**
 * Onboarding-tour progress, kept in browser.storage.local under TOUR_PROGRESS_KEY (lib/platform/storage-keys.ts): per
 * tour page kind, the ids of the steps seen and whether the tour was finished or skipped. Never holds personal data.
 * Pure helpers only.
 */
import type { Pack, TourPageKind, TourStep } from '../../lib/content';
import type { AnchorName, PageKind } from '../../lib/uka/types';


export interface PageProgress {
  seen: string[];
  done?: 'finished' | 'skipped';
}

export interface TourProgress {
  v: 1;
  pages: Partial<Record<TourPageKind, PageProgress>>;
}

export const EMPTY_PROGRESS: TourProgress = { v: 1, pages: {} };

/** Both tours finished: a returning user (tests, bench and demo start from this unless they test the tour). */
export const TOURS_FINISHED: TourProgress = { v: 1, pages: { person: { seen: [], done: 'finished' }, export: { seen: [], done: 'finished' } } };

const TOUR_KINDS: readonly string[] = ['person', 'export'];

export function isTourPageKind(kind: PageKind | string): kind is TourPageKind {
  return TOUR_KINDS.includes(kind);
}

/** Read stored progress leniently: anything malformed counts as "nothing seen yet". */
export function parseProgress(value: unknown): TourProgress {
  if (typeof value !== 'object' || value === null) return { v: 1, pages: {} };
  const pagesRaw = (value as { pages?: unknown }).pages;
  const pages: TourProgress['pages'] = {};
  if (typeof pagesRaw === 'object' && pagesRaw !== null) {
    for (const kind of TOUR_KINDS as TourPageKind[]) {
      const p = (pagesRaw as Record<string, unknown>)[kind];
      if (typeof p !== 'object' || p === null) continue;
      const seenRaw = (p as { seen?: unknown }).seen;
      const seen = Array.isArray(seenRaw) ? seenRaw.filter((s): s is string => typeof s === 'string').slice(0, 100) : [];
      const doneRaw = (p as { done?: unknown }).done;
      pages[kind] = doneRaw === 'finished' || doneRaw === 'skipped' ? { seen, done: doneRaw } : { seen };
    }
  }
  return { v: 1, pages };
}

/** The tour steps of a page kind whose UKA element is on the page, in pack order. */
export function tourStepsFor(pack: Pack, pageKind: PageKind, present: ReadonlySet<AnchorName> | readonly AnchorName[]): TourStep[] {
  const has = (a: AnchorName) => (Array.isArray(present) ? (present as readonly AnchorName[]).includes(a) : (present as ReadonlySet<AnchorName>).has(a));
  return pack.tour.filter((s) => s.pageKind === pageKind && has(s.anchor));
}

/**
 * Start automatically unless this page kind's tour was finished or skipped, or there are no steps. `stored` is the
 * progress as storage.local holds it (raw: read leniently, as `parseProgress` would, but only this page kind's end),
 * so that the page kind's bundle decides without the rest of this file (the tour's part parses the progress).
 */
export function shouldAutoStart(stored: unknown, pageKind: PageKind, steps: readonly TourStep[]): boolean {
  if (!isTourPageKind(pageKind) || steps.length === 0) return false;
  const pages = typeof stored === 'object' && stored !== null ? (stored as { pages?: unknown }).pages : null;
  const page = typeof pages === 'object' && pages !== null ? (pages as Record<string, unknown>)[pageKind] : null;
  const done = typeof page === 'object' && page !== null ? (page as { done?: unknown }).done : undefined;
  return done !== 'finished' && done !== 'skipped';
}

/** Where an automatic start resumes: the first step not seen yet (or the first step). */
export function resumeIndex(progress: TourProgress, pageKind: TourPageKind, steps: readonly TourStep[]): number {
  const seen = new Set(progress.pages[pageKind]?.seen ?? []);
  const i = steps.findIndex((s) => !seen.has(s.id));
  return i === -1 ? 0 : i;
}

export function markSeen(progress: TourProgress, pageKind: TourPageKind, stepId: string): TourProgress {
  const page = progress.pages[pageKind] ?? { seen: [] };
  if (page.seen.includes(stepId)) return progress;
  return { v: 1, pages: { ...progress.pages, [pageKind]: { ...page, seen: [...page.seen, stepId] } } };
}

export function markDone(progress: TourProgress, pageKind: TourPageKind, how: 'finished' | 'skipped'): TourProgress {
  const page = progress.pages[pageKind] ?? { seen: [] };
  return { v: 1, pages: { ...progress.pages, [pageKind]: { ...page, done: how } } };
}

/** Visual rectangle of the highlight box around an element (viewport coordinates), with padding. */
export function highlightRect(rect: { top: number; left: number; width: number; height: number }, padding = 4): { top: number; left: number; width: number; height: number } {
  return {
    top: Math.round(rect.top - padding),
    left: Math.round(rect.left - padding),
    width: Math.max(0, Math.round(rect.width + 2 * padding)),
    height: Math.max(0, Math.round(rect.height + 2 * padding)),
  };
}
