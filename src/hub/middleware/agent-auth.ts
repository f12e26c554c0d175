import { createMiddleware } from 'hono/factory';
import { hashToken } from '../../auth/tokens.js';
import { recordAgentRefusal } from '../../ingest/agent-refusal.js';
import { findAgentByTokenHash } from '../../store/agents.js';
import type { HubEnv } from '../deps.js';
import { HubError, unauthorized } from '../errors.js';

/** Lets through only a request bearing a live, approved agent token; a revoked one is told to enrol again. */
export const requireAgent = createMiddleware<HubEnv>(async (c, next) => {
  const match = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '');
  const agent = match?.[1] ? findAgentByTokenHash(c.var.deps.db, hashToken(match[1])) : undefined;
  if (!agent) throw unauthorized('a valid agent token is required (Authorization: Bearer <token>)');
  if (agent.revokedAt !== null) {
    // A revoked token still in use: the machine was re-imaged without enrolling again, or someone kept the token.
    recordAgentRefusal(c.var.deps.db, {
      agentId: agent.id, organisationId: agent.organisationId, now: c.var.deps.now(), entity: 'agent', entityId: String(agent.id), after: { code: 'agent-revoked' },
      text: `Agent #${agent.id}'s token was used after it was revoked (${agent.revokedAt}) and refused. A machine that kept its old token, or a stolen one.`,
    });
    throw new HubError(401, 'agent-revoked', `this agent's token was revoked at ${agent.revokedAt}; re-enrol this machine with a new enrolment secret (estatewatch agent enrol --hub <url> --secret <secret>)`);
  }
  if (agent.approvedAt === null) {
    throw new HubError(403, 'agent-awaiting-approval', 'this agent waits for an admin to approve it (Agents page); its reports stay in its spool until then');
  }
  c.set('agentId', agent.id);
  c.set('agentOrganisationId', agent.organisationId);
  await next();
});
