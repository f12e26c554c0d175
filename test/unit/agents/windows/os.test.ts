import { describe, expect, it } from 'vitest';
import { parseOs } from '../../../../agents/windows/os.js';
import { fixture } from './_fixture.js';

describe('parseOs', () => {
  it('reads Windows 10 22H2 Enterprise as version 10.0.19045 with the UBR in build', () => {
    expect(parseOs(fixture('os-windows-10-22h2-enterprise.json'))).toEqual({
      family: 'windows',
      name: 'Microsoft Windows 10 Enterprise',
      version: '10.0.19045',
      build: '10.0.19045.5371',
      edition: 'Enterprise',
      arch: 'x86_64',
    });
  });

  it('names Windows 11 from its Caption although the registry still says Windows 10', () => {
    expect(parseOs(fixture('os-windows-11-24h2-pro.json'))).toMatchObject({
      name: 'Microsoft Windows 11 Pro',
      version: '10.0.26100',
      build: '10.0.26100.2894',
      edition: 'Professional',
    });
  });

  it('names Windows 11 from the build when WMI gave no Caption', () => {
    const registryOnly = fixture('os-windows-11-24h2-pro.json').replace('"Microsoft Windows 11 Pro"', 'null');
    expect(parseOs(registryOnly).name).toBe('Microsoft Windows 11 Pro');
  });

  it('falls back to CurrentVersion 6.1 on Windows 7, trims the Caption and has no UBR', () => {
    expect(parseOs(fixture('os-windows-7-sp1-professional.json'))).toEqual({
      family: 'windows',
      name: 'Microsoft Windows 7 Professional',
      version: '6.1.7601',
      build: undefined,
      edition: 'Professional',
      arch: 'i686',
    });
  });

  it('keeps the Server product name, version 6.3.9600 and the ServerStandard edition', () => {
    expect(parseOs(fixture('os-windows-server-2012-r2-standard.json'))).toMatchObject({
      name: 'Microsoft Windows Server 2012 R2 Standard',
      version: '6.3.9600',
      build: '6.3.9600.21620',
      edition: 'ServerStandard',
    });
  });

  it('never renames Windows Server on a Windows 11 build', () => {
    const server2025 = JSON.stringify({ ProductName: 'Windows Server 2025 Standard', CurrentMajorVersionNumber: '10', CurrentBuild: '26100' });
    expect(parseOs(server2025)).toMatchObject({ name: 'Microsoft Windows Server 2025 Standard', version: '10.0.26100' });
  });

  it('prefers CurrentMajorVersionNumber over the "6.3" Windows 10 keeps in CurrentVersion, and accepts numbers', () => {
    const os = parseOs(JSON.stringify([{ ProductName: 'Windows 10 Pro', CurrentMajorVersionNumber: 10, CurrentMinorVersionNumber: 0, CurrentVersion: '6.3', CurrentBuild: '19044', UBR: 4529 }]));
    expect(os).toMatchObject({ version: '10.0.19044', build: '10.0.19044.4529' });
  });

  it('strips ® and ™ from old Captions', () => {
    const os = parseOs(JSON.stringify({ Caption: 'Microsoft® Windows Server® 2008 Standard ', CurrentVersion: '6.0', CurrentBuild: '6002' }));
    expect(os.name).toBe('Microsoft Windows Server 2008 Standard');
  });
});
