/**
 * The board report's pages: the list with its generate form, one month's
 * report (HTML, and PDF when Chromium is installed), and the evidence rows
 * behind any figure. Roles are the API's (hub/routes/board-reports-api.ts).
 */
import { formLimit } from './form-limit.js';
import { Hono, type Context } from 'hono';
import type { HubEnv } from '../hub/deps.js';
import { HubError } from '../hub/errors.js';
import { currentSession, requireRole } from '../hub/middleware/session.js';
import { generateAs, GenerateReportSchema, viewOf } from '../hub/routes/board-reports-api.js';
import { monthsToOffer } from '../report/months-to-offer.js';
import { longDate, longMonth } from '../report/plain-english.js';
import { pdfUnavailable, renderPdf, type PdfFrame } from '../report/render-pdf.js';
import { reportFreshness } from '../report/report-freshness.js';
import { loadStoredReport, selectEvidence } from '../report/stored-report.js';
import { localDay } from '../report/trust-calendar.js';
import { listBoardReports } from '../store/board-reports.js';
import { redirectWithMessage } from './flash.js';
import { formToken } from './page-routes.js';
import { EvidencePage } from './pages/board/evidence-page.js';
import { ReportPage } from './pages/board/report-page.js';
import { pdfFrame, standaloneReportHtml } from './pages/board/report-print.js';
import { ReportsPage } from './pages/board/reports-page.js';

/** What a refused PDF request is told to wait (Retry-After): a print takes a few seconds, and the queue was full. */
const PDF_RETRY_AFTER_SECONDS = 30;

const FORM_LIMIT = formLimit(4 * 1024);

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

/** The reports list and its form; a refused form keeps the month it asked for. */
function reportsPage(c: Context<HubEnv>, refused?: { month: string; error: string }) {
  const view = viewOf(c);
  const offered = monthsToOffer(c.var.deps, view.owner);
  const months = refused ? { ...offered, suggested: refused.month } : offered;
  return <ReportsPage session={currentSession(c)} view={view} reports={listBoardReports(c.var.deps.db, view.owner)} timeZone={c.var.deps.config.timeZone} months={months} error={refused?.error} />;
}

/** Where a board member lands: their latest report, or the list to generate one from. */
function latestReportPath(c: Context<HubEnv>): string {
  const view = viewOf(c);
  const latest = listBoardReports(c.var.deps.db, view.owner)[0];
  return `${view.prefix}/board-reports${latest ? `/${latest.month}` : ''}`;
}

export const boardReportRoutes = new Hono<HubEnv>()
  // A board member's home is their report, not the technical summary; everyone else (and a visitor, sent to sign in) goes on to the summary.
  .get('/', (c, next) => (c.var.session?.user.role === 'board' ? c.redirect(latestReportPath(c), 302) : next()))
  .use('/board-reports', requireRole())
  .use('/board-reports/*', requireRole())
  .use('/trusts/*', requireRole())
  .on('GET', paths('/board-reports'), (c) => c.html(reportsPage(c)))
  .on('POST', paths('/board-reports'), FORM_LIMIT, formToken, async (c) => {
    const form = await c.req.parseBody();
    const parsed = GenerateReportSchema.safeParse({ month: form.month });
    const refuse = (error: string, status: 400 | 404) => c.html(reportsPage(c, { month: String(form.month ?? ''), error }), status);
    if (!parsed.success) return refuse(`Month: ${parsed.error.issues[0]?.message}`, 400);
    try {
      const { report } = generateAs(c, parsed.data.month);
      return await redirectWithMessage(c, `${viewOf(c).prefix}/board-reports/${report.month}`, `Report for ${longMonth(report.month)} generated: figures as of ${longDate(report.snapshot.day)}.`);
    } catch (err) {
      if (err instanceof HubError && (err.status === 400 || err.status === 404)) return refuse(err.message, err.status);
      throw err;
    }
  })
  .on('GET', paths('/board-reports/:month'), (c) => {
    const { db, config, now } = c.var.deps;
    const view = viewOf(c);
    const { report, record } = loadStoredReport(db, view.owner, c.req.param('month') ?? '');
    const freshness = reportFreshness(db, report, record, localDay(now(), config.timeZone));
    return c.html(<ReportPage report={report} record={record} view={view} reading={{ session: currentSession(c), pdfUnavailable: pdfUnavailable(config.chromiumPath), freshness }} />);
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
