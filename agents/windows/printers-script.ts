/**
 * The print queues this machine holds, from WMI (its own queues and the
 * account the agent runs as), plus the print-server connections WMI does not
 * show to SYSTEM: those pushed to the machine (Control\Print\Connections) and
 * those each logged-on user mapped (HKEY_USERS\<sid>\Printers\Connections),
 * which is where a ward's fax and MFD queues usually are. A connection key is
 * named ",,server,queue". Since PrintNightmare (CVE-2021-34527) the spooler is
 * disabled on domain controllers and many servers; with it stopped there are
 * no queues, which is no error.
 */
export const PRINTERS_SCRIPT = String.raw`
$spooler = Get-Service -Name Spooler -ErrorAction SilentlyContinue
$printers = @()
if ($null -ne $spooler -and $spooler.Status -eq 'Running') {
  $printers += @(Get-WmiObject -Class Win32_Printer | ForEach-Object {
    @{ Name = $_.Name; DriverName = $_.DriverName; PortName = $_.PortName; Location = $_.Location; Network = $_.Network; Scope = 'wmi' }
  })
}
$connections = @(@{ Scope = 'machine'; Path = 'HKLM:\SYSTEM\CurrentControlSet\Control\Print\Connections' })
foreach ($hive in Get-ChildItem -LiteralPath 'Registry::HKEY_USERS' -ErrorAction SilentlyContinue) {
  if ($hive.PSChildName -match '^S-1-(5-21|12-1)-[0-9-]+$') {
    $connections += @{ Scope = 'user'; Path = "Registry::HKEY_USERS\$($hive.PSChildName)\Printers\Connections" }
  }
}
foreach ($root in $connections) {
  if (-not (Test-Path -LiteralPath $root.Path)) { continue }
  foreach ($key in @(Get-ChildItem -LiteralPath $root.Path)) {
    $parts = $key.PSChildName.Split(',')
    if ($parts.Length -ge 4) {
      $printers += @{ Name = '\\' + $parts[2] + '\' + $parts[3]; DriverName = $null; PortName = $null; Location = $null; Network = $true; Scope = $root.Scope }
    }
  }
}
ConvertTo-EwJsonArray $printers @('Name', 'DriverName', 'PortName', 'Location', 'Network', 'Scope')
`;
