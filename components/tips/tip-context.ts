/**
 * Pure helpers of the contextual tips: which tips show next to which UKA part. No DOM, no browser APIs.
 *
 * Every matching tip is shown exactly once on a page:
 * - a tip restricted to anchors goes next to the first of its anchors that the page has;
 * - a tip about warning kinds (and no anchor) goes next to the warnings (person page) or the export list;
 * - any other tip goes next to the page's main part (header, export list, start list, login form).
 */
import type { ScbDeadline } from '../../lib/content/deadlines';
import { scbPhase } from '../../lib/content/scb-phase';
import { tipsFor } from '../../lib/content/tips';
import type { Pack, ScbPhase, Tip } from '../../lib/content/schema';
import type { WarningKind } from '../../lib/domain/warnings';
import type { AnchorName, PageKind } from '../../lib/uka/types';

/** Anchors that can carry a tip button, in display order. */
export const TIP_ANCHORS: readonly AnchorName[] = ['header', 'warnings', 'contactLog', 'occupations', 'measures', 'exportList', 'exportButton', 'startList', 'loginForm'];

/** The page's main part: where general tips of a page kind go. */
export const PAGE_ANCHOR: Readonly<Record<PageKind, AnchorName | null>> = {
  person: 'header',
  export: 'exportList',
  start: 'startList',
  login: 'loginForm',
  unknown: null,
};

/** Where tips about warning kinds go. */
export const WARNING_ANCHOR: Readonly<Partial<Record<PageKind, AnchorName>>> = { person: 'warnings', export: 'exportList' };

/** Swedish name of each anchor, for button and panel labels ("Tips om …"). */
export const ANCHOR_LABEL: Readonly<Record<AnchorName, string>> = {
  header: 'personuppgifterna',
  warnings: 'varningarna',
  contactLog: 'kontakthändelserna',
  measures: 'åtgärderna',
  occupations: 'sysselsättningen',
  exportButton: 'exportknappen',
  exportList: 'exportlistan',
  startList: 'deltagarlistan',
  loginForm: 'inloggningen',
};

export interface TipPlacementInput {
  pageKind: PageKind;
  /** Anchors found on the page (others are ignored). */
  present: readonly AnchorName[];
  warningKinds?: readonly WarningKind[];
  /** Contact-ladder values of the person (ladderStepsOf(evaluateLadder(…)): stage and next action). */
  ladderSteps?: readonly string[];
  scbPhase?: ScbPhase | null;
}

export interface TipGroup {
  anchor: AnchorName;
  tips: Tip[];
}

function firstPresent(candidates: readonly (AnchorName | null | undefined)[], present: ReadonlySet<AnchorName>): AnchorName | null {
  for (const c of candidates) if (c && present.has(c)) return c;
  return null;
}

/** Tips for a page grouped by the anchor they are shown next to (anchors in TIP_ANCHORS order, empty groups left out). */
export function placeTips(pack: Pack, input: TipPlacementInput): TipGroup[] {
  const present = new Set(input.present.filter((a) => TIP_ANCHORS.includes(a)));
  if (present.size === 0) return [];
  const ordered = TIP_ANCHORS.filter((a) => present.has(a));
  const tips = tipsFor(pack, {
    pageKind: input.pageKind,
    anchors: ordered,
    warningKinds: input.warningKinds ?? [],
    ladderSteps: input.ladderSteps ?? [],
    scbPhase: input.scbPhase ?? null,
  });
  const groups = new Map<AnchorName, Tip[]>();
  const pageAnchor = PAGE_ANCHOR[input.pageKind];
  for (const tip of tips) {
    const c = tip.contexts;
    const target = c.anchors
      ? firstPresent(c.anchors, present)
      : c.warningKinds
        ? firstPresent([WARNING_ANCHOR[input.pageKind], pageAnchor, ...ordered], present)
        : firstPresent([pageAnchor, ...ordered], present);
    if (!target) continue;
    const list = groups.get(target) ?? [];
    list.push(tip);
    groups.set(target, list);
  }
  return ordered.filter((a) => groups.has(a)).map((anchor) => ({ anchor, tips: groups.get(anchor) ?? [] }));
}

/**
 * SCB deadlines around `today` from the settings' month-day pairs (e.g. { H1: '09-01', H2: '02-01' }): last year's,
 * this year's and next year's. Invalid month-days are skipped.
 */
export function deadlinesFromSettings(today: string, monthDays: Readonly<Record<string, string>>): ScbDeadline[] {
  const year = Number(today.slice(0, 4));
  if (!Number.isInteger(year)) return [];
  const out: ScbDeadline[] = [];
  for (const y of [year - 1, year, year + 1]) {
    for (const md of Object.values(monthDays)) {
      if (/^\d{2}-\d{2}$/.test(md)) out.push({ deadline: `${y}-${md}` });
    }
  }
  // ISO dates: a plain comparison orders them (no locale lookup).
  return out.sort((a, b) => (a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : 0));
}

/** The SCB phase for tips, using the pack's phase lengths. */
export function tipScbPhase(pack: Pack, today: string, monthDays: Readonly<Record<string, string>>): ScbPhase {
  return scbPhase(today, deadlinesFromSettings(today, monthDays), pack.settings);
}
