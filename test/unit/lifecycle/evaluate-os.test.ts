import { describe, expect, it } from 'vitest';
import type { Os } from '../../../src/contract/report.js';
import { evaluateOs } from '../../../src/lifecycle/evaluate-os.js';
import { OPTS, rules } from './real-rules.js';

const windows = (name: string, version: string, edition?: string): Os => ({ family: 'windows', name, version, ...(edition ? { edition } : {}) });
const linux = (name: string, version: string): Os => ({ family: 'linux', name, version });
const evaluate = (os: Os) => evaluateOs(os, rules, OPTS);

describe('evaluateOs on the shipped rules (as of 2026-11-23, window 180)', () => {
  it('marks Windows 7 SP1 unsupported', () => {
    const v = evaluate(windows('Microsoft Windows 7 Professional', '6.1.7601', 'Professional'));
    expect(v).toMatchObject({ status: 'unsupported', product: 'windows', cycle: '7-sp1', eol: '2020-01-14' });
  });

  it('marks Windows XP unsupported', () => {
    expect(evaluate(windows('Microsoft Windows XP Professional', '5.1.2600')).status).toBe('unsupported');
  });

  it('keeps Windows 11 24H2 Enterprise supported', () => {
    const v = evaluate({ ...windows('Microsoft Windows 11 Enterprise', '10.0.26100', 'Enterprise'), build: '10.0.26100.2314' });
    expect(v).toMatchObject({ status: 'supported', cycle: '11-24h2-e', eol: '2027-10-12' });
  });

  it('marks Windows 11 24H2 Pro unsupported after 2026-10-13', () => {
    const v = evaluate(windows('Microsoft Windows 11 Pro', '10.0.26100', 'Professional'));
    expect(v).toMatchObject({ status: 'unsupported', cycle: '11-24h2-w', eol: '2026-10-13' });
  });

  it('treats Pro Education as Home/Pro, not Education', () => {
    expect(evaluate(windows('Microsoft Windows 11 Pro Education', '10.0.26100', 'ProfessionalEducation')).cycle).toBe('11-24h2-w');
  });

  it('puts Windows 10 22H2 in extended support (ESU to 2028-10-10)', () => {
    const v = evaluate(windows('Microsoft Windows 10 Enterprise', '10.0.19045', 'Enterprise'));
    expect(v).toMatchObject({ status: 'extended-support', cycle: '10-22h2', eol: '2025-10-14', extendedSupportEnd: '2028-10-10' });
    expect(v.reason).toContain('Extended Security Updates until 2028-10-10');
    expect(v.reason).toContain('windows.yaml');
  });

  it('gives Windows 10 LTSC 2021 the LTSC cycle by EditionID', () => {
    expect(evaluate(windows('Microsoft Windows 10 Enterprise LTSC 2021', '10.0.19044', 'EnterpriseS')).cycle).toBe('10-21h2-e-lts');
    expect(evaluate(windows('Windows 10 IoT Enterprise LTSC 2021', '10.0.19044', 'IoTEnterpriseS')).cycle).toBe('10-21h2-iot-lts');
  });

  it('marks Windows Server 2012 R2 unsupported once its ESU ended', () => {
    const v = evaluate(windows('Microsoft Windows Server 2012 R2 Standard', '6.3.9600', 'ServerStandard'));
    expect(v).toMatchObject({ status: 'unsupported', product: 'windows-server', cycle: '2012-r2' });
  });

  it('decides build 10.0.17763 by name: Server 2019 vs Windows 10 1809', () => {
    const server = evaluate(windows('Microsoft Windows Server 2019 Datacenter', '10.0.17763', 'ServerDatacenter'));
    const client = evaluate(windows('Microsoft Windows 10 Enterprise', '10.0.17763', 'Enterprise'));
    const ltsc = evaluate(windows('Microsoft Windows 10 Enterprise LTSC 2019', '10.0.17763', 'EnterpriseS'));
    expect(server).toMatchObject({ product: 'windows-server', cycle: '2019', status: 'supported' });
    expect(client).toMatchObject({ product: 'windows', cycle: '10-1809-e', status: 'unsupported' });
    expect(ltsc).toMatchObject({ product: 'windows', cycle: '10-1809-e-lts', status: 'supported' });
  });

  it('tells Server 2025 from Windows 11 24H2 on build 10.0.26100', () => {
    expect(evaluate(windows('Microsoft Windows Server 2025 Standard', '10.0.26100')).cycle).toBe('2025');
  });

  it('puts Ubuntu 18.04 in extended support (ESM)', () => {
    expect(evaluate(linux('Ubuntu', '18.04'))).toMatchObject({ status: 'extended-support', cycle: '18.04', extendedSupportEnd: '2028-04-01' });
  });

  it('keeps RHEL 9 supported', () => {
    expect(evaluate(linux('Red Hat Enterprise Linux', '9.4'))).toMatchObject({ status: 'supported', product: 'rhel', cycle: '9' });
  });

  it('marks CentOS Linux 7 unsupported and Debian 12 in Debian LTS', () => {
    expect(evaluate(linux('CentOS Linux', '7')).status).toBe('unsupported');
    expect(evaluate(linux('Debian GNU/Linux', '12'))).toMatchObject({ status: 'extended-support', cycle: '12' });
  });

  it('reads macOS 14.5 as cycle 14 and Rocky 9.4 as cycle 9', () => {
    expect(evaluate({ family: 'macos', name: 'macOS', version: '14.5' })).toMatchObject({ cycle: '14', status: 'supported' });
    expect(evaluate(linux('Rocky Linux', '9.4'))).toMatchObject({ cycle: '9', status: 'supported' });
  });

  it('returns unknown with no product when no rule matches', () => {
    const v = evaluate({ family: 'other', name: 'Siemens syngo CT Console OS', version: '1.0' });
    expect(v).toMatchObject({ status: 'unknown', product: null, cycle: null });
    expect(v.reason).toContain('no lifecycle rule matches OS name');
  });

  it('returns unknown when a Windows build fits no cycle', () => {
    expect(evaluate(windows('Microsoft Windows 11 Enterprise', '10.0.29999', 'Enterprise'))).toMatchObject({ status: 'unknown', product: 'windows' });
  });
});
