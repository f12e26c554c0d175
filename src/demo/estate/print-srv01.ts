import { REPORT_SCHEMA_V1, type Report } from '../../contract/report.js';
import { dpkg } from './_software.js';

/** The CUPS print server on Debian 12: queues for the ward printers and the outpatients MFD. */
export const printSrv01: Report = {
  schema: REPORT_SCHEMA_V1,
  host: {
    hostname: 'PRINT-SRV01',
    fqdn: 'print-srv01.anytown.nhs.uk',
    manufacturer: 'VMware, Inc.',
    model: 'VMware7,1',
    serial: 'VMware-42 1a 77 e3 05 b1 c8 2d-9f 60 1e 4a d3 88 0b 52',
  },
  os: {
    family: 'linux',
    name: 'Debian GNU/Linux',
    version: '12',
    build: '12.8',
    arch: 'x86_64',
  },
  collectedAt: '2026-11-20T08:57:00Z',
  agent: { version: '0.1.0' },
  software: [
    dpkg('avahi-daemon', '0.8-10+deb12u1'),
    dpkg('bash', '5.2.15-2+b7'),
    dpkg('ca-certificates', '20230311'),
    dpkg('cups', '2.4.2-3+deb12u8'),
    dpkg('cups-filters', '1.28.17-3+deb12u1'),
    dpkg('hplip', '3.22.10+dfsg0-2'),
    dpkg('libc6', '2.36-9+deb12u9'),
    dpkg('libssl3', '3.0.15-1~deb12u1'),
    dpkg('linux-image-6.1.0-28-amd64', '6.1.119-1'),
    dpkg('openssh-server', '1:9.2p1-2+deb12u3'),
    dpkg('openssl', '3.0.15-1~deb12u1'),
    dpkg('samba', '2:4.17.12+dfsg-0+deb12u1'),
    dpkg('sudo', '1.9.13p3-1+deb12u1'),
    dpkg('systemd', '252.31-1~deb12u1'),
    dpkg('tzdata', '2024a-0+deb12u1'),
  ],
  devices: [
    {
      kind: 'printer',
      name: 'WARD9-LJ01',
      model: 'HP LaserJet Pro M404dn',
      location: 'Ward 9 nurses station',
      connection: 'socket://10.41.9.22:9100',
    },
    {
      kind: 'mfd',
      name: 'OPD-MFD02',
      model: 'HP LaserJet Enterprise MFP M528f',
      serial: 'PHBLM2C1TX',
      location: 'Outpatients reception',
      connection: 'hp:/net/HP_LaserJet_MFP_M528?ip=10.41.20.18',
    },
  ],
};
