/**
 * Markup profile "uka-2024": the table-based UKA release (top menu #huvudmeny, person header #personhuvud above the
 * warning boxes, data in <table class="lista">).
 */
import type { UkaProfile } from '../profile';
import { COMMON_HEADINGS, COMMON_PAGE_ANCHORS, COMMON_VALUES } from './common';

export const uka2024: UkaProfile = {
  id: 'uka-2024',
  version: '4.2',
  description: 'UKA med tabellayout (huvudmeny överst, personhuvud före varningarna)',
  matches: (doc) => doc.body?.classList.contains('uka') === true && doc.querySelector('#sidhuvud') !== null,
  pageKinds: [
    { kind: 'login', selector: 'form#loginform input[type=password]' },
    { kind: 'export', selector: '#scbexport' },
    { kind: 'person', selector: '#personhuvud' },
    { kind: 'start', selector: 'table#deltagarlista' },
  ],
  header: {
    container: '#personhuvud',
    name: 'h1',
    facts: 'th-td',
    labels: { personnummer: /^person\s*(nummer|nr)|^pnr/, kon: /^kön/, alder: /^ålder/, etikett: /^etikett/ },
  },
  warnings: {
    container: '#scbvarningar',
    section: '.varning',
    heading: 'h3',
    item: 'li',
    classColours: [
      { colour: 'red', className: 'rod' },
      { colour: 'yellow', className: 'gul' },
      { colour: 'green', className: 'gron' },
    ],
  },
  headings: COMMON_HEADINGS,
  grids: {
    registrations: {
      layout: 'table',
      selector: 'table#regperioder',
      columns: { start: /^start/, end: /^slut/, senSysReg: /sensysreg|studier/ },
      required: ['start', 'end', 'senSysReg'],
    },
    contacts: {
      layout: 'table',
      selector: 'table#kontaktlogg',
      columns: { date: /^datum/, kind: /^kontakts[äa]tt|^sätt|^typ/, target: /med$|^mottagare/, reached: /^nådd|^kontakt nådd/, note: /^anteckning|^notering|^kommentar/ },
      required: ['date', 'kind', 'reached'],
    },
    occupations: {
      layout: 'table',
      selector: 'table#sysselsattning',
      columns: { date: /^datum/, code: /syskontakt|^sysselsättning/, text: /^kommentar|^notering|^anteckning/ },
      required: ['date', 'code'],
    },
    measures: {
      layout: 'table',
      selector: 'table#atgarder',
      columns: { atgard: /^åtgärd$/, start: /^start/, end: /^slut/, grund: /grund|avslutsorsak/, sysEfter: /efter/ },
      required: ['atgard', 'start', 'end'],
    },
    bevakningar: {
      layout: 'table',
      selector: 'table#bevakningar',
      columns: { date: /^datum/, text: /^bevakning|^text|^beskrivning/ },
      required: ['date', 'text'],
    },
    startList: {
      layout: 'table',
      selector: 'table#deltagarlista',
      columns: { name: /^namn/, personnummer: /^person\s*(nummer|nr)/, label: /^etikett/, status: /^status/, latestContact: /senaste kontakt/ },
      required: ['name', 'personnummer'],
    },
  },
  startListLink: 'a[href]',
  exportList: {
    container: '#scbexport',
    group: '.exportgrupp',
    heading: 'h3',
    rows: {
      layout: 'table',
      selector: 'table',
      columns: { name: /^namn/, personnummer: /^person\s*(nummer|nr)/, label: /^etikett/ },
      required: ['name'],
    },
    link: 'a[href]',
  },
  exportButton: '#exportknapp',
  anchors: {
    header: '#personhuvud',
    warnings: '#scbvarningar',
    contactLog: 'table#kontaktlogg',
    measures: 'table#atgarder',
    occupations: 'table#sysselsattning',
    exportButton: '#exportknapp',
    exportList: '#scbexport',
    startList: 'table#deltagarlista',
    loginForm: 'form#loginform',
  },
  pageAnchors: COMMON_PAGE_ANCHORS,
  values: COMMON_VALUES,
};
