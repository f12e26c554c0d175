import { createHash } from 'node:crypto';
import type { Device, Report, Software } from './report.js';

export type Inventory = Pick<Report, 'host' | 'os' | 'software' | 'devices'>;

/** What makes a software item the same item: the hub stores one install per key. */
export function softwareKey(s: Pick<Software, 'name' | 'version' | 'vendor' | 'source'>): string {
  return JSON.stringify([s.name, s.version, s.vendor ?? '', s.source]);
}

/** What makes a device the same device on one machine. */
export function deviceKey(d: Pick<Device, 'kind' | 'name' | 'connection'>): string {
  return JSON.stringify([d.kind, d.name, d.connection ?? '']);
}

const deviceDetail = (d: Device) => JSON.stringify([deviceKey(d), d.model ?? '', d.serial ?? '', d.location ?? '']);

/**
 * A digest of an inventory, the same whoever computes it: the agent from the
 * report it sent, the hub from what it stored. Field order, absent-vs-empty,
 * list order and repeated items do not change it; timestamps, the agent
 * version and install dates are left out (the hub keeps the first install
 * date it saw). A delta report names the digest it builds on.
 */
export function inventoryHash(inv: Inventory): string {
  const { host, os } = inv;
  const canonical = [
    [host.hostname, host.fqdn ?? '', host.manufacturer ?? '', host.model ?? '', host.serial ?? ''],
    [os.family, os.name, os.version, os.build ?? '', os.edition ?? '', os.arch ?? ''],
    [...new Set(inv.software.map(softwareKey))].sort(),
    [...new Set(inv.devices.map(deviceDetail))].sort(),
  ];
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}
