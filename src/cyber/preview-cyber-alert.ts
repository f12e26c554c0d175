/**
 * `estatewatch rules test <cyber-alert.yaml>`: which machines a cyber alert
 * would list, on the hub's database as it stands, without storing anything:
 * how many, per trust, how many installs cannot be told, and a few examples.
 */
import { affectedItems, type SchemeOf } from '../lifecycle/cyber-applicability.js';
import { listAssetLabels } from '../store/cyber-alerts.js';
import type { Db } from '../store/db.js';
import { candidateInstalls } from './candidate-installs.js';
import type { CyberAlert } from './cyber-alert-schema.js';

export interface CyberAlertPreview {
  machines: number;
  installs: number;
  /** Installs the alert names whose version cannot be placed against its ranges. */
  cannotTell: number;
  /** Machines affected per trust (ODS code), most first. */
  byTrust: { organisation: string; machines: number }[];
  /** Up to `sampleSize` affected machines, by hostname, each with one reason. */
  sample: { hostname: string; why: string }[];
}

export function previewCyberAlert(db: Db, alert: CyberAlert, schemeOf: SchemeOf, sampleSize = 10): CyberAlertPreview {
  const { affected, cannotTell } = affectedItems(alert, candidateInstalls(db, [alert]), schemeOf);
  const whyOf = new Map<number, string>();
  for (const a of affected) if (!whyOf.has(Number(a.item.assetId))) whyOf.set(Number(a.item.assetId), a.applicability.reason);
  const machines = whyOf.size === 0 ? [] : listAssetLabels(db, [...whyOf.keys()]);
  const perTrust = new Map<string, number>();
  for (const m of machines) perTrust.set(m.organisation, (perTrust.get(m.organisation) ?? 0) + 1);
  return {
    machines: machines.length,
    installs: affected.length,
    cannotTell: cannotTell.length,
    byTrust: [...perTrust].map(([organisation, n]) => ({ organisation, machines: n })).sort((a, b) => b.machines - a.machines || (a.organisation < b.organisation ? -1 : 1)),
    sample: machines.slice(0, sampleSize).map((m) => ({ hostname: m.hostname, why: whyOf.get(Number(m.assetId)) as string })),
  };
}
