import { REPORT_SCHEMA_V1, type Report } from '../../contract/report.js';
import { registry } from './_software.js';

/**
 * A charity-funded research laptop bought with Windows 11 Pro: same build as the
 * Enterprise fleet, but the Home/Pro lifecycle applies.
 */
export const medLt0342: Report = {
  schema: REPORT_SCHEMA_V1,
  host: {
    hostname: 'MED-LT0342',
    manufacturer: 'Dell Inc.',
    model: 'Latitude 5440',
    serial: '9HTQ4Y3',
  },
  os: {
    family: 'windows',
    name: 'Microsoft Windows 11 Pro',
    version: '10.0.26100',
    build: '10.0.26100.2605',
    edition: 'Professional',
    arch: 'x64',
  },
  collectedAt: '2026-11-19T21:30:00Z',
  agent: { version: '0.1.0' },
  software: [
    registry('Microsoft 365 - en-gb', '16.0.18129.20158', 'Microsoft Corporation'),
    registry('Microsoft Edge', '131.0.2903.112', 'Microsoft Corporation'),
    registry('Google Chrome', '131.0.6778.205', 'Google LLC'),
    registry('Microsoft Teams Meeting Add-in for Microsoft Office', '1.24.33004', 'Microsoft'),
    registry('Zoom Workplace (64-bit)', '6.2.11.53456', 'Zoom Video Communications, Inc.'),
    registry('VLC media player', '3.0.21', 'VideoLAN'),
    registry('R for Windows 4.4.1', '4.4.1', 'R Core Team'),
    registry('RStudio', '2024.09.1+394', 'Posit Software'),
    registry('Dell SupportAssist', '4.5.1.27058', 'Dell Inc.'),
    registry('Microsoft Visual C++ 2015-2022 Redistributable (x64) - 14.40.33810', '14.40.33810.0', 'Microsoft Corporation'),
  ],
  devices: [],
};
