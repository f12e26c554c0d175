/**
 * The board's monthly reports as JSON. Every signed-in role reads them and may
 * generate one on demand: generating changes no figure (they come from stored
 * snapshots) and is audited.
 */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { MonthPattern } from '../../report/board-report.js';
import { generateBoardReport } from '../../report/generate-board-report.js';
import { liveAlertsHref, sampleNote } from '../../report/evidence-note.js';
import { loadStoredReport, selectEvidence } from '../../report/stored-report.js';
import { listBoardReports } from '../../store/board-reports.js';
import type { HubEnv } from '../deps.js';
import { parseOrThrow } from '../errors.js';
import { reportView, type ReportView } from '../report-view.js';
import { currentSession, requireRole } from '../middleware/session.js';
import { readJsonBody } from '../read-json-body.js';

const MonthSchema = z.string().regex(MonthPattern, 'a month as YYYY-MM, e.g. 2026-10');
export const GenerateReportSchema = z.strictObject({ month: MonthSchema });

/** Whose reports this request reads: the trust its path names (/trusts/:code/…), else the reader's own or the hub's main report. */
export function viewOf(c: Context<HubEnv>): ReportView {
  return reportView(c.var.deps.db, currentSession(c).user.organisationId, c.req.param('code'));
}

/** Generates a month's report of the request's owner as the signed-in person; shared with the page's form. */
export function generateAs(c: Context<HubEnv>, month: string) {
  return generateBoardReport(c.var.deps, viewOf(c).owner, month, currentSession(c).user.username);
}

/** Each path both as the reader's default and under /trusts/:code. */
const paths = (path: string) => [`/api/v1${path}`, `/api/v1/trusts/:code${path}`];

export const boardReportsApiRoutes = new Hono<HubEnv>()
  .use('/api/v1/board-reports', requireRole())
  .use('/api/v1/board-reports/*', requireRole())
  .use('/api/v1/trusts/*', requireRole())
  .on('GET', paths('/board-reports'), (c) => c.json({ reports: listBoardReports(c.var.deps.db, viewOf(c).owner) }))
  .on('POST', paths('/board-reports'), async (c) => {
    const { month } = parseOrThrow(GenerateReportSchema, await readJsonBody(c, 1024));
    const { record } = generateAs(c, month);
    return c.body(record.json, 201, { 'content-type': 'application/json; charset=utf-8' });
  })
  // The stored JSON as generated, byte for byte: its data hash covers exactly these bytes' content.
  .on('GET', paths('/board-reports/:month'), (c) =>
    c.body(loadStoredReport(c.var.deps.db, viewOf(c).owner, c.req.param('month') ?? '').record.json, 200, { 'content-type': 'application/json; charset=utf-8' }),
  )
  .on('GET', paths('/board-reports/:month/evidence/:list'), (c) => {
    const { db } = c.var.deps;
    const { owner } = viewOf(c);
    const { report } = loadStoredReport(db, owner, c.req.param('month') ?? '');
    const selection = selectEvidence(db, owner, report, c.req.param('list') ?? '', c.req.query());
    const { list, filter, rows, total, perCell } = selection;
    const note = sampleNote(selection, report.snapshot.day);
    // count is the snapshot's exact count (null when it kept none for this filter); rows may be a bounded sample, and note then says so.
    return c.json({
      month: report.month, snapshotDay: report.snapshot.day, list, filter, count: total, complete: note === null, rowsPerCell: perCell, note,
      live: note === null ? null : liveAlertsHref(filter), rows,
    });
  });
