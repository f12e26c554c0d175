/** The two routes agents call: enrolment and report delivery. */
import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { z } from 'zod';
import { DELTA_SCHEMA_V1, DeltaSchema } from '../../contract/delta.js';
import { checkReport, MachineNameSchema, type Report } from '../../contract/report.js';
import { enrolAgent } from '../../auth/enrolment.js';
import { checkReportRate, newNamesLeft, OverBudget, reportOverBudget } from '../../ingest/agent-budget.js';
import { ingestDelta } from '../../ingest/ingest-delta.js';
import { ingestReport } from '../../ingest/ingest-report.js';
import { commitTogether } from '../../store/group-commit.js';
import { FIRST_ORGANISATION_ID } from '../../store/organisations.js';
import { noteNewMachines } from '../../store/planner-statistics.js';
import type { HubEnv } from '../deps.js';
import { HubError, parseOrThrow, unauthorized } from '../errors.js';
import { requireAgent } from '../middleware/agent-auth.js';
import { readJsonBody } from '../read-json-body.js';

const EnrolSchema = z.strictObject({ secret: z.string().min(1).max(200), hostname: MachineNameSchema });
const IdempotencyKeySchema = z.string().regex(/^[A-Za-z0-9._:-]{8,128}$/, 'Idempotency-Key must be 8-128 characters of A-Z a-z 0-9 . _ : -');
const ENROL_BODY_LIMIT = 4096;
/** Where agents post reports; the metrics count requests in flight here apart from the rest. */
export const REPORTS_PATH = '/api/v1/reports';

/** Counts each report by its answer, refusals included: before requireAgent, after onError has answered any throw. */
const countIngest = createMiddleware<HubEnv>(async (c, next) => {
  await next();
  c.var.metrics.countIngest(c.res.status);
});

export const agentRoutes = new Hono<HubEnv>()
  .post('/api/v1/agents/enrol', async (c) => {
    const { db, now, config } = c.var.deps;
    const body = parseOrThrow(EnrolSchema, await readJsonBody(c, ENROL_BODY_LIMIT));
    const enrolled = enrolAgent(db, { ...body, now: now(), approvalRequired: config.enrolmentApproval });
    if (!enrolled) throw unauthorized('enrolment secret is unknown, expired, revoked or used up');
    // Ids are opaque to agents: a string, so the hub may change how it makes them.
    return c.json({ agentId: String(enrolled.agentId), token: enrolled.token, approved: enrolled.approved }, 201);
  })
  .post(REPORTS_PATH, countIngest, requireAgent, async (c) => {
    const deps = c.var.deps;
    const key = parseOrThrow(IdempotencyKeySchema, c.req.header('idempotency-key') ?? '', 'invalid-idempotency-key');
    const agentId = c.var.agentId as number;
    const organisationId = c.var.agentOrganisationId ?? FIRST_ORGANISATION_ID;
    const now = deps.now();
    try {
      // Before the body is read: an agent over its hour's reports costs the hub nothing more.
      checkReportRate(deps.db, agentId, deps.config, now);
      const body = await readJsonBody(c, deps.config.maxReportBytes);
      const checked = isDelta(body) ? { delta: parseOrThrow(DeltaSchema, body, 'invalid-report') } : { report: checkedReport(body) };
      // Stored in a transaction shared with the reports that arrived beside it (group-commit.ts); answered once it commits.
      const result = await commitTogether(deps.db, () => {
        const newNames = { left: () => newNamesLeft(deps.db, agentId, deps.config, now), perDay: deps.config.agentNewNamesPerDay };
        const meta = { agentId, organisationId, idempotencyKey: key, newNames };
        return checked.delta ? ingestDelta(deps, checked.delta, meta) : ingestReport(deps, checked.report, meta);
      });
      // After the commit: a hub taking its agents' first reports is a burst PostgreSQL would plan for at its old size.
      if (result.newMachine) noteNewMachines(deps.db, 1);
      return c.json({ receiptId: result.receiptId, duplicate: result.duplicate, changes: result.changes }, result.duplicate ? 200 : 202);
    } catch (error) {
      if (!(error instanceof OverBudget)) throw error;
      return reportOverBudget(deps.db, { agentId, organisationId, now, error, setRetryAfter: (s) => c.header('Retry-After', String(s)) });
    }
  });

function isDelta(body: unknown): boolean {
  return typeof body === 'object' && body !== null && (body as { schema?: unknown }).schema === DELTA_SCHEMA_V1;
}

function checkedReport(body: unknown): Report {
  const checked = checkReport(body);
  if (!checked.ok) {
    throw new HubError(400, 'invalid-report', `report does not match estatewatch.report/v1: ${checked.issues.length} bad field(s)`, checked.issues);
  }
  return checked.report;
}
