import type { Child } from 'hono/jsx';

/** One line on a {@link LineChart}. */
export interface LineSeries {
  /** Names the series in the legend, the tooltips and the aria-label. */
  label: string;
  /** x: category label e.g. '2026-09'; y null = no data that month (gap in the line). */
  points: { x: string; y: number | null }[];
}

/** Props for {@link LineChart}. */
export interface LineChartProps {
  /** Shown as the figure caption and leads the aria-label. */
  title: string;
  /** Up to four series; beyond that, line styles repeat (direct labels still tell them apart). */
  series: LineSeries[];
  /** y axis maximum; default: max of data (at least 1) */
  yMax?: number;
  /** formats a y value for labels, e.g. (v) => `${v.toFixed(1)}%` */
  format?: (v: number) => string;
}

const W = 640;
const H = 240;
// Right padding leaves room for the end-of-line value labels.
const PLOT = { left: 48, right: W - 72, top: 16, bottom: 172 };
const TICK_Y = PLOT.bottom + 16;
const LEGEND_Y = H - 14;
const INK = '#1d2733';
const GRID = '#d8dde0';
const FONT = { 'font-family': 'Arial, Helvetica, sans-serif', 'font-size': '11', fill: INK };
const DASHES = ['none', '6 4', '2 3', '8 3 2 3'] as const;
// Two dark inks: distinguishable on screen, still near-black when printed in greyscale.
const STROKES = [INK, '#005eb8', INK, '#005eb8'] as const;
type Marker = 'circle' | 'square' | 'triangle' | 'diamond';
const MARKERS: readonly Marker[] = ['circle', 'square', 'triangle', 'diamond'];
const MARKER_R = 3.5;
// End labels closer than this overlap at 11px type, so they are pushed apart.
const LABEL_GAP = 12;

const defaultFormat = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(1));
const n1 = (v: number) => v.toFixed(1);

interface Style {
  dash: string;
  stroke: string;
  marker: Marker;
}

function styleFor(i: number): Style {
  const k = i % DASHES.length;
  return { dash: DASHES[k] ?? 'none', stroke: STROKES[k] ?? INK, marker: MARKERS[k] ?? 'circle' };
}

/** Union of the series' x values, in first-seen order. */
function categoriesOf(series: LineSeries[]): string[] {
  const seen = new Set<string>();
  for (const s of series) for (const p of s.points) seen.add(p.x);
  return [...seen];
}

function defaultYMax(series: LineSeries[]): number {
  const ys = series.flatMap((s) => s.points.map((p) => p.y)).filter((y): y is number => y !== null);
  return Math.max(1, ...ys);
}

/** Consecutive non-null points; a null ends a run so the line shows a gap for the missing month. */
function runsOf(points: LineSeries['points']): { x: string; y: number }[][] {
  const runs: { x: string; y: number }[][] = [];
  let run: { x: string; y: number }[] = [];
  for (const p of points) {
    if (p.y === null) {
      if (run.length) runs.push(run);
      run = [];
    } else run.push({ x: p.x, y: p.y });
  }
  if (run.length) runs.push(run);
  return runs;
}

function lastPoint(s: LineSeries): { x: string; y: number } | undefined {
  for (let i = s.points.length - 1; i >= 0; i--) {
    const p = s.points[i];
    if (p && p.y !== null) return { x: p.x, y: p.y };
  }
  return undefined;
}

function MarkerShape({ shape, cx, cy, stroke, children }: { shape: Marker; cx: number; cy: number; stroke: string; children?: Child }) {
  const r = MARKER_R;
  const paint = { fill: stroke, stroke, 'stroke-width': '1' };
  if (shape === 'circle') return <circle cx={n1(cx)} cy={n1(cy)} r={n1(r)} {...paint}>{children}</circle>;
  if (shape === 'square') return <rect x={n1(cx - r)} y={n1(cy - r)} width={n1(2 * r)} height={n1(2 * r)} {...paint}>{children}</rect>;
  // Triangle and diamond are drawn a little larger so their area matches the square's.
  const R = r * 1.3;
  const corners = shape === 'triangle' ? [[cx, cy - R], [cx + R, cy + R * 0.8], [cx - R, cy + R * 0.8]] : [[cx, cy - R], [cx + R, cy], [cx, cy + R], [cx - R, cy]];
  return <polygon points={corners.map(([a = 0, b = 0]) => `${n1(a)},${n1(b)}`).join(' ')} {...paint}>{children}</polygon>;
}

/** Spread end labels that sit at the same x so close values stay legible. */
function spreadLabels<T extends { x: number; y: number }>(labels: T[]): T[] {
  const byX = new Map<number, T[]>();
  for (const l of labels) byX.set(l.x, [...(byX.get(l.x) ?? []), l]);
  return [...byX.values()].flatMap((group) => {
    const sorted = [...group].sort((a, b) => a.y - b.y);
    let prev = -Infinity;
    return sorted.map((l) => {
      const y = Math.max(l.y, prev + LABEL_GAP);
      prev = y;
      return { ...l, y };
    });
  });
}

/** Rough text width at 11px, for laying legend entries end to end without overlap. */
const textWidth = (s: string) => s.length * 6;

function ariaLabel(title: string, series: LineSeries[], format: (v: number) => string): string {
  if (series.length === 0) return `${title}: no data`;
  const parts = series.map((s) => {
    const last = lastPoint(s);
    return last ? `${s.label} ${format(last.y)} in ${last.x}` : `${s.label} no data`;
  });
  return `${title}: ${parts.join('; ')}`;
}

/**
 * Monthly values as lines, drawn server-side as self-contained SVG: styled with
 * presentation attributes only, so it prints and reads the same without the
 * page's CSS, and series differ by dash and marker shape, not just colour.
 */
export function LineChart({ title, series, yMax, format = defaultFormat }: LineChartProps) {
  const categories = categoriesOf(series);
  const top = yMax !== undefined && yMax > 0 ? yMax : defaultYMax(series);
  const index = new Map(categories.map((c, i) => [c, i]));
  const step = categories.length > 1 ? (PLOT.right - PLOT.left) / (categories.length - 1) : 0;
  const x = (cat: string) => (categories.length > 1 ? PLOT.left + (index.get(cat) ?? 0) * step : (PLOT.left + PLOT.right) / 2);
  // Out-of-range values are pinned to the plot edge rather than drawn over the labels; tooltips keep the true value.
  const y = (v: number) => PLOT.bottom - (Math.min(Math.max(v, 0), top) / top) * (PLOT.bottom - PLOT.top);
  const tickEvery = categories.length <= 13 ? 1 : 2;
  const styles = series.map((_, i) => styleFor(i));

  const endLabels = spreadLabels(
    series.flatMap((s, i) => {
      const last = lastPoint(s);
      return last ? [{ x: x(last.x), y: y(last.y) + 4, text: format(last.y), stroke: styles[i]?.stroke ?? INK }] : [];
    }),
  );

  let legendX = PLOT.left;
  const legend = series.map((s, i) => {
    const at = legendX;
    legendX += 36 + textWidth(s.label) + 20;
    return { s, style: styles[i] ?? styleFor(i), at };
  });

  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={ariaLabel(title, series, format)} {...FONT}>
        {[0, top / 2, top].map((v) => (
          <g>
            <line x1={n1(PLOT.left)} y1={n1(y(v))} x2={n1(PLOT.right)} y2={n1(y(v))} stroke={v === 0 ? INK : GRID} stroke-width="1" />
            <text x={n1(PLOT.left - 6)} y={n1(y(v) + 4)} text-anchor="end">{format(v)}</text>
          </g>
        ))}
        <line x1={n1(PLOT.left)} y1={n1(PLOT.top)} x2={n1(PLOT.left)} y2={n1(PLOT.bottom)} stroke={INK} stroke-width="1" />
        {categories.map((c, i) => i % tickEvery === 0 && <text x={n1(x(c))} y={n1(TICK_Y)} text-anchor="middle">{c}</text>)}
        {series.map((s, i) => {
          const st = styles[i] ?? styleFor(i);
          return (
            <g>
              {runsOf(s.points).map(
                (run) =>
                  run.length > 1 && (
                    <polyline
                      points={run.map((p) => `${n1(x(p.x))},${n1(y(p.y))}`).join(' ')}
                      fill="none"
                      stroke={st.stroke}
                      stroke-width="2"
                      stroke-dasharray={st.dash}
                      stroke-linejoin="round"
                    />
                  ),
              )}
              {s.points.map(
                (p) =>
                  p.y !== null && (
                    <MarkerShape shape={st.marker} cx={x(p.x)} cy={y(p.y)} stroke={st.stroke}>
                      <title>{`${s.label} ${p.x}: ${format(p.y)}`}</title>
                    </MarkerShape>
                  ),
              )}
            </g>
          );
        })}
        {endLabels.map((l) => (
          <text x={n1(l.x + 7)} y={n1(l.y)} fill={l.stroke} font-weight="bold">
            {l.text}
          </text>
        ))}
        {legend.map(({ s, style, at }) => (
          <g>
            <line x1={n1(at)} y1={n1(LEGEND_Y - 4)} x2={n1(at + 28)} y2={n1(LEGEND_Y - 4)} stroke={style.stroke} stroke-width="2" stroke-dasharray={style.dash} />
            <MarkerShape shape={style.marker} cx={at + 14} cy={LEGEND_Y - 4} stroke={style.stroke} />
            <text x={n1(at + 36)} y={n1(LEGEND_Y)}>{s.label}</text>
          </g>
        ))}
      </svg>
      <figcaption>{title}</figcaption>
    </figure>
  );
}
