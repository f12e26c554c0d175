import { createHash } from 'node:crypto';
import type { Report } from '../contract/report.js';

/**
 * A digest of everything in a report but its timestamps and agent version, in a
 * canonical order, so that the same inventory sent again is recognised as such.
 */
export function inventoryHash(report: Report): string {
  const software = report.software.map((s) => [s.name, s.version, s.vendor ?? '', s.source, s.installedAt ?? ''].join('\u0000')).sort();
  const devices = report.devices.map((d) => JSON.stringify([d.kind, d.name, d.model, d.serial, d.location, d.connection])).sort();
  return createHash('sha256').update(JSON.stringify([report.host, report.os, software, devices])).digest('hex');
}
