/** The list of generated board reports, newest month first, with a form to generate one on demand. */
import { dateTimeText, longMonth, shortDate } from '../../../report/plain-english.js';
import type { MonthChoice } from '../../../report/months-to-offer.js';
import type { BoardReportRecord } from '../../../store/board-reports.js';
import type { Session } from '../../../store/sessions.js';
import type { ReportView } from '../../../hub/report-view.js';
import { Layout } from '../../layout.js';
import { TableScroll } from '../../components/table-scroll.js';

export interface ReportsPageProps {
  session: Session;
  view: ReportView;
  reports: Omit<BoardReportRecord, 'json'>[];
  /** The trust's timezone, which generation times are shown in. */
  timeZone: string;
  /** The months the form offers, and the one it suggests (or the one a refused form asked for). */
  months: MonthChoice;
  error?: string;
}

export function ReportsPage({ session, view, reports, timeZone, months, error }: ReportsPageProps) {
  return (
    <Layout title="Board reports" session={session}>
      <h1>Board cyber-posture reports</h1>
      {view.heading && <p class="lead" id="report-owner">{view.heading}</p>}
      {session.user.organisationId === null && view.trusts.length > 1 && (
        <p class="small" id="report-owners">
          Reports of: <a href="/board-reports">all trusts (ICS)</a>
          {view.trusts.map((t) => <> · <a href={`/trusts/${t.code}/board-reports`}>{t.code}</a></>)}
        </p>
      )}
      <p class="muted">
        One report a month, generated on the 1st for the month before (and on demand). Its figures come from the daily snapshots, so a past month regenerates to the same figures
        whatever the estate has done since.
      </p>
      <form method="post" action={`${view.prefix}/board-reports`} class="filters panel">
        <input type="hidden" name="csrf" value={session.csrfToken} />
        <label>
          Month
          <input type="month" name="month" value={months.suggested} min={months.first} max={months.last} required pattern="\d{4}-\d{2}" aria-describedby="months-with-figures" />
        </label>
        <span class="small muted" id="months-with-figures">Snapshots run from {longMonth(months.first)} to {longMonth(months.last)}; this month's report is to date.</span>
        <button type="submit" class="primary">Generate</button>
        {error && <p class="error" role="alert">{error}</p>}
      </form>
      {reports.length ? (
        <TableScroll>
          <table id="reports">
            <thead><tr><th scope="col">Month</th><th scope="col">Figures as of</th><th scope="col">Generated</th><th scope="col">By</th><th scope="col">Data hash</th></tr></thead>
            <tbody>
              {reports.map((r) => (
                <tr>
                  <td><a href={`${view.prefix}/board-reports/${r.month}`}>{longMonth(r.month)}</a></td>
                  <td>{shortDate(r.snapshotDay)}</td>
                  <td>{dateTimeText(r.generatedAt, timeZone)}</td>
                  <td>{r.generatedBy}</td>
                  <td><code class="small">{r.dataHash.slice(0, 16)}…</code></td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : <p class="muted">No report has been generated yet.</p>}
    </Layout>
  );
}
