/**
 * The residual risk: the CSO's judgement of a hazard once its controls are in
 * place, and the DCB0160 sign-off. Only the CSO role reaches this (the routes
 * enforce it); rating clears the "re-rating due" flag a finished control sets.
 */
import { inTransaction } from '../store/statements.js';
import { actorScope, type CsoActor } from './cso-actor.js';
import { changeHazard, getHazardDetail, mustFindHazard, mustNotBeClosed, type HazardDetail } from './hazard-log.js';
import type { ResidualRiskRequest } from './hazard-schemas.js';

export function setResidualRisk(actor: CsoActor, id: number, req: ResidualRiskRequest): HazardDetail {
  inTransaction(actor.db, () => {
    const hazard = mustFindHazard(actor.db, id, actorScope(actor));
    mustNotBeClosed(hazard, 're-rate it');
    // The time of rating moves on each time, so confirming an unchanged rating is on the trail too.
    changeHazard(actor, hazard, 'residual-risk', {
      residualSeverity: req.severity, residualLikelihood: req.likelihood,
      residualRatedBy: actor.username, residualRatedAt: actor.now.toISOString(), reratingDue: false,
    });
  });
  return getHazardDetail(actor.db, id, actorScope(actor), actor.now);
}
