import { SUPPORT_STATUSES, type SupportStatus } from '../../lifecycle/verdict.js';
import type { StatusCounts } from '../../store/estate-queries.js';
import { STATUS_LABELS } from './status-badge.js';

/** White marks over each status's colour (all but supported), so no two statuses differ by colour alone; the legend's swatches repeat them in CSS. */
const MARKS: Record<SupportStatus, string> = {
  supported: '',
  'ending-soon': 'M2 2h1v1h-1z M6 6h1v1h-1z',
  'extended-support': 'M-1 1l2-2 M0 8l8-8 M7 9l2-2',
  unsupported: 'M-1 1l2-2 M0 8l8-8 M7 9l2-2 M-1 7l2 2 M0 0l8 8 M7 -1l2 2',
  unknown: 'M0 4h8',
};

/** One pattern per status; ids carry the bar's slug, as a page may show two bars. */
function StatusPatterns({ prefix }: { prefix: string }) {
  return (
    <defs>
      {SUPPORT_STATUSES.map((s) => (
        <pattern id={`${prefix}-${s}`} patternUnits="userSpaceOnUse" width="8" height="8">
          <rect class={s} width="8" height="8" />
          {MARKS[s] && <path d={MARKS[s]} stroke="#fff" stroke-width="1.5" />}
        </pattern>
      ))}
    </defs>
  );
}

/**
 * A stacked bar of counts by status, drawn as SVG (the page's CSP forbids inline
 * styles), with a legend that carries the numbers so it reads in black and white.
 */
export function StatusBar({ counts, label }: { counts: StatusCounts; label: string }) {
  const prefix = `bar-${label.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  const total = SUPPORT_STATUSES.reduce((n, s) => n + counts[s], 0) || 1;
  let x = 0;
  const segments = SUPPORT_STATUSES.filter((s) => counts[s] > 0).map((s) => {
    const width = (counts[s] / total) * 1000;
    const rect = { s, x, width };
    x += width;
    return rect;
  });
  return (
    <div>
      <svg class="bar" viewBox="0 0 1000 22" preserveAspectRatio="none" role="img" aria-label={`${label}: ${SUPPORT_STATUSES.map((s) => `${counts[s]} ${STATUS_LABELS[s]}`).join(', ')}`}>
        <StatusPatterns prefix={prefix} />
        {segments.map((r) => (
          <rect fill={`url(#${prefix}-${r.s})`} x={r.x.toFixed(2)} y="0" width={r.width.toFixed(2)} height="22">
            <title>{`${STATUS_LABELS[r.s]}: ${counts[r.s]}`}</title>
          </rect>
        ))}
      </svg>
      <p class="legend">
        {SUPPORT_STATUSES.map((s) => (
          <span>
            <span class={`dot ${s}`} />
            {STATUS_LABELS[s]}: <strong>{counts[s]}</strong>
          </span>
        ))}
      </p>
    </div>
  );
}
