import { DISTRIBUTION_SOURCES, type SoftwareSource } from '../contract/report.js';
import type { SoftwareVerdict, SupportStatus, Verdict } from './verdict.js';

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

/** Statuses from worst to best, for capping; `unknown` is never improved or worsened by capping. */
const RANK: Record<Exclude<SupportStatus, 'unknown'>, number> = { unsupported: 0, 'extended-support': 1, 'ending-soon': 2, supported: 3 };

/**
 * The verdict of a software item on an asset whose OS has verdict `os`:
 * a distribution package takes the OS's status and dates (product and cycle stay
 * the package's own, so reports can still say "openssl"); a part of the OS cannot
 * be better supported than the OS; anything else keeps its own verdict.
 */
export function verdictOnAsset(item: SoftwareVerdict, os: Verdict, osLabel: string, source: SoftwareSource): Verdict {
  const { osLink, ...own } = item;
  if (osLink === 'follows') {
    // Only distribution packages and titles that are parts of the OS follow it.
    const what = DISTRIBUTION_SOURCES.includes(source) ? `${source} package` : `${own.reason}; part of the OS`;
    return { ...own, status: os.status, unknownReason: os.unknownReason, eol: os.eol, extendedSupportEnd: os.extendedSupportEnd, data: os.data, patch: null, reason: `${what}: follows ${osLabel} (${describeOs(os)})` };
  }
  if (osLink === 'capped' && own.status !== 'unknown' && os.status !== 'unknown' && RANK[os.status] < RANK[own.status]) {
    return { ...own, status: os.status, unknownReason: null, eol: os.eol, extendedSupportEnd: os.extendedSupportEnd, data: os.data, reason: `${own.reason}; but it is part of the OS, and ${osLabel} is ${describeOs(os)}` };
  }
  return own;
}
