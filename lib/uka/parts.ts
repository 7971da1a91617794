/**
 * The named parts of each kind of UKA page that the adapter reads (the person header, the warnings, each grid, the
 * export list and its button …), with the profile rule that finds each. Used to notice drift (a part that was found
 * on earlier pages of this profile and is gone now: UKA was probably updated) and by the calibration page.
 * zod-free and DOM-only: it runs in the UKA content script.
 */
import type { UkaProfile } from './profile';
import type { PageKind } from './types';

export const PART_NAMES = ['header', 'warnings', 'registrations', 'contacts', 'occupations', 'measures', 'bevakningar', 'startList', 'exportList', 'exportButton'] as const;
export type PartName = (typeof PART_NAMES)[number];

/** Swedish names of the parts, as the popup and the calibration page show them. */
export const PART_LABEL: Record<PartName, string> = {
  header: 'personhuvudet (namn och personnummer)',
  warnings: 'SCB-varningarna',
  registrations: 'registreringsperioderna',
  contacts: 'kontaktloggen',
  occupations: 'sysselsättningarna (SysKontakt)',
  measures: 'åtgärderna',
  bevakningar: 'bevakningarna',
  startList: 'deltagarlistan',
  exportList: 'exportlistan',
  exportButton: 'exportknappen',
};

/** Which read each part belongs to: when a part drifts, that read stands down. */
export const PART_READ: Record<PartName, 'person' | 'startList' | 'exportList'> = {
  header: 'person',
  warnings: 'person',
  registrations: 'person',
  contacts: 'person',
  occupations: 'person',
  measures: 'person',
  bevakningar: 'person',
  startList: 'startList',
  exportList: 'exportList',
  exportButton: 'exportList',
};

export interface PartRule {
  part: PartName;
  /** Where the rule is in the profile document, e.g. `grids.contacts.selector`. */
  path: string;
  selector: string;
}

/** The parts a page of this kind has, and the rule that finds each. */
export function partRules(p: UkaProfile, kind: PageKind): PartRule[] {
  switch (kind) {
    case 'person':
      return [
        { part: 'header', path: 'header.container', selector: p.header.container },
        { part: 'warnings', path: 'warnings.container', selector: p.warnings.container },
        ...(['registrations', 'contacts', 'occupations', 'measures', 'bevakningar'] as const).map((g) => ({ part: g, path: `grids.${g}.selector`, selector: p.grids[g].selector })),
      ];
    case 'start':
      return [{ part: 'startList', path: 'grids.startList.selector', selector: p.grids.startList.selector }];
    case 'export':
      return [
        { part: 'exportList', path: 'exportList.container', selector: p.exportList.container },
        { part: 'exportButton', path: 'exportButton', selector: p.exportButton },
      ];
    default:
      return [];
  }
}

/** Which of the page's parts are found and which are not. Never throws (a failing lookup counts as not found). */
export function probeParts(p: UkaProfile, kind: PageKind, doc: Document): { found: PartRule[]; missing: PartRule[] } {
  const found: PartRule[] = [];
  const missing: PartRule[] = [];
  for (const rule of partRules(p, kind)) {
    let hit = false;
    try {
      hit = doc.querySelector(rule.selector) !== null;
    } catch {
      hit = false;
    }
    (hit ? found : missing).push(rule);
  }
  return { found, missing };
}

/** Parts found on earlier pages, per profile id (what the background keeps; no page content). */
export type PartsSeen = Record<string, readonly string[]>;

/** The parts of this page that were found before with this profile and are missing now. */
export function driftedParts(profileId: string, missing: readonly PartRule[], seen: PartsSeen): PartRule[] {
  const before = seen[profileId] ?? [];
  return missing.filter((r) => before.includes(r.part));
}
