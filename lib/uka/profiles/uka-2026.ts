/**
 * Markup profile "uka-2026": the newer UKA release (app header with nav.app-nav, warnings ABOVE the participant card,
 * contact log and occupations as ARIA grids, registrations as definition lists).
 */
import type { UkaProfile } from '../profile';
import { COMMON_HEADINGS, COMMON_PAGE_ANCHORS, COMMON_VALUES } from './common';

export const uka2026: UkaProfile = {
  id: 'uka-2026',
  version: '5.0',
  description: 'UKA med appramverk (varningar ovanför deltagarkortet, rutnät med role=table)',
  matches: (doc) => doc.body?.classList.contains('uka-app') === true && doc.querySelector('header.app-header') !== null,
  pageKinds: [
    { kind: 'login', selector: 'form.login-form input[type=password]' },
    { kind: 'export', selector: '.export-groups' },
    { kind: 'person', selector: 'header.participant-card' },
    { kind: 'start', selector: 'table.participants' },
  ],
  header: {
    container: 'header.participant-card',
    name: '.participant-card__name',
    facts: 'dt-dd',
    labels: { personnummer: /^person\s*(nummer|nr)|^pnr/, kon: /^kön/, alder: /^ålder/, etikett: /^etikett/ },
  },
  warnings: {
    container: 'section.scb-checks',
    section: 'section.scb-check',
    heading: '.scb-check__title',
    item: 'li',
    classColours: [
      { colour: 'red', className: 'scb-check--error' },
      { colour: 'yellow', className: 'scb-check--warning' },
      { colour: 'green', className: 'scb-check--info' },
    ],
  },
  headings: COMMON_HEADINGS,
  grids: {
    registrations: {
      layout: 'dl-list',
      selector: '#panel-registrering ul.reg-list',
      item: 'li',
      columns: { start: /^start/, end: /^slut/, senSysReg: /sensysreg|studier/ },
      required: ['start', 'end', 'senSysReg'],
    },
    contacts: {
      layout: 'role-table',
      selector: '#panel-kontakter [role=table]',
      columns: { date: /^datum/, kind: /^sätt|^kontakts[äa]tt|^typ/, target: /^med$|^mottagare|kontakt med/, reached: /nådd/, note: /^notering|^anteckning|^kommentar/ },
      required: ['date', 'kind', 'reached'],
    },
    occupations: {
      layout: 'role-table',
      selector: '#panel-sysselsattning [role=table]',
      columns: { date: /^datum/, code: /^sysselsättning|syskontakt/, text: /^notering|^kommentar|^anteckning/ },
      required: ['date', 'code'],
    },
    measures: {
      layout: 'table',
      selector: '#panel-atgarder table',
      columns: { atgard: /^åtgärd$/, start: /^start/, end: /^slut/, grund: /grund|avslutsorsak/, sysEfter: /efter/ },
      required: ['atgard', 'start', 'end'],
    },
    bevakningar: {
      layout: 'list',
      selector: '#panel-bevakningar ul.reminders',
      item: 'li',
      fields: { date: 'time', text: 'span' },
      required: ['date', 'text'],
    },
    startList: {
      layout: 'table',
      selector: 'table.participants',
      columns: { name: /^namn/, personnummer: /^person\s*(nummer|nr)/, label: /^etikett/, status: /^status/, latestContact: /senaste kontakt/ },
      required: ['name', 'personnummer'],
    },
  },
  startListLink: 'a[href]',
  exportList: {
    container: '.export-groups',
    group: 'section.export-group',
    heading: '.scb-check__title',
    rows: {
      layout: 'list',
      selector: 'ul.export-group__list',
      item: 'li',
      fields: { name: 'a', personnummer: '.pnr', label: '.tag' },
      required: ['name'],
    },
    link: 'a[href]',
  },
  exportButton: '#scb-export',
  anchors: {
    header: 'header.participant-card',
    warnings: 'section.scb-checks',
    contactLog: '#panel-kontakter',
    measures: '#panel-atgarder',
    occupations: '#panel-sysselsattning',
    exportButton: '#scb-export',
    exportList: '.export-groups',
    startList: 'table.participants',
    loginForm: 'form.login-form',
  },
  pageAnchors: COMMON_PAGE_ANCHORS,
  values: COMMON_VALUES,
};
