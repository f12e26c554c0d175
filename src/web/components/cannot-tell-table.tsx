import type { CannotTellVersion } from '../../cyber/cannot-tell-versions.js';
import { TableScroll } from './table-scroll.js';

/** Versions the alert names that the hub cannot place against its ranges: to check by hand, never counted as safe. */
export function CannotTellTable({ versions }: { versions: CannotTellVersion[] }) {
  if (!versions.length) return null;
  return (
    <>
      <h2>Cannot tell: check by hand</h2>
      <p>These versions are named by the alert but cannot be placed against its ranges, so they are neither listed as affected nor counted as safe.</p>
      <TableScroll>
        <table id="cyber-cannot-tell">
          <thead>
            <tr>
              <th scope="col">Installed</th>
              <th scope="col">Why</th>
              <th scope="col">Machines</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr>
                <td>
                  {v.name} {v.version ?? ''}
                </td>
                <td class="reason">{v.why}</td>
                <td>{v.machines}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
