/** Plain-text Swedish rendering of a report (CLI, logs shown to the user). Personnummer are always masked. */
import { maskId } from '../domain/personnummer';
import { groupFindingsByPerson } from './report';
import type { Finding, ScbReport } from './validate';

const VERDICT_SV: Record<ScbReport['verdict'], string> = {
  ok: 'OK – inga fel hittades',
  warn: 'Varningar – filen kan skickas, men kontrollera varningarna',
  block: 'Stopp – filen har fel som SCB kommer att avvisa',
  unreadable: 'Oläslig – filen kan inte läsas som en SCB-fil',
};
const SEV_SV = { block: 'FEL', warn: 'VARNING', info: 'INFO' } as const;

function maskText(s: string): string {
  return s.replace(/\b\d{8}[-+]?\d{4}\b/g, (m) => maskId(m));
}

function findingLine(f: Finding): string {
  const where = f.line !== null ? `rad ${f.line}${f.column ? `:${f.column}` : ''}` : 'filen';
  return `  [${SEV_SV[f.severity]}] ${f.ruleId} (${where}): ${maskText(f.message)}\n      Så rättar du: ${f.fix}`;
}

export function formatReportText(report: ScbReport, opts: { showInfo?: boolean } = {}): string {
  const out: string[] = [];
  out.push(`SCB-filkontroll: ${VERDICT_SV[report.verdict]}`);
  out.push(
    `Profil ${report.profileId} ${report.profileVersion} · period ${report.period ?? 'okänd'}${report.deadline ? ` (ska lämnas senast ${report.deadline})` : ''} · kommun ${report.kommun ?? 'okänd'}`,
  );
  out.push(`${report.rows} rader, ${report.persons} ungdomar · ${report.counts.block} fel, ${report.counts.warn} varningar, ${report.counts.info} info`);
  const groups = groupFindingsByPerson({ findings: report.findings.filter((f) => opts.showInfo !== false || f.severity !== 'info') });
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
