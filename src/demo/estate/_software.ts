/**
 * Short constructors for demo software rows, so each host file reads like the
 * inventory it stands for. Private to the demo estate.
 */
import type { Software } from '../../contract/report.js';

type Extra = { vendor?: string; installedAt?: string };

/** An entry from the Windows Uninstall registry keys (DisplayName, DisplayVersion, Publisher, InstallDate). */
export const registry = (name: string, version: string, vendor?: string, installedAt?: string): Software =>
  row('registry', name, version, { vendor, installedAt });

/** A Debian/Ubuntu package as `dpkg-query -W` lists it; patched by the distribution. */
export const dpkg = (name: string, version: string): Software => row('dpkg', name, version, {});

/** An RPM as `rpm -qa` lists it, epoch included where set ("1:3.0.7-27.el9"). */
export const rpm = (name: string, version: string, vendor?: string): Software => row('rpm', name, version, { vendor });

/** A macOS application bundle (CFBundleShortVersionString). */
export const macApp = (name: string, version: string, vendor?: string): Software =>
  row('macos', name, version, { vendor });

/** Anything installed outside a package manager: a vendor tarball under /opt, a supplier manifest. */
export const other = (name: string, version: string, vendor?: string, installedAt?: string): Software =>
  row('other', name, version, { vendor, installedAt });

function row(source: Software['source'], name: string, version: string, extra: Extra): Software {
  const item: Software = { name, version, source };
  if (extra.vendor) item.vendor = extra.vendor;
  if (extra.installedAt) item.installedAt = extra.installedAt;
  return item;
}
