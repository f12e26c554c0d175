import type { SupportStatus } from '../../lifecycle/verdict.js';

export const STATUS_LABELS: Record<SupportStatus, string> = {
  supported: 'Supported',
  'ending-soon': 'Ending soon',
  'extended-support': 'Extended support',
  unsupported: 'Unsupported',
  unknown: 'Unknown',
};

export function StatusBadge({ status }: { status: SupportStatus }) {
  return <span class={`badge ${status}`}>{STATUS_LABELS[status]}</span>;
}
