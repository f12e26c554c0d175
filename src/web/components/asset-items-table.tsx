import type { AssetItem } from '../../estate/asset-items.js';
import { DataCitation } from './data-freshness-note.js';
import type { SupportStatus } from '../../lifecycle/verdict.js';
import { VerdictCells, VerdictHeaders } from './verdict-cells.js';
import { PatchCell } from './patch-currency.js';
import { TableScroll } from './table-scroll.js';

// Worst first, so the items that need action head the list.
const rank = (s: SupportStatus) => ['unsupported', 'unknown', 'extended-support', 'ending-soon', 'supported'].indexOf(s);

/** Software items on one asset, worst first, each with its patch currency, why, and a link to the other machines carrying it. */
export function AssetItemsTable({ id, items, asOf }: { id?: string; items: readonly AssetItem[]; asOf: string }) {
  const sorted = [...items].sort((a, b) => rank(a.verdict.status) - rank(b.verdict.status) || a.name.localeCompare(b.name));
  return (
    <TableScroll>
      <table id={id}>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Version</th>
            <th scope="col">Source</th>
            <VerdictHeaders />
            <th scope="col">Patches</th>
            <th scope="col">Why</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((i) => (
            <tr data-status={i.verdict.status}>
              <td>
                <a href={`/assets?software=${i.softwareId}`} title="the machines carrying this version">
                  {i.name}
                </a>
              </td>
              <td>{i.version}</td>
              <td>{i.source}</td>
              <VerdictCells {...i.verdict} />
              <PatchCell patch={i.verdict.patch} asOf={asOf} />
              <td class="reason">{i.verdict.reason}<DataCitation verdict={i.verdict} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
