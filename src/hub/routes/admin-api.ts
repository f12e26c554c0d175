/** Admin-only API: enrolment secrets for IT teams installing agents, and the enrolled agents, whose tokens an admin can revoke. */
import { Hono } from 'hono';
import { z } from 'zod';
import { createEnrolmentSecret } from '../../auth/enrolment.js';
import { revokeAgentToken } from '../../auth/revoke-agent.js';
import { listAgents } from '../../store/agents.js';
import type { HubEnv } from '../deps.js';
import { HubError, notFound, parseOrThrow } from '../errors.js';
import { currentSession, requireRole } from '../middleware/session.js';
import { OrganisationCodeSchema, owningOrganisation } from '../owning-organisation.js';
import { IdSchema } from '../query-schemas.js';
import { readJsonBody } from '../read-json-body.js';

export const EnrolmentSecretRequestSchema = z.strictObject({ label: z.string().trim().min(1).max(200), organisation: OrganisationCodeSchema.optional() });

export const adminApiRoutes = new Hono<HubEnv>()
  .post('/api/v1/enrolment-secrets', requireRole('admin'), async (c) => {
    const { db, now, config } = c.var.deps;
    const { user } = currentSession(c);
    const body = parseOrThrow(EnrolmentSecretRequestSchema, await readJsonBody(c, 4096));
    const organisationId = owningOrganisation(db, user, body.organisation);
    const created = createEnrolmentSecret(db, { label: body.label, createdBy: user.id, organisationId, now: now(), days: config.enrolmentSecretDays });
    return c.json(created, 201);
  })
  .get('/api/v1/agents', requireRole('admin'), (c) => c.json({ rows: listAgents(c.var.deps.db, currentSession(c).user.organisationId) }))
  .post('/api/v1/agents/:id/revoke', requireRole('admin'), (c) => {
    const { db, now } = c.var.deps;
    const id = parseOrThrow(IdSchema, c.req.param('id'));
    const { user } = currentSession(c);
    const revocation = revokeAgentToken(db, id, user.organisationId, user.username, now());
    if (revocation.outcome === 'unknown') throw notFound(`agent ${id}`);
    if (revocation.outcome === 'already-revoked') throw new HubError(409, 'already-revoked', `agent ${id} (${revocation.agent.hostname}) was already revoked at ${revocation.agent.revokedAt}`);
    return c.json(revocation.agent);
  });
