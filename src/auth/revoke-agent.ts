/**
 * Revoking an agent's token, from the API or the CLI: its next report is
 * refused (401) and the machine must enrol again for a new token.
 */
import { appendAudit } from '../store/audit-log.js';
import { findAgent, revokeAgent, type AgentSummary } from '../store/agents.js';
import type { Db } from '../store/db.js';
import type { OrgScope } from '../store/organisations.js';
import { inTransaction } from '../store/statements.js';

export type Revocation = { outcome: 'revoked'; agent: AgentSummary } | { outcome: 'already-revoked'; agent: AgentSummary } | { outcome: 'unknown' };

/**
 * Revokes the agent's token and audits it (entity `agent`) in one transaction;
 * an unknown or already revoked agent, or one of a trust outside `org`, changes nothing.
 */
export function revokeAgentToken(db: Db, agentId: number, org: OrgScope, by: string, now: Date): Revocation {
  return inTransaction(db, () => {
    const agent = findAgent(db, agentId, org);
    if (!agent) return { outcome: 'unknown' };
    if (agent.revokedAt !== null) return { outcome: 'already-revoked', agent };
    const at = now.toISOString();
    revokeAgent(db, agentId, at);
    appendAudit(db, { at, actor: by, action: 'revoke', entity: 'agent', entityId: String(agentId), before: { revokedAt: null }, after: { revokedAt: at, hostname: agent.hostname } });
    return { outcome: 'revoked', agent: { ...agent, revokedAt: at } };
  });
}
