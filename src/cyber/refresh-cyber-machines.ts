/**
 * Keeps cyber_alert_machines in step with the inventory: at hub start over the
 * whole estate, and at each ingest over the one asset (in its transaction). An
 * install that is affected and was not gets `since` now; one that no longer is
 * (upgraded past the fix, or removed) gets `remediated_at` now; an alert whose
 * machines have all left is remediated, and is not once one comes back.
 */
import { affectedItems, type SchemeOf } from '../lifecycle/cyber-applicability.js';
import type { Db } from '../store/db.js';
import { candidateInstalls } from './candidate-installs.js';
import {
  listAssetCyberInstalls, listAssetCyberMachineRows, listCyberMachineRows, markCyberMachineAffected,
  markCyberMachineRemediated, setCyberMachineWhy, settleCyberAlertRemediation, type CyberInstall, type StoredCyberAlert,
} from '../store/cyber-alerts.js';

const key = (alertId: number, assetId: number, softwareId: number) => `${alertId}:${assetId}:${softwareId}`;

/** Call inside a transaction. `assetId` limits the work to that asset's installs; absent, the whole estate. */
export function refreshCyberMachines(db: Db, alerts: readonly StoredCyberAlert[], schemeOf: SchemeOf, at: string, assetId?: number): void {
  if (alerts.length === 0) return;
  const installs = assetId === undefined ? candidateInstalls(db, alerts.map((a) => a.alert)) : listAssetCyberInstalls(db, assetId);
  const stored = assetId === undefined ? listCyberMachineRows(db) : listAssetCyberMachineRows(db, assetId);
  const inForce = new Set(alerts.map((a) => a.id));
  const held = new Map(stored.filter((r) => inForce.has(Number(r.cyberAlertId))).map((r) => [key(Number(r.cyberAlertId), Number(r.assetId), Number(r.softwareId)), r]));
  const touched = new Set<number>();
  const versions = uniqueVersions(installs);
  for (const { id, alert } of alerts) {
    for (const { item, applicability } of affectedItems(alert, versions, schemeOf).affected) {
      for (const install of item.installs) {
        const k = key(id, Number(install.assetId), Number(install.softwareId));
        const row = { cyberAlertId: id, assetId: Number(install.assetId), softwareId: Number(install.softwareId) };
        const before = held.get(k);
        held.delete(k);
        if (before === undefined || before.remediatedAt !== null) {
          markCyberMachineAffected(db, { ...row, why: applicability.reason, since: at });
          touched.add(id);
        } else if (before.why !== applicability.reason) setCyberMachineWhy(db, row, applicability.reason);
      }
    }
  }
  // What is left was affected and no longer is.
  for (const r of held.values()) {
    if (r.remediatedAt !== null) continue;
    markCyberMachineRemediated(db, { cyberAlertId: Number(r.cyberAlertId), assetId: Number(r.assetId), softwareId: Number(r.softwareId) }, at);
    touched.add(Number(r.cyberAlertId));
  }
  for (const id of touched) settleCyberAlertRemediation(db, id, at);
}

type VersionOnFamily = CyberInstall & { installs: CyberInstall[] };

/** Applicability depends on the version and the OS family only: judged once per pair, not once per machine. */
function uniqueVersions(installs: readonly CyberInstall[]): VersionOnFamily[] {
  const byKey = new Map<string, VersionOnFamily>();
  for (const i of installs) {
    const k = `${i.softwareId}:${i.family}`;
    const v = byKey.get(k);
    if (v) v.installs.push(i);
    else byKey.set(k, { ...i, installs: [i] });
  }
  return [...byKey.values()];
}
