import type { UnmatchedRow } from '../../store/estate-queries.js';
import type { Session } from '../../store/sessions.js';
import { Pager } from '../components/pager.js';
import { Layout } from '../layout.js';

export function UnmatchedPage({ session, page, pageSize, total, rows }: { session: Session; page: number; pageSize: number; total: number; rows: UnmatchedRow[] }) {
  return (
    <Layout title="Unmatched software" session={session}>
      <h1>Unmatched software</h1>
      <p class="muted">
        Software the lifecycle rules cannot judge, ranked by how many installs of it there are (an asset with two versions counts twice). Each row is counted as <strong>unknown</strong>, never as supported:
        write a matcher (or a cycle) in <code>rules/lifecycle/</code> for the top rows first.
      </p>
      <table id="unmatched">
        <thead>
          <tr>
            <th>Name</th>
            <th>Vendor</th>
            <th>Source</th>
            <th>Versions seen</th>
            <th>Why unknown</th>
            <th class="num">Installs</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <td>{r.name}</td>
              <td>{r.vendor || '—'}</td>
              <td>{r.source}</td>
              <td>{r.versions}</td>
              <td>{r.product ? `rule ${r.product} has no cycle for these versions` : 'no rule matches the name'}</td>
              <td class="num">{r.installs}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager path="/unmatched" query={{}} page={page} pageSize={pageSize} total={total} />
    </Layout>
  );
}
