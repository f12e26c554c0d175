/**
 * osquery rows (every value a string, as `osqueryi --json` and osqueryd's
 * results log give them) mapped to the contract: os_version → os,
 * system_info → host, programs / deb_packages / rpm_packages → software.
 */
import type { Os, Report, Software } from '../contract/report.js';
import { clip, hostNames, installDate, UNKNOWN_OS } from './_report-parts.js';

export type Row = Record<string, unknown>;
export const TABLES = ['os_version', 'system_info', 'programs', 'deb_packages', 'rpm_packages'] as const;
export type Table = (typeof TABLES)[number];

/** "pack_estate_programs", "pack/estate/os_version" or plain "programs" → the table it reads. */
export function tableOf(queryName: string): Table | undefined {
  return TABLES.find((t) => queryName === t || new RegExp(`[/_:.-]${t}$`).test(queryName));
}

const LINUX_PLATFORMS = /^(ubuntu|debian|rhel|centos|rocky|almalinux|ol|fedora|amzn|sles|opensuse|arch|gentoo|linux)/i;

export function osFromRow(row: Row | undefined): Os {
  const name = clip(row?.name);
  const platform = clip(row?.platform) ?? '';
  if (!row || !name) return UNKNOWN_OS;
  const arch = clip(row.arch, 32);
  if (platform === 'windows' || /^microsoft windows/i.test(name)) return windowsOs(row, name, arch);
  if (platform === 'darwin' || /^mac ?os/i.test(name)) {
    const version = clip(row.version, 64) ?? joinVersion(row);
    return { family: 'macos', name: 'macOS', version: version ?? 'unknown', build: clip(row.build, 64), arch };
  }
  if (LINUX_PLATFORMS.test(platform) || LINUX_PLATFORMS.test(clip(row.platform_like) ?? '')) return linuxOs(row, name, platform, arch);
  return { family: 'other', name, version: clip(row.version, 64) ?? joinVersion(row) ?? 'unknown', arch };
}

/** Windows is judged by its build: "10.0.19045", with the update revision kept in `build`. */
function windowsOs(row: Row, name: string, arch: string | undefined): Os {
  const build = clip(row.build) ?? clip(row.patch);
  const base = build ? `${clip(row.major) ?? '10'}.${clip(row.minor) ?? '0'}.${build}` : (clip(row.version, 64) ?? 'unknown');
  const revision = clip(row.revision);
  return { family: 'windows', name, version: base, build: revision ? `${base}.${revision}` : undefined, arch: windowsArch(arch) };
}

/** osquery says "64-bit"; the agents say "x64". */
const windowsArch = (arch: string | undefined) => (arch === '64-bit' ? 'x64' : arch === '32-bit' ? 'x86' : arch);

/**
 * osquery's `version` is os-release VERSION ("22.04.4 LTS (Jammy Jellyfish)");
 * the rules want VERSION_ID. Ubuntu keeps two digits for the month ("22.04"),
 * which osquery's numeric `minor` (4) has lost, so it is rebuilt here.
 */
function linuxOs(row: Row, name: string, platform: string, arch: string | undefined): Os {
  const full = clip(row.version, 64);
  const leading = /^\d+(\.\d+)*/.exec(full ?? '')?.[0];
  const major = clip(row.major);
  const minor = clip(row.minor);
  let version = leading ?? joinVersion(row) ?? 'unknown';
  if (/^ubuntu/i.test(platform) || /^ubuntu/i.test(name)) version = major && minor ? `${major}.${minor.padStart(2, '0')}` : version.split('.').slice(0, 2).join('.');
  return { family: 'linux', name, version, build: full !== version ? full : undefined, arch };
}

function joinVersion(row: Row): string | undefined {
  const parts = [clip(row.major), clip(row.minor), clip(row.patch)].filter((p): p is string => p !== undefined);
  return parts.length ? parts.join('.') : undefined;
}

/** system_info: computer_name is the short name; hostname may be the FQDN. */
export function hostFromRow(row: Row | undefined, fallback: string): Report['host'] {
  const names = hostNames(clip(row?.hostname, 253) ?? clip(row?.computer_name, 253) ?? fallback);
  const short = clip(row?.computer_name, 253);
  return {
    hostname: short && names.fqdn?.toLowerCase().startsWith(`${short.toLowerCase()}.`) ? short : names.hostname,
    fqdn: names.fqdn,
    manufacturer: clip(row?.hardware_vendor),
    model: clip(row?.hardware_model),
    serial: clip(row?.hardware_serial),
  };
}

/** Rows without a name or a version are left out, as the agents leave them out. */
export function softwareFromRow(table: Table, row: Row): Software | undefined {
  const name = clip(row.name);
  const version = clip(row.version, 128);
  if (!name || !version) return undefined;
  if (table === 'programs') return { name, version, vendor: clip(row.publisher), source: 'import', installedAt: installDate(row.install_date) };
  if (table === 'deb_packages') {
    // A removed package keeps a row ("deinstall ok config-files") until purged; it is not installed.
    const status = clip(row.status);
    if (status && !/ ok installed$/.test(status)) return undefined;
    return { name, version, vendor: clip(String(row.maintainer ?? '').replace(/<[^>]*>/g, '').replace(/\s+/g, ' ')), source: 'dpkg' };
  }
  if (table === 'rpm_packages') {
    // RPM lists imported signing keys as packages; they are not software.
    if (name === 'gpg-pubkey') return undefined;
    const epoch = clip(row.epoch);
    const release = clip(row.release);
    const full = `${epoch && epoch !== '0' ? `${epoch}:` : ''}${version}${release ? `-${release}` : ''}`;
    return { name, version: full.slice(0, 128), vendor: clip(row.vendor), source: 'rpm' };
  }
  return undefined;
}
