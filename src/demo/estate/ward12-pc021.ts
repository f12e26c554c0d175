import { REPORT_SCHEMA_V1, type Report } from '../../contract/report.js';
import { registry } from './_software.js';

/** A Windows 10 ward PC still carrying Office 2016 and a stand-alone fax. */
export const ward12Pc021: Report = {
  schema: REPORT_SCHEMA_V1,
  host: {
    hostname: 'WARD12-PC021',
    fqdn: 'WARD12-PC021.anytown.nhs.uk',
    manufacturer: 'Dell Inc.',
    model: 'OptiPlex 7070',
    serial: '4DXN8Z2',
  },
  os: {
    family: 'windows',
    name: 'Microsoft Windows 10 Enterprise',
    version: '10.0.19045',
    build: '10.0.19045.5247',
    edition: 'Enterprise',
    arch: 'x64',
  },
  collectedAt: '2026-11-20T08:20:00Z',
  agent: { version: '0.1.0' },
  software: [
    registry('Microsoft Office Professional Plus 2016', '16.0.4266.1001', 'Microsoft Corporation', '2017-05-22'),
    registry('Google Chrome', '131.0.6778.140', 'Google LLC'),
    registry('Microsoft Edge', '131.0.2903.112', 'Microsoft Corporation'),
    registry('Adobe Acrobat Reader DC', '23.008.20470', 'Adobe Systems Incorporated'),
    registry('Java 8 Update 401 (64-bit)', '8.0.4010.10', 'Oracle Corporation'),
    registry('Medway PAS Client', '4.3.0', 'System C Healthcare Ltd'),
    registry('ICE Desktop', '6.4.1.12', 'Sunquest Information Systems'),
    registry('Nervecentre Client', '7.1.2', 'Nervecentre Software Ltd'),
    registry('Citrix Workspace 2402', '24.2.1000.1016', 'Citrix Systems, Inc.'),
    registry('NHS Identity Agent', '2.4.1.0', 'NHS England'),
    registry('Microsoft Visual C++ 2015-2022 Redistributable (x86) - 14.38.33135', '14.38.33135.0', 'Microsoft Corporation'),
    registry('Sophos Endpoint Agent', '2023.2.2.1', 'Sophos Limited'),
  ],
  devices: [
    {
      kind: 'printer',
      name: 'WARD12-LJ01',
      model: 'HP LaserJet Pro M404dn',
      location: 'Ward 12 nurses station',
      connection: 'socket://10.41.12.31:9100',
    },
    {
      kind: 'fax',
      name: 'Ward 12 Fax',
      model: 'Brother FAX-2840',
      serial: 'E73598K5N108842',
      location: 'Ward 12',
      connection: 'usb://Brother/FAX-2840?serial=E73598K5N108842',
    },
  ],
};
