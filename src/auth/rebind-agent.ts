/**
 * Re-binding: the audited path for a machine that was renamed or re-imaged.
 * The agent forgets the machine it reported and may report the one named;
 * when the hub already holds that machine, it becomes this agent's, and the
 * agent that reported it before is revoked (a machine has one live agent).
 */
import { appendAudit } from '../store/audit-log.js';
import { findAgent, rebindAgent, revokeAgent, type AgentSummary } from '../store/agents.js';
import { findAssetState, machineName } from '../store/assets.js';
import type { Db } from '../store/db.js';
import type { OrgScope } from '../store/organisations.js';
import { inTransaction } from '../store/statements.js';

export type Rebinding =
  | { outcome: 'rebound'; agent: AgentSummary; revokedAgent?: number }
  | { outcome: 'revoked'; agent: AgentSummary }
  | { outcome: 'unavailable' }
  | { outcome: 'unknown' };

export interface RebindRequest {
  agentId: number;
  /** The machine's name (short or fully qualified) as its reports will give it. */
  machine: string;
  org: OrgScope;
  by: string;
  now: Date;
}

/**
 * Re-binds in one transaction with its audit entry. A revoked agent stays
 * revoked; a machine name held by a trust outside `org` is `unavailable`,
 * the same answer whichever trust holds it.
 */
export function rebindAgentToMachine(db: Db, r: RebindRequest): Rebinding {
  return inTransaction(db, () => {
    const agent = findAgent(db, r.agentId, r.org);
    if (!agent) return { outcome: 'unknown' };
    if (agent.revokedAt !== null) return { outcome: 'revoked', agent };
    const asset = findAssetState(db, machineName(r.machine));
    if (asset && asset.organisationId !== agent.organisationId) return { outcome: 'unavailable' };
    const at = r.now.toISOString();
    const previous = asset?.agentId ?? undefined;
    const revokedAgent = previous !== undefined && previous !== r.agentId && revokeAgent(db, previous, at) ? previous : undefined;
    rebindAgent(db, r.agentId, r.machine, asset?.id);
    appendAudit(db, {
      at, actor: r.by, action: 'rebind', entity: 'agent', entityId: String(r.agentId),
      before: { hostname: agent.hostname, machine: agent.machine }, after: { hostname: r.machine, machine: asset ? machineName(r.machine) : null, revokedAgent: revokedAgent ?? null },
    });
    return { outcome: 'rebound', agent: { ...agent, hostname: r.machine, machine: asset ? machineName(r.machine) : null }, ...(revokedAgent !== undefined && { revokedAgent }) };
  });
}
