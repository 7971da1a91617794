/**
 * What the glossary's list needs, in its on-demand part (lib/startup/parts.ts) with the list and the card: the scan of
 * the whole page when "Koder på sidan" is opened (./scan.ts, in slices), whether a scan still describes the page, and
 * the card of one occurrence opened as a dialog from the list. The page kind's bundle keeps only the toggle and the
 * hover lookup (./scan.ts createElementLookup, hitTest), so a page where the list is never opened never carries these.
 */
import type { Pack } from '../../lib/content/schema';
import { occurrenceRange, pageStamp, scanGlossary, scanIsCurrent, termsOnPage, type TermOccurrence } from './scan';
import { placeCard, type OpenCard } from './GlossaryLayer';

/** A scan of the whole page: the occurrences in document order, the distinct terms, and the page's stamp then. */
export interface PageScan {
  found: TermOccurrence[];
  terms: ReturnType<typeof termsOnPage>;
  stamp: number;
}

/** Scan the page for the pack's terms (in slices); resolves with what was found so far when `signal` aborts. */
export async function scanPage(doc: Document, pack: Pack, signal: AbortSignal): Promise<PageScan> {
  const stamp = pageStamp(doc);
  const found = await scanGlossary(doc, pack, { signal });
  return { found, terms: termsOnPage(found), stamp };
}

/** True while the scan still describes the page (./scan.ts scanIsCurrent). */
export function isCurrent(doc: Document, scan: PageScan): boolean {
  return scanIsCurrent(doc, scan.found, scan.stamp);
}

/**
 * The card of occurrence `n` (counted round) of `term` as a dialog at the term, the window scrolled so that the term
 * is visible; null when the term is not in the scan or UKA has changed its text since.
 */
export function dialogCard(doc: Document, scan: PageScan, pack: Pack, term: string, n: number): (OpenCard & { occ: TermOccurrence }) | null {
  const win = doc.defaultView;
  const entry = scan.terms.find((t) => t.term === term);
  if (!win || !entry || entry.occurrences.length === 0) return null;
  const index = n % entry.occurrences.length;
  const occ = entry.occurrences[index];
  const glossaryEntry = pack.glossary[entry.index];
  if (!occ || !glossaryEntry) return null;
  const range = occurrenceRange(doc, occ);
  if (!range) return null;
  let rect = range.getBoundingClientRect();
  const viewport = () => ({ width: win.innerWidth, height: win.innerHeight });
  const vp = viewport();
  if (rect.top < 0 || rect.bottom > vp.height || rect.left < 0 || rect.right > vp.width) {
    // Scroll the window, not UKA's element (its methods are not ours to call for layout); instant, so the rect below
    // is already the new one.
    win.scrollBy({ top: rect.top - vp.height / 3, left: rect.left < 0 || rect.right > vp.width ? rect.left - 24 : 0, behavior: 'instant' as ScrollBehavior });
    rect = range.getBoundingClientRect();
  }
  return { mode: 'dialog', entry: glossaryEntry, occ, placement: placeCard(rect, viewport(), 200), occurrence: index, occurrences: entry.occurrences.length };
}
