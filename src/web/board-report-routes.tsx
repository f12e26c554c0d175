/**
 * The board report's pages: the list with its generate form, one month's
 * report (HTML, and PDF when Chromium is installed), and the evidence rows
 * behind any figure. Roles are the API's (hub/routes/board-reports-api.ts).
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { HubEnv } from '../hub/deps.js';
import { HubError } from '../hub/errors.js';
import { currentSession, requireRole } from '../hub/middleware/session.js';
import { generateAs, GenerateReportSchema, viewOf } from '../hub/routes/board-reports-api.js';
import { previousMonth } from '../report/generate-board-report.js';
import { pdfUnavailable, renderPdf, type PdfFrame } from '../report/render-pdf.js';
import { loadStoredReport, selectEvidence } from '../report/stored-report.js';
import { listBoardReports } from '../store/board-reports.js';
import { formToken } from './page-routes.js';
import { EvidencePage } from './pages/board/evidence-page.js';
import { ReportPage } from './pages/board/report-page.js';
import { pdfFrame, standaloneReportHtml } from './pages/board/report-print.js';
import { ReportsPage } from './pages/board/reports-page.js';

/** What a refused PDF request is told to wait (Retry-After): a print takes a few seconds, and the queue was full. */
const PDF_RETRY_AFTER_SECONDS = 30;

const FORM_LIMIT = bodyLimit({ maxSize: 4 * 1024, onError: () => { throw new HubError(413, 'too-large', 'form is too large'); } });

/**
 * Prints on this hub's PDF queue, one print at a time, so no signed-in person
 * can keep Chromium busy: beyond the queue's limit a request is refused (503,
 * Retry-After), and one whose client leaves is dropped (OneAtATime.run).
 */
function printQueued(c: Context<HubEnv>, html: string, frame: PdfFrame): Promise<Buffer> {
  const { pdfQueue, metrics } = c.var;
  if (pdfQueue.full) {
    c.header('Retry-After', String(PDF_RETRY_AFTER_SECONDS));
    throw new HubError(503, 'pdf-queue-full', `the PDF queue is full (one report printing, ${pdfQueue.waiting} waiting): try again in a minute, or print this page from your browser.`);
  }
  const print = () => {
    metrics.pdfRenders += 1;
    return renderPdf(html, frame, c.var.deps.config.chromiumPath);
  };
  return pdfQueue.run(print, c.req.raw.signal);
}

/** Each page both as the reader's default and under /trusts/:code. */
const paths = (path: string) => [path, `/trusts/:code${path}`];

function reportsPage(c: Context<HubEnv>, suggestedMonth: string, error?: string) {
  const view = viewOf(c);
  return <ReportsPage session={currentSession(c)} view={view} reports={listBoardReports(c.var.deps.db, view.owner)} timeZone={c.var.deps.config.timeZone} suggestedMonth={suggestedMonth} error={error} />;
}

export const boardReportRoutes = new Hono<HubEnv>()
  .use('/board-reports', requireRole())
  .use('/board-reports/*', requireRole())
  .use('/trusts/*', requireRole())
  .on('GET', paths('/board-reports'), (c) => c.html(reportsPage(c, previousMonth(c.var.deps))))
  .on('POST', paths('/board-reports'), FORM_LIMIT, formToken, async (c) => {
    const form = await c.req.parseBody();
    const parsed = GenerateReportSchema.safeParse({ month: form.month });
    const refuse = (error: string, status: 400 | 404) => c.html(reportsPage(c, String(form.month ?? ''), error), status);
    if (!parsed.success) return refuse(`Month: ${parsed.error.issues[0]?.message}`, 400);
    try {
      generateAs(c, parsed.data.month);
    } catch (err) {
      if (err instanceof HubError && (err.status === 400 || err.status === 404)) return refuse(err.message, err.status);
      throw err;
    }
    return c.redirect(`${viewOf(c).prefix}/board-reports/${parsed.data.month}`, 303);
  })
  .on('GET', paths('/board-reports/:month'), (c) => {
    const view = viewOf(c);
    const { report, record } = loadStoredReport(c.var.deps.db, view.owner, c.req.param('month') ?? '');
    return c.html(<ReportPage report={report} record={record} view={view} reading={{ session: currentSession(c), pdfUnavailable: pdfUnavailable(c.var.deps.config.chromiumPath) }} />);
  })
  .on('GET', paths('/board-reports/:month/pdf'), async (c) => {
    const view = viewOf(c);
    const { report, record } = loadStoredReport(c.var.deps.db, view.owner, c.req.param('month') ?? '');
    const { config } = c.var.deps;
    const pdf = await printQueued(c, standaloneReportHtml(report, record, view, config), pdfFrame(report, view, config));
    return c.body(new Uint8Array(pdf), 200, { 'content-type': 'application/pdf', 'content-disposition': `inline; filename="estatewatch-board-report-${report.month}.pdf"` });
  })
  .on('GET', paths('/board-reports/:month/evidence/:list'), (c) => {
    const { db } = c.var.deps;
    const view = viewOf(c);
    const { report } = loadStoredReport(db, view.owner, c.req.param('month') ?? '');
    return c.html(<EvidencePage session={currentSession(c)} report={report} view={view} selection={selectEvidence(db, view.owner, report, c.req.param('list') ?? '', c.req.query())} />);
  });
