/**
 * "Raise a hazard" from a cyber alert, as from any alert (issue 23, point 5):
 * the alert's title, CVEs and remedy go into the hazard's text, and the hazard
 * links the trust's machines that still carry an affected version, so the
 * hazard's page names the alert for as long as one of them does
 * (hazard-cyber-alerts.ts). A hazard is one trust's: an ICS-wide person names
 * the trust. The alert's own trail records that a hazard was raised from it.
 */
import type { KevCatalogue } from '../cyber/read-kev.js';
import { readCyberAlert, type CyberAlertDetail } from '../cyber/read-cyber-alerts.js';
import { notFound } from '../hub/errors.js';
import { appendAudit } from '../store/audit-log.js';
import type { HazardFields } from '../store/hazards.js';
import { inTransaction } from '../store/statements.js';
import { actorScope, checkUser, newRecordTrust, type CsoActor } from './cso-actor.js';
import { getHazardDetail, insertAudited, type HazardDetail } from './hazard-log.js';
import type { RaiseHazardRequest } from './hazard-schemas.js';

/** The hazard's words, from the alert and the machines it affects in the hazard's trust. */
function hazardFields(d: CyberAlertDetail, hostnames: readonly string[], req: RaiseHazardRequest, owner: string, today: string): HazardFields {
  const { view } = d;
  const cves = view.cves.length ? ` (${view.cves.join(', ')})` : '';
  const where = hostnames.length ? `${hostnames.length} of the trust's machines carry an affected version: ${hostnames.join(', ')}` : "none of the trust's machines carries an affected version now";
  return {
    title: (req.title ?? `${view.reference}: ${view.title}`).slice(0, 200),
    description: `NHS cyber alert ${view.reference}${cves}, ${view.severity}, published ${view.published}: ${view.title}. Remedy: ${view.remedy}`.slice(0, 4000),
    causes: `On ${today} ${where} (the cyber alert's page lists each and why: /cyber-alerts/${view.reference}; ${view.link}).`.slice(0, 4000),
    effect: req.effect ?? '', potentialHarm: req.potentialHarm ?? '', existingControls: '', additionalControls: '',
    initialSeverity: req.initialSeverity, initialLikelihood: req.initialLikelihood, owner,
  };
}

export function raiseHazardFromCyberAlert(actor: CsoActor, reference: string, organisation: string | undefined, req: RaiseHazardRequest, kev: KevCatalogue | null | undefined): HazardDetail {
  const { db, username, now } = actor;
  const owner = req.owner ?? username;
  checkUser(actor, owner, 'owner');
  const id = inTransaction(db, () => {
    const organisationId = newRecordTrust(actor, organisation, []);
    const detail = readCyberAlert(db, reference, organisationId, now, kev);
    if (!detail) throw notFound(`cyber alert ${reference}`);
    const affected = new Map(detail.machines.filter((m) => m.remediatedAt === null).map((m) => [m.assetId, m.hostname]));
    const fields = hazardFields(detail, [...affected.values()], req, owner, now.toISOString().slice(0, 10));
    const links = [...affected.keys()].map((targetId) => ({ kind: 'asset' as const, targetId }));
    const hazardId = insertAudited(actor, fields, organisationId, 'raise-from-cyber-alert', links);
    appendAudit(db, { at: now.toISOString(), actor: username, action: 'raise-hazard', entity: 'cyber-alert', entityId: reference, after: { hazardId } });
    return hazardId;
  });
  return getHazardDetail(db, id, actorScope(actor), now);
}
