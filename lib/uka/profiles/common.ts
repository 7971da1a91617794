/**
 * What UKA's releases share: the wording of the SCB warning headings (mb 6) and the values in the contact log.
 * Patterns work on normalised text: lower case, punctuation (: – — - ( ) , .) turned into spaces, single spaces.
 */
import type { HeadingPatterns, UkaProfile } from '../profile';
import type { AnchorName, PageKind } from '../types';

export const COMMON_HEADINGS: HeadingPatterns = {
  colours: [
    { colour: 'yellow', prefix: /^potentiella\s+problem\b/ },
    { colour: 'red', prefix: /^problem\b/ },
    { colour: 'green', prefix: /^(oavslutade|pågående)\s+åtgärder\b/ },
  ],
  rules: [
    { kind: 'R1', all: [/\binsys\b|ingen sysselsättning/] },
    { kind: 'R2', all: [/syskontakt|sysselsättning vid kontakt/, /åtgärdsperiod|åtgärd/] },
    { kind: 'R3', all: [/grundatgslut|grund för avslut|avslutsorsak/] },
    { kind: 'R5', all: [/samma som|lika med|=/] },
    { kind: 'R4', all: [/sysefter|sysselsättning efter/] },
    { kind: 'R6', all: [/sensysreg|i form av studier/, /försämring|regression|lägre/] },
    { kind: 'Y1', all: [/studiebevis|beda/] },
    { kind: 'Y2', all: [/sensysreg|i form av studier/, /saknas|ej angiven|tom/] },
    { kind: 'Y3', all: [/utanför\s+(någon\s+|alla\s+)?registreringsperiod/] },
    { kind: 'Y4', all: [/syskontakt|sysselsättning vid kontakt/, /insamlingsperiod/] },
    { kind: 'G1', all: [/oavslutad|pågående|ej avslutad/] },
  ],
};

export const COMMON_VALUES: UkaProfile['values'] = {
  contactKinds: [
    [/^(telefon|samtal|tel)/, 'telefon'],
    [/^brev/, 'brev'],
    [/vykort/, 'vykort'],
    [/^hembesök/, 'hembesok'],
    [/^(möte|besök)/, 'mote'],
    [/^sms/, 'sms'],
  ],
  targets: [
    [/^(ungdom|deltagare|ungdomen)/, 'ungdom'],
    [/^(vårdnadshavare|förälder|vh)/, 'vardnadshavare'],
  ],
  yes: /^(ja|j|nådd|yes)\b/,
};

/**
 * Which named elements each kind of UKA page can have (the person page's parts, the export list and its button …).
 * Features that look for "whichever anchors are on this page" look only for these: a lookup of an element that is not
 * there searches the whole page, which on a 5,000-row list is a millisecond each.
 */
export const COMMON_PAGE_ANCHORS: Readonly<Record<PageKind, readonly AnchorName[]>> = {
  person: ['header', 'warnings', 'contactLog', 'measures', 'occupations'],
  export: ['exportList', 'exportButton'],
  start: ['startList'],
  login: ['loginForm'],
  unknown: [],
};
