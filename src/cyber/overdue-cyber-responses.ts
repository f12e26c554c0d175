/**
 * Which trusts are late answering a cyber alert, for the cyber-response-overdue
 * alert rule: one finding per trust, alert and overdue step. The step is in the
 * subject, so acknowledging clears the acknowledgement alert and a later missed
 * update raises its own.
 */
import type { Db } from '../store/db.js';
import { listAllCyberResponses } from '../store/cyber-alert-responses.js';
import { cyberResponseView, overdueStep } from './cyber-response-view.js';

export interface OverdueCyberResponse {
  organisationId: number;
  subject: string;
  what: string;
  detail: string;
  /** The cyber alert's page. */
  link: string;
}

export function findOverdueCyberResponses(db: Db, now: Date): OverdueCyberResponse[] {
  return listAllCyberResponses(db, null).flatMap((r) => {
    const v = cyberResponseView(r, now);
    const step = overdueStep(v);
    if (step === null) return [];
    const machines = `${r.affectedMachines} machine${r.affectedMachines === 1 ? '' : 's'} affected`;
    const detail = step === 'acknowledgement'
      ? `${r.organisation} has not acknowledged cyber alert ${r.reference}, due ${v.acknowledgement.due} (48 hours from publication); ${machines}`
      : `${r.organisation}'s remediation update on cyber alert ${r.reference} was due ${v.nextUpdate?.due}; ${machines}`;
    return [{ organisationId: r.organisationId, subject: `cyber-alert:${r.reference}:${step}`, what: `${r.reference} ${step} overdue`, detail, link: `/cyber-alerts/${r.reference}` }];
  });
}
