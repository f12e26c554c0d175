import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCollectionOutput, windowsReportPart } from '../../../../agents/windows/collect-windows.js';
import { parseOs } from '../../../../agents/windows/os.js';
import { checkReport, REPORT_SCHEMA_V1 } from '../../../../src/contract/report.js';
import { evaluateOs } from '../../../../src/lifecycle/evaluate-os.js';
import { loadLifecycleRules } from '../../../../src/rules/load-lifecycle-rules.js';
import { collectionDocument, WARD_PC_SECTIONS as WARD_PC } from '../../../helpers/windows-collection.js';
import { fixture } from './_fixture.js';

const OS_FIXTURES = [
  ['os-windows-10-22h2-enterprise.json', 'windows', '10-22h2'],
  ['os-windows-11-24h2-pro.json', 'windows', '11-24h2-w'],
  ['os-windows-7-sp1-professional.json', 'windows', '7-sp1'],
  ['os-windows-server-2012-r2-standard.json', 'windows-server', '2012-r2'],
] as const;

const report = ({ userInstalls: _memory, ...part }: ReturnType<typeof windowsReportPart>) => checkReport({ schema: REPORT_SCHEMA_V1, ...part, collectedAt: '2025-02-01T02:00:00Z', agent: { version: '0.1.0' } });

describe('the Windows collection document', () => {
  it.each(OS_FIXTURES)('makes a valid v1 report with %s', (osFixture) => {
    const check = report(windowsReportPart(parseCollectionOutput(collectionDocument({ ...WARD_PC, os: osFixture }))));
    expect(check.ok ? [] : check.issues).toEqual([]);
  });

  it('makes a valid report from a workgroup PC with no modem', () => {
    const part = windowsReportPart(parseCollectionOutput(collectionDocument({ ...WARD_PC, identity: 'identity-workgroup.json', hardware: 'hardware-whitebox-placeholders.json', modems: 'modems-none.json' })));
    expect(part.host).toEqual({ hostname: 'LAB-PC07', fqdn: undefined, manufacturer: undefined, model: undefined, serial: undefined });
    expect(report(part).ok).toBe(true);
  });

  it('goes on with a warning when the printers or the hardware section failed, keeping what the others read', () => {
    const errors = { printers: 'Get-WmiObject : Call was canceled by the message filter. (Exception from HRESULT: 0x80010002)', hardware: 'Invalid class "Win32_ComputerSystem"' };
    const files: Record<string, string> = { ...WARD_PC };
    delete files.printers;
    delete files.hardware;
    const part = windowsReportPart(parseCollectionOutput(collectionDocument(files, errors)));
    expect(part.warnings).toEqual([
      { part: 'host', message: `the Windows hardware section failed: ${errors.hardware}` },
      { part: 'devices', message: `the Windows printers section failed: ${errors.printers}` },
    ]);
    expect(part.devices?.map((d) => d.kind)).toEqual(['modem']);
    expect(part.software?.length).toBeGreaterThan(10);
    expect(report(part).ok).toBe(true);
  });

  it.each(['identity', 'os', 'uninstall'])('fails the scan when the %s section failed: never an empty list', (id) => {
    const files: Record<string, string> = { ...WARD_PC };
    delete files[id];
    expect(() => windowsReportPart(parseCollectionOutput(collectionDocument(files, { [id]: 'Requested registry access is not allowed.' })))).toThrow(`the Windows ${id} section failed: Requested registry access is not allowed.`);
  });

  it('refuses output that is not the collection document', () => {
    expect(() => parseCollectionOutput('At C:\\Program Files\\estatewatch-agent\\estatewatch-collect.ps1:3 char:1')).toThrow(/printed no collection document/);
  });
});

describe('the OS part against the shipped lifecycle rules', () => {
  const rules = loadLifecycleRules(fileURLToPath(new URL('../../../../rules/lifecycle', import.meta.url)));

  it.each(OS_FIXTURES)('%s matches product %s, cycle %s', (osFixture, product, cycle) => {
    const verdict = evaluateOs(parseOs(fixture(osFixture)), rules, { asOf: '2025-02-01', windowDays: 180 });
    expect({ product: verdict.product, cycle: verdict.cycle }).toEqual({ product, cycle });
  });
});
