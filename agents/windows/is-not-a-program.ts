import { psFlag, psText, type PsRecord } from './parse-ps-json.js';

/** ReleaseType values Windows Installer patches and hotfixes register under. */
const UPDATE_RELEASE_TYPES = new Set(['update', 'hotfix', 'security update', 'service pack', 'update rollup']);

/** "Security Update for Microsoft Excel 2016 (KB5002121) 64-Bit Edition", "Hotfix for …". */
const UPDATE_NAME = /^(security update|update|hotfix|service pack \d*) for\b|\(KB\d{6,7}\)/i;

/**
 * "Windows Driver Package - Intel (e1dexpress) Net  (12.18.9.23)": the driver
 * store's record of a device driver, which DPInst writes into the Uninstall
 * keys. A driver, not a program: the device and its maker are what matter, and
 * counted as software each one would be one more "no published lifecycle" row.
 */
const DRIVER_PACKAGE = /^Windows Driver Package - /i;

/**
 * Entries that are part of something else rather than a program: system
 * components (hidden from "Programs and Features"), patches registered under a
 * parent product (ParentKeyName), KB updates and driver-store packages. Their
 * versions belong to something else, so as items they would only be noise to
 * the lifecycle rules.
 */
export function isNotAProgram(entry: PsRecord, name: string): boolean {
  if (psFlag(entry, 'SystemComponent') || psText(entry, 'ParentKeyName')) return true;
  if (UPDATE_RELEASE_TYPES.has(psText(entry, 'ReleaseType')?.toLowerCase() ?? '')) return true;
  return UPDATE_NAME.test(name) || DRIVER_PACKAGE.test(name);
}
