/** The shapes of the SCB file validator: what it is given and what it reports. */
import type { ScbProfile } from '../profile-core';
import type { Severity } from '../rules';

export type { Severity } from '../rules';

export interface Finding {
  severity: Severity;
  /** R1..R6, Y1..Y4, G1 (as SCB-FILE.md), S-* structural, X-* Excel damage, U-* unreadable. */
  ruleId: string;
  /** 1-based physical line (header = 1); null for file-level findings. */
  line: number | null;
  /** 1-based character position in the line (Windows-1252: also the byte position). */
  column?: number;
  /** Variable name of the field, e.g. "PersonNr". */
  field?: string;
  /** The row's 12-digit personnummer/samordningsnummer (mask it with maskId before display). */
  personKey?: string;
  /** Plain Swedish description of what is wrong. */
  message: string;
  /** Swedish: how to fix it. */
  fix: string;
  /** 1-based number of the finding in the report (set on every finding of a report). */
  id?: number;
  /** `id` of the file-level finding that explains this one (a consequence: "följdfel"). */
  cause?: number;
  /** On a cause: how many findings it explains, including those left out by the cap. */
  consequences?: number;
}

export type Verdict = 'ok' | 'warn' | 'block' | 'unreadable';

export interface ScbReport {
  verdict: Verdict;
  profileId: string;
  profileVersion: string;
  /** Collection period checked against, e.g. '2026H2' (null only when unreadable and not given). */
  period: string | null;
  periodSource: 'option' | 'file' | 'today' | 'profile';
  /** Reporting deadline of the period under the profile, e.g. '2027-02-01'. */
  deadline: string | null;
  /** Kommunkod checked against (opts.kommun, or the most common one in the file). */
  kommun: string | null;
  /** Totals per severity, including findings left out by the per-rule cap. */
  counts: { block: number; warn: number; info: number };
  /** Data rows (lines after the header, blank lines excluded). */
  rows: number;
  /** Distinct youths (valid 12-digit PersonNr). */
  persons: number;
  /** Physical lines incl. header. */
  lines: number;
  excelDamage: boolean;
  lineEnding: 'CRLF' | 'LF' | 'CR' | 'mixed' | 'none';
  findings: Finding[];
  /** Per rule id: how many findings were left out of `findings` by the cap. */
  omitted: Record<string, number>;
}

export interface ValidateOptions {
  profile?: ScbProfile;
  /** Collection period '2026H2'; default derived from the file (latest event date), else from today. */
  period?: string;
  /** Expected kommunkod, e.g. '2281'. */
  kommun?: string;
  /** ISO date used for "date in the future" checks and the period default. */
  today?: string;
  /** Cap of findings kept per rule id (counts still include all). Default 500. */
  maxFindingsPerRule?: number;
  /**
   * Called for every data record that has the profile's number of fields and is not an exact copy of an earlier
   * line, after its fields are checked: `fields` in the profile's column order (an array reused for the next record:
   * read it, do not keep it). Lets a reader count the file in the check's own pass (lib/stats), not in a second one.
   */
  onRecord?: (fields: readonly string[], line: number) => void;
}

/** The report fields that the steps of a run fill in as they go. */
export type ReportBase = Omit<ScbReport, 'verdict' | 'counts' | 'findings' | 'omitted' | 'excelDamage'>;
