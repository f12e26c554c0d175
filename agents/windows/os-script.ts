/**
 * The OS from the registry, with WMI's Caption beside it. Get-WmiObject rather
 * than Get-CimInstance: the latter needs PowerShell 3.0 and Windows 7 ships 2.0;
 * both read the same WMI class. The 64-bit architecture of a 32-bit process is
 * in PROCESSOR_ARCHITEW6432.
 */
export const OS_SCRIPT = String.raw`
$cv = Get-ItemProperty -LiteralPath 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion'
$caption = $null
try { $caption = (Get-WmiObject -Class Win32_OperatingSystem).Caption } catch { }
$arch = $env:PROCESSOR_ARCHITEW6432
if (-not $arch) { $arch = $env:PROCESSOR_ARCHITECTURE }
$os = @{
  ProductName = $cv.ProductName; EditionID = $cv.EditionID; Caption = $caption
  CurrentMajorVersionNumber = $cv.CurrentMajorVersionNumber; CurrentMinorVersionNumber = $cv.CurrentMinorVersionNumber
  CurrentVersion = $cv.CurrentVersion; CurrentBuildNumber = $cv.CurrentBuildNumber; CurrentBuild = $cv.CurrentBuild
  UBR = $cv.UBR; Architecture = $arch
}
ConvertTo-EwJsonArray @($os) @('ProductName', 'EditionID', 'Caption', 'CurrentMajorVersionNumber', 'CurrentMinorVersionNumber',
  'CurrentVersion', 'CurrentBuildNumber', 'CurrentBuild', 'UBR', 'Architecture')
`;
