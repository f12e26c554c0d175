import { REPORT_SCHEMA_V1, type Report } from '../../contract/report.js';
import { registry } from './_software.js';

/** A Windows 7 ward PC kept alive for the PAS client and the ward fax. */
export const ward7Pc014: Report = {
  schema: REPORT_SCHEMA_V1,
  host: {
    hostname: 'WARD7-PC014',
    fqdn: 'WARD7-PC014.anytown.nhs.uk',
    manufacturer: 'Dell Inc.',
    model: 'OptiPlex 7010',
    serial: '8QK2F5J',
  },
  os: {
    family: 'windows',
    name: 'Microsoft Windows 7 Professional',
    version: '6.1.7601',
    build: '6.1.7601.24544',
    edition: 'Professional',
    arch: 'x64',
  },
  collectedAt: '2026-11-20T07:40:00Z',
  agent: { version: '0.1.0' },
  software: [
    registry('Microsoft Office Standard 2010', '14.0.7015.1000', 'Microsoft Corporation', '2013-06-11'),
    registry('Java 8 Update 202', '8.0.2020.8', 'Oracle Corporation', '2019-02-04'),
    registry('Adobe Reader XI (11.0.23)', '11.0.23', 'Adobe Systems Incorporated', '2017-11-20'),
    registry('Internet Explorer 11', '11.0.9600.19596', 'Microsoft Corporation'),
    registry('Adobe Flash Player 32 ActiveX', '32.0.0.465', 'Adobe'),
    registry('Microsoft Silverlight', '5.1.50918.0', 'Microsoft Corporation'),
    registry('Google Chrome', '109.0.5414.120', 'Google LLC'),
    registry('Citrix Workspace 1912', '19.12.7000.10', 'Citrix Systems, Inc.'),
    registry('Medway PAS Client', '4.2.1', 'System C Healthcare Ltd', '2018-09-03'),
    registry('ICE Desktop', '6.2.0.41', 'Sunquest Information Systems'),
    registry('NHS Identity Agent', '2.3.2.0', 'NHS Digital'),
    registry('Microsoft .NET Framework 4.8', '4.8.03761', 'Microsoft Corporation'),
    registry('Microsoft Visual C++ 2008 Redistributable - x86 9.0.30729.6161', '9.0.30729.6161', 'Microsoft Corporation'),
    registry('Microsoft Visual C++ 2010  x86 Redistributable - 10.0.40219', '10.0.40219', 'Microsoft Corporation'),
    registry('7-Zip 9.20', '9.20.00.0', 'Igor Pavlov'),
    registry('Sophos Endpoint Agent', '2.20.11', 'Sophos Limited'),
  ],
  devices: [
    {
      kind: 'printer',
      name: 'WARD7-LJ01',
      model: 'HP LaserJet Pro M404dn',
      location: 'Ward 7 nurses station',
      connection: 'socket://10.41.7.20:9100',
    },
    {
      kind: 'fax',
      name: 'Ward 7 Fax',
      model: 'Brother FAX-2840',
      serial: 'E73598K4N412733',
      location: 'Ward 7',
      connection: 'usb://Brother/FAX-2840?serial=E73598K4N412733',
    },
  ],
};
