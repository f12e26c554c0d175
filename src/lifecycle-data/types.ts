/**
 * The endoflife.date data's shape, as the snapshot folder (../shared/data/endoflife/README.md)
 * holds it and as an API v1 export is read into it (read-eol-data.ts), and the generator's recipe.
 */
import type { DateValue, MatchEntry } from '../rules/lifecycle-schema.js';

export interface EolRelease {
  cycle: string;
  label?: string;
  releaseDate: string | null;
  support: DateValue;
  eol: DateValue;
  extendedSupport: DateValue;
  latest?: string | null;
  /** The day `latest` came out. */
  latestReleaseDate?: string | null;
}

export interface EolProduct {
  product: string;
  title: string;
  category: string;
  permalink: string;
  /** The endoflife.date commit the data was taken at; null for an API export, which names none. */
  sourceCommit: string | null;
  /** When the data was taken (the commit's date, or the export's `generated_at`): what "latest" is true of. */
  sourceCommitDate: string;
  identifiers?: { type: string; id: string }[] | null;
  columns?: Record<string, string | boolean> | null;
  releases: EolRelease[];
}

export interface CycleShape {
  versions?: string[];
  edition?: string;
  minVersion?: string;
  note?: string;
}

export interface Recipe {
  slug: string;
  kind: 'os' | 'software';
  title?: string;
  scheme?: 'windows-build' | 'java' | 'office' | 'dotnetfx' | 'mssql' | 'name-major' | 'name-version';
  match: MatchEntry[];
  /** Why the data's extended-support column does not count as extended support here. */
  ignoreExtended?: string;
  notes?: string;
  /** Ships as part of Windows: never better supported than the OS it runs on. */
  osComponent?: boolean;
  /** Serviced only at the newest version of a cycle: `latest` is written for cycles not ended at the snapshot. */
  evergreen?: boolean;
  /** Versions/edition/floor for one release; null drops it. Default: versions [cycle]. */
  shape?: (r: EolRelease) => CycleShape | null;
  /** List cycles with longer version prefixes first (a point release before its branch: FreeBSD 15.0 before 15). */
  specificFirst?: boolean;
}

export const DISTRO = ['dpkg', 'rpm', 'apk'] as MatchEntry['sources'];
/** Sources that are not a distribution's package manager: installers, app bundles, imports. */
export const INSTALLERS = ['registry', 'macos', 'import', 'other'] as MatchEntry['sources'];

export const pkg = (name: string, upstream = false): MatchEntry => (upstream ? { name, sources: DISTRO, upstream } : { name, sources: DISTRO });
