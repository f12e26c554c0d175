import type { ProductChoice } from '../../estate/software-search.js';
import type { ErrorDetail } from '../../hub/errors.js';
import type { SupportStatus } from '../../lifecycle/verdict.js';
import type { AssetListRow, AssetSortKey } from '../../store/asset-queries.js';
import type { SoftwareVersionLabel } from '../../store/estate-queries.js';
import type { Session } from '../../store/sessions.js';
import { FilterProblems } from '../components/filter-problems.js';
import { Pager } from '../components/pager.js';
import { SoftwareFields } from '../components/software-fields.js';
import { StatusBadge } from '../components/status-badge.js';
import { StatusSelect } from '../components/status-select.js';
import { day } from '../format.js';
import { Layout } from '../layout.js';
import { TableScroll } from '../components/table-scroll.js';

export interface AssetsPageProps {
  session: Session;
  /** The filters as given, kept in the form and the links. */
  filter: Record<string, string>;
  products: readonly ProductChoice[];
  /** The version `software` names, when the list is of the machines carrying it (and the reader may see it). */
  carrying?: SoftwareVersionLabel;
  /** What is wrong with the filters given: nothing is listed until they are mended. */
  problems?: readonly ErrorDetail[];
  page: number;
  pageSize: number;
  total: number;
  rows: AssetListRow[];
  /** Name each row's trust: an ICS-wide person on a hub of several (trustsShown). */
  showTrust: boolean;
}

const ORDER_LABELS: Record<AssetSortKey, string> = { 'os-status': 'worst OS first, then hostname', risk: 'riskiest first' };

export function AssetsPage({ session, filter, products, carrying, problems, page, pageSize, total, rows, showTrust }: AssetsPageProps) {
  return (
    <Layout title="Assets" session={session}>
      <h1>Assets</h1>
      {carrying && (
        <p id="carrying">
          The machines carrying <strong>{carrying.name}</strong> {carrying.version} ({carrying.source}). <a href="/assets">All assets</a>
        </p>
      )}
      <FilterProblems problems={problems} />
      <form class="filters" method="get" action="/assets">
        {filter.software && <input type="hidden" name="software" value={filter.software} />}
        <div>
          <label for="q">Hostname contains</label>
          <input id="q" name="q" value={filter.q ?? ''} />
        </div>
        <StatusSelect name="osStatus" label="OS status" value={filter.osStatus as SupportStatus | undefined} />
        <StatusSelect name="anyStatus" label="Carries an item that is" value={filter.anyStatus as SupportStatus | undefined} />
        <div>
          <label for="family">OS family</label>
          <select id="family" name="family">
            <option value="">any</option>
            {['windows', 'linux', 'macos', 'other'].map((f) => (
              <option value={f} selected={f === filter.family}>
                {f}
              </option>
            ))}
          </select>
        </div>
        <SoftwareFields choices={products} product={filter.product} version={filter.version} />
        <div>
          <label for="sort">Order</label>
          <select id="sort" name="sort">
            {Object.entries(ORDER_LABELS).map(([order, label]) => (
              <option value={order} selected={order === (filter.sort ?? 'os-status')}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <button class="primary" type="submit">Filter</button>
      </form>
      {filter.sort === 'risk' && !problems && (
        <p id="risk-order" class="muted">
          Riskiest first: machines on an unsupported operating system, then those with the most unsupported items, then those with faxes, modems or pagers attached,
          then those with the most items ending soon; ties by hostname.
        </p>
      )}
      <TableScroll>
        <table id="assets">
          <thead>
            <tr>
              {showTrust && <th scope="col">Trust</th>}
              <th scope="col">Host</th>
              <th scope="col">Operating system</th>
              <th scope="col">OS status</th>
              <th scope="col" class="num">Software</th>
              <th scope="col" class="num">Unsupported</th>
              <th scope="col" class="num">Unknown</th>
              <th scope="col" class="num">Ending soon</th>
              <th scope="col" class="num">Faxes, modems, pagers</th>
              <th scope="col">Last seen</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr>
                {showTrust && <td>{r.organisation}</td>}
                <td>
                  <a href={`/assets/${r.id}`}>{r.hostname}</a>
                </td>
                <td>
                  {r.osName} {r.osVersion}
                </td>
                <td>
                  <StatusBadge status={r.osStatus} />
                </td>
                <td class="num">{r.software}</td>
                <td class="num">{r.unsupported}</td>
                <td class="num">{r.unknown}</td>
                <td class="num">{r.endingSoon}</td>
                <td class="num">{r.legacyDevices}</td>
                <td>{day(r.lastSeenAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {rows.length === 0 && !problems && <p class="panel">No assets match these filters.</p>}
      <Pager path="/assets" csv="/api/v1/estate/assets.csv" query={filter} page={page} pageSize={pageSize} total={total} />
    </Layout>
  );
}
