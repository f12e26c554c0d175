import type { SoftwareSource } from '../contract/report.js';
import type { SoftwareVerdict, Verdict } from './verdict.js';

function describeOs(os: Verdict): string {
  switch (os.status) {
    case 'supported':
      return os.eol ? `supported until ${os.eol}` : 'supported, no end announced';
    case 'ending-soon':
      return `security support ends ${os.eol ?? '(date not published)'}`;
    case 'extended-support':
      return `security support ended ${os.eol ?? '(date not published)'}; extended support until ${os.extendedSupportEnd ?? 'no end announced'}`;
    case 'unsupported':
      return os.eol ? `unsupported since ${os.eol}` : 'unsupported';
    case 'unknown':
      return 'OS support unknown';
  }
}

/**
 * The effective verdict of a distribution package on an asset with this OS:
 * status and dates are the OS's; product and cycle stay the package's own match
 * so reports can still say "openssl". A package that does not follow the OS is
 * returned unchanged.
 */
export function followOs(pkg: SoftwareVerdict, os: Verdict, osLabel: string, source: SoftwareSource): Verdict {
  const { followsOs: follows, ...own } = pkg;
  if (!follows) return own;
  return {
    status: os.status,
    product: pkg.product,
    cycle: pkg.cycle,
    eol: os.eol,
    extendedSupportEnd: os.extendedSupportEnd,
    reason: `${source} package: follows ${osLabel} (${describeOs(os)})`,
  };
}
