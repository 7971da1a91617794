/**
 * Every feature of KAA-lotsen, declared once: its id (the one code name used in lib/, components/, the feature file
 * and the settings), its name in the UI, and where it runs. The settings' feature switches, the options page, the
 * popup's labels and the UKA content script's feature list are all built from this list. Pure data: safe to import
 * anywhere (no DOM, no browser APIs, no feature code).
 *
 * The order is the order of the switches on the options page.
 */
import type { PageKind } from '../uka/types';

export interface FeatureDeclaration {
  id: string;
  /** The feature's name in the UI (Swedish). */
  label: string;
  /**
   * 'uka': a feature of the UKA content script, run by the feature manager on `pages`
   * (entrypoints/uka.content/features/<id>.tsx). 'scb': the check on SCB's upload page (entrypoints/scb.tsx).
   */
  script: 'uka' | 'scb';
  /** The UKA page kinds the feature runs on (none for the SCB script). */
  pages: readonly PageKind[];
}

export const FEATURE_LIST = [
  { id: 'status-panel', label: 'Statuspanel', script: 'uka', pages: ['login', 'start', 'person', 'export'] },
  { id: 'explainers', label: 'Förklaringar av SCB-varningar', script: 'uka', pages: ['person', 'export'] },
  { id: 'glossary', label: 'Ordlista för SCB-koder', script: 'uka', pages: ['person', 'export', 'start'] },
  { id: 'review', label: 'Månadsgenomgång', script: 'uka', pages: ['export'] },
  { id: 'ladder', label: 'Kontakttrappa', script: 'uka', pages: ['person'] },
  { id: 'reminders', label: 'Påminnelser', script: 'uka', pages: ['start'] },
  { id: 'scb-guard', label: 'Skydd för SCB-filen', script: 'uka', pages: ['export'] },
  { id: 'upload-check', label: 'Kontroll vid uppladdning', script: 'scb', pages: [] },
  { id: 'tips', label: 'Tips ur metodboken', script: 'uka', pages: ['login', 'start', 'person', 'export'] },
  { id: 'tour', label: 'Introduktion för nya', script: 'uka', pages: ['person', 'export'] },
] as const satisfies readonly FeatureDeclaration[];

type Declared = (typeof FEATURE_LIST)[number];
export type FeatureId = Declared['id'];
/** The features of the UKA content script. */
export type UkaFeatureId = Extract<Declared, { script: 'uka' }>['id'];

export const FEATURE_IDS: readonly FeatureId[] = FEATURE_LIST.map((f) => f.id);

export function isFeatureId(value: unknown): value is FeatureId {
  return typeof value === 'string' && (FEATURE_IDS as readonly string[]).includes(value);
}

/** The declaration of a feature. */
export function featureDeclaration(id: FeatureId): FeatureDeclaration {
  return FEATURE_LIST.find((f) => f.id === id)!;
}

/** Feature ids that were renamed, old → new. Stored settings, policies and stored error records may hold old ones. */
export const RENAMED_FEATURE_IDS: Readonly<Record<string, FeatureId>> = Object.freeze({ checklist: 'ladder' });
