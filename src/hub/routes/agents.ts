/** The two routes agents call: enrolment and report delivery. */
import { Hono } from 'hono';
import { z } from 'zod';
import { checkReport } from '../../contract/report.js';
import { enrolAgent } from '../../auth/enrolment.js';
import { ingestReport } from '../../ingest/ingest-report.js';
import type { HubEnv } from '../deps.js';
import { HubError, parseOrThrow, unauthorized } from '../errors.js';
import { requireAgent } from '../middleware/agent-auth.js';
import { readJsonBody } from '../read-json-body.js';

const EnrolSchema = z.strictObject({ secret: z.string().min(1).max(200), hostname: z.string().trim().min(1).max(253) });
const IdempotencyKeySchema = z.string().regex(/^[A-Za-z0-9._:-]{8,128}$/, 'Idempotency-Key must be 8-128 characters of A-Z a-z 0-9 . _ : -');
const ENROL_BODY_LIMIT = 4096;

export const agentRoutes = new Hono<HubEnv>()
  .post('/api/v1/agents/enrol', async (c) => {
    const { db, now } = c.var.deps;
    const body = parseOrThrow(EnrolSchema, await readJsonBody(c, ENROL_BODY_LIMIT));
    const enrolled = enrolAgent(db, body.secret, body.hostname, now());
    if (!enrolled) throw unauthorized('enrolment secret is unknown, expired or revoked');
    // Ids are opaque to agents: a string, so the hub may change how it makes them.
    return c.json({ agentId: String(enrolled.agentId), token: enrolled.token }, 201);
  })
  .post('/api/v1/reports', requireAgent, async (c) => {
    const deps = c.var.deps;
    const key = parseOrThrow(IdempotencyKeySchema, c.req.header('idempotency-key') ?? '', 'invalid-idempotency-key');
    const checked = checkReport(await readJsonBody(c, deps.config.maxReportBytes));
    if (!checked.ok) {
      throw new HubError(400, 'invalid-report', `report does not match estatewatch.report/v1: ${checked.issues.length} bad field(s)`, checked.issues);
    }
    const result = ingestReport(deps, checked.report, { agentId: c.var.agentId ?? null, idempotencyKey: key });
    return c.json({ receiptId: result.receiptId, duplicate: result.duplicate, changes: result.changes }, result.duplicate ? 200 : 202);
  });
