import { createMiddleware } from 'hono/factory';
import { hashToken } from '../../auth/tokens.js';
import { findAgentByTokenHash } from '../../store/agents.js';
import type { HubEnv } from '../deps.js';
import { unauthorized } from '../errors.js';

/** Lets through only a request bearing a live agent token. */
export const requireAgent = createMiddleware<HubEnv>(async (c, next) => {
  const match = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '');
  const agentId = match?.[1] ? findAgentByTokenHash(c.var.deps.db, hashToken(match[1])) : undefined;
  if (agentId === undefined) throw unauthorized('a valid agent token is required (Authorization: Bearer <token>)');
  c.set('agentId', agentId);
  await next();
});
