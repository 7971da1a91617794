/**
 * Tips for a page context (page kind, anchors, warning kinds, ladder step, SCB phase), and the pack lookups a tip
 * panel needs (explainer for a warning kind, section by id). Pure (no DOM, no browser APIs) and free of the pack's
 * schema (./schema.ts, zod: type imports only), so that the UKA content script carries no schema.
 */
import type { WarningKind } from '../domain/warnings';
import type { AnchorName, PageKind } from '../uka/types';
import type { Explainer, Pack, ScbPhase, Tip } from './schema';

export interface TipContext {
  pageKind: PageKind;
  /** Anchors present / of interest. A tip restricted to anchors matches only if one of them is listed here. */
  anchors?: readonly AnchorName[];
  /** Warning kinds present on the page. */
  warningKinds?: readonly WarningKind[];
  /** Current contact-ladder step of the person (see KNOWN_LADDER_STEPS) … */
  ladderStep?: string | null;
  /** … or several at once, e.g. `ladderStepsOf(evaluateLadder(...))` = [stage, next action]. */
  ladderSteps?: readonly string[];
  /** Current SCB phase (see scbPhase). */
  scbPhase?: ScbPhase | null;
}

/**
 * Tips that fit the context, most specific first (ties keep pack order).
 * Rule: for every dimension a tip restricts (pageKinds, anchors, warningKinds, ladderSteps, scbPhases), the context
 * must supply a value in the tip's list; a dimension the tip leaves out matches anything. So a tip restricted to
 * warning kind R3 never shows when the caller gives no warning kinds.
 */
export function tipsFor(pack: Pack, context: TipContext, options: { limit?: number } = {}): Tip[] {
  const scored: { tip: Tip; score: number; index: number }[] = [];
  pack.tips.forEach((tip, index) => {
    const c = tip.contexts;
    let score = 0;
    const dim = <T>(restrict: readonly T[] | undefined, have: readonly T[]): boolean => {
      if (!restrict) return true;
      if (!restrict.some((r) => have.includes(r))) return false;
      score++;
      return true;
    };
    const ok =
      dim(c.pageKinds, [context.pageKind]) &&
      dim(c.anchors, context.anchors ?? []) &&
      dim(c.warningKinds, context.warningKinds ?? []) &&
      dim(c.ladderSteps, [...(context.ladderSteps ?? []), ...(context.ladderStep ? [context.ladderStep] : [])].map(normaliseStep)) &&
      dim(c.scbPhases, context.scbPhase ? [context.scbPhase] : []);
    if (ok) scored.push({ tip, score, index });
  });
  scored.sort((a, b) => b.score - a.score || a.index - b.index);
  const tips = scored.map((s) => s.tip);
  return options.limit !== undefined ? tips.slice(0, options.limit) : tips;
}

/** `call1`…`callN` all count as `call`. */
function normaliseStep(step: string): string {
  return /^call\d+$/.test(step) ? 'call' : step;
}

/** Ladder values for tipsFor from a ladder result (lib/ladder evaluateLadder): its stage and its next action. */
export function ladderStepsOf(result: { stage: string; next: { action: string } | null }): string[] {
  return result.next ? [result.stage, normaliseStep(result.next.action)] : [result.stage];
}

/** The explainer for a warning kind, or the generic one for an unknown section (kind null). */
export function explainerFor(pack: Pack, kind: WarningKind | null): Explainer {
  return kind ? pack.explainers[kind] : pack.explainers.generic;
}

export function sectionById(pack: Pack, id: string): Pack['sections'][number] | undefined {
  return pack.sections.find((s) => s.id === id);
}
