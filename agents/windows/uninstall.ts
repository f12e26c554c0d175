import type { Software } from '../../src/contract/report.js';
import { clip } from '../clip.js';
import { NO_VERSION } from '../no-version.js';
import { installDate } from './install-date.js';
import { isNotAProgram } from './is-not-a-program.js';
import { parsePsJson, psText, type PsRecord } from './parse-ps-json.js';
import { uniqueBy } from '../unique-by.js';

/**
 * Parses UNINSTALL_SCRIPT's output. Leaves out entries without a DisplayName
 * (not shown in "Programs and Features" either), system components and
 * updates (see isNotAProgram). A program registered in both the 64- and
 * 32-bit views is listed once; a per-user install once per user, with the
 * user's SID (`hive`), so each user's list can be remembered (user-installs.ts). A program with no
 * version anywhere is kept as NO_VERSION, as on macOS: it is still installed,
 * and inventing a number ("0") would read as "very old" to the rules.
 */
export function parseUninstall(text: string): Software[] {
  const software = parsePsJson(text).flatMap((entry) => {
    const name = clip(psText(entry, 'DisplayName'));
    return !name || isNotAProgram(entry, name) ? [] : [toSoftware(entry, name, clip(versionOf(entry, name), 128) ?? NO_VERSION)];
  });
  return uniqueBy(software, (s) => `${s.name}\t${s.version}\t${s.vendor ?? ''}\t${s.hive ?? ''}`);
}

/** DisplayVersion; else the VersionMajor/VersionMinor DWORDs an MSI writes; else a dotted number in the name. */
function versionOf(entry: PsRecord, name: string): string | undefined {
  const major = psText(entry, 'VersionMajor');
  const minor = psText(entry, 'VersionMinor');
  const fromDwords = major && /^\d+$/.test(major) ? `${major}.${minor && /^\d+$/.test(minor) ? minor : '0'}` : undefined;
  return psText(entry, 'DisplayVersion') ?? fromDwords ?? versionInName(name);
}

function toSoftware(entry: PsRecord, name: string, version: string): Software {
  const vendor = clip(psText(entry, 'Publisher'));
  const installedAt = installDate(psText(entry, 'InstallDate'));
  const hive = psText(entry, 'Scope') === 'user' ? psText(entry, 'Hive') : undefined;
  return { name, version, ...(vendor && { vendor }), source: 'registry', ...(installedAt && { installedAt }), ...(hive && { hive }) };
}

/** "Rhaglen Cymraeg 2.1.4" → "2.1.4": a dotted number only, so "Office 2016" gives nothing. */
export function versionInName(name: string): string | undefined {
  return /(?:^|[\s(v])(\d+(?:\.\d+)+)\b/.exec(name)?.[1];
}
