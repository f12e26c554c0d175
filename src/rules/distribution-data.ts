/**
 * Distribution data from the machine's own Debian packages, read at start
 * beside the rule files: distro-info-data's Ubuntu and Debian dates outrank the
 * snapshot's, and debian-security-support's early ends judge dpkg packages.
 * Either may be absent (a hub on RHEL, a slim container); the rules then stand
 * as shipped and the caller logs the one line `absent` gives.
 */
import { applyDistroInfo } from '../lifecycle/apply-distro-info.js';
import { applySecuritySupport } from '../lifecycle/ended-support.js';
import type { RuleSet } from '../lifecycle/rule-set.js';
import { DISTRO_INFO_PACKAGE, readDistroInfo } from './read-distro-info.js';
import { readSecuritySupport, SECURITY_SUPPORT_PACKAGE } from './read-security-support.js';

export interface DistributionDataDirs {
  distroInfoDir: string;
  debianSecuritySupportDir: string;
}

export interface WithDistributionData {
  rules: RuleSet;
  /** What is missing and what to install; null when both packages were read. */
  absent: string | null;
}

/** Reads both packages' files (throws RulesError naming file:line when one is malformed) and applies what is there. */
export function withDistributionData(rules: RuleSet, dirs: DistributionDataDirs): WithDistributionData {
  const distroInfo = readDistroInfo(dirs.distroInfoDir);
  const securitySupport = readSecuritySupport(dirs.debianSecuritySupportDir);
  const withDates = distroInfo ? applyDistroInfo(rules, distroInfo) : rules;
  const applied = securitySupport ? applySecuritySupport(withDates, securitySupport) : withDates;
  const missing = [
    distroInfo ? null : `${DISTRO_INFO_PACKAGE} (no ubuntu.csv or debian.csv in ${dirs.distroInfoDir}: Ubuntu and Debian dates come from the shipped snapshot)`,
    securitySupport ? null : `${SECURITY_SUPPORT_PACKAGE} (no security-support-ended.debNN in ${dirs.debianSecuritySupportDir}: no Debian package's early end of security support is known)`,
  ].filter((m) => m !== null);
  const absent = missing.length === 0 ? null : `distribution data absent: ${missing.join('; ')}; install with: apt-get install ${DISTRO_INFO_PACKAGE} ${SECURITY_SUPPORT_PACKAGE}`;
  return { rules: applied, absent };
}
