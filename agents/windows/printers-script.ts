/**
 * The print queues this machine holds (its own and those of the account the
 * agent runs as; other users' per-user connections are not visible). Since
 * PrintNightmare (CVE-2021-34527) the spooler is disabled on domain controllers
 * and many servers; with it stopped there are no queues, which is no error.
 */
export const PRINTERS_SCRIPT = String.raw`
$spooler = Get-Service -Name Spooler -ErrorAction SilentlyContinue
if ($null -ne $spooler -and $spooler.Status -eq 'Running') { $printers = @(Get-WmiObject -Class Win32_Printer) } else { $printers = @() }
ConvertTo-EwJsonArray $printers @('Name', 'DriverName', 'PortName', 'Location', 'Local', 'Network', 'Shared', 'ShareName')
`;
