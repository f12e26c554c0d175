/**
 * What the security lead hears of a refused agent report: an audit entry and
 * a notification, in their own transaction (the report's stored nothing). At
 * most once an hour per agent, however many refusals: a stolen token hammering
 * the hub must not fill the audit log or bury the notifications.
 */
import { claimSecurityNotice } from '../store/agents.js';
import { appendAudit } from '../store/audit-log.js';
import type { Db } from '../store/db.js';
import { insertNotification } from '../store/notifications.js';
import { inTransaction } from '../store/statements.js';

const HOUR_MS = 3_600_000;

export interface AgentRefusal {
  agentId: number;
  /** The agent's trust: the notification goes to its security lead, never another trust's. */
  organisationId: number;
  now: Date;
  /** What the refusal was about, for the audit log: the machine claimed, or the agent itself. */
  entity: 'asset' | 'agent';
  entityId: string;
  after: Record<string, unknown>;
  /** The sentence the security lead reads. */
  text: string;
}

export function recordAgentRefusal(db: Db, r: AgentRefusal): void {
  const at = r.now.toISOString();
  inTransaction(db, () => {
    if (!claimSecurityNotice(db, r.agentId, at, new Date(r.now.getTime() - HOUR_MS).toISOString())) return;
    appendAudit(db, { at, actor: `agent #${r.agentId}`, action: 'refuse-report', entity: r.entity, entityId: r.entityId, after: r.after });
    insertNotification(db, { recipientRole: 'security-lead', organisationId: r.organisationId, at, text: r.text, link: '/admin/agents' });
  });
}
