/**
 * Swedish count phrases, used by every product text that puts a number before a noun: "1 rad" / "2 rader",
 * "i dag" / "i morgon" / "om 3 dagar", "varje månad" / "varannan månad" / "var tredje månad". Pure functions.
 */

/** Nouns the product counts, singular → plural. Add a noun here rather than writing a plural by hand. */
const NOUNS = {
  rad: 'rader',
  person: 'personer',
  ungdom: 'ungdomar',
  varning: 'varningar',
  dag: 'dagar',
  vecka: 'veckor',
  månad: 'månader',
  fel: 'fel',
  följdfel: 'följdfel',
  fil: 'filer',
  steg: 'steg',
  påminnelse: 'påminnelser',
  anteckning: 'anteckningar',
  kolumn: 'kolumner',
  fält: 'fält',
  åtgärd: 'åtgärder',
  kontakt: 'kontakter',
  halvår: 'halvår',
  tecken: 'tecken',
  gång: 'gånger',
  info: 'info',
} as const;

export type CountNoun = keyof typeof NOUNS;

/** The plural of a noun of the table. */
export function plural(noun: CountNoun): string {
  return NOUNS[noun];
}

/**
 * "1 rad", "0 rader", "2 rader", "21 rader" (Swedish has the singular only for exactly one). Either a noun of the
 * table, or the two forms given: count(3, 'ungdom', 'ungdomar').
 */
export function count(n: number, noun: CountNoun): string;
export function count(n: number, one: string, many: string): string;
export function count(n: number, one: string, many?: string): string {
  const pluralForm = many ?? (NOUNS as Record<string, string>)[one] ?? one;
  return `${n} ${n === 1 ? one : pluralForm}`;
}

/** "i dag", "i morgon", "i går", "om 3 dagar", "3 dagar sedan", from a difference in whole days. */
export function relativeDays(days: number): string {
  if (days === 0) return 'i dag';
  if (days === 1) return 'i morgon';
  if (days === -1) return 'i går';
  return days > 0 ? `om ${count(days, 'dag')}` : `${count(-days, 'dag')} sedan`;
}

const ORDINALS = [
  '', '', 'andra', 'tredje', 'fjärde', 'femte', 'sjätte', 'sjunde', 'åttonde', 'nionde', 'tionde', 'elfte', 'tolfte',
  'trettonde', 'fjortonde', 'femtonde', 'sextonde', 'sjuttonde', 'artonde', 'nittonde', 'tjugonde', 'tjugoförsta',
  'tjugoandra', 'tjugotredje', 'tjugofjärde',
];

/**
 * An interval in months as running text: "varje månad", "varannan månad", "var tredje månad" … "var tjugofjärde
 * månad"; longer intervals as "med 30 månaders mellanrum". Never "var 1:e månad".
 */
export function everyNMonths(n: number): string {
  if (n <= 1) return 'varje månad';
  if (n === 2) return 'varannan månad';
  if (Number.isInteger(n) && n < ORDINALS.length) return `var ${ORDINALS[n]} månad`;
  return `med ${n} månaders mellanrum`;
}
