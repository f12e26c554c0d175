import type { UnmatchedRow } from '../../store/estate-queries.js';
import type { Session } from '../../store/sessions.js';
import { Pager } from '../components/pager.js';
import { Layout } from '../layout.js';
import { TableScroll } from '../components/table-scroll.js';

export function UnmatchedPage({ session, page, pageSize, total, rows }: { session: Session; page: number; pageSize: number; total: number; rows: UnmatchedRow[] }) {
  return (
    <Layout title="Unmatched software" session={session}>
      <h1>Unmatched software</h1>
      <p class="muted">
        Software no title matches (unknown, <em>unrecognised</em>), ranked by how many installs of it there are (an asset with two versions counts twice). Each row is counted as <strong>unknown</strong>, never as supported:
        write a title in <code>rules/titles/</code> or a matcher in <code>rules/lifecycle/</code> for the top rows first. Items whose title is known but that still cannot be judged (no published lifecycle, stale data, an unclear version) are counted apart on the <a href="/">summary</a>.
      </p>
      <TableScroll label="Unmatched software">
        <table id="unmatched">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Vendor</th>
              <th scope="col">Source</th>
              <th scope="col">Versions seen</th>
              <th scope="col" class="num">Installs</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr>
                <td>{r.name}</td>
                <td>{r.vendor || '—'}</td>
                <td>{r.source}</td>
                <td>{r.versions}</td>
                <td class="num">{r.installs}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <Pager path="/unmatched" csv="/api/v1/estate/unmatched.csv" query={{}} page={page} pageSize={pageSize} total={total} />
    </Layout>
  );
}
