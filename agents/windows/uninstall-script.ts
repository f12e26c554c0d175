/**
 * Every Uninstall entry: the 64-bit and 32-bit (WOW6432Node) machine views,
 * then per-user installs of the users whose hives are loaded now (logged on,
 * or running a service). Other profiles' NTUSER.DAT are deliberately not
 * loaded: on a shared ward PC or a domain controller that means hundreds of
 * hives, slow and intrusive. Only real accounts count: S-1-5-21-… (domain or
 * local) and S-1-12-1-… (Entra ID); "_Classes" hives and service SIDs are skipped.
 *
 * One broken key must not hide the rest, nor fail the scan: installers such
 * as NetBeans write a malformed value (an invalid NoModify DWORD), and
 * Get-ItemProperty then throws a statement-terminating error that
 * -ErrorAction does not stop (PowerShell#9552). Each key is read inside its own
 * try; a key that still throws is read value by value through the .NET key.
 */
export const UNINSTALL_SCRIPT = String.raw`
$tail = 'Microsoft\Windows\CurrentVersion\Uninstall'
$roots = @(
  @{ Scope = 'machine'; Path = "HKLM:\SOFTWARE\$tail" },
  @{ Scope = 'machine-32'; Path = "HKLM:\SOFTWARE\WOW6432Node\$tail" }
)
foreach ($hive in Get-ChildItem -LiteralPath 'Registry::HKEY_USERS' -ErrorAction SilentlyContinue) {
  if ($hive.PSChildName -match '^S-1-(5-21|12-1)-[0-9-]+$') {
    $roots += @{ Scope = 'user'; Hive = $hive.PSChildName; Path = "Registry::HKEY_USERS\$($hive.PSChildName)\Software\$tail" }
  }
}
$wanted = @('DisplayName', 'DisplayVersion', 'VersionMajor', 'VersionMinor', 'Publisher', 'InstallDate', 'SystemComponent',
  'ParentKeyName', 'ReleaseType')
function Read-EwUninstallKey($key) {
  $values = @{}
  try {
    $p = Get-ItemProperty -LiteralPath $key.PSPath
    foreach ($n in $wanted) { $values[$n] = $p.$n }
  } catch {
    foreach ($n in $wanted) { try { $values[$n] = $key.GetValue($n) } catch { $values[$n] = $null } }
  }
  $values
}
$entries = foreach ($root in $roots) {
  if (-not (Test-Path -LiteralPath $root.Path)) { continue }
  $keys = @()
  try { $keys = @(Get-ChildItem -LiteralPath $root.Path) } catch { }
  foreach ($key in $keys) {
    $e = Read-EwUninstallKey $key
    $e['Scope'] = $root.Scope
    $e['Hive'] = $root.Hive
    $e['KeyName'] = $key.PSChildName
    $e
  }
}
ConvertTo-EwJsonArray $entries (@('Scope', 'Hive', 'KeyName') + $wanted)
`;
