/**
 * The machine's names from the registry, not WMI: the asset's identity must
 * survive a broken WMI repository. Tcpip\Parameters holds the DNS host name
 * (case as given) and the primary DNS suffix ("Domain", effective; "NV Domain",
 * as configured), which is what the machine's FQDN is built from, also where
 * the DNS namespace differs from the AD domain's name.
 */
export const IDENTITY_SCRIPT = String.raw`
$tcp = Get-ItemProperty -LiteralPath 'HKLM:\SYSTEM\CurrentControlSet\Services\Tcpip\Parameters'
$cn = Get-ItemProperty -LiteralPath 'HKLM:\SYSTEM\CurrentControlSet\Control\ComputerName\ActiveComputerName'
$names = @{ Hostname = $tcp.Hostname; Domain = $tcp.Domain; NVDomain = $tcp.'NV Domain'; ComputerName = $cn.ComputerName }
ConvertTo-EwJsonArray @($names) @('Hostname', 'Domain', 'NVDomain', 'ComputerName')
`;
