import { describe, expect, it } from 'vitest';
import { getScheme } from '../../../../src/lifecycle/schemes/index.js';

const cases: [scheme: string, version: string, name: string, expected: string | null][] = [
  ['dotted', '3.0.2-0ubuntu1.18', 'openssl', '3.0.2'],
  ['dotted', '1:3.0.7-27.el9', 'openssl', '3.0.7'],
  ['dotted', '1.1.1w', 'openssl', '1.1.1.w'],
  ['dotted', '12.22.9~dfsg-1ubuntu3.6', 'nodejs', '12.22.9.dfsg'],
  ['dotted', '3.12.3150.0', 'Python 3.12.3 (64-bit)', '3.12.3150.0'],
  ['dotted', 'v20.11.1', 'Node.js', '20.11.1'],
  ['dotted', '18.04', 'Ubuntu', '18.4'],
  ['dotted', 'garbage', 'x', null],
  ['windows-build', '10.0.19045.4529', 'Windows', '10.0.19045'],
  ['windows-build', '6.1.7601', 'Windows 7', '6.1.7601'],
  ['windows-build', '6.3', 'Windows', '6.3'],
  ['windows-build', 'XP', 'Windows', null],
  ['java', '8 Update 202', 'Java', '8'],
  ['java', '8.0.2020.8', 'Java 8 Update 202 (64-bit)', '8'],
  ['java', '1.8.0_202', 'Java', '8'],
  ['java', '1.4.2_42', 'Java', '1.4'],
  ['java', '17.0.2+8', 'Eclipse Temurin', '17'],
  ['java', '8u502-b07', 'Temurin', '8'],
  ['java', '', 'Java 8 Update 202 (64-bit)', '8'],
  ['java', '2.8.202.8', 'Java Auto Updater', null],
  ['office', '16.0.4266.1001', 'Microsoft Office Professional Plus 2016', '2016'],
  ['office', '14.0.7015.1000', 'Microsoft Office Standard', '2010'],
  ['office', '12.0.6612.1000', 'Microsoft Office Enterprise', '2007'],
  ['office', '15.0.4569.1506', 'Microsoft Office Professional Plus', '2013'],
  ['office', '16.0.17928.20156', 'Microsoft Office Professional Plus', null],
  ['dotnetfx', '4.5.51209', '.NET', '4.5.2'],
  ['dotnetfx', '4.5.50938', '.NET', '4.5.1'],
  ['dotnetfx', '4.5.50709', '.NET', '4.5'],
  ['dotnetfx', '4.6.00081', '.NET', '4.6'],
  ['dotnetfx', '4.6.01055', '.NET', '4.6.1'],
  ['dotnetfx', '4.6.01590', '.NET', '4.6.2'],
  ['dotnetfx', '4.7.02053', '.NET', '4.7'],
  ['dotnetfx', '4.7.02558', '.NET', '4.7.1'],
  ['dotnetfx', '4.7.03062', '.NET', '4.7.2'],
  ['dotnetfx', '4.8.03761', '.NET', '4.8'],
  ['dotnetfx', '4.8.09032', '.NET', '4.8.1'],
  ['dotnetfx', '4.0.30319', '.NET', '4.0'],
  ['dotnetfx', '4.5.2', '.NET', '4.5.2'],
  ['dotnetfx', '4.5.40000', '.NET', null],
  ['mssql', '15.0.2000.5', 'Microsoft SQL Server 2019 (64-bit)', '15.0.2000'],
  ['mssql', '10.00.1600.22', 'Microsoft SQL Server 2008', '10.0.1600'],
  ['mssql', '12.1.4100.1', 'Microsoft VSS Writer for SQL Server 2014', '12.0.4100'],
  ['name-version', '64.112.53549', 'Microsoft .NET Runtime - 8.0.28 (x64)', '8.0.28'],
  ['name-version', '48.47.50420', 'Microsoft ASP.NET Core 6.0.11 - Shared Framework (x64)', '6.0.11'],
  ['name-version', '8.0.11-1', 'dotnet-runtime-8.0', '8.0.11'],
  ['mssql', '11.4.7001.0', 'Microsoft SQL Server 2012 Management Objects  (x64)', '11.0.7001'],
  ['mssql', '10.50.6000.34', 'Microsoft SQL Server 2008 R2 (64-bit)', '10.50.6000'],
  ['mssql', '', 'Microsoft SQL Server 2008 R2 (64-bit)', '10.50'],
];

describe('version schemes', () => {
  it.each(cases)('%s reads %j (%s) as %j', (id, version, name, expected) => {
    expect(getScheme(id)?.normalise(version, name)).toBe(expected);
  });
});
