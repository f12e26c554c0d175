/**
 * The hazard page's link forms: what they offer (the hazard's trust's
 * machines, live alerts and found devices, a bounded few of each), and how a
 * machine named by hostname becomes the asset the hazard log links.
 */
import { fieldError } from '../cso/cso-actor.js';
import type { Db } from '../store/db.js';
import { findAssetIdsByHostname } from '../store/exceptions.js';
import { foundDeviceChoices, liveAlertChoices, recentHostnames, type AlertChoice, type DeviceChoice } from '../store/form-choices.js';
import { CHOICE_LIMIT } from './components/choice-list.js';

export interface LinkChoices {
  hostnames: string[];
  alerts: AlertChoice[];
  devices: DeviceChoice[];
}

/** A hazard links only its own trust's records, so only those are offered. */
export function linkChoices(db: Db, organisationId: number): LinkChoices {
  return {
    hostnames: recentHostnames(db, organisationId, CHOICE_LIMIT),
    alerts: liveAlertChoices(db, organisationId, CHOICE_LIMIT),
    devices: foundDeviceChoices(db, organisationId, CHOICE_LIMIT),
  };
}

/**
 * The asset form names a machine by hostname (or "#12" where two of the
 * trust's machines share one); the API names it by id. A name no machine of
 * the hazard's trust has is refused, naming the field.
 */
export function assetLinkFields(db: Db, organisationId: number, fields: Record<string, string>): Record<string, string> {
  if (fields.kind !== 'asset' || fields.hostname === undefined) return fields;
  const { hostname, ...rest } = fields;
  const name = hostname.trim();
  const numbered = /^#(\d+)$/.exec(name)?.[1];
  if (numbered) return { ...rest, targetId: numbered };
  const ids = findAssetIdsByHostname(db, [name], organisationId).get(name.toLowerCase()) ?? [];
  if (ids.length === 0) throw fieldError('hostname', name ? `no machine "${name}" in this hazard's trust` : 'give a hostname');
  if (ids.length > 1) throw fieldError('hostname', `${ids.length} machines are called "${name}": give one's number (${ids.map((id) => `#${id}`).join(' or ')})`);
  return { ...rest, targetId: String(ids[0]) };
}
