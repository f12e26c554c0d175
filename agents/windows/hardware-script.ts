/** The machine's hardware identity from WMI (Get-WmiObject: see OS_SCRIPT). */
export const HARDWARE_SCRIPT = String.raw`
$cs = Get-WmiObject -Class Win32_ComputerSystem
$serial = $null
try { $serial = (Get-WmiObject -Class Win32_BIOS).SerialNumber } catch { }
$machine = @{ Manufacturer = $cs.Manufacturer; Model = $cs.Model; SerialNumber = $serial }
ConvertTo-EwJsonArray @($machine) @('Manufacturer', 'Model', 'SerialNumber')
`;
