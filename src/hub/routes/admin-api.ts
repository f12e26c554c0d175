/**
 * Admin-only API: enrolment secrets for IT teams installing agents (made,
 * listed with their uses, revoked), and the enrolled agents, which an admin
 * approves, re-binds to a renamed or re-imaged machine, or revokes.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { createEnrolmentSecret, MAX_ENROLMENT_USES } from '../../auth/enrolment.js';
import { approveAgentReports } from '../../auth/approve-agent.js';
import { rebindAgentToMachine, type Rebinding } from '../../auth/rebind-agent.js';
import { revokeAgentToken } from '../../auth/revoke-agent.js';
import { revokeEnrolmentSecretById } from '../../auth/revoke-enrolment-secret.js';
import { MachineNameSchema } from '../../contract/report.js';
import { listAgents, listEnrolmentSecrets, type AgentSummary } from '../../store/agents.js';
import type { HubEnv } from '../deps.js';
import { HubError, notFound, parseOrThrow } from '../errors.js';
import { currentSession, requireRole } from '../middleware/session.js';
import { OrganisationCodeSchema, owningOrganisation } from '../owning-organisation.js';
import { IdSchema } from '../query-schemas.js';
import { readJsonBody } from '../read-json-body.js';

/** A secret enrols one machine unless it says how many: a secret for a rollout of N machines must say N. */
export const EnrolmentSecretRequestSchema = z.strictObject({
  label: z.string().trim().min(1).max(200),
  organisation: OrganisationCodeSchema.optional(),
  uses: z.coerce.number().int().min(1).max(MAX_ENROLMENT_USES).default(1),
});

const RebindRequestSchema = z.strictObject({ machine: MachineNameSchema });

export const adminApiRoutes = new Hono<HubEnv>()
  .post('/api/v1/enrolment-secrets', requireRole('admin'), async (c) => {
    const { db, now, config } = c.var.deps;
    const { user } = currentSession(c);
    const body = parseOrThrow(EnrolmentSecretRequestSchema, await readJsonBody(c, 4096));
    const organisationId = owningOrganisation(db, user, body.organisation);
    const created = createEnrolmentSecret(db, { label: body.label, createdBy: user.id, by: user.username, organisationId, uses: body.uses, now: now(), days: config.enrolmentSecretDays });
    return c.json({ ...created, id: String(created.id) }, 201);
  })
  .get('/api/v1/enrolment-secrets', requireRole('admin'), (c) => c.json({ rows: listEnrolmentSecrets(c.var.deps.db, currentSession(c).user.organisationId) }))
  .post('/api/v1/enrolment-secrets/:id/revoke', requireRole('admin'), (c) => {
    const id = parseOrThrow(IdSchema, c.req.param('id'));
    const { user } = currentSession(c);
    const revocation = revokeEnrolmentSecretById(c.var.deps.db, id, user.organisationId, user.username, c.var.deps.now());
    if (revocation.outcome === 'unknown') throw notFound(`enrolment secret ${id}`);
    if (revocation.outcome === 'already-revoked') throw new HubError(409, 'already-revoked', `enrolment secret ${id} (${revocation.secret.label}) was already revoked at ${revocation.secret.revokedAt}`);
    return c.json(revocation.secret);
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
  })
  .post('/api/v1/agents/:id/approve', requireRole('admin'), (c) => {
    const id = parseOrThrow(IdSchema, c.req.param('id'));
    const { user } = currentSession(c);
    const approval = approveAgentReports(c.var.deps.db, id, user.organisationId, user.username, c.var.deps.now());
    if (approval.outcome === 'unknown') throw notFound(`agent ${id}`);
    if (approval.outcome === 'not-waiting') throw new HubError(409, 'not-waiting', `agent ${id} (${approval.agent.hostname}) is not waiting for approval`);
    return c.json(approval.agent);
  })
  .post('/api/v1/agents/:id/rebind', requireRole('admin'), async (c) => {
    const id = parseOrThrow(IdSchema, c.req.param('id'));
    const body = parseOrThrow(RebindRequestSchema, await readJsonBody(c, 4096));
    const { user } = currentSession(c);
    const rebinding = rebindAgentToMachine(c.var.deps.db, { agentId: id, machine: body.machine, org: user.organisationId, by: user.username, now: c.var.deps.now() });
    return c.json(reboundOrThrow(id, rebinding));
  });

/** The re-bound agent, or the refusal: the same 409 whichever trust holds a name outside the admin's. */
export function reboundOrThrow(id: number, rebinding: Rebinding): AgentSummary & { revokedAgent?: number } {
  if (rebinding.outcome === 'unknown') throw notFound(`agent ${id}`);
  if (rebinding.outcome === 'revoked') throw new HubError(409, 'agent-revoked', `agent ${id} was revoked at ${rebinding.agent.revokedAt}; a revoked agent cannot be re-bound, enrol the machine again`);
  if (rebinding.outcome === 'unavailable') throw new HubError(409, 'machine-unavailable', 'that machine name cannot be given to this agent');
  return { ...rebinding.agent, ...(rebinding.revokedAgent !== undefined && { revokedAgent: rebinding.revokedAgent }) };
}
