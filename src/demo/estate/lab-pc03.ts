import { REPORT_SCHEMA_V1, type Report } from '../../contract/report.js';
import { registry } from './_software.js';

/** A Windows 7 pathology bench PC: the analyser middleware was never certified on anything newer. */
export const labPc03: Report = {
  schema: REPORT_SCHEMA_V1,
  host: {
    hostname: 'LAB-PC03',
    fqdn: 'LAB-PC03.anytown.nhs.uk',
    manufacturer: 'Hewlett-Packard',
    model: 'HP Compaq Elite 8300 SFF',
    serial: 'CZC3125LQ7',
  },
  os: {
    family: 'windows',
    name: 'Microsoft Windows 7 Professional',
    version: '6.1.7601',
    build: '6.1.7601.24544',
    edition: 'Professional',
    arch: 'x64',
  },
  collectedAt: '2026-11-19T16:05:00Z',
  agent: { version: '0.1.0' },
  software: [
    registry('Microsoft Office Standard 2010', '14.0.7015.1000', 'Microsoft Corporation'),
    registry('Java 8 Update 202', '8.0.2020.8', 'Oracle Corporation'),
    registry('Adobe Reader XI (11.0.23)', '11.0.23', 'Adobe Systems Incorporated'),
    registry('Internet Explorer 11', '11.0.9600.19596', 'Microsoft Corporation'),
    registry('WinPath Enterprise Client', '5.32.1', 'CliniSys Solutions Ltd', '2016-03-14'),
    registry('Sysmex Laboratory Middleware Client', '3.4.0', 'Sysmex UK Ltd'),
    registry('ICE Desktop', '6.2.0.41', 'Sunquest Information Systems'),
    registry('Microsoft .NET Framework 4.8', '4.8.03761', 'Microsoft Corporation'),
    registry('Microsoft Visual C++ 2010  x86 Redistributable - 10.0.40219', '10.0.40219', 'Microsoft Corporation'),
    registry('Sophos Endpoint Agent', '2.20.11', 'Sophos Limited'),
  ],
  devices: [
    {
      kind: 'printer',
      name: 'Zebra GK420d (specimen labels)',
      model: 'Zebra GK420d',
      serial: '28J162601234',
      location: 'Pathology reception',
      connection: 'usb://Zebra%20Technologies/ZTC%20GK420d?serial=28J162601234',
    },
  ],
};
