import { REPORT_SCHEMA_V1, type Report } from '../../contract/report.js';
import { other, rpm } from './_software.js';

/**
 * The integration engine on CentOS 7: Mirth Connect under /opt on the distribution's
 * OpenJDK 8, and a USB modem kept for the GP results fax fallback.
 */
export const ifaceEng01: Report = {
  schema: REPORT_SCHEMA_V1,
  host: {
    hostname: 'IFACE-ENG01',
    fqdn: 'iface-eng01.anytown.nhs.uk',
    manufacturer: 'HPE',
    model: 'ProLiant DL360 Gen9',
    serial: 'CZJ7030G2W',
  },
  os: {
    family: 'linux',
    name: 'CentOS Linux',
    version: '7',
    build: '7.9.2009 (Core)',
    arch: 'x86_64',
  },
  collectedAt: '2026-11-20T08:52:00Z',
  agent: { version: '0.1.0' },
  software: [
    rpm('bash', '4.2.46-35.el7_9', 'CentOS'),
    rpm('ca-certificates', '2023.2.60_v7.0.306-72.el7_9', 'CentOS'),
    rpm('curl', '7.29.0-59.el7_9.2', 'CentOS'),
    rpm('glibc', '2.17-326.el7_9', 'CentOS'),
    rpm('java-1.8.0-openjdk', '1:1.8.0.412.b08-1.el7_9', 'CentOS'),
    rpm('java-1.8.0-openjdk-headless', '1:1.8.0.412.b08-1.el7_9', 'CentOS'),
    rpm('kernel', '3.10.0-1160.119.1.el7', 'CentOS'),
    rpm('minicom', '2.6.2-8.el7', 'CentOS'),
    rpm('nss', '3.90.0-2.el7_9', 'CentOS'),
    rpm('openssh-server', '7.4p1-23.el7_9', 'CentOS'),
    rpm('openssl', '1:1.0.2k-26.el7_9', 'CentOS'),
    rpm('openssl-libs', '1:1.0.2k-26.el7_9', 'CentOS'),
    rpm('postgresql', '9.2.24-9.el7_9', 'CentOS'),
    rpm('python', '2.7.5-94.el7_9', 'CentOS'),
    rpm('rsyslog', '8.24.0-57.el7_9.3', 'CentOS'),
    rpm('sudo', '1.8.23-10.el7_9.3', 'CentOS'),
    rpm('systemd', '219-78.el7_9.9', 'CentOS'),
    rpm('tzdata', '2024a-1.el7', 'CentOS'),
    rpm('yum', '3.4.3-168.el7.centos', 'CentOS'),
    other('Mirth Connect', '3.12.0', 'NextGen Healthcare', '2022-03-08'),
  ],
  devices: [
    {
      kind: 'modem',
      name: 'GP results fax modem',
      model: 'Multi-Tech MultiModem MT9234ZBA-USB',
      serial: '20591847',
      location: 'Data centre A, rack 14',
      connection: '/dev/ttyUSB0',
    },
  ],
};
