/**
 * Where findings are collected: counts per severity, a cap per rule id, the flags the verdict needs, and the cause
 * relation (which file-level finding explains a finding on a row).
 */
import { isExcelRule, isUnreadableRule, ruleText } from '../rules';
import { RULE_IDS_LOGICAL } from '../profile-core';
import type { Finding } from './types';

const LOGICAL = new Set<string>(RULE_IDS_LOGICAL);

export interface FindingExtra {
  column?: number;
  field?: string;
  personKey?: string | undefined;
  /** Rule id of the file-level finding that explains this one; default: the sink's current row cause. */
  cause?: string | null;
  /** A fix text for this finding instead of the rule's own. */
  fix?: string;
}

export class Sink {
  findings: Finding[] = [];
  /** Cause rule id of each kept finding that has one. */
  causeOf = new Map<Finding, string>();
  counts = { block: 0, warn: 0, info: 0 };
  total = 0;
  perRule = new Map<string, number>();
  omitted: Record<string, number> = {};
  /** Findings (kept or not) explained by each cause rule id. */
  causeCounts = new Map<string, number>();
  /** Spreadsheet traces that stand on their own (not explained by another cause). */
  excel = false;
  /** How many X-* traces have no cause of their own (they are folded under X-EXCEL). */
  excelTraces = 0;
  /** An X-* trace that is not the consequence of another kind of cause was found: the file met a spreadsheet. */
  xEvidence = false;
  unreadable = false;
  /** Cause given to line findings added while a row is checked (null = none). */
  rowCause: string | null = null;
  constructor(
    private cap: number,
    private enabled: Set<string>,
  ) {}

  add(ruleId: string, line: number | null, message: string, extra?: FindingExtra): void {
    if (LOGICAL.has(ruleId) && !this.enabled.has(ruleId)) return;
    const t = ruleText(ruleId);
    const cause = extra?.cause !== undefined ? extra.cause : line !== null ? this.rowCause : null;
    this.counts[t.severity]++;
    this.total++;
    if (cause && cause !== ruleId) this.causeCounts.set(cause, (this.causeCounts.get(cause) ?? 0) + 1);
    const ownTrace = !cause || cause.startsWith('X-');
    if (isExcelRule(ruleId) && ownTrace) this.excel = true;
    if (ruleId.startsWith('X-') && ruleId !== 'X-EXCEL') {
      if (ownTrace) this.xEvidence = true;
      if (!cause) this.excelTraces++;
    }
    if (isUnreadableRule(ruleId)) this.unreadable = true;
    const n = (this.perRule.get(ruleId) ?? 0) + 1;
    this.perRule.set(ruleId, n);
    if (n > this.cap) {
      this.omitted[ruleId] = (this.omitted[ruleId] ?? 0) + 1;
      return;
    }
    const f: Finding = { severity: t.severity, ruleId, line, message, fix: extra?.fix ?? t.fix };
    if (extra?.column !== undefined) f.column = extra.column;
    if (extra?.field !== undefined) f.field = extra.field;
    if (extra?.personKey !== undefined) f.personKey = extra.personKey;
    if (cause && cause !== ruleId) this.causeOf.set(f, cause);
    this.findings.push(f);
  }

  /** Count `count` more findings of a rule beyond those added one by one (for very many identical findings). */
  addCountOnly(ruleId: string, count: number): void {
    if (count <= 0) return;
    const t = ruleText(ruleId);
    this.counts[t.severity] += count;
    this.total += count;
    this.perRule.set(ruleId, (this.perRule.get(ruleId) ?? 0) + count);
    this.omitted[ruleId] = (this.omitted[ruleId] ?? 0) + count;
  }

  has(ruleId: string): boolean {
    return this.perRule.has(ruleId);
  }
}
