import type { Software } from '../../src/contract/report.js';
import { clip } from '../clip.js';
import type { ReportPart } from '../collector.js';
import { runTool } from '../run-tool.js';

/**
 * pkgutil answers one receipt per process (~10–20 ms each), and receipts are
 * binary plists Node cannot read without a parser, so the cost grows with the
 * receipt count. A managed Mac has tens of third-party receipts; 200 keeps the
 * worst case to a few seconds. Past it (a build machine full of SDK receipts)
 * the rest are left out rather than stalling the scan.
 */
export const MAX_RECEIPTS = 200;
const CONCURRENCY = 4;

/** Receipt ids from `pkgutil --pkgs`, without Apple's: com.apple.* receipts are macOS itself. */
export function parsePkgIds(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((id) => id && !/^com\.apple\./i.test(id));
}

/** The string and integer values of a flat XML plist dict (what `pkgutil --pkg-info-plist` prints). */
export function parsePlistDict(xml: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const match of xml.matchAll(/<key>([^<]*)<\/key>\s*<(string|integer|real)>([^<]*)<\/\2>/g)) {
    if (match[1] !== undefined && match[3] !== undefined) values.set(unescapeXml(match[1]), unescapeXml(match[3]));
  }
  return values;
}

function unescapeXml(text: string): string {
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return text.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => entities[name] ?? '');
}

/**
 * A receipt that put an app bundle down (id ending ".app", or installed into
 * /Applications) is already listed by system_profiler under the app's own
 * name; what is left are runtimes, drivers and plug-ins apps do not show
 * (Oracle Java, Python.framework, VPN kernel extensions).
 */
export function installsApplication(id: string, installLocation: string | undefined): boolean {
  return /\.app$/i.test(id) || /^\/?Applications(\/|$)/.test(installLocation ?? '');
}

/** Organisations whose reverse-DNS prefix is unambiguous; anything else gets no vendor rather than a guess. */
const VENDORS: Record<string, string> = {
  'com.adobe': 'Adobe Inc.',
  'com.cisco': 'Cisco Systems, Inc.',
  'com.citrix': 'Citrix Systems, Inc.',
  'com.google': 'Google LLC',
  'com.microsoft': 'Microsoft Corporation',
  'com.oracle': 'Oracle Corporation',
  'org.mozilla': 'Mozilla Corporation',
  'org.python': 'Python Software Foundation',
  'us.zoom': 'Zoom Video Communications, Inc.',
};

export function vendorFromId(id: string): string | undefined {
  return VENDORS[id.split('.').slice(0, 2).join('.').toLowerCase()];
}

/** One receipt as software named by its id ("org.python.Python.PythonFramework-3.12"), or `undefined` if it installs an app. */
export function parsePkgInfo(xml: string): Software | undefined {
  const info = parsePlistDict(xml);
  const id = clip(info.get('pkgid'));
  const version = clip(info.get('pkg-version'), 128);
  if (!id || !version || installsApplication(id, info.get('install-location'))) return undefined;
  const seconds = Number(info.get('install-time'));
  const installedAt = Number.isInteger(seconds) && seconds > 0 ? new Date(seconds * 1000).toISOString() : undefined;
  return { name: id, version, vendor: vendorFromId(id), source: 'macos', installedAt };
}

export async function collectPkgutil(): Promise<ReportPart> {
  const list = await runTool('pkgutil', ['--pkgs'], { timeoutMs: 30_000 });
  if (list === undefined) return {};
  const ids = parsePkgIds(list).slice(0, MAX_RECEIPTS);
  const receipts = await mapLimit(ids, CONCURRENCY, (id) =>
    // A receipt forgotten between the two calls exits non-zero: skip it.
    runTool('pkgutil', ['--pkg-info-plist', id], { timeoutMs: 15_000, allowFailure: true }),
  );
  return { software: receipts.flatMap((xml) => (xml === undefined ? [] : (parsePkgInfo(xml) ?? []))) };
}

/** Runs `task` over `items` with at most `limit` in flight, keeping order. */
async function mapLimit<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < items.length; index = next++) results[index] = await task(items[index] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
