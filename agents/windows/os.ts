import type { Os } from '../../src/contract/report.js';
import { clip } from '../clip.js';
import { parsePsJson, psText, type PsRecord } from './parse-ps-json.js';

/** Windows 11 kept 10.0 as its version; its first build is 22000. */
const FIRST_WINDOWS_11_BUILD = 22000;

/** Windows' names for the processor, in the words Linux agents report (uname -m). */
const ARCH_NAMES: Readonly<Record<string, string>> = { AMD64: 'x86_64', X86: 'i686', ARM64: 'aarch64', IA64: 'ia64' };

/** Parses OS_SCRIPT's output into the contract's `os`. */
export function parseOs(text: string): Os {
  const fields = parsePsJson(text)[0] ?? {};
  const build = psText(fields, 'CurrentBuildNumber') ?? psText(fields, 'CurrentBuild');
  const version = [majorMinor(fields), build].filter(Boolean).join('.');
  const ubr = psText(fields, 'UBR');
  const arch = psText(fields, 'Architecture');
  return {
    family: 'windows',
    name: productName(fields, Number(build ?? 0)),
    version,
    build: ubr && build ? `${version}.${ubr}` : undefined,
    edition: clip(psText(fields, 'EditionID')),
    arch: arch ? (ARCH_NAMES[arch.toUpperCase()] ?? arch.toLowerCase()) : undefined,
  };
}

/**
 * CurrentMajor/MinorVersionNumber exist from Windows 10 on; before that,
 * CurrentVersion holds "6.1" (7 / 2008 R2) or "6.3" (8.1 / 2012 R2). Windows 10
 * and 11 still say "6.3" there for old installers' sake, so it comes second.
 */
function majorMinor(fields: PsRecord): string {
  const major = psText(fields, 'CurrentMajorVersionNumber');
  const minor = psText(fields, 'CurrentMinorVersionNumber');
  if (major !== undefined) return `${major}.${minor ?? '0'}`;
  return psText(fields, 'CurrentVersion') ?? '0.0';
}

/**
 * "Microsoft Windows 11 Enterprise". WMI's Caption is preferred (it knows
 * Windows 11), with "®"/"™" (Vista, Server 2008) and Windows 7's trailing space
 * removed; the registry ProductName is the fallback. The registry still says
 * "Windows 10 …" on Windows 11, so the build decides (client editions only:
 * Server 2022/2025 share those builds).
 */
export function productName(fields: PsRecord, build: number): string {
  const caption = cleanName(psText(fields, 'Caption'));
  const registry = cleanName(psText(fields, 'ProductName'));
  const base = caption?.startsWith('Microsoft Windows') ? caption : registry ? `Microsoft ${registry.replace(/^Microsoft /, '')}` : 'Microsoft Windows';
  const name = build >= FIRST_WINDOWS_11_BUILD && !/\bServer\b/.test(base) ? base.replace(/\bWindows 10\b/, 'Windows 11') : base;
  return clip(name) ?? 'Microsoft Windows';
}

function cleanName(name: string | undefined): string | undefined {
  return clip(name?.replace(/®|™|\((R|TM)\)/g, '').replace(/\s+/g, ' '));
}
