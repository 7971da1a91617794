/**
 * The calibration page's report (lib/uka/calibrate.ts): which profile matched the open UKA page (or why none did),
 * the page kind, drift, the typed read, and one table row per rule of the profile with its count and masked values.
 */
import type { CalibrationReport as Report } from '../../lib/uka/calibrate';
import { PART_LABEL } from '../../lib/uka/parts';
import { PAGE_KIND_LABEL } from '../ui/labels';

const SOURCE_LABEL: Record<string, string> = { policy: 'från organisationen', imported: 'importerad', builtin: 'inbyggd', draft: 'utkast (inte sparad)' };

export function CalibrationReport(props: { report: Report; idPrefix: string }) {
  const { report, idPrefix } = props;
  const empty = report.rules.filter((r) => r.count === 0).length;
  return (
    <div class="calibration" data-testid={`${idPrefix}-report`}>
      {report.profileId === null ? (
        <div data-testid={`${idPrefix}-nomatch`}>
          <p>
            <strong>Ingen profil känner igen sidan.</strong> KAA-lotsen lägger inte till något på den.
          </p>
          <ul>
            {report.tried.map((t) => (
              <li key={t.id}>
                {t.id} ({SOURCE_LABEL[t.source] ?? t.source}): hittar inte {t.missing.map((m, i) => [i > 0 ? ', ' : '', <code key={m}>{m}</code>])}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <>
          <dl class="pack-facts">
            <dt>Profil</dt>
            <dd data-testid={`${idPrefix}-profile`}>
              {report.profileId} ({SOURCE_LABEL[report.profileSource ?? ''] ?? report.profileSource})
            </dd>
            <dt>Sidtyp</dt>
            <dd data-testid={`${idPrefix}-kind`}>{PAGE_KIND_LABEL[report.kind] ?? report.kind}</dd>
            {report.read && (
              <>
                <dt>Läsning ({report.read.what})</dt>
                <dd data-testid={`${idPrefix}-read`} class={report.read.ok ? 'ok' : 'error'}>
                  {report.read.ok ? `lyckades: ${report.read.summary ?? ''}` : `misslyckades: ${report.read.reason}`}
                </dd>
              </>
            )}
          </dl>
          {report.drift.length > 0 && (
            <div class="error" data-testid={`${idPrefix}-drift`}>
              <p>
                <strong>UKA har ändrats:</strong> de här delarna hittades på tidigare sidor men inte nu. Funktionerna som
                behöver dem står över.
              </p>
              <ul>
                {report.drift.map((d) => (
                  <li key={d.part}>
                    {PART_LABEL[d.part]}: <code>{d.path}</code> = <code>{d.selector}</code>
                  </li>
                ))}
              </ul>
            </div>
          )}
          <p>
            {report.rules.length} regler, {empty === 0 ? 'alla hittade något' : `${empty} hittade inget (markerade)`}. Regler för
            andra sidtyper hittar normalt inget här.
          </p>
          <div class="table-wrap">
            <table class="rules" data-testid={`${idPrefix}-rules`}>
              <caption class="visually-hidden">Profilens regler på den här sidan</caption>
              <thead>
                <tr>
                  <th scope="col">Regel</th>
                  <th scope="col">Väljare eller mönster</th>
                  <th scope="col">Antal</th>
                  <th scope="col">Läst (maskerat)</th>
                </tr>
              </thead>
              <tbody>
                {report.rules.map((r) => (
                  <tr key={r.path} data-path={r.path} data-count={r.count} class={r.count === 0 ? 'none-found' : undefined}>
                    <th scope="row">
                      <code>{r.path}</code>
                    </th>
                    <td>
                      <code>{r.rule}</code>
                    </td>
                    <td>{r.count === 0 ? <strong>0 – hittade inget</strong> : r.count}</td>
                    <td>
                      {r.values.join(' · ')}
                      {r.note && <div class="muted">{r.note}</div>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
