import { REPORT_SCHEMA_V1, type Report } from '../../contract/report.js';
import { registry } from './_software.js';

/** A Windows 10 22H2 finance desktop, the bulk of the estate; shares the office MFD with fax. */
export const finDt0231: Report = {
  schema: REPORT_SCHEMA_V1,
  host: {
    hostname: 'FIN-DT0231',
    fqdn: 'FIN-DT0231.anytown.nhs.uk',
    manufacturer: 'HP',
    model: 'HP EliteDesk 800 G6 Small Form Factor PC',
    serial: 'CZC0487KZ9',
  },
  os: {
    family: 'windows',
    name: 'Microsoft Windows 10 Enterprise',
    version: '10.0.19045',
    build: '10.0.19045.5371',
    edition: 'Enterprise',
    arch: 'x64',
  },
  collectedAt: '2026-11-20T08:55:00Z',
  agent: { version: '0.1.0' },
  software: [
    registry('Microsoft 365 Apps for enterprise - en-gb', '16.0.17928.20156', 'Microsoft Corporation'),
    registry('Google Chrome', '131.0.6778.140', 'Google LLC', '2024-12-12'),
    registry('Microsoft Edge', '131.0.2903.112', 'Microsoft Corporation'),
    registry('Mozilla Firefox (x64 en-GB)', '133.0.3', 'Mozilla'),
    registry('Adobe Acrobat (64-bit)', '24.002.20933', 'Adobe', '2024-08-19'),
    registry('Teams Machine-Wide Installer', '1.7.0.13456', 'Microsoft Corporation'),
    registry('Microsoft Power BI Desktop (x64)', '2.137.1102.0', 'Microsoft Corporation'),
    registry('Python 3.12.3 (64-bit)', '3.12.3150.0', 'Python Software Foundation', '2024-05-02'),
    registry('Microsoft Visual C++ 2015-2022 Redistributable (x64) - 14.38.33135', '14.38.33135.0', 'Microsoft Corporation'),
    registry('Microsoft Visual C++ 2015-2022 Redistributable (x86) - 14.38.33135', '14.38.33135.0', 'Microsoft Corporation'),
    registry('Microsoft Windows Desktop Runtime - 8.0.11 (x64)', '8.0.11.34221', 'Microsoft Corporation'),
    registry('Cisco Secure Client - AnyConnect VPN', '5.1.6.103', 'Cisco Systems, Inc.'),
    registry('Notepad++ (64-bit x64)', '8.7.1', 'Notepad++ Team'),
    registry('7-Zip 24.08 (x64)', '24.08', 'Igor Pavlov'),
    registry('Integra Desktop Client', '4.30.5', 'Advanced Business Software and Solutions Ltd'),
    registry('Trust Budget Workbook Add-in', '2.1.0', 'Anytown NHS Trust Informatics', '2023-04-03'),
    registry('NHS Identity Agent', '2.4.1.0', 'NHS England'),
    registry('Sophos Endpoint Agent', '2023.2.2.1', 'Sophos Limited'),
  ],
  devices: [
    {
      kind: 'mfd',
      name: 'FIN-MFD01',
      model: 'HP LaserJet Enterprise MFP M528f',
      serial: 'PHBLM1K0QZ',
      location: 'Finance office, Trust HQ first floor',
      connection: 'ipp://10.41.2.45/ipp/print',
    },
  ],
};
