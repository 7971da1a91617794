import type { PageKind } from '../../lib/uka/types';
import { featureDeclaration, FEATURE_LIST, RENAMED_FEATURE_IDS } from '../../lib/features/list';

export const PAGE_KIND_LABEL: Record<PageKind, string> = {
  login: 'Inloggning',
  start: 'Mina deltagare',
  person: 'Personsida',
  export: 'Export till SCB',
  unknown: 'Okänd sida',
};

/** Colour names in words, so that meaning never rests on colour alone. */
export const COLOUR_LABEL: Record<'red' | 'yellow' | 'green', string> = {
  red: 'Rött – problem',
  yellow: 'Gult – kontrollera',
  green: 'Grönt – pågående',
};

/** Each feature's name in the UI, by id; an old id (in an error recorded before a rename) gets its new name. */
export const FEATURE_LABEL: Record<string, string> = {
  ...Object.fromEntries(Object.entries(RENAMED_FEATURE_IDS).map(([old, id]) => [old, featureDeclaration(id).label])),
  ...Object.fromEntries(FEATURE_LIST.map((f) => [f.id, f.label])),
};

export const FEATURE_STATE_LABEL: Record<string, string> = {
  active: 'aktiv',
  off: 'avstängd',
  error: 'fel',
  'not-applicable': 'inte på den här sidan',
};
