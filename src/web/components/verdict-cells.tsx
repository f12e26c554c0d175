import type { SupportStatus } from '../../lifecycle/verdict.js';
import { StatusBadge } from './status-badge.js';

/** The header cells that go with VerdictCells. */
export function VerdictHeaders() {
  return (
    <>
      <th scope="col">Status</th>
      <th scope="col">Product / cycle</th>
      <th scope="col">Security support ends</th>
    </>
  );
}

/** Status, matched product and cycle, and end of security support: the same three cells wherever a verdict is shown. */
export function VerdictCells({ status, product, cycle, eol }: { status: SupportStatus; product: string | null; cycle: string | null; eol: string | null }) {
  return (
    <>
      <td>
        <StatusBadge status={status} />
      </td>
      <td>{product ? `${product} ${cycle ?? ''}` : '—'}</td>
      <td>{eol ?? '—'}</td>
    </>
  );
}
