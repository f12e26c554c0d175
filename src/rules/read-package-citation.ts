/**
 * Which installed Debian package a data file came from, so a verdict built on it
 * can cite "distro-info-data 0.58+deb12u6 of 2025-10-18" rather than a bare path.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

export interface PackageCitation {
  /** The Debian package, e.g. "distro-info-data". */
  name: string;
  /** Its installed version, e.g. "0.58+deb12u6"; null when neither its changelog nor dpkg says. */
  version: string | null;
  /** The day of that version's changelog entry; without one, the newest file's modification day. */
  date: string;
  /** The data files read, as absolute paths. */
  files: readonly string[];
}

/** "distro-info-data 0.58+deb12u6", as a reason cites it. */
export function describePackage(p: PackageCitation): string {
  return p.version ? `${p.name} ${p.version}` : `${p.name} (version not recorded; files of ${p.date})`;
}

export interface CitationPlaces {
  /** dpkg's database; its status file says the version when the package's changelog is not installed. */
  dpkgDir?: string;
}

/**
 * Reads the package's version from its changelog, found beside the data in the
 * usual layout (/usr/share/<data> → /usr/share/doc/<package>/), else from dpkg's
 * status when dpkg lists the files as that package's (slim images drop /usr/share/doc).
 */
export function readPackageCitation(name: string, dataDir: string, files: readonly string[], places: CitationPlaces = {}): PackageCitation {
  const fromChangelog = readChangelogHead(path.join(dataDir, '..', 'doc', name), name);
  const version = fromChangelog?.version ?? readDpkgVersion(name, files, places.dpkgDir ?? '/var/lib/dpkg');
  return { name, version, date: fromChangelog?.date ?? newestModification(files), files };
}

/** "distro-info-data (0.58+deb12u6) bookworm; urgency=medium" … " -- Name <mail>  Sat, 18 Oct 2025 16:50:26 +0200". */
function readChangelogHead(docDir: string, name: string): { version: string; date: string } | null {
  // A native package (distro-info-data) ships changelog.gz; others changelog.Debian.gz.
  const file = ['changelog.Debian.gz', 'changelog.gz'].map((f) => path.join(docDir, f)).find((f) => existsSync(f));
  if (!file) return null;
  const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n');
  const head = /^(\S+) \(([^)\s]+)\)/.exec(lines[0] ?? '');
  const trailer = lines.map((l) => /^ -- .+?> {2}(.+)$/.exec(l)).find((m) => m !== null);
  const when = trailer ? Date.parse(trailer[1] as string) : NaN;
  if (!head || head[1] !== name || Number.isNaN(when)) return null;
  return { version: head[2] as string, date: new Date(when).toISOString().slice(0, 10) };
}

function readDpkgVersion(name: string, files: readonly string[], dpkgDir: string): string | null {
  const list = path.join(dpkgDir, 'info', `${name}.list`);
  const status = path.join(dpkgDir, 'status');
  if (!existsSync(list) || !existsSync(status)) return null;
  const owned = new Set(readFileSync(list, 'utf8').split('\n'));
  if (!files.every((f) => owned.has(f))) return null;
  const stanza = readFileSync(status, 'utf8')
    .split(/\n\n+/)
    .find((s) => new RegExp(`^Package: ${name.replace(/[.+]/g, '\\$&')}$`, 'm').test(s) && /^Status: install ok installed$/m.test(s));
  return stanza ? (/^Version: (\S+)$/m.exec(stanza)?.[1] ?? null) : null;
}

function newestModification(files: readonly string[]): string {
  const newest = Math.max(...files.map((f) => statSync(f).mtimeMs));
  return new Date(newest).toISOString().slice(0, 10);
}
