import { REPORT_SCHEMA_V1, type Report } from '../../contract/report.js';
import { registry } from './_software.js';

/** The dispensary PC: pharmacy stock system, label printer and the pharmacy fax. */
export const pharmPc02: Report = {
  schema: REPORT_SCHEMA_V1,
  host: {
    hostname: 'PHARM-PC02',
    fqdn: 'PHARM-PC02.anytown.nhs.uk',
    manufacturer: 'HP',
    model: 'HP EliteDesk 800 G6 Small Form Factor PC',
    serial: 'CZC0487M3T',
  },
  os: {
    family: 'windows',
    name: 'Microsoft Windows 10 Enterprise',
    version: '10.0.19045',
    build: '10.0.19045.5371',
    edition: 'Enterprise',
    arch: 'x64',
  },
  collectedAt: '2026-11-20T08:47:00Z',
  agent: { version: '0.1.0' },
  software: [
    registry('Microsoft 365 Apps for enterprise - en-gb', '16.0.17928.20156', 'Microsoft Corporation'),
    registry('Microsoft Edge', '131.0.2903.112', 'Microsoft Corporation'),
    registry('Google Chrome', '131.0.6778.140', 'Google LLC'),
    registry('Adobe Acrobat (64-bit)', '24.002.20933', 'Adobe'),
    registry('JAC Pharmacy Client', '5.6.2', 'JAC Computer Services Ltd', '2021-10-18'),
    registry('Java 8 Update 202', '8.0.2020.8', 'Oracle Corporation'),
    registry('ZebraDesigner 3', '3.2.2.4', 'Zebra Technologies'),
    registry('Microsoft Visual C++ 2015-2022 Redistributable (x64) - 14.38.33135', '14.38.33135.0', 'Microsoft Corporation'),
    registry('NHS Identity Agent', '2.4.1.0', 'NHS England'),
    registry('Sophos Endpoint Agent', '2023.2.2.1', 'Sophos Limited'),
  ],
  devices: [
    {
      kind: 'printer',
      name: 'Dispensary labels',
      model: 'Zebra GK420d',
      serial: '28J173904411',
      location: 'Pharmacy dispensary',
      connection: 'usb://Zebra%20Technologies/ZTC%20GK420d?serial=28J173904411',
    },
    {
      kind: 'fax',
      name: 'Pharmacy Fax',
      model: 'Brother FAX-2840',
      serial: 'E73598K6N220519',
      location: 'Pharmacy',
      connection: 'usb://Brother/FAX-2840?serial=E73598K6N220519',
    },
  ],
};
