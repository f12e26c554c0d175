/**
 * The machine's user profiles (ProfileList) and whether each one's hive is
 * loaded now (logged on, or running a service). Per-user software is read from
 * loaded hives only; a profile that exists but is not loaded keeps what was
 * last read from it (user-installs.ts), and a deleted profile's is dropped.
 */
export const PROFILES_SCRIPT = String.raw`
$real = '^S-1-(5-21|12-1)-[0-9-]+$'
$loaded = @(Get-ChildItem -LiteralPath 'Registry::HKEY_USERS' | ForEach-Object { $_.PSChildName } | Where-Object { $_ -match $real })
$listed = @(Get-ChildItem -LiteralPath 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion\ProfileList' | ForEach-Object { $_.PSChildName } | Where-Object { $_ -match $real })
$profiles = foreach ($sid in @($listed + $loaded | Sort-Object -Unique)) { @{ Sid = $sid; Loaded = ($loaded -contains $sid) } }
ConvertTo-EwJsonArray $profiles @('Sid', 'Loaded')
`;
