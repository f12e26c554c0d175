/**
 * An agent reports one machine, and a machine reports through one live agent.
 * An agent is bound to the first machine it reports; a machine is bound to the
 * live agent that reports it. Any other pairing (a token enrolled as "pc-x"
 * naming WARD7-PC014, or a second agent claiming a bound machine) is refused
 * with 409 and nothing stored, audited, and told to the security lead. A
 * re-imaged or renamed machine: retire its old agent (`estatewatch admin
 * revoke-agent`, or the agents page), and the machine enrols again.
 */
import { HubError } from '../hub/errors.js';
import type { AssetState } from '../store/assets.js';
import { appendAudit } from '../store/audit-log.js';
import type { Db } from '../store/db.js';
import { insertNotification } from '../store/notifications.js';
import { isLiveAgent, machineOfAgent } from '../store/agents.js';
import { inTransaction } from '../store/statements.js';

interface Conflict {
  code: 'machine-bound-to-another-agent' | 'agent-bound-to-another-machine';
  message: string;
  /** The other party, for the audit and the security lead. */
  other: number;
}


function conflict(db: Db, existing: AssetState | undefined, agentId: number): Conflict | undefined {
  if (existing && existing.agentId !== null && existing.agentId !== agentId && isLiveAgent(db, existing.agentId)) {
    return { code: 'machine-bound-to-another-agent', other: existing.agentId, message: `this machine reports through agent #${existing.agentId}; retire that agent (estatewatch admin revoke-agent) before another may report it` };
  }
  const bound = machineOfAgent(db, agentId);
  if (bound !== undefined && bound !== existing?.id) {
    return { code: 'agent-bound-to-another-machine', other: bound, message: `this agent reports asset #${bound}, the machine it first reported; a renamed or re-imaged machine enrols again once its old agent is retired` };
  }
  return undefined;
}

/**
 * Refuses a report whose agent and machine do not belong together. The
 * refusal is recorded in its own transaction, before the report's: a throw
 * inside that one would roll the record back, and the report stores nothing.
 */
export function checkAgentBinding(db: Db, now: Date, identity: string, existing: AssetState | undefined, agentId: number | null): void {
  if (agentId === null) return;
  const found = conflict(db, existing, agentId);
  if (!found) return;
  const at = now.toISOString();
  inTransaction(db, () => {
    appendAudit(db, { at, actor: `agent #${agentId}`, action: 'refuse-report', entity: 'asset', entityId: identity, after: { code: found.code, other: found.other } });
    insertNotification(db, {
      recipientRole: 'security-lead',
      at,
      text: `Agent #${agentId} tried to report ${identity} and was refused: ${found.code === 'machine-bound-to-another-agent' ? `that machine reports through agent #${found.other}` : `that agent is bound to asset #${found.other}`}. A stolen token, or a re-imaged machine whose old agent was not retired.`,
      link: '/admin/enrolment',
      ...(existing && { organisationId: existing.organisationId }),
    });
  });
  throw new HubError(409, found.code, found.message);
}
