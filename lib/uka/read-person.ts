/**
 * A person page: the header facts, SCB's warning sections and the five grids (registrations, contact log,
 * occupations, measures, bevakningar), checked as the PersonPage schema would have it (./check.ts; no zod on UKA's
 * pages). Contact and measure dates that are not dates are kept as shown: the ladder reports them, and one bad date
 * never makes a page unreadable.
 */
import { isoDate, normalise, readFacts, readGrid, splitCode, text } from './dom';
import { personPageIssue } from './check';
import type { UkaProfile } from './profile';
import { readSections } from './read-warnings';
import { fail } from './read-steps';
import type { ContactEntry, ContactKind, ContactTarget, PersonPage, ReadResult } from './types';

const mapValue = <T extends string>(list: Array<[RegExp, T]>, raw: string | null, fallback: T): T => {
  const n = normalise(raw ?? '');
  return list.find(([re]) => re.test(n))?.[1] ?? fallback;
};

function checkedPersonPage(value: PersonPage): ReadResult<PersonPage> {
  const issue = personPageIssue(value);
  return issue ? fail(`ogiltiga uppgifter: ${issue.path.join('.')}: ${issue.message}`) : { ok: true, value };
}

/** The person page; `found` is told the warning sections' elements of a successful read. */
export function readPerson(p: UkaProfile, doc: Document, found: (value: PersonPage, elements: Element[]) => void): ReadResult<PersonPage> {
  const headerEl = doc.querySelector(p.header.container);
  if (!headerEl) return fail('personhuvudet saknas');
  const facts = readFacts(headerEl, p.header.facts);
  const fact = (re: RegExp) => facts.find(([label]) => re.test(normalise(label)))?.[1] ?? null;
  const pnr = fact(p.header.labels.personnummer);
  const name = text(headerEl.querySelector(p.header.name));
  if (!name || !pnr) return fail('namn eller personnummer saknas i personhuvudet');
  const ageText = fact(p.header.labels.alder);
  const ageNum = ageText ? /\d+/.exec(ageText) : null;
  const header = { name, personnummer: pnr, kon: fact(p.header.labels.kon), alder: ageNum ? Number(ageNum[0]) : null };

  const grids = p.grids;
  const regs = readGrid(doc, grids.registrations);
  if (!regs.ok) return fail(regs.reason);
  const contacts = readGrid(doc, grids.contacts);
  if (!contacts.ok) return fail(contacts.reason);
  const occ = readGrid(doc, grids.occupations);
  if (!occ.ok) return fail(occ.reason);
  const measures = readGrid(doc, grids.measures);
  if (!measures.ok) return fail(measures.reason);
  const bev = readGrid(doc, grids.bevakningar);
  if (!bev.ok) return fail(bev.reason);

  const sections = readSections(p, doc);
  const value = {
    header,
    label: fact(p.header.labels.etikett) || null,
    sections: sections.sections,
    contacts: contacts.rows.map((r) => ({
      date: isoDate(r.get('date')) ?? r.get('date') ?? '',
      kind: mapValue<ContactKind>(p.values.contactKinds, r.get('kind'), 'annat'),
      reached: p.values.yes.test(normalise(r.get('reached') ?? '')),
      target: mapValue<ContactTarget>(p.values.targets, r.get('target'), 'annan'),
      note: r.get('note') ?? '',
    })) satisfies ContactEntry[],
    measures: measures.rows.map((r) => {
      const a = splitCode(r.get('atgard'));
      return {
        atgardCode: a.code,
        atgardText: a.text || (r.get('atgard') ?? ''),
        start: isoDate(r.get('start')) ?? r.get('start') ?? '',
        // An end with digits that is not a date stays as shown (the ladder reports it); empty, '–' or words mean ongoing.
        end: isoDate(r.get('end')) ?? (/\d/.test(r.get('end') ?? '') ? r.get('end')!.trim() : null),
        grundAtgSlut: splitCode(r.get('grund')).code ?? (r.get('grund') || null),
        sysEfter: splitCode(r.get('sysEfter')).code ?? (r.get('sysEfter') || null),
      };
    }),
    occupations: occ.rows.map((r) => {
      const c = splitCode(r.get('code'));
      return { date: isoDate(r.get('date')) ?? r.get('date') ?? '', sysKontakt: c.code, text: r.get('text') || c.text };
    }),
    registrations: regs.rows.map((r) => ({
      start: isoDate(r.get('start')) ?? r.get('start') ?? '',
      end: isoDate(r.get('end')),
      senSysReg: splitCode(r.get('senSysReg')).code,
    })),
    bevakningar: bev.rows.map((r) => ({ date: isoDate(r.get('date')) ?? r.get('date') ?? '', text: r.get('text') ?? '' })),
  };
  const checked = checkedPersonPage(value);
  if (checked.ok) found(checked.value, sections.elements);
  return checked;
}
