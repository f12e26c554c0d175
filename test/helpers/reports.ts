import type { Report } from '../../src/contract/report.js';

/** A small valid report for a Windows 10 ward PC; override any part. */
export function sampleReport(overrides: Partial<Report> = {}): Report {
  return {
    schema: 'estatewatch.report/v1',
    host: { hostname: 'WARD3-PC001', manufacturer: 'Dell Inc.', model: 'OptiPlex 7010', serial: 'ABC1234' },
    os: { family: 'windows', name: 'Microsoft Windows 10 Enterprise', version: '10.0.19045', build: '10.0.19045.5371', edition: 'Enterprise', arch: 'x64' },
    collectedAt: '2026-11-23T09:00:00Z',
    agent: { version: '0.1.0' },
    software: [
      { name: 'Microsoft Office Standard 2010', version: '14.0.7015.1000', vendor: 'Microsoft Corporation', source: 'registry' },
      { name: 'Python 2.7.18', version: '2.7.18150', vendor: 'Python Software Foundation', source: 'registry' },
      { name: 'Medway PAS Client', version: '4.2.1', vendor: 'System C Healthcare', source: 'registry' },
      { name: 'Google Chrome', version: '131.0.6778.86', vendor: 'Google LLC', source: 'registry' },
    ],
    devices: [{ kind: 'fax', name: 'Ward 3 fax', model: 'Brother FAX-2840', connection: 'usb://Brother/FAX-2840?serial=E1234', location: 'Ward 3' }],
    ...overrides,
  };
}
