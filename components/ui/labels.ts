import type { PageKind } from '../../lib/uka/types';

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

export const FEATURE_LABEL: Record<string, string> = {
  'status-panel': 'Statuspanel',
  explainers: 'Förklaringar av SCB-varningar',
  glossary: 'Ordlista för SCB-koder',
  review: 'Månadsgenomgång',
  ladder: 'Kontakttrappa',
  reminders: 'Påminnelser',
  'scb-guard': 'Skydd för SCB-filen',
  'upload-check': 'Kontroll vid uppladdning',
  tips: 'Tips ur metodboken',
  tour: 'Introduktion för nya',
};

export const FEATURE_STATE_LABEL: Record<string, string> = {
  active: 'aktiv',
  off: 'avstängd',
  error: 'fel',
  'not-applicable': 'inte på den här sidan',
};
