import type { SupportStatus } from '../../lifecycle/verdict.js';
import type { SoftwareVersionRow } from '../../store/estate-queries.js';
import type { Session } from '../../store/sessions.js';
import { Pager } from '../components/pager.js';
import { VerdictCells, VerdictHeaders } from '../components/verdict-cells.js';
import { StatusSelect } from '../components/status-select.js';
import { Layout } from '../layout.js';

export interface SoftwarePageProps {
  session: Session;
  status?: SupportStatus;
  page: number;
  pageSize: number;
  total: number;
  rows: SoftwareVersionRow[];
}

export function SoftwarePage({ session, status, page, pageSize, total, rows }: SoftwarePageProps) {
  return (
    <Layout title="Software versions" session={session}>
      <h1>Software versions</h1>
      <p class="muted">Each distinct version, with the status it has on the assets that carry it, most widespread first.</p>
      <form class="filters" method="get" action="/software">
        <StatusSelect name="status" label="Status" value={status} />
        <button class="primary" type="submit">Filter</button>
      </form>
      <table id="software-versions">
        <thead>
          <tr>
            <th>Name</th>
            <th>Version</th>
            <th>Source</th>
            <VerdictHeaders />
            <th class="num">Assets</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <td>{r.name}</td>
              <td>{r.version}</td>
              <td>{r.source}</td>
              <VerdictCells {...r} />
              <td class="num">{r.assets}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager path="/software" query={{ status }} page={page} pageSize={pageSize} total={total} />
    </Layout>
  );
}
