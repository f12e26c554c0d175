import { describe, expect, it } from 'vitest';
import { followOs } from '../../../src/lifecycle/follow-os.js';
import type { SoftwareVerdict, Verdict } from '../../../src/lifecycle/verdict.js';

const ubuntu: Verdict = { status: 'ending-soon', product: 'ubuntu', cycle: '22.04', eol: '2027-04-01', extendedSupportEnd: '2032-04-09', reason: '…' };
const pkg: SoftwareVerdict = {
  status: 'unsupported', product: 'openssl', cycle: '3.0', eol: '2026-09-07', extendedSupportEnd: null,
  reason: 'dpkg package: follows the OS (patched by the distribution); upstream would be: …', followsOs: true,
};

describe('followOs', () => {
  it('takes status and dates from the OS and keeps the package product', () => {
    expect(followOs(pkg, ubuntu, 'Ubuntu 22.04', 'dpkg')).toEqual({
      status: 'ending-soon', product: 'openssl', cycle: '3.0', eol: '2027-04-01', extendedSupportEnd: '2032-04-09',
      reason: 'dpkg package: follows Ubuntu 22.04 (security support ends 2027-04-01)',
    });
  });

  it('says "supported until" for a supported OS', () => {
    const rhel: Verdict = { ...ubuntu, status: 'supported', eol: '2032-05-31' };
    expect(followOs({ ...pkg, reason: 'rpm package: …' }, rhel, 'Red Hat Enterprise Linux 9.4', 'rpm').reason).toBe(
      'rpm package: follows Red Hat Enterprise Linux 9.4 (supported until 2032-05-31)',
    );
  });

  it('returns a package that does not follow the OS unchanged', () => {
    const { followsOs: _, ...own } = { ...pkg, followsOs: false };
    expect(followOs({ ...pkg, followsOs: false }, ubuntu, 'Ubuntu 22.04', 'dpkg')).toEqual(own);
  });
});
