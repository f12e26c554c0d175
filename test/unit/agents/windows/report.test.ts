import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { mergeParts } from '../../../../agents/collect.js';
import { parseHost } from '../../../../agents/windows/host.js';
import { parseModems } from '../../../../agents/windows/modems.js';
import { parseOs } from '../../../../agents/windows/os.js';
import { parsePrinters } from '../../../../agents/windows/printers.js';
import { parseUninstall } from '../../../../agents/windows/uninstall.js';
import { checkReport, REPORT_SCHEMA_V1 } from '../../../../src/contract/report.js';
import { evaluateOs } from '../../../../src/lifecycle/evaluate-os.js';
import { loadLifecycleRules } from '../../../../src/rules/load-lifecycle-rules.js';
import { fixture } from './_fixture.js';

const OS_FIXTURES = [
  ['os-windows-10-22h2-enterprise.json', 'windows', '10-22h2'],
  ['os-windows-11-24h2-pro.json', 'windows', '11-24h2-w'],
  ['os-windows-7-sp1-professional.json', 'windows', '7-sp1'],
  ['os-windows-server-2012-r2-standard.json', 'windows-server', '2012-r2'],
] as const;

describe('the Windows parts together', () => {
  it.each(OS_FIXTURES)('make a valid v1 report with %s', (osFixture) => {
    const parts = mergeParts([
      { host: parseHost(fixture('host-domain-member.json')) },
      { os: parseOs(fixture(osFixture)) },
      { software: parseUninstall(fixture('uninstall-win10-ward-pc.json')).software },
      { devices: parsePrinters(fixture('printers-ward-pc.json')) },
      { devices: parseModems(fixture('modems-usb.json')) },
    ]);
    const check = checkReport({ schema: REPORT_SCHEMA_V1, ...parts, collectedAt: '2025-02-01T02:00:00Z', agent: { version: '0.1.0' } });
    expect(check.ok ? [] : check.issues).toEqual([]);
  });

  it('make a valid report from a workgroup PC with no modem', () => {
    const parts = mergeParts([{ host: parseHost(fixture('host-workgroup.json')) }, { os: parseOs(fixture('os-windows-7-sp1-professional.json')) }, { devices: parseModems(fixture('modems-none.json')) }]);
    expect(checkReport({ schema: REPORT_SCHEMA_V1, ...parts, collectedAt: '2025-02-01T02:00:00Z', agent: { version: '0.1.0' } }).ok).toBe(true);
  });
});

describe('the OS part against the shipped lifecycle rules', () => {
  const rules = loadLifecycleRules(fileURLToPath(new URL('../../../../rules/lifecycle', import.meta.url)));

  it.each(OS_FIXTURES)('%s matches product %s, cycle %s', (osFixture, product, cycle) => {
    const verdict = evaluateOs(parseOs(fixture(osFixture)), rules, { asOf: '2025-02-01', windowDays: 180 });
    expect({ product: verdict.product, cycle: verdict.cycle }).toEqual({ product, cycle });
  });
});
