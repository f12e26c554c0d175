import { describe, expect, it } from 'vitest';
import { applyDelta, DeltaSchema, diffReports } from '../../../src/contract/delta.js';
import { inventoryHash } from '../../../src/contract/inventory-hash.js';
import type { Report } from '../../../src/contract/report.js';
import { sampleReport } from '../../helpers/reports.js';

const base = sampleReport();
const next: Report = {
  ...base,
  collectedAt: '2026-11-24T09:00:00Z',
  software: [
    ...base.software.filter((s) => !s.name.startsWith('Python')),
    { name: '7-Zip 23.01 (x64)', version: '23.01', vendor: 'Igor Pavlov', source: 'registry' },
  ],
  devices: [{ ...base.devices[0]!, location: 'Ward 3 bay 2' }],
};

describe('inventoryHash', () => {
  it('ignores order, field order, absent-vs-empty, repeats, timestamps and install dates', () => {
    const shuffled: Report = {
      ...base,
      collectedAt: '2030-01-01T00:00:00Z',
      host: { serial: base.host.serial, model: base.host.model, manufacturer: base.host.manufacturer, hostname: base.host.hostname, fqdn: undefined },
      software: [...base.software].reverse().concat(base.software[0]!).map((s) => ({ ...s, installedAt: '2024-01-01' })),
    };
    expect(inventoryHash(shuffled)).toBe(inventoryHash(base));
  });

  it('changes when a version, a device detail or the OS build changes', () => {
    const h = inventoryHash(base);
    expect(inventoryHash({ ...base, software: [{ ...base.software[0]!, version: '14.0.7016.1000' }, ...base.software.slice(1)] })).not.toBe(h);
    expect(inventoryHash({ ...base, devices: [{ ...base.devices[0]!, serial: 'X' }] })).not.toBe(h);
    expect(inventoryHash({ ...base, os: { ...base.os, build: '10.0.19045.9999' } })).not.toBe(h);
  });
});

describe('diffReports / applyDelta', () => {
  it('carries only what changed, validates, and rebuilds the next inventory exactly', () => {
    const delta = diffReports(base, next);
    expect(DeltaSchema.parse(delta)).toEqual(delta);
    expect(delta.software.added.map((s) => s.name)).toEqual(['7-Zip 23.01 (x64)']);
    expect(delta.software.removed.map((s) => s.name)).toEqual(['Python 2.7.18']);
    expect(delta.devices.removed).toHaveLength(1);
    expect(delta.devices.added).toEqual(next.devices);
    expect(delta.base).toBe(inventoryHash(base));
    expect(inventoryHash(applyDelta(base, delta))).toBe(delta.inventoryHash);
  });

  it("carries the agent's collection warnings to the rebuilt report", () => {
    const warnings = [{ part: 'devices' as const, message: 'collector "cups" failed: lpstat timed out' }];
    const delta = diffReports(base, { ...next, warnings });
    expect(DeltaSchema.parse(delta).warnings).toEqual(warnings);
    expect(applyDelta(base, delta).warnings).toEqual(warnings);
    expect(diffReports(base, next)).not.toHaveProperty('warnings');
  });

  it('is empty when nothing changed', () => {
    const delta = diffReports(base, { ...base, collectedAt: '2026-11-24T09:00:00Z' });
    expect([delta.software.added, delta.software.removed, delta.devices.added, delta.devices.removed]).toEqual([[], [], [], []]);
    expect(delta.inventoryHash).toBe(delta.base);
  });
});
