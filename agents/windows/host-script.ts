/** The machine's names and hardware identity from WMI (Get-WmiObject: see OS_SCRIPT). */
export const HOST_SCRIPT = String.raw`
$cs = Get-WmiObject -Class Win32_ComputerSystem
$serial = $null
try { $serial = (Get-WmiObject -Class Win32_BIOS).SerialNumber } catch { }
$machine = @{
  Name = $cs.Name; DNSHostName = $cs.DNSHostName; Domain = $cs.Domain; PartOfDomain = $cs.PartOfDomain
  Manufacturer = $cs.Manufacturer; Model = $cs.Model; SerialNumber = $serial
}
ConvertTo-EwJsonArray @($machine) @('Name', 'DNSHostName', 'Domain', 'PartOfDomain', 'Manufacturer', 'Model', 'SerialNumber')
`;
