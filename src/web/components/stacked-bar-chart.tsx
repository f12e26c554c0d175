/** One layer of every stack, e.g. an age band. */
export interface BarSegment {
  /** Shown in the legend and in each segment's tooltip. */
  label: string;
}

/** One stacked bar. */
export interface Bar {
  /** Written under the bar. */
  label: string;
  /** One value per segment, bottom to top, in the order of {@link StackedBarChartProps.segments}. */
  values: number[];
  /** Link for the whole bar (e.g. to the filtered list it counts). */
  href?: string;
}

/** Props for {@link StackedBarChart}. */
export interface StackedBarChartProps {
  /** Shown as the figure caption, leads the aria-label, and names the fill patterns. */
  title: string;
  /** The stack's layers, bottom to top; up to five have distinct fills, beyond that fills repeat. */
  segments: BarSegment[];
  bars: Bar[];
}

const W = 640;
const H = 240;
// Top padding leaves room for the totals written above the bars.
const PLOT = { left: 48, right: W - 16, top: 22, bottom: 172 };
const LABEL_Y = PLOT.bottom + 16;
const LEGEND_Y = H - 14;
const INK = '#1d2733';
const FONT = { 'font-family': 'Arial, Helvetica, sans-serif', 'font-size': '11', fill: INK };
const MAX_BAR_WIDTH = 56;
const FILL_COUNT = 5;

const n1 = (v: number) => v.toFixed(1);

/** Lower-case, hyphenated, so fill ids differ between the several charts on one page. */
function chartSlug(title: string): string {
  return (
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'chart'
  );
}

/**
 * The five fills, in segment order: solid dark, diagonal hatch, cross-hatch,
 * dots, white. All on a white ground so they survive black-and-white printing.
 */
function FillPatterns({ prefix }: { prefix: string }) {
  const tile = (i: number, size: number, rotate: boolean) => ({
    id: `${prefix}-p${i}`,
    patternUnits: 'userSpaceOnUse',
    width: String(size),
    height: String(size),
    ...(rotate ? { patternTransform: 'rotate(45)' } : {}),
  });
  return (
    <defs>
      <pattern {...tile(0, 6, false)}>
        <rect width="6" height="6" fill={INK} />
      </pattern>
      <pattern {...tile(1, 6, true)}>
        <rect width="6" height="6" fill="#ffffff" />
        <line x1="0" y1="0" x2="0" y2="6" stroke={INK} stroke-width="2.5" />
      </pattern>
      <pattern {...tile(2, 6, true)}>
        <rect width="6" height="6" fill="#ffffff" />
        <line x1="0" y1="0" x2="0" y2="6" stroke={INK} stroke-width="1.5" />
        <line x1="0" y1="0" x2="6" y2="0" stroke={INK} stroke-width="1.5" />
      </pattern>
      <pattern {...tile(3, 5, false)}>
        <rect width="5" height="5" fill="#ffffff" />
        <circle cx="2.5" cy="2.5" r="1.2" fill={INK} />
      </pattern>
      <pattern {...tile(4, 6, false)}>
        <rect width="6" height="6" fill="#ffffff" />
      </pattern>
    </defs>
  );
}

const fillFor = (prefix: string, i: number) => `url(#${prefix}-p${i % FILL_COUNT})`;

const totalOf = (bar: Bar) => bar.values.reduce((sum, v) => sum + Math.max(0, v), 0);

/** Rough text width at 11px, for truncating bar labels and laying out the legend. */
const CHAR_W = 6;

function fitLabel(label: string, width: number): string {
  const max = Math.max(3, Math.floor(width / CHAR_W));
  return label.length <= max ? label : `${label.slice(0, max - 1)}…`;
}

function ariaLabel(title: string, bars: Bar[]): string {
  if (bars.length === 0) return `${title}: no data`;
  return `${title}: ${bars.map((b) => `${b.label} ${totalOf(b)}`).join('; ')}`;
}

/**
 * Counts per bar, split into stacked layers, drawn server-side as
 * self-contained SVG: fills are hatch/dot patterns defined in the SVG itself
 * and every layer is named in the legend, so nothing depends on colour or CSS.
 */
export function StackedBarChart({ title, segments, bars }: StackedBarChartProps) {
  const prefix = `bars-${chartSlug(title)}`;
  const top = Math.max(1, ...bars.map(totalOf));
  const slot = bars.length > 0 ? (PLOT.right - PLOT.left) / bars.length : 0;
  const barWidth = Math.min(MAX_BAR_WIDTH, slot * 0.6);
  const scale = (v: number) => (v / top) * (PLOT.bottom - PLOT.top);

  let legendX = PLOT.left;
  const legend = segments.map((s, i) => {
    const at = legendX;
    legendX += 18 + s.label.length * CHAR_W + 20;
    return { s, i, at };
  });

  const drawBar = (bar: Bar, index: number) => {
    const cx = PLOT.left + slot * (index + 0.5);
    const x = cx - barWidth / 2;
    let base = PLOT.bottom;
    const rects = segments.map((seg, i) => {
      const value = bar.values[i] ?? 0;
      // Zero (or nonsensical negative) layers would be invisible slivers with a misleading tooltip.
      if (value <= 0) return null;
      const h = scale(value);
      base -= h;
      return (
        <rect x={n1(x)} y={n1(base)} width={n1(barWidth)} height={n1(h)} fill={fillFor(prefix, i)} stroke={INK} stroke-width="1">
          <title>{`${bar.label}, ${seg.label}: ${value}`}</title>
        </rect>
      );
    });
    const shown = fitLabel(bar.label, slot - 4);
    const body = (
      <g>
        {rects}
        <text x={n1(cx)} y={n1(base - 5)} text-anchor="middle" font-weight="bold">
          {String(totalOf(bar))}
        </text>
        <text x={n1(cx)} y={n1(LABEL_Y)} text-anchor="middle">
          {shown}
          {shown !== bar.label && <title>{bar.label}</title>}
        </text>
      </g>
    );
    return bar.href ? <a href={bar.href}>{body}</a> : body;
  };

  return (
    <figure class="chart">
      {/* An image may hold no links (its content is presentational): with linked bars it is a group, each link named by its total and label. */}
      <svg viewBox={`0 0 ${W} ${H}`} role={bars.some((b) => b.href) ? 'group' : 'img'} aria-label={ariaLabel(title, bars)} {...FONT}>
        <FillPatterns prefix={prefix} />
        <line x1={n1(PLOT.left)} y1={n1(PLOT.bottom)} x2={n1(PLOT.right)} y2={n1(PLOT.bottom)} stroke={INK} stroke-width="1" />
        <line x1={n1(PLOT.left)} y1={n1(PLOT.top)} x2={n1(PLOT.left)} y2={n1(PLOT.bottom)} stroke={INK} stroke-width="1" />
        <text x={n1(PLOT.left - 6)} y={n1(PLOT.bottom + 4)} text-anchor="end">0</text>
        <text x={n1(PLOT.left - 6)} y={n1(PLOT.top + 4)} text-anchor="end">{String(top)}</text>
        {bars.map(drawBar)}
        {legend.map(({ s, i, at }) => (
          <g>
            <rect x={n1(at)} y={n1(LEGEND_Y - 10)} width="12" height="12" fill={fillFor(prefix, i)} stroke={INK} stroke-width="1" />
            <text x={n1(at + 18)} y={n1(LEGEND_Y)}>{s.label}</text>
          </g>
        ))}
      </svg>
      <figcaption>{title}</figcaption>
    </figure>
  );
}
