/**
 * A delta report: only what changed since the last report the hub acknowledged
 * for this machine (`base`, that report's inventoryHash). The hub rebuilds the
 * full inventory from what it stored, checks it against `inventoryHash`, and
 * answers 409 when either digest does not match, upon which the agent sends
 * the full report under the same Idempotency-Key.
 */
import * as z from 'zod';
import { deviceKey, inventoryHash, softwareKey, type Inventory } from './inventory-hash.js';
import { CollectionWarningSchema, DeviceSchema, HostSchema, MAX_DEVICES, MAX_SOFTWARE_ITEMS, MAX_WARNINGS, OsSchema, REPORT_SCHEMA_V1, SoftwareSchema, SpoolFoldSchema, type Report } from './report.js';

export const DELTA_SCHEMA_V1 = 'estatewatch.delta/v1';

const Digest = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 hex digest');

export const DeltaSchema = z.strictObject({
  schema: z.literal(DELTA_SCHEMA_V1),
  base: Digest,
  inventoryHash: Digest,
  host: HostSchema,
  os: OsSchema,
  collectedAt: z.iso.datetime({ offset: true }),
  agent: z.strictObject({ version: z.string().trim().min(1).max(64) }),
  spool: SpoolFoldSchema.optional(),
  warnings: z.array(CollectionWarningSchema).max(MAX_WARNINGS).optional(),
  software: z.strictObject({
    added: z.array(SoftwareSchema).max(MAX_SOFTWARE_ITEMS),
    removed: z.array(SoftwareSchema.pick({ name: true, version: true, vendor: true, source: true })).max(MAX_SOFTWARE_ITEMS),
  }),
  devices: z.strictObject({
    added: z.array(DeviceSchema).max(MAX_DEVICES),
    removed: z.array(DeviceSchema.pick({ kind: true, name: true, connection: true })).max(MAX_DEVICES),
  }),
});
export type Delta = z.infer<typeof DeltaSchema>;

/** The delta that turns the `base` report into `next`. A changed device detail is a removal plus an addition. */
export function diffReports(base: Inventory, next: Report): Delta {
  const baseSoftware = new Set(base.software.map(softwareKey));
  const nextSoftware = new Set(next.software.map(softwareKey));
  const baseDevices = new Set(base.devices.map((d) => JSON.stringify(d)));
  const nextDevices = new Set(next.devices.map((d) => JSON.stringify(d)));
  return {
    schema: DELTA_SCHEMA_V1,
    base: inventoryHash(base),
    inventoryHash: inventoryHash(next),
    host: next.host,
    os: next.os,
    collectedAt: next.collectedAt,
    agent: next.agent,
    ...(next.spool && { spool: next.spool }),
    ...(next.warnings && { warnings: next.warnings }),
    software: {
      added: next.software.filter((s) => !baseSoftware.has(softwareKey(s))),
      removed: base.software.filter((s) => !nextSoftware.has(softwareKey(s))).map(({ name, version, vendor, source }) => ({ name, version, vendor, source })),
    },
    devices: {
      added: next.devices.filter((d) => !baseDevices.has(JSON.stringify(d))),
      removed: base.devices.filter((d) => !nextDevices.has(JSON.stringify(d))).map(({ kind, name, connection }) => ({ kind, name, connection })),
    },
  };
}

/** The full report a delta stands for, given the inventory it was built on. */
export function applyDelta(base: Inventory, delta: Delta): Report {
  const removedSoftware = new Set(delta.software.removed.map(softwareKey));
  const removedDevices = new Set(delta.devices.removed.map(deviceKey));
  return {
    schema: REPORT_SCHEMA_V1,
    host: delta.host,
    os: delta.os,
    collectedAt: delta.collectedAt,
    agent: delta.agent,
    ...(delta.spool && { spool: delta.spool }),
    ...(delta.warnings && { warnings: delta.warnings }),
    software: [...base.software.filter((s) => !removedSoftware.has(softwareKey(s))), ...delta.software.added],
    devices: [...base.devices.filter((d) => !removedDevices.has(deviceKey(d))), ...delta.devices.added],
  };
}
