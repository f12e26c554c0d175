import { statSync } from 'node:fs';
import * as z from 'zod';
import type { Software } from '../../src/contract/report.js';
import { AgentError } from '../agent-error.js';
import { clip } from '../clip.js';
import { NO_VERSION } from '../no-version.js';
import type { ReportPart } from '../collector.js';
import { parseJson } from '../parse-json.js';
import { runTool } from '../run-tool.js';
import { parsePlist } from './plist.js';

/** Field names as `system_profiler SPApplicationsDataType -json` writes them; every field but `_name` may be missing. */
const ApplicationSchema = z.object({
  _name: z.string(),
  version: z.string().optional(),
  obtained_from: z.string().optional(),
  path: z.string().optional(),
  lastModified: z.string().optional(),
  info: z.string().optional(),
  signed_by: z.array(z.string()).optional(),
});
type Application = z.infer<typeof ApplicationSchema>;

const OutputSchema = z.object({ SPApplicationsDataType: z.array(z.unknown()) });

export { NO_VERSION } from '../no-version.js';

/**
 * Apple's own apps on the sealed system volume (/System/Applications, CoreServices)
 * and in /Library/Apple (XProtect, MRT) are updated with macOS and share its
 * support status, so the OS row already covers them. /System/Volumes/Data is
 * the writable volume behind /Applications and is not the OS.
 */
export function isOsComponent(path: string): boolean {
  return (path.startsWith('/System/') && !path.startsWith('/System/Volumes/Data/')) || path.startsWith('/Library/Apple/');
}

/**
 * Safari lives in a Cryptex under /System on macOS 13+, yet it is the Mac's
 * default browser and DSPT asks about browsers by name, so it is always kept.
 */
const KEPT_OS_APPS = new Set(['Safari']);

/** Tells an application bundle (a directory) from a plain file that merely ends in `.app`. */
export type IsBundle = (path: string) => boolean;

/**
 * An application is a bundle, and a bundle is a directory. system_profiler also
 * lists plain files named `*.app` (Erlang/OTP application resource files in
 * every `ebin/` and source tree, compiled terminfo entries), which are not
 * installed software. A path that cannot be read (gone since, or behind macOS
 * privacy controls) is kept: an app must not vanish from the inventory on a
 * failed look.
 */
export function isBundleOnDisk(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? true;
  } catch {
    return true;
  }
}

/** Not installed here: a bundle nested in another app follows its parent, and /Volumes is a mounted image or disk. */
function isListed(app: Application, name: string, isBundle: IsBundle): boolean {
  const path = app.path ?? '';
  if (path.startsWith('/Volumes/') || /\.app\/.+\.app$/i.test(path)) return false;
  if (path !== '' && !isBundle(path)) return false;
  return KEPT_OS_APPS.has(name) || !isOsComponent(path);
}

/** "Developer ID Application: Google LLC (EQHXZ8M8AV)" → "Google LLC"; App Store and Apple signers name no vendor. */
export function vendorFromSigner(signer: string | undefined): string | undefined {
  const match = /^Developer ID Application:\s*(.+?)(?:\s*\([A-Z0-9]{10}\))?\s*$/.exec(signer ?? '');
  return clip(match?.[1]);
}

/** The holder in the bundle's copyright line: "Copyright © 2012-2024 Zoom Video Communications, Inc. All rights reserved." */
export function vendorFromInfo(info: string | undefined): string | undefined {
  const match = /(?:copyright|©|\(c\))\s*(?:©|\(c\))?\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?[\s,]*)*(.*)$/i.exec(info ?? '');
  const holder = match?.[1]?.replace(/\s*all rights reserved.*$/i, '').trim();
  // A full stop ends the sentence, except after "Inc." and friends, where it is part of the name.
  return clip(holder?.replace(/(?<!\b(?:Inc|Ltd|Co|Corp|Ltda|S\.A|B\.V))[.,;]+$/, ''));
}

function vendorOf(app: Application): string | undefined {
  if (app.obtained_from === 'apple') return 'Apple Inc.';
  return vendorFromSigner(app.signed_by?.[0]) ?? vendorFromInfo(app.info);
}

/** lastModified is when the bundle last changed: the install or the latest update. */
function installedAtOf(app: Application): string | undefined {
  return z.iso.datetime({ offset: true }).safeParse(app.lastModified).success ? app.lastModified : undefined;
}

function toSoftware(app: Application, isBundle: IsBundle): Software | undefined {
  // Names read from HFS+ file names arrive decomposed ("U\u0308bersicht"); NFC makes both spellings one app.
  const name = clip(app._name.normalize('NFC'));
  if (!name || !isListed(app, name, isBundle)) return undefined;
  const version = clip(app.version, 128) ?? NO_VERSION;
  return { name, version, vendor: vendorOf(app), source: 'macos', installedAt: installedAtOf(app) };
}

/**
 * Parses `system_profiler SPApplicationsDataType -json`, or returns `undefined`
 * when the output is not that document. The same name and version found in
 * several places (a copy in ~/Applications, an old installer) is listed once;
 * different versions are all kept, since the old copy is the risk. `isBundle`
 * looks at this machine's disk unless the caller knows better (a capture read
 * elsewhere).
 */
export function parseApplications(text: string, isBundle: IsBundle = isBundleOnDisk): Software[] | undefined {
  const output = OutputSchema.safeParse(parseJson(text));
  return output.success ? applicationsFrom(output.data.SPApplicationsDataType, isBundle) : undefined;
}

/**
 * Parses `system_profiler -xml SPApplicationsDataType`, what macOS before
 * 10.15 (no -json) prints: the same items, a plist `date` for lastModified.
 * `undefined` when the output is not that document.
 */
export function parseApplicationsXml(text: string, isBundle: IsBundle = isBundleOnDisk): Software[] | undefined {
  const root = parsePlist(text);
  const dataType = Array.isArray(root) ? root.find((d) => typeof d === 'object' && !Array.isArray(d) && d._dataType === 'SPApplicationsDataType') : undefined;
  const items = dataType && typeof dataType === 'object' && !Array.isArray(dataType) ? dataType._items : undefined;
  return Array.isArray(items) ? applicationsFrom(items, isBundle) : undefined;
}

function applicationsFrom(items: readonly unknown[], isBundle: IsBundle): Software[] {
  const byKey = new Map<string, Software>();
  for (const item of items) {
    const app = ApplicationSchema.safeParse(item);
    const software = app.success ? toSoftware(app.data, isBundle) : undefined;
    const key = software && `${software.name}\t${software.version}`;
    if (software && key && !byKey.has(key)) byKey.set(key, software);
  }
  return [...byKey.values()];
}

/**
 * system_profiler walks every bundle Spotlight knows, at background priority,
 * and gives up after its own -timeout (180 s by default), printing whatever it
 * had: on a busy disk, nothing. The agent gives it 5 minutes and treats an
 * empty or unreadable list as a fault: a Mac always has apps (Safari is kept),
 * and a report with none would read as "everything removed".
 */
const PROFILER_TIMEOUT_S = 300;

async function runProfiler(format: '-json' | '-xml'): Promise<string | undefined> {
  return runTool('system_profiler', ['-timeout', String(PROFILER_TIMEOUT_S), format, 'SPApplicationsDataType'], { timeoutMs: (PROFILER_TIMEOUT_S + 60) * 1000 });
}

export async function collectApplications(): Promise<ReportPart> {
  const json = await runProfiler('-json');
  if (json === undefined) return {};
  // macOS before 10.15 has no -json: the same list comes as an XML plist.
  const software = parseApplications(json) ?? parseApplicationsXml((await runProfiler('-xml')) ?? '');
  if (!software) throw new AgentError('tool-failed', 'system_profiler SPApplicationsDataType printed no application list (neither -json nor -xml)');
  if (software.length === 0) throw new AgentError('tool-failed', `system_profiler listed no applications within ${PROFILER_TIMEOUT_S} s; a Mac always has some, so nothing is reported rather than "everything removed"`);
  return { software };
}
