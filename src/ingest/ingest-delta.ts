/**
 * Stores a delta report: rebuilds the full inventory from the stored state and
 * the delta, checks it is the inventory the agent meant, and ingests it as a
 * full report. Any doubt is a 409, and the agent sends the full report instead.
 * A delta that changes nothing, on the inventory the hub last stored, is only
 * an arrival: most machines on most nights, so it skips the rebuild.
 */
import { applyDelta, type Delta } from '../contract/delta.js';
import { inventoryHash } from '../contract/inventory-hash.js';
import { checkReport } from '../contract/report.js';
import { HubError } from '../hub/errors.js';
import { countInventory, loadInventory } from '../store/asset-inventory.js';
import { inTransaction } from '../store/statements.js';
import { machineUnavailable } from './agent-binding.js';
import { ingestReport, readClaim, recordArrival, refuseForeignClaim, type IngestContext, type IngestMeta, type IngestResult } from './ingest-report.js';

export function ingestDelta(ctx: IngestContext, delta: Delta, meta: IngestMeta): IngestResult {
  const claim = refuseForeignClaim(ctx, delta.host, meta);
  return inTransaction(ctx.db, () => {
    const { prior, existing: asset } = claim ?? readClaim(ctx.db, delta.host, meta);
    if (prior) return { receiptId: prior.id, assetId: prior.assetId, duplicate: true, changes: 0, newMachine: false };
    // Before anything else, as for a full report: the fast path below must not
    // record an arrival on another trust's machine, nor its 409 tell its inventory.
    if (asset && asset.organisationId !== meta.organisationId) throw machineUnavailable();
    if (asset && changesNothing(delta) && delta.base === asset.inventoryHash && delta.inventoryHash === delta.base) {
      const held = countInventory(ctx.db, asset.id);
      const arrival = { collectedAt: delta.collectedAt, receivedAt: ctx.now().toISOString(), softwareCount: held.software, deviceCount: held.devices, folded: delta.spool, warnings: delta.warnings, agentVersion: delta.agent.version };
      return recordArrival(ctx, asset.id, arrival, meta);
    }
    const base = asset && asset.inventoryHash === delta.base ? loadInventory(ctx.db, asset.id) : undefined;
    if (!base || inventoryHash(base) !== delta.base) {
      throw new HubError(409, 'delta-base-mismatch', 'the hub does not hold the inventory this delta builds on; send the full report');
    }
    const full = applyDelta(base, delta);
    if (inventoryHash(full) !== delta.inventoryHash) {
      throw new HubError(409, 'delta-result-mismatch', 'applying this delta does not give the inventory it names; send the full report');
    }
    const checked = checkReport(full);
    if (!checked.ok) throw new HubError(400, 'invalid-report', 'the delta gives an invalid report', checked.issues);
    return ingestReport(ctx, checked.report, meta);
  });
}

const changesNothing = (d: Delta) => !d.software.added.length && !d.software.removed.length && !d.devices.added.length && !d.devices.removed.length;
