/**
 * Header aliases for inventory CSVs from Intune and MECM/ConfigMgr. Headers
 * are compared case-insensitively with spaces, underscores and punctuation
 * ignored, so "Device name", "DeviceName" and "device_name" are one column.
 */
export const COLUMN_ALIASES = {
  device: ['Device name', 'Device', 'Computer name', 'Netbios_Name0', 'Name0', 'Machine name', 'Hostname', 'Host name'],
  name: ['Application name', 'Application', 'App name', 'DisplayName0', 'Display name', 'Software', 'Product name', 'ProductName0'],
  version: ['Application version', 'App version', 'Version', 'Version0', 'Display version', 'DisplayVersion0', 'Product version', 'ProductVersion0'],
  publisher: ['Application publisher', 'Publisher', 'Publisher0', 'Vendor'],
  installDate: ['Install date', 'InstallDate0', 'Installed on'],
  platform: ['Platform'],
  osName: ['Operating system', 'OS', 'OS name', 'OS description', 'Caption0'],
  osVersion: ['OS version', 'Operating system version', 'OSVersion'],
} as const;

export type Column = keyof typeof COLUMN_ALIASES;
export const REQUIRED_COLUMNS: readonly Column[] = ['device', 'name', 'version'];

export const normaliseHeader = (h: string): string => h.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Which field index holds each known column; the first matching header wins. */
export function mapColumns(header: readonly string[]): Partial<Record<Column, number>> {
  const normalised = header.map(normaliseHeader);
  const found: Partial<Record<Column, number>> = {};
  for (const [column, aliases] of Object.entries(COLUMN_ALIASES) as [Column, readonly string[]][]) {
    const index = normalised.findIndex((h) => aliases.some((a) => normaliseHeader(a) === h));
    if (index >= 0) found[column] = index;
  }
  return found;
}
