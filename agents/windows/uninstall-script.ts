/**
 * Every Uninstall entry: the 64-bit and 32-bit (WOW6432Node) machine views,
 * then per-user installs of the users whose hives are loaded now (logged on,
 * or running a service). Other profiles' NTUSER.DAT are deliberately not
 * loaded: on a shared ward PC or a domain controller that means hundreds of
 * hives, slow and intrusive. Only real accounts count: S-1-5-21-… (domain or
 * local) and S-1-12-1-… (Entra ID); "_Classes" hives and service SIDs are skipped.
 *
 * One unreadable key must not hide the rest, hence SilentlyContinue per key.
 */
export const UNINSTALL_SCRIPT = String.raw`
$tail = 'Microsoft\Windows\CurrentVersion\Uninstall'
$roots = @(
  @{ Scope = 'machine'; Path = "HKLM:\SOFTWARE\$tail" },
  @{ Scope = 'machine-32'; Path = "HKLM:\SOFTWARE\WOW6432Node\$tail" }
)
foreach ($hive in Get-ChildItem -LiteralPath 'Registry::HKEY_USERS' -ErrorAction SilentlyContinue) {
  if ($hive.PSChildName -match '^S-1-(5-21|12-1)-[0-9-]+$') {
    $roots += @{ Scope = 'user'; Path = "Registry::HKEY_USERS\$($hive.PSChildName)\Software\$tail" }
  }
}
$entries = foreach ($root in $roots) {
  if (-not (Test-Path -LiteralPath $root.Path)) { continue }
  foreach ($key in Get-ChildItem -LiteralPath $root.Path -ErrorAction SilentlyContinue) {
    $p = Get-ItemProperty -LiteralPath $key.PSPath -ErrorAction SilentlyContinue
    if ($null -eq $p) { continue }
    @{
      Scope = $root.Scope; KeyName = $key.PSChildName
      DisplayName = $p.DisplayName; DisplayVersion = $p.DisplayVersion; Publisher = $p.Publisher; InstallDate = $p.InstallDate
      SystemComponent = $p.SystemComponent; ParentKeyName = $p.ParentKeyName; ReleaseType = $p.ReleaseType
    }
  }
}
ConvertTo-EwJsonArray $entries @('Scope', 'KeyName', 'DisplayName', 'DisplayVersion', 'Publisher', 'InstallDate',
  'SystemComponent', 'ParentKeyName', 'ReleaseType')
`;
