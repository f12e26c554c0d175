import { SUPPORT_STATUSES } from '../../lifecycle/verdict.js';
import type { StatusCounts } from '../../store/estate-queries.js';
import { STATUS_LABELS } from './status-badge.js';

/**
 * A stacked bar of counts by status, drawn as SVG (the page's CSP forbids inline
 * styles), with a legend that carries the numbers so it reads in black and white.
 */
export function StatusBar({ counts, label }: { counts: StatusCounts; label: string }) {
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
        {segments.map((r) => (
          <rect class={r.s} x={r.x.toFixed(2)} y="0" width={r.width.toFixed(2)} height="22">
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
