import type { Report } from '../../src/contract/report.js';
import { sampleReport } from './reports.js';

/** An Ubuntu 24.04 machine carrying only its distribution's packages: supported through and through, so the headline measure counts it. */
export function cleanHostReport(hostname: string): Report {
  return sampleReport({
    host: { hostname },
    os: { family: 'linux', name: 'Ubuntu', version: '24.04', build: '24.04.1', edition: '', arch: 'x64' },
    software: [{ name: 'openssl', version: '3.0.13-0ubuntu3.4', vendor: 'Ubuntu', source: 'dpkg' }],
    devices: [],
  });
}
