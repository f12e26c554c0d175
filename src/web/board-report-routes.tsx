/**
 * The board report's pages: the list with its generate form, one month's
 * report (HTML, and PDF when Chromium is installed), and the evidence rows
 * behind any figure. Roles are the API's (hub/routes/board-reports-api.ts).
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { HubEnv } from '../hub/deps.js';
import { HubError } from '../hub/errors.js';
import { currentSession, requireRole } from '../hub/middleware/session.js';
import { generateAs, GenerateReportSchema } from '../hub/routes/board-reports-api.js';
import type { BoardReport } from '../report/board-report.js';
import { previousMonth } from '../report/generate-board-report.js';
import { pdfUnavailable, renderPdf } from '../report/render-pdf.js';
import { loadStoredReport, selectEvidence } from '../report/stored-report.js';
import { listBoardReports, type BoardReportRecord } from '../store/board-reports.js';
import { formToken } from './page-routes.js';
import { EvidencePage } from './pages/board/evidence-page.js';
import { ReportPage } from './pages/board/report-page.js';
import { ReportsPage } from './pages/board/reports-page.js';

const FORM_LIMIT = bodyLimit({ maxSize: 4 * 1024, onError: () => { throw new HubError(413, 'too-large', 'form is too large'); } });

/** The report as one self-contained HTML file: what Chromium prints to PDF. */
export function standaloneReportHtml(report: BoardReport, record: Omit<BoardReportRecord, 'json'>): string {
  return `<!doctype html>${(<ReportPage report={report} record={record} standalone pdfUnavailable={null} />).toString()}`;
}

export const boardReportRoutes = new Hono<HubEnv>()
  .use('/board-reports', requireRole())
  .use('/board-reports/*', requireRole())
  .get('/board-reports', (c) => c.html(<ReportsPage session={currentSession(c)} reports={listBoardReports(c.var.deps.db)} suggestedMonth={previousMonth(c.var.deps)} />))
  .post('/board-reports', FORM_LIMIT, formToken, async (c) => {
    const form = await c.req.parseBody();
    const parsed = GenerateReportSchema.safeParse({ month: form.month });
    const session = currentSession(c);
    const refuse = (error: string, status: 400 | 404) =>
      c.html(<ReportsPage session={session} reports={listBoardReports(c.var.deps.db)} suggestedMonth={String(form.month ?? '')} error={error} />, status);
    if (!parsed.success) return refuse(`Month: ${parsed.error.issues[0]?.message}`, 400);
    try {
      generateAs(c, parsed.data.month);
    } catch (err) {
      if (err instanceof HubError && (err.status === 400 || err.status === 404)) return refuse(err.message, err.status);
      throw err;
    }
    return c.redirect(`/board-reports/${parsed.data.month}`, 303);
  })
  .get('/board-reports/:month', (c) => {
    const { report, record } = loadStoredReport(c.var.deps.db, c.req.param('month'));
    return c.html(<ReportPage report={report} record={record} session={currentSession(c)} pdfUnavailable={pdfUnavailable(c.var.deps.config.chromiumPath)} />);
  })
  .get('/board-reports/:month/pdf', async (c) => {
    const { report, record } = loadStoredReport(c.var.deps.db, c.req.param('month'));
    const pdf = await renderPdf(standaloneReportHtml(report, record), c.var.deps.config.chromiumPath);
    return c.body(new Uint8Array(pdf), 200, { 'content-type': 'application/pdf', 'content-disposition': `inline; filename="estatewatch-board-report-${report.month}.pdf"` });
  })
  .get('/board-reports/:month/evidence/:list', (c) => {
    const { db } = c.var.deps;
    const { report } = loadStoredReport(db, c.req.param('month'));
    return c.html(<EvidencePage session={currentSession(c)} report={report} selection={selectEvidence(db, report, c.req.param('list'), c.req.query())} />);
  });
