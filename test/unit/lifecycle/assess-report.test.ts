import { describe, expect, it } from 'vitest';
import { REPORT_SCHEMA_V1, type Report } from '../../../src/contract/report.js';
import { assessReport } from '../../../src/lifecycle/assess-report.js';
import { OPTS, rules } from './real-rules.js';

const report: Report = {
  schema: REPORT_SCHEMA_V1,
  host: { hostname: 'lims-01' },
  os: { family: 'linux', name: 'Ubuntu', version: '22.04' },
  collectedAt: '2026-11-23T09:00:00Z',
  agent: { version: '0.1.0' },
  software: [
    { name: 'openssl', version: '3.0.2-0ubuntu1.18', source: 'dpkg' },
    { name: 'google-chrome-stable', version: '126.0.6478.126-1', source: 'dpkg' },
    { name: 'Medway PAS Client 4.2', version: '4.2', source: 'import' },
  ],
  devices: [],
};

describe('assessReport', () => {
  it('lists the OS first, then software in report order with distribution packages on the OS status', () => {
    const items = assessReport(report, rules, OPTS);
    expect(items.map((i) => [i.kind, i.name, i.product, i.status])).toEqual([
      ['os', 'Ubuntu', 'ubuntu', 'ending-soon'],
      ['software', 'openssl', 'openssl', 'ending-soon'],
      ['software', 'google-chrome-stable', 'chrome', 'unsupported'],
      ['software', 'Medway PAS Client 4.2', null, 'unknown'],
    ]);
    expect(items[1]?.reason).toBe('dpkg package: follows Ubuntu 22.04 (security support ends 2027-04-01)');
  });
});
