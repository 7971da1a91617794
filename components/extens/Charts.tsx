/**
 * Bar charts as SVG, each with an accessible data table beside it. Values are written on the bars, so no meaning
 * rests on colour; a comparison's second series is hatched as well as coloured. Prints in black and white.
 */
import { diffCounts } from '../../lib/stats/stats';

export interface ChartProps {
  id: string;
  title: string;
  /** Counts per key; b is the comparison file's counts (optional). */
  a: Record<string, number>;
  b?: Record<string, number>;
  label: (key: string) => string;
  aName: string;
  bName?: string;
}

const BAR_H = 18;
const GAP = 6;
const LABEL_W = 230;
const PLOT_W = 300;

export function BarChart(props: ChartProps) {
  const rows = diffCounts(props.a, props.b ?? {});
  const compareMode = props.b !== undefined;
  const max = Math.max(1, ...rows.map((r) => Math.max(r.a, r.b)));
  const per = compareMode ? 2 * BAR_H + GAP : BAR_H + GAP;
  const height = Math.max(1, rows.length) * per + GAP;
  const width = LABEL_W + PLOT_W + 50;
  const captionId = `${props.id}-caption`;
  return (
    <figure class="chart" aria-labelledby={captionId} data-testid={`chart-${props.id}`}>
      <figcaption id={captionId}>{props.title}</figcaption>
      <div class="chart-body">
        <svg role="img" aria-labelledby={captionId} viewBox={`0 0 ${width} ${height}`} width={width} height={height} focusable="false">
          <defs>
            <pattern id={`${props.id}-hatch`} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
              <rect width="6" height="6" fill="#fde68a" />
              <line x1="0" y1="0" x2="0" y2="6" stroke="#92400e" stroke-width="2" />
            </pattern>
          </defs>
          {rows.length === 0 && (
            <text x="4" y="14" class="chart-empty">
              Inga värden
            </text>
          )}
          {rows.map((r, i) => {
            const y = GAP + i * per;
            const wa = (r.a / max) * PLOT_W;
            const wb = (r.b / max) * PLOT_W;
            return (
              <g key={r.key}>
                <text x={LABEL_W - 6} y={y + BAR_H - 5} text-anchor="end" class="chart-label">
                  {props.label(r.key)}
                </text>
                <rect x={LABEL_W} y={y} width={Math.max(wa, 1)} height={BAR_H} fill="#0b4f6c" stroke="#0b4f6c" />
                <text x={LABEL_W + Math.max(wa, 1) + 4} y={y + BAR_H - 5} class="chart-value">
                  {r.a}
                </text>
                {compareMode && (
                  <>
                    <rect x={LABEL_W} y={y + BAR_H} width={Math.max(wb, 1)} height={BAR_H} fill={`url(#${props.id}-hatch)`} stroke="#92400e" />
                    <text x={LABEL_W + Math.max(wb, 1) + 4} y={y + 2 * BAR_H - 5} class="chart-value">
                      {r.b}
                    </text>
                  </>
                )}
              </g>
            );
          })}
        </svg>
        <table class="data" data-testid={`table-${props.id}`}>
          <caption>{props.title} – tabell</caption>
          <thead>
            <tr>
              <th scope="col">Värde</th>
              <th scope="col">{props.aName}</th>
              {compareMode && <th scope="col">{props.bName}</th>}
              {compareMode && <th scope="col">Förändring</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} data-key={r.key}>
                <th scope="row">{props.label(r.key)}</th>
                <td>{r.a}</td>
                {compareMode && <td>{r.b}</td>}
                {compareMode && <td>{r.change > 0 ? `+${r.change}` : String(r.change)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {compareMode && (
        <p class="legend muted">
          Mörk stapel: {props.aName}. Randig stapel: {props.bName}.
        </p>
      )}
    </figure>
  );
}
