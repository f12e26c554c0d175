import type { Software } from '../../src/contract/report.js';
import { clip } from '../clip.js';
import type { ReportPart } from '../collector.js';
import { runTool } from '../run-tool.js';

export const RPM_QUERY_FORMAT = '%{NAME}\t%{EPOCH}:%{VERSION}-%{RELEASE}\t%{VENDOR}\t%{INSTALLTIME}\n';

/**
 * Parses `rpm -qa --queryformat RPM_QUERY_FORMAT`. An epoch of "(none)" is
 * dropped ("(none):5.1.8-9.el9" → "5.1.8-9.el9"); a real one stays ("1:3.0.7-27.el9")
 * because rpm compares it first. gpg-pubkey entries are signing keys, not software.
 */
export function parseRpm(text: string): Software[] {
  const software: Software[] = [];
  for (const line of text.split('\n')) {
    const [rawName, rawVersion, vendor, installTime] = line.split('\t');
    const name = clip(rawName);
    const version = clip(rawVersion?.replace(/^\(none\):/, ''), 128);
    if (!name || !version || name === 'gpg-pubkey') continue;
    software.push({
      name,
      version,
      vendor: vendor === '(none)' ? undefined : clip(vendor),
      source: 'rpm',
      installedAt: isoFromEpochSeconds(installTime),
    });
  }
  return software;
}

export function isoFromEpochSeconds(value: string | undefined): string | undefined {
  if (!value || !/^\d+$/.test(value.trim())) return undefined;
  return new Date(Number(value.trim()) * 1000).toISOString();
}

export async function collectRpm(): Promise<ReportPart> {
  const output = await runTool('rpm', ['-qa', '--queryformat', RPM_QUERY_FORMAT]);
  return output === undefined ? {} : { software: parseRpm(output) };
}
