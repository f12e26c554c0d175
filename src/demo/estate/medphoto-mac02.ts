import { REPORT_SCHEMA_V1, type Report } from '../../contract/report.js';
import { macApp } from './_software.js';

/** A medical photography MacBook Pro on macOS Sonoma. */
export const medphotoMac02: Report = {
  schema: REPORT_SCHEMA_V1,
  host: {
    hostname: 'MEDPHOTO-MAC02',
    manufacturer: 'Apple Inc.',
    model: 'MacBook Pro (14-inch, 2021) MacBookPro18,3',
    serial: 'K4JQ2W9V7X',
  },
  os: {
    family: 'macos',
    name: 'macOS',
    version: '14.7.1',
    build: '23H222',
    arch: 'arm64',
  },
  collectedAt: '2026-11-20T06:15:00Z',
  agent: { version: '0.1.0' },
  software: [
    macApp('Adobe Photoshop 2025', '26.1.0', 'Adobe Inc.'),
    macApp('Adobe Lightroom Classic', '14.0.1', 'Adobe Inc.'),
    macApp('Adobe Creative Cloud', '6.4.0.361', 'Adobe Inc.'),
    macApp('Google Chrome', '131.0.6778.86', 'Google LLC'),
    macApp('Firefox', '132.0.2', 'Mozilla Corporation'),
    macApp('Safari', '18.1.1', 'Apple Inc.'),
    macApp('Microsoft Word', '16.91', 'Microsoft Corporation'),
    macApp('Microsoft Excel', '16.91', 'Microsoft Corporation'),
    macApp('Microsoft Outlook', '16.91', 'Microsoft Corporation'),
    macApp('Microsoft Teams', '24295.606.3238.6194', 'Microsoft Corporation'),
    macApp('EOS Utility 3', '3.18.10', 'Canon Inc.'),
    macApp('Microsoft Defender', '101.24092.0004', 'Microsoft Corporation'),
  ],
  devices: [],
};
