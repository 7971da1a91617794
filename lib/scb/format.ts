/**
 * Plain-text Swedish rendering of a report (CLI, logs shown to the user). Cause first: the first lines name the
 * verdict, the cause and the one thing to do; the findings a cause explains ("följdfel") are folded under it.
 * Personnummer are masked.
 */
import { maskId } from '../domain/personnummer';
import { count } from '../domain/swedish';
import { groupFindingsByPerson } from './report';
import { CAUSE_RULES, ruleText } from './rules';
import type { Finding, ScbReport } from './validate/types';

const VERDICT_SV: Record<ScbReport['verdict'], string> = {
  ok: 'OK – inga fel hittades',
  warn: 'Varningar – filen kan skickas, men kontrollera varningarna',
  block: 'Stopp – filen har fel som SCB kommer att avvisa',
  unreadable: 'Oläslig – filen kan inte läsas som en SCB-fil',
};
const SEV_SV = { block: 'FEL', warn: 'VARNING', info: 'INFO' } as const;
/** Consequences listed under each cause in the text; all of them are in --json. */
const SHOWN_PER_CAUSE = 10;

function maskText(s: string): string {
  return s.replace(/\b\d{8}[-+]?\d{4}\b/g, (m) => maskId(m));
}

function where(f: Finding): string {
  return f.line !== null ? `rad ${f.line}${f.column ? `:${f.column}` : ''}` : 'filen';
}

function findingLine(f: Finding): string {
  return `  [${SEV_SV[f.severity]}] ${f.ruleId} (${where(f)}): ${maskText(f.message)}\n      Så rättar du: ${f.fix}`;
}

const CAUSES: ReadonlySet<string> = new Set(CAUSE_RULES);

/** The findings that name a cause (a file-level kind of damage, or one that explains others), in report order. */
export function causesOf(report: Pick<ScbReport, 'findings'>): Finding[] {
  return report.findings.filter((f) => f.cause === undefined && ((f.consequences ?? 0) > 0 || CAUSES.has(f.ruleId)));
}

export function formatReportText(report: ScbReport, opts: { showInfo?: boolean } = {}): string {
  const out: string[] = [];
  out.push(`SCB-filkontroll: ${VERDICT_SV[report.verdict]}`);
  const causes = causesOf(report);
  for (const c of causes) {
    out.push(`Orsak: ${ruleText(c.ruleId).title} (${c.ruleId}). ${maskText(c.message)}`);
    out.push(`Gör så här: ${c.fix}`);
  }
  out.push(
    `Profil ${report.profileId} ${report.profileVersion} · period ${report.period ?? 'okänd'}${report.deadline ? ` (ska lämnas senast ${report.deadline})` : ''} · kommun ${report.kommun ?? 'okänd'}`,
  );
  out.push(`${count(report.rows, 'rad')}, ${count(report.persons, 'ungdom')} · ${count(report.counts.block, 'fel')}, ${count(report.counts.warn, 'varning')}, ${report.counts.info} info`);
  for (const c of causes) {
    const folded = report.findings.filter((f) => f.cause === c.id);
    out.push('');
    if (!c.consequences) continue;
    out.push(`Orsak ${c.ruleId} (${where(c)}): ${count(c.consequences, 'följdfel')}`);
    for (const f of folded.slice(0, SHOWN_PER_CAUSE)) out.push(findingLine(f));
    if ((c.consequences ?? 0) > Math.min(folded.length, SHOWN_PER_CAUSE))
      out.push(`  … och ${(c.consequences ?? 0) - Math.min(folded.length, SHOWN_PER_CAUSE)} till (alla finns med --json)`);
  }
  const rest = report.findings.filter((f) => f.cause === undefined && !causes.includes(f) && (opts.showInfo !== false || f.severity !== 'info'));
  const groups = groupFindingsByPerson({ findings: rest });
  for (const g of groups) {
    out.push('');
    out.push(g.personKey ? `Ungdom ${g.label}` : 'Hela filen');
    for (const f of g.findings) out.push(findingLine(f));
  }
  const omitted = Object.entries(report.omitted);
  if (omitted.length > 0) {
    out.push('');
    out.push(`Utelämnade (för många av samma slag): ${omitted.map(([r, n]) => `${r} ${n}`).join(', ')}`);
  }
  return out.join('\n');
}
