/**
 * An agent reports one machine, and a machine reports through one live agent.
 * Enrolment names the machine; the agent's first report must name it (its
 * short name, as the host reports it), and binds the agent to that machine;
 * a machine is bound to the live agent that reports it. Any other pairing (a
 * token enrolled as "pc-x" naming WARD7-PC014, or a second agent claiming a
 * bound machine) is refused with 409 and nothing stored, audited, and told to
 * the security lead. A renamed or re-imaged machine: an admin re-binds its
 * agent (`estatewatch admin rebind-agent`, the Agents page), or revokes
 * the old agent so the machine enrols again.
 */
import { HubError } from '../hub/errors.js';
import type { Report } from '../contract/report.js';
import { assetIdentity, shortMachineName, type AssetState } from '../store/assets.js';
import type { Db } from '../store/db.js';
import { enrolledNameOf, isLiveAgent, machineOfAgent } from '../store/agents.js';
import { recordAgentRefusal } from './agent-refusal.js';

export interface Conflict {
  code: 'machine-unavailable' | 'machine-bound-to-another-agent' | 'agent-bound-to-another-machine' | 'agent-enrolled-as-another-machine';
  message: string;
  /** The other party, for the audit and the security lead. */
  other: number;
}

/** Who claims a machine: the agent (null for an import) and the trust it reports for. */
export interface Claim {
  agentId: number | null;
  organisationId: number;
}

/** Whether a report's host is the machine an agent enrolled as: the short names agree ("ward7-pc014" and "WARD7-PC014.trust.nhs.uk"). */
export function namesEnrolledMachine(enrolledAs: string, host: Report['host']): boolean {
  const wanted = shortMachineName(enrolledAs);
  return [host.hostname, host.fqdn].some((name) => name !== undefined && shortMachineName(name) === wanted);
}

/**
 * The one refusal for a machine of another trust, the same for a report, a
 * delta and an import: it names no trust, and says nothing of what that trust holds.
 */
export function machineUnavailable(): HubError {
  return new HubError(409, 'machine-unavailable', 'this machine name cannot be reported here; if the machine is yours, report it with its fully qualified domain name');
}

/** Why this agent may not report this machine, if it may not; reads only, so a caller can read it in one snapshot with what it decides on. */
export function bindingConflict(db: Db, host: Report['host'], existing: AssetState | undefined, claim: Claim): Conflict | undefined {
  const { agentId } = claim;
  if (agentId === null) return undefined;
  if (existing && existing.organisationId !== claim.organisationId) {
    return { code: 'machine-unavailable', other: existing.id, message: machineUnavailable().message };
  }
  if (existing && existing.agentId !== null && existing.agentId !== agentId && isLiveAgent(db, existing.agentId)) {
    return { code: 'machine-bound-to-another-agent', other: existing.agentId, message: `this machine reports through agent #${existing.agentId}; retire that agent (estatewatch admin revoke-agent) before another may report it` };
  }
  const bound = machineOfAgent(db, agentId);
  if (bound !== undefined && bound !== existing?.id) {
    return { code: 'agent-bound-to-another-machine', other: bound, message: `this agent reports asset #${bound}, the machine it first reported; an admin re-binds the agent of a renamed machine (estatewatch admin rebind-agent)` };
  }
  // Only an agent with no machine yet is checked against its enrolment name: a bound agent's report, the usual one, reads no more.
  if (bound !== undefined) return undefined;
  const enrolledAs = enrolledNameOf(db, agentId);
  if (enrolledAs !== undefined && !namesEnrolledMachine(enrolledAs, host)) {
    return { code: 'agent-enrolled-as-another-machine', other: agentId, message: `this agent enrolled as ${enrolledAs} and may report only that machine; an admin re-binds it to a renamed machine (estatewatch admin rebind-agent)` };
  }
  return undefined;
}

/** What the security lead is told of each refusal. */
const REFUSAL_REASONS: Record<Conflict['code'], (other: number) => string> = {
  'machine-unavailable': () => 'that name is a machine of another trust on this hub',
  'machine-bound-to-another-agent': (other) => `that machine reports through agent #${other}`,
  'agent-bound-to-another-machine': (other) => `that agent is bound to asset #${other}`,
  'agent-enrolled-as-another-machine': () => 'that agent enrolled as another machine',
};

/**
 * Refuses a report whose agent and machine do not belong together
 * (bindingConflict). The refusal is recorded in its own transaction, before
 * the report's: a throw inside that one would roll the record back, and the
 * report stores nothing.
 */
export function refuseBinding(db: Db, now: Date, host: Report['host'], claim: Claim & { agentId: number }, found: Conflict): never {
  const { agentId } = claim;
  const identity = assetIdentity(host);
  recordAgentRefusal(db, {
    agentId, organisationId: claim.organisationId, now, entity: 'asset', entityId: identity, after: { code: found.code, other: found.other },
    text: `Agent #${agentId} claimed machine ${identity} and was refused: ${REFUSAL_REASONS[found.code](found.other)}. A stolen token, or a renamed or re-imaged machine whose agent was not re-bound.`,
  });
  throw new HubError(409, found.code, found.message);
}
