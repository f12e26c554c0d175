/**
 * Approving an agent held by ESTATEWATCH_APPROVE_NEW_AGENTS: its reports, kept
 * in its spool meanwhile, are accepted from its next run.
 */
import { appendAudit } from '../store/audit-log.js';
import { approveAgent, findAgent, type AgentSummary } from '../store/agents.js';
import type { Db } from '../store/db.js';
import type { OrgScope } from '../store/organisations.js';
import { inTransaction } from '../store/statements.js';

export type Approval = { outcome: 'approved'; agent: AgentSummary } | { outcome: 'not-waiting'; agent: AgentSummary } | { outcome: 'unknown' };

/** Approves and audits in one transaction; an agent already approved, or revoked, changes nothing. */
export function approveAgentReports(db: Db, agentId: number, org: OrgScope, by: string, now: Date): Approval {
  return inTransaction(db, () => {
    const agent = findAgent(db, agentId, org);
    if (!agent) return { outcome: 'unknown' };
    const at = now.toISOString();
    if (!approveAgent(db, agentId, at)) return { outcome: 'not-waiting', agent };
    appendAudit(db, { at, actor: by, action: 'approve', entity: 'agent', entityId: String(agentId), before: { approvedAt: null }, after: { approvedAt: at, hostname: agent.hostname } });
    return { outcome: 'approved', agent: { ...agent, approvedAt: at } };
  });
}
