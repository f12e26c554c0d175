/** The rows behind one figure of a board report, as they stood on the report's snapshot day. */
import type { BoardReport } from '../../../report/board-report.js';
import { liveAlertsHref, sampleNote } from '../../../report/evidence-note.js';
import { longDate, longMonth } from '../../../report/plain-english.js';
import type { EvidenceSelection } from '../../../report/stored-report.js';
import type { Session } from '../../../store/sessions.js';
import type { ReportView } from '../../../hub/report-view.js';
import { Layout } from '../../layout.js';
import { columnLabel, EvidenceCell } from './evidence-columns.js';
import { TableScroll } from '../../components/table-scroll.js';

const LIST_NAMES: Record<string, string> = {
  assets: 'Assets', items: 'Operating systems and software items', alerts: 'Alerts', actions: 'Clinical safety actions', exceptions: 'Exceptions in force', devices: 'Faxes and pagers',
  unknown: 'Software no rule can judge', cyberAlerts: 'Cyber alerts', cyberResponses: 'Responses to cyber alerts, by trust', cyberMachines: 'Machines affected by cyber alerts',
};

export function EvidencePage({ session, report, view, selection }: { session: Session; report: BoardReport; view: ReportView; selection: EvidenceSelection }) {
  const base = `${view.prefix}/board-reports/${report.month}`;
  const { list, filter, columns, total } = selection;
  const rows = selection.rows as Record<string, unknown>[];
  const conditions = Object.entries(filter);
  const note = sampleNote(selection, report.snapshot.day);
  return (
    <Layout title={`Evidence: ${LIST_NAMES[list]}`} session={session}>
      <p class="small"><a href={base}>← {longMonth(report.month)} report</a>{view.heading && <> · {view.heading}</>}</p>
      <h1>{LIST_NAMES[list]}</h1>
      <p>
        <strong id="evidence-count">{total === null ? 'Not counted' : total}</strong> {total === 1 ? 'row' : 'rows'}
        {conditions.length > 0 && <> where {conditions.map(([k, v], i) => <>{i > 0 && ' and '}{columnLabel(list, k).toLowerCase()} is <strong>{v}</strong></>)}</>}, as of {longDate(report.snapshot.day)} (snapshot{' '}
        <code class="small">{report.snapshot.evidenceHash.slice(0, 16)}…</code>).
      </p>
      {note && (
        <p class="notice" id="evidence-sample">
          {note} Every alert as it is now, not as it was then, is on the <a href={liveAlertsHref(filter)}>alerts list</a>.
        </p>
      )}
      <p class="small muted">These rows were frozen when the snapshot was taken; the live pages show the estate as it is now. <a href={`/api/v1${base}/evidence/${list}?${new URLSearchParams(filter)}`}>JSON</a></p>
      <TableScroll>
        <table id="evidence" class={columns.length > WIDE_LIST ? 'evidence wide' : 'evidence'}>
          <thead><tr>{columns.map((c) => <th scope="col" data-column={c}>{columnLabel(list, c)}</th>)}</tr></thead>
          <tbody>{rows.map((r) => <tr>{columns.map((c) => <EvidenceCell list={list} column={c} row={r} timeZone={report.timeZone} />)}</tr>)}</tbody>
        </table>
      </TableScroll>
    </Layout>
  );
}

/** Past this many columns (the assets list has 14) the table is set smaller, so it still fits a 1280 px window without scrolling sideways. */
const WIDE_LIST = 12;
