import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { withDistributionData } from '../../../src/rules/distribution-data.js';
import { rules } from '../lifecycle/real-rules.js';

const NOWHERE = fileURLToPath(new URL('../../fixtures/distribution-data/not-installed', import.meta.url));

describe('withDistributionData', () => {
  it('applies both installed packages and has nothing to log', () => {
    const got = withDistributionData(rules, { distroInfoDir: '/usr/share/distro-info', debianSecuritySupportDir: '/usr/share/debian-security-support' });
    expect(got.absent).toBeNull();
    expect(got.rules.rules.find((r) => r.product === 'ubuntu')?.source.name).toBe('distro-info-data');
    expect(got.rules.endedSupport?.entries.length).toBeGreaterThan(0);
  });

  it('leaves the rules as shipped when neither is installed, with one line saying what to install', () => {
    const got = withDistributionData(rules, { distroInfoDir: NOWHERE, debianSecuritySupportDir: NOWHERE });
    expect(got.rules).toBe(rules);
    expect(got.absent).toBe(
      `distribution data absent: distro-info-data (no ubuntu.csv or debian.csv in ${NOWHERE}: Ubuntu and Debian dates come from the shipped snapshot); ` +
        `debian-security-support (no security-support-ended.debNN in ${NOWHERE}: no Debian package's early end of security support is known); ` +
        'install with: apt-get install distro-info-data debian-security-support',
    );
  });

  it('applies the one that is there and names the other', () => {
    const got = withDistributionData(rules, { distroInfoDir: NOWHERE, debianSecuritySupportDir: '/usr/share/debian-security-support' });
    expect(got.rules.endedSupport).toBeDefined();
    expect(got.absent).toMatch(/^distribution data absent: distro-info-data \(no ubuntu\.csv .*; install with: apt-get install distro-info-data debian-security-support$/);
    expect(got.absent).not.toContain('debian-security-support (');
  });
});
