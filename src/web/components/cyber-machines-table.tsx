import type { CyberAlertMachine } from '../../store/cyber-alerts.js';
import { valueWords } from '../audit-words.js';
import { TableScroll } from './table-scroll.js';

/** A cyber alert's machines, still-affected first (as the store lists them): what was matched, why, since when, and when it was fixed. */
export function CyberMachinesTable({ machines }: { machines: CyberAlertMachine[] }) {
  if (!machines.length) return <p class="muted">No machine in view carries or carried an affected version.</p>;
  return (
    <TableScroll>
      <table id="cyber-machines">
        <thead>
          <tr>
            <th scope="col">Machine</th>
            <th scope="col">Installed</th>
            <th scope="col">Why</th>
            <th scope="col">Since</th>
            <th scope="col">Remediated</th>
          </tr>
        </thead>
        <tbody>
          {machines.map((m) => (
            <tr data-hostname={m.hostname} data-remediated={m.remediatedAt === null ? 'no' : 'yes'}>
              <td>
                <a href={`/assets/${m.assetId}`}>{m.hostname}</a>
              </td>
              <td>
                {m.item.name} {m.item.version}
              </td>
              <td class="reason">{m.why}</td>
              <td>{valueWords(m.since)}</td>
              <td>{m.remediatedAt === null ? <strong>still affected</strong> : valueWords(m.remediatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
