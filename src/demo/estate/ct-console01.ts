import { REPORT_SCHEMA_V1, type Report } from '../../contract/report.js';
import { other } from './_software.js';

/**
 * The CT scanner console: Windows XP that the supplier will not upgrade, the
 * classic risk-accepted exception. No agent runs on XP, so this report is
 * built from the supplier's software manifest (hence source "other").
 */
export const ctConsole01: Report = {
  schema: REPORT_SCHEMA_V1,
  host: {
    hostname: 'CT-CONSOLE01',
    manufacturer: 'Siemens Healthineers',
    model: 'SOMATOM Definition AS acquisition workstation',
    serial: '83519',
  },
  os: {
    family: 'windows',
    name: 'Microsoft Windows XP Professional',
    version: '5.1.2600',
    build: '5.1.2600.5512',
    edition: 'Professional',
    arch: 'x86',
  },
  collectedAt: '2026-11-19T10:00:00Z',
  agent: { version: '0.1.0' },
  software: [
    other('syngo CT VA44A', 'VA44A_SP2', 'Siemens Healthineers', '2012-02-27'),
    other('Microsoft .NET Framework 2.0 Service Pack 2', '2.2.30729', 'Microsoft Corporation'),
    other('Java(TM) 6 Update 31', '6.0.310', 'Oracle'),
    other('Adobe Reader 9.5.0', '9.5.0', 'Adobe Systems Incorporated'),
    other('Microsoft Visual C++ 2005 Redistributable', '8.0.61001', 'Microsoft Corporation'),
    other('Microsoft .NET Framework 3.5 SP1', '3.5.30729.01', 'Microsoft Corporation'),
    other('MSXML 4.0 SP3 Parser', '4.30.2100.0', 'Microsoft Corporation'),
    other('Siemens Remote Service Agent', '4.2.0', 'Siemens Healthineers'),
    other('McAfee Solidifier', '6.2.0.505', 'McAfee, Inc.'),
  ],
  devices: [
    {
      kind: 'usb',
      name: 'syngo licence dongle',
      model: 'WIBU-SYSTEMS CodeMeter-Stick',
      location: 'CT scanner room 1 control room',
      connection: 'usb 064f:2af9',
    },
  ],
};
