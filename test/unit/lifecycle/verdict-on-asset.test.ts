import { describe, expect, it } from 'vitest';
import { verdictOnAsset } from '../../../src/lifecycle/verdict-on-asset.js';
import type { SoftwareVerdict, Verdict } from '../../../src/lifecycle/verdict.js';

const ubuntu: Verdict = { status: 'ending-soon', unknownReason: null, product: 'ubuntu', cycle: '22.04', eol: '2027-04-01', extendedSupportEnd: '2032-04-09', reason: '…' };
const pkg: SoftwareVerdict = {
  status: 'unsupported', unknownReason: null, product: 'openssl', cycle: '3.0', eol: '2026-09-07', extendedSupportEnd: null,
  reason: 'dpkg package: follows the OS (patched by the distribution); upstream would be: …', osLink: 'follows',
};

describe('verdictOnAsset', () => {
  it('takes status and dates from the OS and keeps the package product, with no patch currency (its version is the distribution\'s)', () => {
    expect(verdictOnAsset(pkg, ubuntu, 'Ubuntu 22.04', 'dpkg')).toEqual({
      status: 'ending-soon', unknownReason: null, product: 'openssl', cycle: '3.0', eol: '2027-04-01', extendedSupportEnd: '2032-04-09',
      reason: 'dpkg package: follows Ubuntu 22.04 (security support ends 2027-04-01)', patch: null,
    });
  });

  it('says "supported until" for a supported OS', () => {
    const rhel: Verdict = { ...ubuntu, status: 'supported', eol: '2032-05-31' };
    expect(verdictOnAsset({ ...pkg, reason: 'rpm package: …' }, rhel, 'Red Hat Enterprise Linux 9.4', 'rpm').reason).toBe(
      'rpm package: follows Red Hat Enterprise Linux 9.4 (supported until 2032-05-31)',
    );
  });

  it('returns an item judged on its own unchanged', () => {
    const { osLink: _, ...own } = { ...pkg, osLink: 'none' as const };
    expect(verdictOnAsset({ ...pkg, osLink: 'none' }, ubuntu, 'Ubuntu 22.04', 'dpkg')).toEqual(own);
  });

  describe('a part of the OS (capped)', () => {
    const dotnet: SoftwareVerdict = { status: 'supported', unknownReason: null, product: 'dotnetfx', cycle: '3.5-sp1', eol: '2029-01-09', extendedSupportEnd: null, reason: 'own reason', osLink: 'capped' };
    const xp: Verdict = { status: 'unsupported', unknownReason: null, product: 'windows', cycle: '5-sp3', eol: '2014-04-08', extendedSupportEnd: null, reason: '…' };
    const win10: Verdict = { status: 'extended-support', unknownReason: null, product: 'windows', cycle: '10-22h2', eol: '2025-10-14', extendedSupportEnd: '2028-10-10', reason: '…' };
    const win11: Verdict = { status: 'supported', unknownReason: null, product: 'windows', cycle: '11-24h2-e', eol: '2027-10-12', extendedSupportEnd: null, reason: '…' };

    it('is unsupported on an unsupported OS, whatever its own dates', () => {
      const v = verdictOnAsset(dotnet, xp, 'Microsoft Windows XP Professional 5.1.2600', 'registry');
      expect(v).toMatchObject({ status: 'unsupported', unknownReason: null, product: 'dotnetfx', cycle: '3.5-sp1', eol: '2014-04-08' });
      expect(v.reason).toBe('own reason; but it is part of the OS, and Microsoft Windows XP Professional 5.1.2600 is unsupported since 2014-04-08');
    });

    it('is at best extended support on an OS in extended support', () => {
      expect(verdictOnAsset(dotnet, win10, 'Windows 10', 'registry').status).toBe('extended-support');
    });

    it('keeps its own verdict on a supported OS, and when it is worse than the OS', () => {
      expect(verdictOnAsset(dotnet, win11, 'Windows 11', 'registry')).toMatchObject({ status: 'supported', reason: 'own reason' });
      expect(verdictOnAsset({ ...dotnet, status: 'unsupported' }, win11, 'Windows 11', 'registry').status).toBe('unsupported');
      expect(verdictOnAsset({ ...dotnet, status: 'unknown' }, xp, 'XP', 'registry').status).toBe('unknown');
    });
  });
});
