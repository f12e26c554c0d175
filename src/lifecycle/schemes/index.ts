/** Every version scheme a rule file may name in `version.scheme`: one line each. */
import { dotnetfx } from './dotnetfx.js';
import { dotted } from './dotted.js';
import { java } from './java.js';
import { mssql } from './mssql.js';
import { nameMajor } from './name-major.js';
import { nameVersion } from './name-version.js';
import { office } from './office.js';
import type { VersionScheme } from './version-scheme.js';
import { windowsBuild } from './windows-build.js';

export type { VersionScheme } from './version-scheme.js';
export { dotted };

export const SCHEMES: readonly VersionScheme[] = [dotted, windowsBuild, java, office, dotnetfx, mssql, nameMajor, nameVersion];

export const SCHEME_IDS = SCHEMES.map((s) => s.id) as [string, ...string[]];

export function getScheme(id: string): VersionScheme | undefined {
  return SCHEMES.find((s) => s.id === id);
}
