/**
 * A trust's response to a cyber alert, step by step: acknowledge, decide
 * (affected or not, with the reason), record remediation updates, close. Each
 * step checks where the response stands, writes, and audits in one
 * transaction; roles and the trust are checked at the routes.
 */
import { HubError } from '../hub/errors.js';
import { appendAudit } from '../store/audit-log.js';
import {
  closeCyberResponse, insertCyberAcknowledgement, insertCyberUpdate, listCyberResponses, setCyberDecision,
  type CyberResponseKey, type CyberResponseRow,
} from '../store/cyber-alert-responses.js';
import type { Db } from '../store/db.js';
import { inTransaction } from '../store/statements.js';
import type { CyberDecisionRequest, CyberUpdateRequest } from './cyber-response-schemas.js';
import { updateDueAfter } from './cyber-response-view.js';

export interface CyberResponseTarget extends CyberResponseKey {
  reference: string;
}

export interface CyberStep {
  by: string;
  at: string;
  /** Days until the next remediation update (ESTATEWATCH_CYBER_UPDATE_DAYS). */
  updateDays: number;
}

const ENTITY = 'cyber-alert-response';

/** The audit entry's id: which alert, which trust. */
const entityId = (r: CyberResponseRow) => `${r.reference}/${r.organisation}`;

function responseOf(db: Db, t: CyberResponseTarget): CyberResponseRow {
  const r = listCyberResponses(db, t.cyberAlertId, t.organisationId)[0];
  if (!r) throw new HubError(404, 'not-found', `cyber alert ${t.reference} has no response for this trust`);
  return r;
}

/** A step after acknowledgement needs one, and none is taken once closed. */
function openResponse(db: Db, t: CyberResponseTarget, what: string): CyberResponseRow {
  const r = responseOf(db, t);
  if (r.acknowledgedAt === null) throw new HubError(409, 'not-acknowledged', `cannot ${what}: ${r.organisation} has not acknowledged cyber alert ${r.reference} yet`);
  if (r.closedAt !== null) throw new HubError(409, 'response-closed', `cannot ${what}: ${r.organisation} closed cyber alert ${r.reference} at ${r.closedAt}`);
  return r;
}

export function acknowledgeCyberAlert(db: Db, t: CyberResponseTarget, s: CyberStep): void {
  inTransaction(db, () => {
    const r = responseOf(db, t);
    const nextUpdateDue = updateDueAfter(s.at, s.updateDays);
    if (!insertCyberAcknowledgement(db, t, s.by, s.at, nextUpdateDue)) {
      throw new HubError(409, 'already-acknowledged', `${r.organisation} acknowledged cyber alert ${r.reference} already (${r.acknowledgedBy}, ${r.acknowledgedAt})`);
    }
    appendAudit(db, { at: s.at, actor: s.by, action: 'acknowledge', entity: ENTITY, entityId: entityId(r), before: { acknowledgedAt: null }, after: { acknowledgedAt: s.at, acknowledgedBy: s.by, nextUpdateDue } });
  });
}

/** May be changed while open (a trust finds it is affected after all); each change is audited with what it replaced. */
export function decideCyberApplicability(db: Db, t: CyberResponseTarget, d: CyberDecisionRequest, s: CyberStep): void {
  inTransaction(db, () => {
    const r = openResponse(db, t, 'record a decision');
    // "Not affected" ends the reporting; "affected" keeps the update clock running.
    const nextUpdateDue = d.decision === 'affected' ? updateDueAfter(s.at, s.updateDays) : null;
    const expectedCompletion = d.expectedCompletion ?? (d.decision === 'affected' ? r.expectedCompletion : null);
    setCyberDecision(db, t, { decision: d.decision, reason: d.reason, by: s.by, at: s.at, expectedCompletion, nextUpdateDue });
    appendAudit(db, {
      at: s.at, actor: s.by, action: 'decide', entity: ENTITY, entityId: entityId(r),
      before: { decision: r.decision, reason: r.decisionReason, expectedCompletion: r.expectedCompletion },
      after: { decision: d.decision, reason: d.reason, expectedCompletion, nextUpdateDue },
    });
  });
}

export function recordCyberUpdate(db: Db, t: CyberResponseTarget, u: CyberUpdateRequest, s: CyberStep): void {
  inTransaction(db, () => {
    const r = openResponse(db, t, 'record an update');
    if (r.decision === 'not-affected') throw new HubError(409, 'not-affected', `${r.organisation} decided it is not affected by cyber alert ${r.reference}: no remediation to report (record "affected" first if that has changed)`);
    const nextUpdateDue = updateDueAfter(s.at, s.updateDays);
    insertCyberUpdate(db, t, { at: s.at, by: s.by, note: u.note, expectedCompletion: u.expectedCompletion ?? null }, nextUpdateDue);
    appendAudit(db, { at: s.at, actor: s.by, action: 'update', entity: ENTITY, entityId: entityId(r), before: { nextUpdateDue: r.nextUpdateDue, expectedCompletion: r.expectedCompletion }, after: { note: u.note, expectedCompletion: u.expectedCompletion ?? r.expectedCompletion, nextUpdateDue } });
  });
}

/**
 * Closing needs a decision, and an "affected" trust closes only when no machine
 * of its still carries an affected version: the list, not a person, says the
 * work is done (a machine judged safe another way is a "not affected" decision, with its reason).
 */
export function closeCyberAlertResponse(db: Db, t: CyberResponseTarget, note: string, s: Omit<CyberStep, 'updateDays'>): void {
  inTransaction(db, () => {
    const r = openResponse(db, t, 'close');
    if (r.decision === null) throw new HubError(409, 'decision-needed', `cannot close: ${r.organisation} has not recorded whether it is affected by cyber alert ${r.reference}`);
    if (r.decision === 'affected' && r.affectedMachines > 0) {
      throw new HubError(409, 'machines-still-affected', `cannot close: ${r.affectedMachines} of ${r.organisation}'s machines still carry an affected version of cyber alert ${r.reference}; each leaves the list when its next report shows the fix`);
    }
    closeCyberResponse(db, t, s.by, s.at, note);
    appendAudit(db, { at: s.at, actor: s.by, action: 'close', entity: ENTITY, entityId: entityId(r), before: { closedAt: null, nextUpdateDue: r.nextUpdateDue }, after: { closedAt: s.at, closedBy: s.by, note } });
  });
}
