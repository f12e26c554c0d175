import { describe, expect, it } from 'vitest';
import { REPORT_SCHEMA_V1 } from '../../../src/contract/report.js';
import { collectReport, mergeParts } from '../../../agents/collect.js';
import type { Collector } from '../../../agents/collector.js';
import { AGENT_VERSION } from '../../../agents/version.js';

const base: Collector[] = [
  { name: 'host', collect: async () => ({ host: { hostname: 'ward7-pc01' } }) },
  { name: 'os', collect: async () => ({ os: { family: 'linux', name: 'Ubuntu', version: '22.04' } }) },
];
const now = () => new Date('2024-06-01T02:00:00.000Z');

describe('collectReport', () => {
  it('merges collector parts and stamps schema, collectedAt and agent version', async () => {
    const report = await collectReport({
      now,
      collectors: [
        ...base,
        { name: 'dpkg', collect: async () => ({ software: [{ name: 'bash', version: '5.1-6', source: 'dpkg' }] }) },
        { name: 'usb', collect: async () => ({ devices: [{ kind: 'usb', name: 'Receiver', connection: 'usb 046d:c52b' }] }) },
        { name: 'rpm', collect: async () => ({}) },
      ],
    });
    expect(report).toEqual({
      schema: REPORT_SCHEMA_V1,
      host: { hostname: 'ward7-pc01' },
      os: { family: 'linux', name: 'Ubuntu', version: '22.04' },
      collectedAt: '2024-06-01T02:00:00.000Z',
      agent: { version: AGENT_VERSION },
      software: [{ name: 'bash', version: '5.1-6', source: 'dpkg' }],
      devices: [{ kind: 'usb', name: 'Receiver', connection: 'usb 046d:c52b' }],
    });
  });

  it('throws, naming each bad path, when a collector returns an invalid field', async () => {
    const broken: Collector = {
      name: 'broken',
      collect: async () => ({ software: [{ name: 'ok', version: '1', source: 'dpkg' }, { name: '', version: '2', source: 'dpkg' }] }),
    };
    const badDevice: Collector = { name: 'bad-device', collect: async () => ({ devices: [{ kind: 'telex' as 'fax', name: 'x' }] }) };
    const attempt = collectReport({ now, collectors: [...base, broken, badDevice] });
    await expect(attempt).rejects.toThrow(/software\[1\]\.name/);
    await expect(attempt).rejects.toThrow(/devices\[0\]\.kind/);
    await expect(attempt).rejects.toMatchObject({ code: 'invalid-report' });
  });

  it('throws when host or os is missing', async () => {
    await expect(collectReport({ now, collectors: [base[0]!] })).rejects.toThrow(/os\.name/);
  });

  it('fails the scan, naming the collector, when a collector throws', async () => {
    const failing: Collector = {
      name: 'dpkg',
      collect: async () => {
        throw new Error('dpkg-query failed: database locked');
      },
    };
    await expect(collectReport({ now, collectors: [...base, failing] })).rejects.toThrow('collector "dpkg" failed: dpkg-query failed: database locked');
  });

  it('goes on with a warning when a host-facts or device collector fails, keeping what the others read', async () => {
    const spooler: Collector = {
      name: 'printers',
      degrades: 'devices',
      collect: async () => {
        throw new Error('Get-Printer timed out: the print spooler is not answering');
      },
    };
    const usb: Collector = { name: 'usb', degrades: 'devices', collect: async () => ({ devices: [{ kind: 'usb', name: 'Receiver' }] }) };
    const dpkg: Collector = { name: 'dpkg', collect: async () => ({ software: [{ name: 'bash', version: '5.1-6', source: 'dpkg' }] }) };
    const report = await collectReport({ now, collectors: [...base, dpkg, spooler, usb] });
    expect(report.warnings).toEqual([{ part: 'devices', message: 'collector "printers" failed: Get-Printer timed out: the print spooler is not answering' }]);
    expect(report.devices).toEqual([{ kind: 'usb', name: 'Receiver' }]);
    expect(report.software).toHaveLength(1);
  });

  it('leaves warnings out of a complete report', async () => {
    expect(await collectReport({ now, collectors: base })).not.toHaveProperty('warnings');
  });
});

describe('mergeParts', () => {
  it('concatenates lists from several package managers', () => {
    const merged = mergeParts([
      { software: [{ name: 'a', version: '1', source: 'dpkg' }] },
      { software: [{ name: 'b', version: '2', source: 'rpm' }] },
    ]);
    expect(merged.software.map((item) => item.name)).toEqual(['a', 'b']);
  });
});
