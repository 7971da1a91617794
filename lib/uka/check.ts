/**
 * The check of a person page read, without zod. The adapter builds its PersonPage from DOM strings, so most of its
 * shape holds by construction; what a page can still get wrong (a date that is not a date, a short personnummer, an
 * empty name) is checked here with the rules of the PersonPage schema in ./types.ts. zod would be ~90 kB of the UKA
 * content script on every UKA page (compiled on each load); tests/unit/uka/check.test.ts holds this check to the
 * schema's verdict, and to the path of its first issue, on generated reads.
 */
import { WARNING_KINDS } from '../domain/warnings';
import type { PersonPage } from './types';

export interface ReadIssue {
  path: Array<string | number>;
  message: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const COLOURS: readonly unknown[] = ['red', 'yellow', 'green'];
const KINDS: readonly unknown[] = WARNING_KINDS;
const CONTACT_KINDS: readonly unknown[] = ['telefon', 'brev', 'vykort', 'hembesok', 'mote', 'sms', 'annat'];
const CONTACT_TARGETS: readonly unknown[] = ['ungdom', 'vardnadshavare', 'annan'];

type Rule = (value: unknown) => string | null;

const str: Rule = (v) => (typeof v === 'string' ? null : 'ska vara text');
const strMin =
  (min: number): Rule =>
  (v) =>
    typeof v !== 'string' ? 'ska vara text' : v.length < min ? `minst ${min} tecken` : null;
const date: Rule = (v) => (typeof v !== 'string' ? 'ska vara text' : ISO_DATE.test(v) ? null : 'ska vara ett datum ÅÅÅÅ-MM-DD');
const bool: Rule = (v) => (typeof v === 'boolean' ? null : 'ska vara sant eller falskt');
const oneOf =
  (values: readonly unknown[]): Rule =>
  (v) =>
    values.includes(v) ? null : `ska vara ett av ${values.join(', ')}`;
const nullable =
  (rule: Rule): Rule =>
  (v) =>
    v === null ? null : rule(v);
const age: Rule = (v) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? null : 'ska vara ett heltal ≥ 0');

interface ListOf {
  list: Shape | Rule;
}
interface Shape {
  [key: string]: Rule | ListOf | Shape;
}

const PERSON_PAGE: Shape = {
  header: { name: strMin(1), personnummer: strMin(10), kon: nullable(str), alder: nullable(age) },
  label: nullable(str),
  sections: { list: { colour: oneOf(COLOURS), heading: str, kind: nullable(oneOf(KINDS)), items: { list: str } } },
  // Contact and measure dates may be any text UKA shows: the ladder reports a bad one (lib/ladder/inputs.ts).
  contacts: { list: { date: str, kind: oneOf(CONTACT_KINDS), reached: bool, target: oneOf(CONTACT_TARGETS), note: str } },
  measures: { list: { atgardCode: nullable(str), atgardText: str, start: str, end: nullable(str), grundAtgSlut: nullable(str), sysEfter: nullable(str) } },
  occupations: { list: { date, sysKontakt: nullable(str), text: str } },
  registrations: { list: { start: date, end: nullable(date), senSysReg: nullable(str) } },
  bevakningar: { list: { date, text: str } },
};

function check(shape: Shape | Rule | ListOf, value: unknown, path: Array<string | number>): ReadIssue | null {
  if (typeof shape === 'function') {
    const message = shape(value);
    return message === null ? null : { path, message };
  }
  if ('list' in shape && Object.keys(shape).length === 1) {
    if (!Array.isArray(value)) return { path, message: 'ska vara en lista' };
    const item = (shape as ListOf).list;
    for (let i = 0; i < value.length; i++) {
      const issue = check(item, value[i], [...path, i]);
      if (issue) return issue;
    }
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { path, message: 'ska vara ett objekt' };
  const record = value as Record<string, unknown>;
  for (const [key, rule] of Object.entries(shape)) {
    const issue = check(rule, record[key], [...path, key]);
    if (issue) return issue;
  }
  return null;
}

/** The first way `value` breaks the PersonPage schema (in the schema's order), or null when it is a valid read. */
export function personPageIssue(value: unknown): ReadIssue | null {
  return check(PERSON_PAGE, value, []);
}

/** Type guard form of personPageIssue. */
export function isPersonPage(value: unknown): value is PersonPage {
  return personPageIssue(value) === null;
}
