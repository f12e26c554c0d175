import type { AuditTrailEntry } from '../../store/audit-log.js';
import { actionWords, fieldWords, valueWords } from '../audit-words.js';
import { TableScroll } from './table-scroll.js';

/** Who changed what, when, in words: each entry's fields before → after. */
export function AuditTrail({ entries }: { entries: AuditTrailEntry[] }) {
  if (!entries.length) return <p class="muted">No entries.</p>;
  return (
    <TableScroll label="Audit trail">
      <table id="audit">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">Before → after</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => {
            const keys = [...new Set([...Object.keys(e.before ?? {}), ...Object.keys(e.after ?? {})])];
            return (
              <tr data-action={e.action}>
                <td>{valueWords(e.at)}</td>
                <td>{e.actor}</td>
                <td>{actionWords(e.action)}</td>
                <td class="changes">
                  {keys.map((k) => (
                    <div data-field={k}>
                      {fieldWords(k)}: {e.before && k in e.before ? `${valueWords(e.before[k])} → ` : ''}
                      {valueWords(e.after?.[k])}
                    </div>
                  ))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
