import { machine } from 'node:os';
import type { Os } from '../../src/contract/report.js';
import { clip } from '../clip.js';
import type { ReportPart } from '../collector.js';
import { runTool } from '../run-tool.js';

/**
 * sw_vers kept saying "Mac OS X" up to 10.15, long after the product was renamed
 * "OS X" and then "macOS"; one name lets the lifecycle rule pick the cycle by version alone.
 */
const OLD_NAMES = /^(mac\s*os\s*x|os\s*x|macos)$/i;

/** Parses `sw_vers`: "ProductName:\tmacOS\nProductVersion:\t14.7.1\nBuildVersion:\t23H222". */
export function parseSwVers(text: string): Omit<Os, 'arch'> | undefined {
  const fields = new Map<string, string>();
  for (const line of text.split('\n')) {
    const match = /^\s*(\w+):\s*(.*?)\s*$/.exec(line);
    if (match?.[1] && match[2]) fields.set(match[1], match[2]);
  }
  const version = clip(fields.get('ProductVersion'), 64);
  if (!version) return undefined;
  const product = fields.get('ProductName') ?? 'macOS';
  return {
    family: 'macos',
    name: OLD_NAMES.test(product) ? 'macOS' : (clip(product) ?? 'macOS'),
    version,
    build: clip(fields.get('BuildVersion'), 64),
  };
}

/** `machine()` is `uname -m`: "arm64" on Apple silicon, "x86_64" on Intel (or under Rosetta). */
export async function collectSwVers(): Promise<ReportPart> {
  const output = await runTool('sw_vers', [], { timeoutMs: 15_000 });
  const os = output === undefined ? undefined : parseSwVers(output);
  return os ? { os: { ...os, arch: machine() } } : {};
}
