/**
 * One trust's answer to a cyber alert as NHS England's "Respond to an NHS
 * cyber alert" service asks for it: is the organisation affected, how many
 * machines, where remediation stands and when it is expected to be complete.
 * Built from the response and the machine list, so the figures a security
 * lead copies into the national form are the hub's own. Pure.
 */
import type { CyberAlertView } from './cyber-alert-view.js';
import type { CyberResponseView } from './cyber-response-view.js';
import type { CyberUpdateRecord } from '../store/cyber-alert-responses.js';

export type RemediationStatus = 'not yet assessed' | 'not applicable' | 'not started' | 'in progress' | 'complete';

export interface NationalResponseSummary {
  reference: string;
  title: string;
  published: string;
  organisation: string;
  organisationName: string;
  acknowledged: { at: string; by: string; withinTarget: boolean } | null;
  /** "affected", "not affected", or not decided yet, with the trust's reason. */
  applicability: { answer: 'affected' | 'not affected' | 'not yet decided'; reason: string | null };
  /** Machines that still carry an affected version now. */
  affectedMachines: number;
  /** Machines that carried one and have been fixed. */
  remediatedMachines: number;
  /** Installs (machine × version) of versions the alert names that cannot be placed against its ranges: to check by hand, never counted as safe. */
  cannotTellInstalls: number;
  remediationStatus: RemediationStatus;
  /** When remediation finished (the last machine left the list, or the trust closed its response); null while not done. */
  completedAt: string | null;
  expectedCompletion: string | null;
  latestUpdate: CyberUpdateRecord | null;
  closed: CyberResponseView['closed'];
}

function remediationStatus(r: CyberResponseView): RemediationStatus {
  if (r.decision === null) return 'not yet assessed';
  if (r.decision.decision === 'not-affected') return 'not applicable';
  if (r.closed !== null || (r.affectedMachines === 0 && r.remediatedMachines > 0)) return 'complete';
  return r.remediatedMachines > 0 ? 'in progress' : 'not started';
}

export function nationalResponseSummary(alert: CyberAlertView, r: CyberResponseView, updates: readonly CyberUpdateRecord[], cannotTellInstalls: number): NationalResponseSummary {
  const status = remediationStatus(r);
  return {
    reference: alert.reference,
    title: alert.title,
    published: alert.published,
    organisation: r.organisation,
    organisationName: r.organisationName,
    acknowledged: r.acknowledgement.at !== null && r.acknowledgement.by !== null ? { at: r.acknowledgement.at, by: r.acknowledgement.by, withinTarget: !r.acknowledgement.late } : null,
    applicability: r.decision === null ? { answer: 'not yet decided', reason: null } : { answer: r.decision.decision === 'affected' ? 'affected' : 'not affected', reason: r.decision.reason },
    affectedMachines: r.affectedMachines,
    remediatedMachines: r.remediatedMachines,
    cannotTellInstalls,
    remediationStatus: status,
    completedAt: status === 'complete' ? (r.remediatedAt ?? r.closed?.at ?? null) : null,
    expectedCompletion: r.expectedCompletion,
    latestUpdate: updates.at(-1) ?? null,
    closed: r.closed,
  };
}
