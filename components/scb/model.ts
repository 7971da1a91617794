/**
 * Pure helpers of the SCB-file UI (guard dialog, error-list panel, upload check). No DOM; unit-tested in
 * tests/unit/scb-ui. Personnummer only live in memory here and are masked for display unless the user asks for them.
 */
import { maskId, parseId } from '../../lib/domain/personnummer';
import { groupFindingsByPerson, type PersonFindings } from '../../lib/scb/report';
import type { ScbErrorEntry } from '../../lib/scb/report';
import type { Finding, ScbReport, Verdict } from '../../lib/scb/validate';
import { causesOf } from '../../lib/scb/format';
import { ruleText } from '../../lib/scb/rules';
import { redactMessage } from '../../lib/store/redact';
import { isUkaPath } from '../../lib/platform/links';
import type { ExportList } from '../../lib/uka/types';

export interface PersonLink {
  name: string;
  href: string;
}

/**
 * 12-digit personnummer → UKA person page, from the rows of UKA's export list (first row wins). Only a plain path on
 * the page's own origin is kept as a link (lib/platform/links.ts: no "//host", "/\host", "javascript:" or absolute
 * URL).
 */
export type PersonIndex = ReadonlyMap<string, PersonLink>;

/** Normalise what UKA shows ("20070313-2381", "070313-2381", "200703132381") to 12 digits, or null. */
export function twelveDigits(shown: string | null | undefined): string | null {
  if (!shown) return null;
  const digits = shown.replace(/\D/g, '');
  if (digits.length === 12) return digits;
  return parseId(shown)?.digits12 ?? null;
}

export function buildPersonIndex(list: Pick<ExportList, 'groups'>): Map<string, PersonLink> {
  const index = new Map<string, PersonLink>();
  for (const group of list.groups) {
    for (const row of group.rows) {
      const key = twelveDigits(row.personnummer);
      if (key && isUkaPath(row.href) && !index.has(key)) index.set(key, { name: row.name, href: row.href });
    }
  }
  return index;
}

/** A person index, or a function that builds it when first needed (the guard builds it only when the user acts). */
export type PeopleSource = PersonIndex | (() => PersonIndex);

export function peopleOf(source: PeopleSource): PersonIndex {
  return typeof source === 'function' ? source() : source;
}

/** How a personnummer is shown: masked ('20070313-****') unless the user asked for the full numbers. */
export function showId(personKey: string, full: boolean): string {
  return full && /^\d{12}$/.test(personKey) ? `${personKey.slice(0, 8)}-${personKey.slice(8)}` : maskId(personKey);
}

export type SaveAction = 'save' | 'save-anyway' | 'override' | 'none';

/** Which save button the dialog offers for a verdict. */
export function saveActionFor(verdict: Verdict): SaveAction {
  switch (verdict) {
    case 'ok':
      return 'save';
    case 'warn':
      return 'save-anyway';
    case 'block':
      return 'override';
    default:
      return 'none';
  }
}

/** The smallest reason text accepted for an override (so that a stray key press is not a reason). */
export const MIN_REASON = 5;

export function overrideReady(understood: boolean, reason: string): boolean {
  return understood && reason.trim().length >= MIN_REASON;
}

/** Every name on UKA's export list (in memory on that page only): what an override reason must not keep. */
export function exportListNames(list: Pick<ExportList, 'groups'>): string[] {
  const names = new Set<string>();
  for (const group of list.groups) for (const row of group.rows) if (row.name.trim()) names.add(row.name.trim());
  return [...names];
}

/**
 * The override reason as it is stored in the local export log: every name of the export list (whole, its parts,
 * and with a genitive "s") becomes "[namn]" and every personnummer-like number (12 or 10 digits, with "-", "+",
 * spaces or nothing between) becomes "[personnummer]".
 */
export function maskReason(reason: string, names: readonly string[]): string {
  return redactMessage(reason.trim(), names, { inflected: true });
}

export interface DialogGroup extends PersonFindings {
  link: PersonLink | null;
}

export interface DialogCause {
  finding: Finding;
  /** Short title of the cause's rule. */
  title: string;
  /** The findings it explains ("följdfel"), as kept in the report. */
  consequences: Finding[];
  /** How many it explains, including those left out by the cap. */
  total: number;
}

/** The causes a report leads with, each with the findings it explains (one of each rule first, then the rest). */
export function dialogCauses(report: Pick<ScbReport, 'findings'>): DialogCause[] {
  return causesOf(report).map((c) => {
    const all = report.findings.filter((f) => f.cause !== undefined && f.cause === c.id);
    const seen = new Set<string>();
    const firsts: Finding[] = [];
    const rest: Finding[] = [];
    for (const f of all) {
      if (seen.has(f.ruleId)) rest.push(f);
      else {
        seen.add(f.ruleId);
        firsts.push(f);
      }
    }
    const consequences = [...firsts, ...rest];
    return { finding: c, title: ruleText(c.ruleId).title, consequences, total: Math.max(c.consequences ?? 0, consequences.length) };
  });
}

/**
 * Findings grouped by person (lib/scb's grouping), info left out unless asked for, with each person's UKA link.
 * Causes and the findings they explain are shown with the cause (dialogCauses), not here.
 */
export function dialogGroups(report: Pick<ScbReport, 'findings'>, people: PersonIndex, showInfo: boolean): DialogGroup[] {
  const causes = new Set(causesOf(report));
  const findings = report.findings.filter((f) => (showInfo || f.severity !== 'info') && f.cause === undefined && !causes.has(f));
  return groupFindingsByPerson({ findings }).map((g) => ({ ...g, link: g.personKey ? (people.get(g.personKey) ?? null) : null }));
}

/** "14:02" in Swedish time for an epoch-ms export time; with the date in front when it is not today. */
export function exportTimeText(time: number, now: number = Date.now()): string {
  const tz = 'Europe/Stockholm';
  const hm = new Date(time).toLocaleTimeString('sv-SE', { hour: '2-digit', minute: '2-digit', timeZone: tz });
  const day = new Date(time).toLocaleDateString('sv-SE', { timeZone: tz });
  const today = new Date(now).toLocaleDateString('sv-SE', { timeZone: tz });
  return day === today ? hm : `${hm} den ${day}`;
}

export interface MappedError extends ScbErrorEntry {
  link: PersonLink | null;
}

/** Attach the UKA person page to each mapped line of SCB's error list. */
export function linkErrors(entries: readonly ScbErrorEntry[], people: PersonIndex): MappedError[] {
  return entries.map((e) => ({ ...e, link: e.personKey ? (people.get(e.personKey) ?? null) : null }));
}

/**
 * The validator's main findings for the upload check: the causes first, then blocking findings, then warnings; the
 * findings a cause explains are left out; at most `max`.
 */
export function mainFindings(report: Pick<ScbReport, 'findings'>, max = 5): { ruleId: string; line: number | null; message: string }[] {
  const rank = { block: 0, warn: 1, info: 2 } as const;
  const causes = causesOf(report);
  return [...causes, ...report.findings.filter((f) => f.severity !== 'info' && f.cause === undefined && !causes.includes(f))]
    .map((f, i) => ({ f, i }))
    .sort((a, b) => (a.i < causes.length || b.i < causes.length ? a.i - b.i : rank[a.f.severity] - rank[b.f.severity] || a.i - b.i))
    .slice(0, max)
    .map(({ f }) => ({ ruleId: f.ruleId, line: f.line, message: f.message.replace(/\b\d{8}[-+]?\d{4}\b/g, (m) => maskId(m)) }));
}
