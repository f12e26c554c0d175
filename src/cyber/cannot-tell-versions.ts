/**
 * The versions an alert names whose place against its ranges cannot be told
 * (no version reported, a version the product's scheme reads only to the
 * release, no known cycle): listed with why and how many machines carry them,
 * so a security lead checks them by hand rather than counting them as safe.
 */
import { affectedItems, type SchemeOf } from '../lifecycle/cyber-applicability.js';
import type { Db } from '../store/db.js';
import type { OrgScope } from '../store/organisations.js';
import { listInstalledVersionGroups, listInstalledVersions } from '../store/cyber-alerts.js';
import type { CyberAlert } from './cyber-alert-schema.js';
import { namedBy } from './candidate-installs.js';

export interface CannotTellVersion {
  name: string;
  version: string | null;
  why: string;
  /** Machines in the reader's scope carrying it. */
  machines: number;
}

export function cannotTellVersions(db: Db, alert: CyberAlert, schemeOf: SchemeOf, org: OrgScope): CannotTellVersion[] {
  const named = listInstalledVersions(db).filter(namedBy([alert]));
  if (named.length === 0) return [];
  const groups = listInstalledVersionGroups(db, named.map((v) => Number(v.softwareId)), org);
  const byVersion = new Map<number, CannotTellVersion>();
  for (const { item, applicability } of affectedItems(alert, groups, schemeOf).cannotTell) {
    const seen = byVersion.get(item.softwareId);
    if (seen) seen.machines += item.machines;
    else byVersion.set(item.softwareId, { name: item.name, version: item.version, why: applicability.reason, machines: item.machines });
  }
  return [...byVersion.values()];
}
