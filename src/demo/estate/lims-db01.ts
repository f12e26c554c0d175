import { REPORT_SCHEMA_V1, type Report } from '../../contract/report.js';
import { dpkg, other } from './_software.js';

/**
 * The LIMS database server on Ubuntu 18.04. Its dpkg packages carry Canonical's
 * backport version strings: they follow 18.04's support, not upstream's.
 */
export const limsDb01: Report = {
  schema: REPORT_SCHEMA_V1,
  host: {
    hostname: 'LIMS-DB01',
    fqdn: 'lims-db01.anytown.nhs.uk',
    manufacturer: 'Dell Inc.',
    model: 'PowerEdge R640',
    serial: 'JX7QH13',
  },
  os: {
    family: 'linux',
    name: 'Ubuntu',
    version: '18.04',
    build: '18.04.6 LTS (Bionic Beaver)',
    arch: 'x86_64',
  },
  collectedAt: '2026-11-20T08:50:00Z',
  agent: { version: '0.1.0' },
  software: [
    dpkg('apt', '1.6.17'),
    dpkg('bash', '4.4.18-2ubuntu1.3'),
    dpkg('ca-certificates', '20230311ubuntu0.18.04.1'),
    dpkg('coreutils', '8.28-1ubuntu1'),
    dpkg('cron', '3.0pl1-128.1ubuntu1.2'),
    dpkg('curl', '7.58.0-2ubuntu3.24'),
    dpkg('git', '1:2.17.1-1ubuntu0.18'),
    dpkg('libc6', '2.27-3ubuntu1.6'),
    dpkg('libcurl4', '7.58.0-2ubuntu3.24'),
    dpkg('libssl1.1', '1.1.1-1ubuntu2.1~18.04.23'),
    dpkg('libxml2', '2.9.4+dfsg1-6.1ubuntu1.9'),
    dpkg('linux-image-4.15.0-212-generic', '4.15.0-212.223'),
    dpkg('logrotate', '3.11.0-0.1ubuntu1'),
    dpkg('nginx', '1.14.0-0ubuntu1.11'),
    dpkg('nginx-core', '1.14.0-0ubuntu1.11'),
    dpkg('openjdk-11-jre-headless', '11.0.19+7~us1-0ubuntu1~18.04.1'),
    dpkg('openssh-server', '1:7.6p1-4ubuntu0.7'),
    dpkg('openssl', '1.1.1-1ubuntu2.1~18.04.23'),
    dpkg('perl', '5.26.1-6ubuntu0.7'),
    dpkg('postgresql-10', '10.23-0ubuntu0.18.04.2'),
    dpkg('postgresql-client-10', '10.23-0ubuntu0.18.04.2'),
    dpkg('python3', '3.6.7-1~18.04'),
    dpkg('python3.6', '3.6.9-1~18.04ubuntu1.12'),
    dpkg('rsync', '3.1.2-2.1ubuntu1.6'),
    dpkg('sudo', '1.8.21p2-3ubuntu1.5'),
    dpkg('systemd', '237-3ubuntu10.57'),
    dpkg('tzdata', '2023c-0ubuntu0.18.04'),
    dpkg('unattended-upgrades', '1.1ubuntu1.18.04.14'),
    dpkg('zlib1g', '1:1.2.11.dfsg-0ubuntu2.2'),
    other('LabCentre LIMS Server', '8.4.2', 'LabCentre Systems Ltd', '2019-05-20'),
  ],
  devices: [],
};
