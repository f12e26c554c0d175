/**
 * A board report as printed: one self-contained page (what the PDF and
 * `estatewatch report --out` hold) and, for the PDF, what Chromium prints in
 * every page's margins: whose report, which month, the protective marking at
 * top and bottom (as the Government Security Classifications place it), and
 * page x of y. The PDF and the CLI both print through here.
 */
import type { Config } from '../../../config.js';
import type { ReportView } from '../../../hub/report-view.js';
import type { BoardReport } from '../../../report/board-report.js';
import { longMonth } from '../../../report/plain-english.js';
import type { PdfFrame } from '../../../report/render-pdf.js';
import type { BoardReportRecord } from '../../../store/board-reports.js';
import { ReportPage } from './report-page.js';

export type PrintSettings = Pick<Config, 'publicUrl' | 'protectiveMarking'>;

/** The report as one self-contained HTML file; its links absolute when the hub's public address is known. */
export function standaloneReportHtml(report: BoardReport, record: Omit<BoardReportRecord, 'json'>, view: ReportView, settings: PrintSettings): string {
  return (<ReportPage report={report} record={record} view={view} publicUrl={settings.publicUrl} />).toString();
}

/** Chromium prints margin templates unstyled and at a near-invisible size: each carries its own type. */
const MARGIN = 'font-family:Arial,Helvetica,sans-serif; font-size:8pt; color:#1d2733; width:100%; margin:0 12mm; display:flex; justify-content:space-between;';

/** The header and footer of every page. Chromium fills the pageNumber and totalPages spans. */
export function pdfFrame(report: BoardReport, view: ReportView, settings: PrintSettings): PdfFrame {
  const marking = <strong>{settings.protectiveMarking}</strong>;
  const month = `${longMonth(report.month)}${report.provisional ? ' (month to date)' : ''}`;
  return {
    header: (<div style={MARGIN}><span>{view.name}</span>{marking}<span>Cyber posture report: {month}</span></div>).toString(),
    footer: (<div style={MARGIN}><span>estatewatch board report</span>{marking}<span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>).toString(),
  };
}
