import { SUPPORT_STATUSES, type SupportStatus } from '../../lifecycle/verdict.js';
import { STATUS_LABELS } from './status-badge.js';

export function StatusSelect({ name, label, value }: { name: string; label: string; value?: SupportStatus }) {
  return (
    <div>
      <label for={name}>{label}</label>
      <select id={name} name={name}>
        <option value="">any</option>
        {SUPPORT_STATUSES.map((s) => (
          <option value={s} selected={s === value}>
            {STATUS_LABELS[s]}
          </option>
        ))}
      </select>
    </div>
  );
}
