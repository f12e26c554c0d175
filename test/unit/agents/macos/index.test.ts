import { describe, expect, it } from 'vitest';
import { mergeParts } from '../../../../agents/collect.js';
import type { ReportPart } from '../../../../agents/collector.js';
import { classifyQueues, joinQueues, parseLpstatDevices, parseLpstatPrinters } from '../../../../agents/cups.js';
import { parseApplications } from '../../../../agents/macos/applications.js';
import { parseHardware, pickHostnames } from '../../../../agents/macos/host.js';
import { macosCollectors } from '../../../../agents/macos/index.js';
import { parsePkgIds, parsePkgInfo } from '../../../../agents/macos/pkgutil.js';
import { parseSwVers } from '../../../../agents/macos/sw-vers.js';
import { checkReport, REPORT_SCHEMA_V1 } from '../../../../src/contract/report.js';
import { fixture } from './_fixture.js';

describe('macosCollectors', () => {
  it('lists host, OS, applications, receipts and printers once each', () => {
    expect(macosCollectors.map((collector) => collector.name)).toEqual(['host', 'sw-vers', 'applications', 'pkgutil', 'cups']);
  });
});

describe('the macOS parts merged', () => {
  it('pass the v1 report contract', () => {
    const receipts = parsePkgIds(fixture('pkgutil-pkgs.txt')).flatMap((id) => parsePkgInfo(fixture(`pkg-info-plist/${id}.plist`)) ?? []);
    const parts: ReportPart[] = [
      { host: { ...pickHostnames('Medphoto-MBA-01', 'Medphoto-MBA-01.local'), ...parseHardware(fixture('system-profiler-hardware.json')) } },
      { os: { ...parseSwVers(fixture('sw-vers-14.7.1.txt')), arch: 'arm64' } },
      { software: parseApplications(fixture('system-profiler-applications.json')) },
      { software: receipts },
      { devices: classifyQueues(joinQueues(parseLpstatDevices(fixture('lpstat-v.txt')), parseLpstatPrinters(fixture('lpstat-l-p.txt')))) },
    ];
    const check = checkReport({ schema: REPORT_SCHEMA_V1, ...mergeParts(parts), collectedAt: '2024-12-01T02:00:00Z', agent: { version: '0.1.0' } });
    expect(check.ok ? [] : check.issues).toEqual([]);
    expect(check.ok && check.report.software).toHaveLength(13 + 6);
    expect(check.ok && check.report.devices.filter((device) => device.kind === 'fax')).toHaveLength(2);
  });
});
