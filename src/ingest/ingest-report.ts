/**
 * Stores one validated report: the asset, its OS, its software and devices,
 * the change history and a receipt, all in one transaction.
 */
import type { AlertRule } from '../alerts/alert-rule-schema.js';
import { evaluateAlerts } from '../alerts/evaluate-alerts.js';
import { dependsOnArrival } from '../alerts/find-rule-matches.js';
import type { Device, Report } from '../contract/report.js';
import { classifyDevice } from '../devices/classify-device.js';
import type { CompiledKnownDevice } from '../devices/load-known-devices.js';
import type { Evaluator } from '../estate/evaluator.js';
import type { Db } from '../store/db.js';
import { assetIdentity, findAssetState, insertAsset, touchAsset, updateAsset, type AssetWrite } from '../store/assets.js';
import { deleteDevice, deviceKeyString, listDeviceKeys, upsertDevice } from '../store/devices.js';
import { changeInstalls, insertInstallHistory, listCurrentInstalls } from '../store/installs.js';
import { ensureOsVersion } from '../store/os-versions.js';
import { findReceipt, insertReceipt } from '../store/receipts.js';
import { ensureSoftware } from '../store/software.js';
import { inTransaction } from '../store/statements.js';
import { touchAgent } from '../store/agents.js';
import { diffInstalls, type InstallRef } from './diff-installs.js';
import { inventoryHash } from '../contract/inventory-hash.js';

export interface IngestContext {
  db: Db;
  evaluator: Evaluator;
  now: () => Date;
  /** Alert rules to run for the asset after each ingest, in the same transaction. */
  alertRules?: readonly AlertRule[];
  /** Known fax/pager/modem hardware (rules/devices/) that upgrades a generic device's kind. */
  knownDevices?: readonly CompiledKnownDevice[];
}

export interface IngestMeta {
  /** The authenticated agent, or null for the demo seed and imports. */
  agentId: number | null;
  /** The sender's key for this report: a replay with the same key stores nothing. */
  idempotencyKey: string;
}

export interface IngestResult {
  receiptId: number;
  assetId: number;
  duplicate: boolean;
  /** Installs and devices added or removed; 0 when only last-seen moved. */
  changes: number;
}

export function ingestReport(ctx: IngestContext, report: Report, meta: IngestMeta): IngestResult {
  const receivedAt = ctx.now().toISOString();
  return inTransaction(ctx.db, () => {
    const prior = findReceipt(ctx.db, meta.agentId, meta.idempotencyKey);
    if (prior) return { receiptId: prior.id, assetId: prior.assetId, duplicate: true, changes: 0 };

    const { db } = ctx;
    const identity = assetIdentity(report.host);
    const hash = inventoryHash(report);
    const existing = findAssetState(db, identity);
    let assetId: number;
    let changes = 0;
    // An unchanged inventory cannot change what inventory rules find (new verdicts and rules are
    // re-run over the estate); only rules about the report's arrival (asset-silent) need to run.
    const unchanged = existing !== undefined && existing.inventoryHash === hash;
    if (unchanged) {
      assetId = existing.id;
      touchAsset(db, assetId, report.collectedAt, receivedAt);
    } else {
      const write: AssetWrite = { identity, report, osId: ensureOsVersion(db, report.os, ctx.evaluator.os), agentId: meta.agentId, inventoryHash: hash, receivedAt };
      assetId = existing ? existing.id : insertAsset(db, write);
      if (existing) {
        updateAsset(db, assetId, write);
        touchAsset(db, assetId, report.collectedAt, receivedAt);
      }
      // An asset's first report is its baseline, not a list of changes.
      changes = storeSoftware(ctx, assetId, report, existing !== undefined) + storeDevices(ctx, assetId, report);
    }
    if (meta.agentId !== null) touchAgent(db, meta.agentId, receivedAt);
    if (ctx.alertRules) evaluateAlerts(db, unchanged ? ctx.alertRules.filter((r) => dependsOnArrival(r.condition)) : ctx.alertRules, ctx.now(), assetId);
    const receiptId = insertReceipt(db, {
      agentId: meta.agentId, key: meta.idempotencyKey, assetId, receivedAt, collectedAt: report.collectedAt,
      softwareCount: report.software.length, deviceCount: report.devices.length, changes,
    });
    return { receiptId, assetId, duplicate: false, changes };
  });
}

function storeSoftware(ctx: IngestContext, assetId: number, report: Report, recordHistory: boolean): number {
  const { db } = ctx;
  // Keyed by software id: a report listing the same version twice is one install.
  const reported = new Map<number, InstallRef & { installedAt: string | null }>();
  for (const s of report.software) {
    const softwareId = ensureSoftware(db, s, ctx.evaluator.software);
    if (!reported.has(softwareId)) reported.set(softwareId, { softwareId, name: s.name, version: s.version, source: s.source, installedAt: s.installedAt ?? null });
  }
  const diff = diffInstalls(listCurrentInstalls(db, assetId), [...reported.values()]);
  changeInstalls(db, assetId, diff.removed.map((r) => r.softwareId), diff.added.map((a) => ({ softwareId: a.softwareId, installedAt: reported.get(a.softwareId)?.installedAt ?? null })), report.collectedAt);
  if (recordHistory) for (const h of diff.history) insertInstallHistory(db, { assetId, ...h, at: report.collectedAt });
  return diff.added.length + diff.removed.length;
}

function storeDevices(ctx: IngestContext, assetId: number, report: Report): number {
  const { db } = ctx;
  const known = listDeviceKeys(db, assetId);
  const reportedKeys = new Set(report.devices.map(deviceKeyString));
  const knownKeys = new Set(known.map((k) => k.key));
  const gone = known.filter((k) => !reportedKeys.has(k.key));
  for (const g of gone) deleteDevice(db, g.id);
  for (const d of report.devices) upsertDevice(db, assetId, d, report.collectedAt, deviceClass(d, ctx.knownDevices ?? []));
  return gone.length + [...reportedKeys].filter((k) => !knownKeys.has(k)).length;
}

function deviceClass(d: Device, known: readonly CompiledKnownDevice[]) {
  const cls = classifyDevice(d, known);
  return cls.kind === d.kind || !cls.known ? { kind: null, note: null } : { kind: cls.kind, note: `${cls.known.name}: ${cls.known.note} (${cls.known.file})` };
}
