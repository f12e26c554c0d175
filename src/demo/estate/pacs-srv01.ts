import { REPORT_SCHEMA_V1, type Report } from '../../contract/report.js';
import { registry } from './_software.js';

/** The PACS archive server, still on Server 2012 R2 with SQL Server 2012 under the vendor's support contract. */
export const pacsSrv01: Report = {
  schema: REPORT_SCHEMA_V1,
  host: {
    hostname: 'PACS-SRV01',
    fqdn: 'PACS-SRV01.anytown.nhs.uk',
    manufacturer: 'HPE',
    model: 'ProLiant DL380 Gen9',
    serial: 'CZJ62901KP',
  },
  os: {
    family: 'windows',
    name: 'Microsoft Windows Server 2012 R2 Standard',
    version: '6.3.9600',
    build: '6.3.9600.21620',
    edition: 'ServerStandard',
    arch: 'x64',
  },
  collectedAt: '2026-11-20T08:00:00Z',
  agent: { version: '0.1.0' },
  software: [
    registry('Microsoft SQL Server 2012 (64-bit)', '11.0.7001.0', 'Microsoft Corporation', '2016-07-12'),
    registry('Microsoft SQL Server 2012 Native Client', '11.4.7001.0', 'Microsoft Corporation'),
    registry('Microsoft SQL Server 2012 Management Objects  (x64)', '11.4.7001.0', 'Microsoft Corporation'),
    registry('Microsoft .NET Framework 4.5.2', '4.5.51209', 'Microsoft Corporation'),
    registry('Carestream Vue PACS Server', '12.2.0.1017', 'Carestream Health', '2016-07-14'),
    registry('Carestream DICOM Router', '5.4.2', 'Carestream Health'),
    registry('Java 8 Update 171 (64-bit)', '8.0.1710.11', 'Oracle Corporation'),
    registry('Microsoft Report Viewer 2012 Runtime', '11.1.3452.0', 'Microsoft Corporation'),
    registry('Microsoft Visual C++ 2012 Redistributable (x64) - 11.0.61030', '11.0.61030.0', 'Microsoft Corporation'),
    registry('Microsoft Visual C++ 2013 Redistributable (x64) - 12.0.40664', '12.0.40664.0', 'Microsoft Corporation'),
    registry('HPE System Management Homepage', '7.6.5.9', 'Hewlett Packard Enterprise'),
    registry('7-Zip 16.04 (x64)', '16.04', 'Igor Pavlov'),
    registry('Sophos Endpoint Agent', '2023.2.2.1', 'Sophos Limited'),
  ],
  devices: [],
};
