import type { AuditTrailEntry } from '../../store/audit-log.js';

const show = (v: unknown) => (v === null || v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));

/** Who changed what, when: each entry's fields before → after. */
export function AuditTrail({ entries }: { entries: AuditTrailEntry[] }) {
  if (!entries.length) return <p class="muted">No entries.</p>;
  return (
    <table id="audit">
      <thead>
        <tr>
          <th>When</th>
          <th>Who</th>
          <th>What</th>
          <th>Before → after</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => {
          const keys = [...new Set([...Object.keys(e.before ?? {}), ...Object.keys(e.after ?? {})])];
          return (
            <tr data-action={e.action}>
              <td>{e.at}</td>
              <td>{e.actor}</td>
              <td>{e.action}</td>
              <td class="changes">
                {keys.map((k) => (
                  <div>
                    {k}: {e.before && k in e.before ? `${show(e.before[k])} → ` : ''}
                    {show(e.after?.[k])}
                  </div>
                ))}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
