/** Where findings are collected: counts per severity, a cap per rule id, and the flags the verdict needs. */
import { isExcelRule, isUnreadableRule, ruleText } from '../rules';
import { RULE_IDS_LOGICAL } from '../profile-core';
import type { Finding } from './types';

const LOGICAL = new Set<string>(RULE_IDS_LOGICAL);

export interface FindingExtra {
  column?: number;
  field?: string;
  personKey?: string | undefined;
}

export class Sink {
  findings: Finding[] = [];
  counts = { block: 0, warn: 0, info: 0 };
  total = 0;
  perRule = new Map<string, number>();
  omitted: Record<string, number> = {};
  excel = false;
  unreadable = false;
  constructor(
    private cap: number,
    private enabled: Set<string>,
  ) {}

  add(ruleId: string, line: number | null, message: string, extra?: FindingExtra): void {
    if (LOGICAL.has(ruleId) && !this.enabled.has(ruleId)) return;
    const t = ruleText(ruleId);
    this.counts[t.severity]++;
    this.total++;
    if (isExcelRule(ruleId)) this.excel = true;
    if (isUnreadableRule(ruleId)) this.unreadable = true;
    const n = (this.perRule.get(ruleId) ?? 0) + 1;
    this.perRule.set(ruleId, n);
    if (n > this.cap) {
      this.omitted[ruleId] = (this.omitted[ruleId] ?? 0) + 1;
      return;
    }
    const f: Finding = { severity: t.severity, ruleId, line, message, fix: t.fix };
    if (extra?.column !== undefined) f.column = extra.column;
    if (extra?.field !== undefined) f.field = extra.field;
    if (extra?.personKey !== undefined) f.personKey = extra.personKey;
    this.findings.push(f);
  }
  has(ruleId: string): boolean {
    return this.perRule.has(ruleId);
  }
}
