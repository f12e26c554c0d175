import { machine } from 'node:os';
import type { Os } from '../../src/contract/report.js';
import { clip } from '../clip.js';
import type { ReportPart } from '../collector.js';
import { readOptional } from '../read-optional.js';

/** Parses os-release(5): KEY=value lines, values optionally quoted with shell escapes. */
export function parseOsReleaseFields(text: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const line of text.split('\n')) {
    const match = /^\s*([A-Z0-9_]+)=(.*)$/.exec(line);
    if (!match?.[1] || match[2] === undefined) continue;
    fields.set(match[1], unquote(match[2].trim()));
  }
  return fields;
}

function unquote(value: string): string {
  const quote = value[0];
  if ((quote === '"' || quote === "'") && value.endsWith(quote) && value.length >= 2) {
    const inner = value.slice(1, -1);
    return quote === '"' ? inner.replace(/\\(["\\`$])/g, '$1') : inner;
  }
  return value;
}

/**
 * Maps os-release text to the contract's `os`. `build` carries a point release
 * only when VERSION is more precise than VERSION_ID (Ubuntu "22.04.4 LTS").
 */
export function parseOsRelease(text: string): Omit<Os, 'arch'> {
  const fields = parseOsReleaseFields(text);
  // os-release(5) defaults NAME to "Linux"; rolling distributions have no VERSION_ID.
  const name = fields.get('NAME') ?? fields.get('ID') ?? 'Linux';
  const version = fields.get('VERSION_ID') ?? fields.get('BUILD_ID') ?? 'unknown';
  const build = pointRelease(version, fields.get('VERSION'));
  return { family: 'linux', name: clip(name) ?? 'Linux', version: clip(version, 64) ?? 'unknown', build };
}

function pointRelease(versionId: string, version: string | undefined): string | undefined {
  const leading = /^\d+(?:\.\d+)+/.exec(version ?? '')?.[0];
  return leading && leading !== versionId && leading.startsWith(`${versionId}.`) ? leading : undefined;
}

/** Debian keeps its point release ("12.5") only in /etc/debian_version. */
export function debianPointRelease(versionId: string, debianVersion: string | undefined): string | undefined {
  const value = debianVersion?.trim();
  return value && value.startsWith(`${versionId}.`) && /^[\d.]+$/.test(value) ? value : undefined;
}

export async function collectOsRelease(root = '/'): Promise<ReportPart> {
  const text = (await readOptional(`${root}etc/os-release`)) ?? (await readOptional(`${root}usr/lib/os-release`)) ?? '';
  const os = parseOsRelease(text);
  const build = os.build ?? debianPointRelease(os.version, await readOptional(`${root}etc/debian_version`));
  return { os: { ...os, build, arch: machine() } };
}
