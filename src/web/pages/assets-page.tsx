import type { SupportStatus } from '../../lifecycle/verdict.js';
import type { AssetListRow } from '../../store/asset-queries.js';
import type { Session } from '../../store/sessions.js';
import { Pager } from '../components/pager.js';
import { StatusBadge } from '../components/status-badge.js';
import { StatusSelect } from '../components/status-select.js';
import { day } from '../format.js';
import { Layout } from '../layout.js';

export interface AssetsPageProps {
  session: Session;
  filter: { osStatus?: SupportStatus; anyStatus?: SupportStatus; family?: string; q?: string };
  page: number;
  pageSize: number;
  total: number;
  rows: AssetListRow[];
  /** Name each row's trust: an ICS-wide person on a hub of several (trustsShown). */
  showTrust: boolean;
}

export function AssetsPage({ session, filter, page, pageSize, total, rows, showTrust }: AssetsPageProps) {
  return (
    <Layout title="Assets" session={session}>
      <h1>Assets</h1>
      <form class="filters" method="get" action="/assets">
        <div>
          <label for="q">Hostname contains</label>
          <input id="q" name="q" value={filter.q ?? ''} />
        </div>
        <StatusSelect name="osStatus" label="OS status" value={filter.osStatus} />
        <StatusSelect name="anyStatus" label="Carries an item that is" value={filter.anyStatus} />
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
        <button class="primary" type="submit">Filter</button>
      </form>
      <table id="assets">
        <thead>
          <tr>
            {showTrust && <th>Trust</th>}
            <th>Host</th>
            <th>Operating system</th>
            <th>OS status</th>
            <th class="num">Software</th>
            <th class="num">Unsupported</th>
            <th class="num">Unknown</th>
            <th>Last seen</th>
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
              <td>{day(r.lastSeenAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && <p class="panel">No assets match these filters.</p>}
      <Pager path="/assets" query={{ ...filter }} page={page} pageSize={pageSize} total={total} />
    </Layout>
  );
}
