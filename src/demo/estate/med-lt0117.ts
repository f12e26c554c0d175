import { REPORT_SCHEMA_V1, type Report } from '../../contract/report.js';
import { registry } from './_software.js';

/** A Windows 11 24H2 Enterprise laptop issued to a consultant. */
export const medLt0117: Report = {
  schema: REPORT_SCHEMA_V1,
  host: {
    hostname: 'MED-LT0117',
    fqdn: 'MED-LT0117.anytown.nhs.uk',
    manufacturer: 'LENOVO',
    model: 'ThinkPad T14 Gen 4 (21HD003UUK)',
    serial: 'PF4KX2QN',
  },
  os: {
    family: 'windows',
    name: 'Microsoft Windows 11 Enterprise',
    version: '10.0.26100',
    build: '10.0.26100.2605',
    edition: 'Enterprise',
    arch: 'x64',
  },
  collectedAt: '2026-11-20T08:58:00Z',
  agent: { version: '0.1.0' },
  software: [
    registry('Microsoft 365 Apps for enterprise - en-gb', '16.0.18129.20158', 'Microsoft Corporation'),
    registry('Microsoft Edge', '131.0.2903.112', 'Microsoft Corporation'),
    registry('Google Chrome', '131.0.6778.205', 'Google LLC'),
    registry('Microsoft Teams Meeting Add-in for Microsoft Office', '1.24.33004', 'Microsoft'),
    registry('Microsoft OneDrive', '24.226.1110.0004', 'Microsoft Corporation'),
    registry('Adobe Acrobat (64-bit)', '24.005.20320', 'Adobe'),
    registry('Zoom Workplace (64-bit)', '6.2.11.53456', 'Zoom Video Communications, Inc.'),
    registry('Cisco Secure Client - AnyConnect VPN', '5.1.6.103', 'Cisco Systems, Inc.'),
    registry('Citrix Workspace 2402', '24.2.1000.1016', 'Citrix Systems, Inc.'),
    registry('Medway PAS Client', '4.3.0', 'System C Healthcare Ltd', '2024-09-30'),
    registry('NHS Identity Agent', '2.4.1.0', 'NHS England'),
    registry('Microsoft Windows Desktop Runtime - 8.0.11 (x64)', '8.0.11.34221', 'Microsoft Corporation'),
    registry('Microsoft Visual C++ 2015-2022 Redistributable (x64) - 14.40.33810', '14.40.33810.0', 'Microsoft Corporation'),
    registry('Lenovo Vantage Service', '4.3.59.0', 'Lenovo Group Ltd.'),
  ],
  devices: [],
};
