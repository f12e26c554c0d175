import { REPORT_SCHEMA_V1, type Report } from '../../contract/report.js';
import { registry } from './_software.js';

/** The data-warehouse SQL Server 2019 box, with the ETL runtimes the BI team installed. */
export const dwSql01: Report = {
  schema: REPORT_SCHEMA_V1,
  host: {
    hostname: 'DW-SQL01',
    fqdn: 'DW-SQL01.anytown.nhs.uk',
    manufacturer: 'HPE',
    model: 'ProLiant DL380 Gen10',
    serial: 'CZJ9420B6M',
  },
  os: {
    family: 'windows',
    name: 'Microsoft Windows Server 2019 Standard',
    version: '10.0.17763',
    build: '10.0.17763.6659',
    edition: 'ServerStandard',
    arch: 'x64',
  },
  collectedAt: '2026-11-20T08:30:00Z',
  agent: { version: '0.1.0' },
  software: [
    registry('Microsoft SQL Server 2019 (64-bit)', '15.0.2000.5', 'Microsoft Corporation', '2020-11-09'),
    registry('SQL Server 2019 Database Engine Services', '15.0.2000.5', 'Microsoft Corporation'),
    registry('SQL Server 2019 Integration Services', '15.0.2000.5', 'Microsoft Corporation'),
    registry('Microsoft SQL Server Management Studio - 19.3', '19.3.4.0', 'Microsoft Corporation'),
    registry('Microsoft ODBC Driver 17 for SQL Server', '17.10.6.1', 'Microsoft Corporation'),
    registry('Microsoft OLE DB Driver for SQL Server', '18.7.4.0', 'Microsoft Corporation'),
    registry('Python 3.11.9 (64-bit)', '3.11.9150.0', 'Python Software Foundation'),
    registry('Node.js', '18.20.4', 'Node.js Foundation'),
    registry('Microsoft Visual C++ 2015-2022 Redistributable (x64) - 14.38.33135', '14.38.33135.0', 'Microsoft Corporation'),
    registry('Microsoft Visual C++ 2017 Redistributable (x86) - 14.16.27033', '14.16.27033.0', 'Microsoft Corporation'),
    registry('Sophos Endpoint Agent', '2023.2.2.1', 'Sophos Limited'),
  ],
  devices: [],
};
