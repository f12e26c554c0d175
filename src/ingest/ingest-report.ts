/**
 * Stores one validated report: the asset, its OS, its software and devices,
 * the change history and a receipt, all in one transaction.
 */
import type { AlertRule } from '../alerts/alert-rule-schema.js';
import { evaluateAlerts } from '../alerts/evaluate-alerts.js';
import { dependsOnArrival } from '../alerts/find-rule-matches.js';
import type { CollectionWarning, Device, Report, SpoolFold } from '../contract/report.js';
import { log } from '../log.js';
import { classifyDevice } from '../devices/classify-device.js';
import type { CompiledKnownDevice } from '../devices/load-known-devices.js';
import type { Evaluator } from '../estate/evaluator.js';
import type { Db } from '../store/db.js';
import type { StoredCyberAlert } from '../store/cyber-alerts.js';
import { refreshCyberMachines } from '../cyber/refresh-cyber-machines.js';
import { schemesOf } from '../lifecycle/cyber-applicability.js';
import { assetIdentity, findAssetState, insertAsset, storedHostFacts, touchAsset, touchDevices, updateAsset, type AssetState, type AssetWrite } from '../store/assets.js';
import { deleteDevice, deviceKeyString, listDeviceKeys, upsertDevice } from '../store/devices.js';
import { changeInstalls, insertInstallHistory, listCurrentInstalls, type CurrentInstall } from '../store/installs.js';
import { ensureOsVersion } from '../store/os-versions.js';
import { osVersionPatch } from '../store/asset-os-patch.js';
import { findReceipt, insertReceipt, type Receipt } from '../store/receipts.js';
import { ensureSoftwareIds } from '../store/software.js';
import { refuseOverNewNames } from './agent-budget.js';
import { inSnapshot, inTransaction } from '../store/statements.js';
import { touchAgent } from '../store/agents.js';
import { diffInstalls, type InstallRef } from './diff-installs.js';
import { inventoryHash } from '../contract/inventory-hash.js';
import { bindingConflict, machineUnavailable, refuseBinding } from './agent-binding.js';

export interface IngestContext {
  db: Db;
  evaluator: Evaluator;
  now: () => Date;
  /** Alert rules to run for the asset after each ingest, in the same transaction. */
  alertRules?: readonly AlertRule[];
  /** Known fax/pager/modem hardware (rules/devices/) that upgrades a generic device's kind. */
  knownDevices?: readonly CompiledKnownDevice[];
  /** Cyber alerts in force: the asset's affected installs are refreshed after each changed inventory, in the same transaction. */
  cyberAlerts?: readonly StoredCyberAlert[];
}

export interface IngestMeta {
  /** The authenticated agent, or null for the demo seed and imports. */
  agentId: number | null;
  /** The trust the report is for: the agent's, or the importing person's. */
  organisationId: number;
  /** The sender's key for this report: a replay with the same key stores nothing. */
  idempotencyKey: string;
  /** An agent's budget of software versions new to the hub (agent-budget.ts), read only if the report adds some; none for imports. */
  newNames?: { left: () => number; perDay: number };
}

export interface IngestResult {
  receiptId: number;
  assetId: number;
  duplicate: boolean;
  /** Installs and devices added or removed; 0 when only last-seen moved. */
  changes: number;
  /** The report brought a machine the hub did not hold. */
  newMachine: boolean;
}

export function ingestReport(ctx: IngestContext, report: Report, meta: IngestMeta): IngestResult {
  const receivedAt = ctx.now().toISOString();
  const claim = refuseForeignClaim(ctx, report.host, meta);
  return inTransaction(ctx.db, () => {
    const { prior, existing } = claim ?? readClaim(ctx.db, report.host, meta);
    if (prior) return { receiptId: prior.id, assetId: prior.assetId, duplicate: true, changes: 0, newMachine: false };

    const { db } = ctx;
    const identity = assetIdentity(report.host);
    const hash = inventoryHash(report);
    if (existing !== undefined && existing.organisationId !== meta.organisationId) throw machineUnavailable();
    const arrival: Arrival = { collectedAt: report.collectedAt, receivedAt, softwareCount: report.software.length, deviceCount: report.devices.length, folded: report.spool, warnings: report.warnings, agentVersion: report.agent.version };
    if (existing !== undefined && existing.inventoryHash === hash) return recordArrival(ctx, existing.id, arrival, meta);

    const host = existing && incomplete(report, 'host') ? { ...storedHostFacts(db, existing.id), ...definedFields(report.host), hostname: report.host.hostname } : report.host;
    const osId = ensureOsVersion(db, report.os, ctx.evaluator.os);
    const osPatch = ctx.evaluator.osPatch({ osId, family: report.os.family, build: report.os.build ?? null, osPatch: osVersionPatch(db, osId) });
    const write: AssetWrite = { identity, report: { ...report, host }, osId, agentId: meta.agentId, organisationId: meta.organisationId, inventoryHash: hash, receivedAt, osPatch };
    const assetId = existing ? existing.id : insertAsset(db, write);
    if (existing) {
      updateAsset(db, assetId, write);
      touchDevices(db, assetId, report.collectedAt);
    }
    // An asset's first report is its baseline, not a list of changes.
    const software = storeSoftware(ctx, assetId, report, { recordHistory: existing !== undefined, newNames: meta.newNames });
    const changes = software.changes + storeDevices(ctx, assetId, report);
    return finishIngest(ctx, assetId, { ...arrival, newSoftware: software.added }, meta, { changes, rules: ctx.alertRules, cyber: true, newMachine: existing === undefined });
  });
}

/** What a report's claim read: its receipt, if the report is stored already, or else its machine as the hub holds it. */
export interface ClaimRead {
  prior: Receipt | undefined;
  existing: AssetState | undefined;
}

/**
 * Before anything is stored: another trust's machine is refused, and so is a
 * machine this agent is not bound to (agent-binding.ts). A replay of a report
 * already stored passes: it changes nothing. What it read is returned when it
 * read it inside the caller's write transaction (reports committed together,
 * group-commit.ts), where nothing can change it before the write: the write
 * uses it rather than reading it again (two round trips on PostgreSQL).
 */
export function refuseForeignClaim(ctx: IngestContext, host: Report['host'], meta: IngestMeta): ClaimRead | undefined {
  const inWrite = ctx.db.inTransaction;
  // Read in one snapshot: another hub storing this very report between two reads (its receipt not yet there, its machine
  // and binding already there) looked like another agent's machine, and the replay was refused.
  const claim = inSnapshot(ctx.db, () => {
    const read = readClaim(ctx.db, host, meta);
    return { read, conflict: read.prior ? undefined : bindingConflict(ctx.db, host, read.existing, meta) };
  });
  if (claim.conflict && meta.agentId !== null) refuseBinding(ctx.db, ctx.now(), host, { ...meta, agentId: meta.agentId }, claim.conflict);
  const { prior, existing } = claim.read;
  if (!prior && existing !== undefined && existing.organisationId !== meta.organisationId) throw machineUnavailable();
  return inWrite ? claim.read : undefined;
}

/** The report's receipt under this agent and key, or its machine: what deciding between a replay, a new machine and a known one needs. */
export function readClaim(db: Db, host: Report['host'], meta: IngestMeta): ClaimRead {
  const prior = findReceipt(db, meta.agentId, meta.idempotencyKey);
  return prior ? { prior, existing: undefined } : { prior: undefined, existing: findAssetState(db, assetIdentity(host)) };
}

/** The agent could not read this part this time (a `warnings` entry): what the hub holds for it stays. */
const incomplete = (report: Report, part: CollectionWarning['part']) => report.warnings?.some((w) => w.part === part) ?? false;

const definedFields = <T extends object>(o: T): Partial<T> => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

/** When a report was taken and received, and what it listed: what its receipt records. */
export interface Arrival {
  collectedAt: string;
  receivedAt: string;
  softwareCount: number;
  deviceCount: number;
  /** Older reports the agent's spool folded into this one while the hub was unreachable. */
  folded?: SpoolFold;
  /** Parts the agent could not read; the asset shows them until a complete report arrives. */
  warnings?: readonly CollectionWarning[];
  /** Software versions the report added to the hub's catalogue (none for an unchanged one). */
  newSoftware?: number;
  /** The sending agent's version (`agent.version`), kept on the agent for the Agents page. */
  agentVersion: string;
}

/**
 * A report whose inventory the hub already holds (same digest): only last-seen
 * moves. An unchanged inventory cannot change what inventory rules find (new
 * verdicts and rules are re-run over the estate); only rules about the report's
 * arrival (asset-silent) need to run. Call inside the ingest transaction.
 */
export function recordArrival(ctx: IngestContext, assetId: number, arrival: Arrival, meta: IngestMeta): IngestResult {
  touchAsset(ctx.db, assetId, arrival.collectedAt, arrival.receivedAt, arrival.warnings);
  return finishIngest(ctx, assetId, arrival, meta, { changes: 0, rules: ctx.alertRules?.filter((r) => dependsOnArrival(r.condition)) });
}

function finishIngest(ctx: IngestContext, assetId: number, arrival: Arrival, meta: IngestMeta, done: { changes: number; rules: readonly AlertRule[] | undefined; cyber?: boolean; newMachine?: boolean }): IngestResult {
  const { db } = ctx;
  if (meta.agentId !== null) touchAgent(db, meta.agentId, arrival.receivedAt, arrival.agentVersion);
  if (done.rules) evaluateAlerts(db, done.rules, ctx.now(), assetId);
  // An unchanged inventory (recordArrival) cannot change which alerts affect it.
  if (done.cyber && ctx.cyberAlerts) refreshCyberMachines(db, ctx.cyberAlerts, schemesOf(ctx.evaluator.rules), ctx.now().toISOString(), assetId);
  if (arrival.folded) log('warn', 'agent spool folded reports into one', { assetId, agentId: meta.agentId, reports: arrival.folded.reports, since: arrival.folded.firstCollectedAt });
  const { warnings: _shown, agentVersion: _kept, ...receipt } = arrival;
  const receiptId = insertReceipt(db, { agentId: meta.agentId, key: meta.idempotencyKey, assetId, ...receipt, newSoftware: receipt.newSoftware ?? 0, changes: done.changes });
  return { receiptId, assetId, duplicate: false, changes: done.changes, newMachine: done.newMachine ?? false };
}

/** Stores the report's installs; how many changed, and how many versions were new to the hub. */
function storeSoftware(ctx: IngestContext, assetId: number, report: Report, o: { recordHistory: boolean; newNames: IngestMeta['newNames'] }): { changes: number; added: number } {
  const { db } = ctx;
  const current = listCurrentInstalls(db, assetId);
  let added = 0;
  const refuse = o.newNames && refuseOverNewNames(o.newNames.left, o.newNames.perDay);
  const ids = softwareIds(ctx, report.software, current, (count) => {
    refuse?.(count);
    added = count;
  });
  // Keyed by software id: a report listing the same version twice is one install.
  const reported = new Map<number, InstallRef & { installedAt: string | null }>();
  for (const [i, s] of report.software.entries()) {
    const softwareId = ids[i]!;
    if (!reported.has(softwareId)) reported.set(softwareId, { softwareId, name: s.name, version: s.version, source: s.source, installedAt: s.installedAt ?? null });
  }
  const diff = diffInstalls(current, [...reported.values()]);
  changeInstalls(db, assetId, diff.removed.map((r) => r.softwareId), diff.added.map((a) => ({ softwareId: a.softwareId, installedAt: reported.get(a.softwareId)?.installedAt ?? null })), report.collectedAt);
  if (o.recordHistory) insertInstallHistory(db, assetId, diff.history, report.collectedAt);
  return { changes: diff.added.length + diff.removed.length, added };
}

const versionKey = (s: { name: string; version: string; vendor?: string | undefined; source: string }) => `${s.name}\u0000${s.version}\u0000${s.vendor ?? ''}\u0000${s.source}`;

/**
 * The ids of the report's software versions, in order. Those the asset already
 * has come from its installs; only the rest (a few in a week of patching) are
 * looked up, or added and evaluated, in the software table.
 */
function softwareIds(ctx: IngestContext, items: Report['software'], current: readonly CurrentInstall[], beforeAdding: (count: number) => void): number[] {
  const held = new Map(current.map((c) => [versionKey(c), c.softwareId]));
  const ids = items.map((s) => held.get(versionKey(s)));
  const missing = items.filter((_, i) => ids[i] === undefined);
  const found = missing.length ? ensureSoftwareIds(ctx.db, missing, ctx.evaluator.software, beforeAdding) : [];
  let next = 0;
  return ids.map((id) => id ?? found[next++]!);
}

/**
 * Devices the report no longer lists are removed, unless the agent could not
 * read its devices this time: then what it did read is added and nothing is
 * taken away (a hung print spooler must not read as "every printer gone").
 */
function storeDevices(ctx: IngestContext, assetId: number, report: Report): number {
  const { db } = ctx;
  const known = listDeviceKeys(db, assetId);
  const reportedKeys = new Set(report.devices.map(deviceKeyString));
  const knownKeys = new Set(known.map((k) => k.key));
  const gone = incomplete(report, 'devices') ? [] : known.filter((k) => !reportedKeys.has(k.key));
  for (const g of gone) deleteDevice(db, g.id);
  for (const d of report.devices) upsertDevice(db, assetId, d, report.collectedAt, deviceClass(d, ctx.knownDevices ?? []));
  return gone.length + [...reportedKeys].filter((k) => !knownKeys.has(k)).length;
}

function deviceClass(d: Device, known: readonly CompiledKnownDevice[]) {
  const cls = classifyDevice(d, known);
  return cls.kind === d.kind || !cls.known ? { kind: null, note: null } : { kind: cls.kind, note: `${cls.known.name}: ${cls.known.note} (${cls.known.file})` };
}
