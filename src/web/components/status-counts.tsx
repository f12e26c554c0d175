import type { StatusCount } from '../../estate/package-groups.js';
import { StatusBadge } from './status-badge.js';

/** "12 Supported 3 Unsupported": how many items have each status. */
export function StatusCounts({ counts }: { counts: readonly StatusCount[] }) {
  return (
    <>
      {counts.map(([s, n]) => (
        <span data-status={s}>
          {n} <StatusBadge status={s} />{' '}
        </span>
      ))}
    </>
  );
}
