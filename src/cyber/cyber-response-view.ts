/**
 * One trust's response to a cyber alert as people read it: where it stands,
 * and its two clocks worked out for the moment asked. NHS England's target is
 * acknowledgement within 48 hours of publication; after that, while the trust
 * is (or may be) affected, a remediation update every few days (the
 * ESTATEWATCH_CYBER_UPDATE_DAYS setting, recorded as a due date at each step)
 * until it closes. Pure.
 */
import type { CyberDecision, CyberResponseRow } from '../store/cyber-alert-responses.js';

/** NHS England's target: acknowledge a high-severity alert within 48 hours of its publication. */
export const ACKNOWLEDGE_WITHIN_HOURS = 48;

/**
 * Where a trust's response stands, furthest step first: closed; decided not
 * affected; every machine it had fixed; decided affected; acknowledged only;
 * not yet acknowledged.
 */
export type CyberResponseStage = 'closed' | 'not-affected' | 'remediated' | 'affected' | 'acknowledged' | 'awaiting-acknowledgement';

export interface CyberResponseView {
  organisation: string;
  organisationName: string;
  stage: CyberResponseStage;
  acknowledgement: {
    at: string | null;
    by: string | null;
    /** Publication day (00:00 UTC) + 48 hours: the alert gives a day, not a time, so the clock starts at its beginning. */
    due: string;
    /** Not acknowledged and past due. */
    overdue: boolean;
    /** Acknowledged after it was due. */
    late: boolean;
  };
  decision: { decision: CyberDecision; reason: string; at: string; by: string } | null;
  /** The day the trust expects to finish, from its decision or latest update. */
  expectedCompletion: string | null;
  /** The next remediation update; null before acknowledgement, once decided not affected, and once closed. */
  nextUpdate: { due: string; overdue: boolean } | null;
  affectedMachines: number;
  remediatedMachines: number;
  /** When this trust's last affected machine left the list; null while one is affected, or none ever was. */
  remediatedAt: string | null;
  closed: { at: string; by: string; note: string } | null;
}

/** When acknowledgement is due for an alert published on `published` (YYYY-MM-DD). */
export const acknowledgementDue = (published: string): string => new Date(Date.parse(`${published}T00:00:00Z`) + ACKNOWLEDGE_WITHIN_HOURS * 3600_000).toISOString();

/** `days` whole days after `at`: when the next remediation update falls due. */
export const updateDueAfter = (at: string, days: number): string => new Date(Date.parse(at) + days * 86_400_000).toISOString();

function stageOf(r: CyberResponseRow): CyberResponseStage {
  if (r.closedAt !== null) return 'closed';
  if (r.decision === 'not-affected') return 'not-affected';
  if (r.lastRemediatedAt !== null) return 'remediated';
  if (r.decision === 'affected') return 'affected';
  return r.acknowledgedAt !== null ? 'acknowledged' : 'awaiting-acknowledgement';
}

export function cyberResponseView(r: CyberResponseRow, now: Date): CyberResponseView {
  const due = acknowledgementDue(r.published);
  const at = r.acknowledgedAt;
  const nowIso = now.toISOString();
  return {
    organisation: r.organisation,
    organisationName: r.organisationName,
    stage: stageOf(r),
    acknowledgement: { at, by: r.acknowledgedBy, due, overdue: at === null && nowIso > due, late: at !== null && at > due },
    decision: r.decision !== null && r.decisionReason !== null && r.decidedAt !== null && r.decidedBy !== null ? { decision: r.decision, reason: r.decisionReason, at: r.decidedAt, by: r.decidedBy } : null,
    expectedCompletion: r.expectedCompletion,
    nextUpdate: r.nextUpdateDue !== null && r.closedAt === null ? { due: r.nextUpdateDue, overdue: nowIso > r.nextUpdateDue } : null,
    affectedMachines: r.affectedMachines,
    remediatedMachines: r.remediatedMachines,
    remediatedAt: r.lastRemediatedAt,
    closed: r.closedAt !== null && r.closedBy !== null ? { at: r.closedAt, by: r.closedBy, note: r.closureNote ?? '' } : null,
  };
}

/** What is overdue in a response: the acknowledgement, the next update, or nothing. */
export function overdueStep(v: CyberResponseView): 'acknowledgement' | 'update' | null {
  if (v.acknowledgement.overdue) return 'acknowledgement';
  return v.nextUpdate?.overdue ? 'update' : null;
}
