/** Admin-only API: enrolment secrets for IT teams installing agents. */
import { Hono } from 'hono';
import { z } from 'zod';
import { createEnrolmentSecret } from '../../auth/enrolment.js';
import type { HubEnv } from '../deps.js';
import { parseOrThrow } from '../errors.js';
import { requireRole } from '../middleware/session.js';
import { readJsonBody } from '../read-json-body.js';

export const EnrolmentSecretRequestSchema = z.strictObject({ label: z.string().trim().min(1).max(200) });

export const adminApiRoutes = new Hono<HubEnv>().post('/api/v1/enrolment-secrets', requireRole('admin'), async (c) => {
  const { db, now, config } = c.var.deps;
  const body = parseOrThrow(EnrolmentSecretRequestSchema, await readJsonBody(c, 4096));
  const created = createEnrolmentSecret(db, { label: body.label, createdBy: c.var.session?.user.id ?? null, now: now(), days: config.enrolmentSecretDays });
  return c.json(created, 201);
});
