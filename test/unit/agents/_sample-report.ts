import { REPORT_SCHEMA_V1, type Report } from '../../../src/contract/report.js';

/** A small valid report for spool and post tests. */
export function sampleReport(hostname = 'ward7-pc01'): Report {
  return {
    schema: REPORT_SCHEMA_V1,
    host: { hostname },
    os: { family: 'linux', name: 'Ubuntu', version: '22.04' },
    collectedAt: '2024-06-01T02:00:00.000Z',
    agent: { version: '0.1.0' },
    software: [{ name: 'bash', version: '5.1-6ubuntu1.1', source: 'dpkg' }],
    devices: [],
  };
}
