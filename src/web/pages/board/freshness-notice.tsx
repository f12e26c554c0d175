/** What a month-to-date report says about itself on the hub: what has changed since it was generated, and a way to regenerate it. */
import type { BoardReport } from '../../../report/board-report.js';
import { count, dateTimeText, longMonth } from '../../../report/plain-english.js';
import type { Freshness } from '../../../report/report-freshness.js';
import type { BoardReportRecord } from '../../../store/board-reports.js';

interface Props {
  report: BoardReport;
  record: Pick<BoardReportRecord, 'generatedAt'>;
  freshness: Freshness;
  /** Where the generate form posts: the reports list of the report's owner. */
  action: string;
  csrf: string;
}

export function FreshnessNotice({ report, record, freshness, action, csrf }: Props) {
  return (
    <div class="notice no-print" id="freshness">
      <p>{freshnessSentence(report, record, freshness)}</p>
      <form method="post" action={action}>
        <input type="hidden" name="csrf" value={csrf} />
        <input type="hidden" name="month" value={report.month} />
        <button type="submit">Regenerate</button>
      </form>
    </div>
  );
}

function freshnessSentence(report: BoardReport, record: Pick<BoardReportRecord, 'generatedAt'>, f: Freshness): string {
  const generated = `generated ${dateTimeText(record.generatedAt, report.timeZone)}`;
  if (f.monthOver) return `${longMonth(report.month)} has ended since this report was ${generated}: regenerate it for the month's final figures.`;
  const changes = f.changes
    ? `${count(f.changes, 'audited change')} to alerts, actions, exceptions, devices or assets since then, which it does not show yet`
    : 'no audited change to alerts, actions, exceptions, devices or assets since then';
  return `Month to date, ${generated}: ${changes}.`;
}
