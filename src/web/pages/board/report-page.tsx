/**
 * The monthly board report: plain English first, then charts and detail,
 * then the seal (data hash, audit chain heads) and how to check it. The
 * same page, standalone, is what the PDF is printed from: its links then
 * absolute (publicUrl), or, where the hub's address is unknown, each
 * figure's evidence address printed as a numbered note.
 */
import type { BoardReport } from '../../../report/board-report.js';
import type { Freshness } from '../../../report/report-freshness.js';
import { dateTimeText, longDate, longMonth } from '../../../report/plain-english.js';
import type { BoardReportRecord } from '../../../store/board-reports.js';
import type { Session } from '../../../store/sessions.js';
import type { ReportView } from '../../../hub/report-view.js';
import { Layout } from '../../layout.js';
import { EvidenceAddresses, EvidenceNotes, EvidenceNotesContext } from '../../components/evidence-notes.js';
import { BesideMeasure, MeasureDefinitions } from '../../components/support-measures.js';
import { DataAgeLine } from './data-age-line.js';
import { FreshnessNotice } from './freshness-notice.js';
import { ReportCharts } from './report-charts.js';
import { CyberSection } from './cyber-section.js';
import { TrustsSection } from './trusts-section.js';
import { ActionsCoverageSection, AlertsSection, AssuranceSection, DevicesSection, ExceptionsSection, PostureSection } from './report-sections.js';

export interface ReportPageProps {
  report: BoardReport;
  view: ReportView;
  record: Omit<BoardReportRecord, 'json'>;
  /** Read on the hub by a signed-in person; absent, the page stands alone to be printed (the PDF, `report --out`). */
  reading?: HubReading;
  /** Printed: the hub's address as its readers reach it (config publicUrl), which makes every link absolute. */
  publicUrl?: string;
}

export interface HubReading {
  session: Session;
  /** Why there is no PDF on this hub, or null when there is one. */
  pdfUnavailable: string | null;
  /** A month-to-date report's changes since; null for a closed month's. */
  freshness: Freshness | null;
}

export function ReportPage({ report, record, view, reading, publicUrl }: ReportPageProps) {
  const [headline, ...rest] = report.summary;
  const title = `Cyber posture report: ${longMonth(report.month)}`;
  const standalone = reading === undefined;
  const origin = standalone ? (publicUrl ?? '') : '';
  const base = `${origin}${view.prefix}/board-reports/${report.month}`;
  const notes = standalone && publicUrl === undefined ? new EvidenceNotes() : null;
  return (
    <Layout title={title} session={reading?.session} standalone={standalone}>
      <EvidenceNotesContext.Provider value={notes}>
        <article class="board-report">
          <h1>{title}{report.provisional && ' (month to date)'}</h1>
          {view.heading && <p class="lead" id="report-owner">{view.heading}</p>}
          <p class="muted small">
            Figures as of {longDate(report.snapshot.day)} (snapshot taken {dateTimeText(report.snapshot.takenAt, report.timeZone)}).
            {report.provisional && ' The month is not over: these figures will change until its last snapshot.'}
          </p>
          {reading?.freshness && (
            <FreshnessNotice report={report} record={record} freshness={reading.freshness} action={`${view.prefix}/board-reports`} csrf={reading.session.csrfToken} />
          )}
          {reading && (
            <p class="no-print small">
              <a href={`/api/v1${base}`}>JSON of every figure</a> ·{' '}
              {reading.pdfUnavailable ? <span class="notice" id="pdf-unavailable">PDF not available on this hub: {reading.pdfUnavailable}</span> : <a href={`${base}/pdf`}>PDF (A4)</a>} ·{' '}
              <a href={`${view.prefix}/board-reports`}>All reports</a>
            </p>
          )}
          <div class="panel summary">
            <p class="headline" id="headline">{headline}</p>
            <BesideMeasure part={report.figures.assets.supportedOs?.value ?? null} whole={report.figures.assets.total.value} />
            <MeasureDefinitions />
            <ul class="summary-list">
              {rest.map((s) => <li class={s.startsWith('Warning') ? 'warning' : undefined}>{s}</li>)}
            </ul>
            <DataAgeLine age={report.lifecycleData} />
            <p class="small muted">
              Every number below {notes ? 'is marked [n], the note at the end giving the address' : 'links to the list'} of the rows it counts, as they stood on {longDate(report.snapshot.day)}.
            </p>
          </div>
          {report.trusts && <TrustsSection report={report} columns={report.trusts} trusts={view.trusts} origin={origin} />}
          <ReportCharts report={report} base={base} />
          <PostureSection report={report} base={base} />
          <ExceptionsSection report={report} base={base} />
          <DevicesSection report={report} base={base} />
          <AlertsSection report={report} base={base} />
          <CyberSection report={report} base={base} origin={origin} />
          <ActionsCoverageSection report={report} base={base} />
          <AssuranceSection report={report} base={base} />
          <section class="seal">
            <h2>Checking this report</h2>
            <dl class="facts small">
              <dt>Data hash</dt><dd><code id="data-hash">{report.dataHash}</code></dd>
              <dt>Evidence hash</dt><dd><code>{report.snapshot.evidenceHash}</code> (the snapshot's rows)</dd>
              <dt>Audit chain head at snapshot</dt><dd>{report.snapshot.auditHead ? <>#{report.snapshot.auditHead.id} <code>{report.snapshot.auditHead.hash}</code></> : 'empty log'}</dd>
              <dt>Generated</dt><dd>{dateTimeText(record.generatedAt, report.timeZone)} by {record.generatedBy}</dd>
              <dt>Audit chain head at generation</dt><dd>{record.auditHeadId === null ? 'empty log' : <>#{record.auditHeadId} <code>{record.auditHeadHash}</code></>}</dd>
            </dl>
            <p class="small muted">
              The figures come only from the stored snapshot, so regenerating this month gives the same JSON and data hash: <code>estatewatch report --month {report.month} --verify</code>{' '}
              checks that, and <code>estatewatch audit verify</code> checks that the audit chain still contains the heads above.
            </p>
          </section>
          <EvidenceAddresses />
        </article>
      </EvidenceNotesContext.Provider>
    </Layout>
  );
}
