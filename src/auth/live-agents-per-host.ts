import type { AgentSummary } from '../store/agents.js';
import { shortMachineName } from '../store/assets.js';

/**
 * How many live (not revoked) agents are enrolled as each live agent's host,
 * counted within its trust by short name ("WARD7-PC014" and
 * "ward7-pc014.trust.nhs.uk" are one host). More than one means the machine
 * was enrolled again (a re-install, a re-run installer) and all but one agent
 * are stale: the Agents page flags them for revoking. Revoked agents are not
 * in the map.
 */
export function liveAgentsPerHost(agents: readonly Pick<AgentSummary, 'id' | 'organisationId' | 'hostname' | 'revokedAt'>[]): Map<number, number> {
  const live = agents.filter((a) => a.revokedAt === null);
  const hostKey = (a: (typeof live)[number]) => `${a.organisationId}\u0000${shortMachineName(a.hostname)}`;
  const perHost = new Map<string, number>();
  for (const a of live) perHost.set(hostKey(a), (perHost.get(hostKey(a)) ?? 0) + 1);
  return new Map(live.map((a) => [a.id, perHost.get(hostKey(a)) ?? 1]));
}
