/**
 * Store/MSIX packages of every user (the new Teams, Company Portal, winget and
 * the inbox apps live here, not in the Uninstall keys). Main packages only:
 * frameworks and resource packs serve them. Windows 7 and Server 2008 R2 have
 * no Get-AppxPackage: an empty list there, not an error. Reading all users
 * needs the administrator rights the agent runs with.
 */
export const APPX_SCRIPT = String.raw`
$packages = @()
if (Get-Command -Name Get-AppxPackage -ErrorAction SilentlyContinue) {
  $packages = @(Get-AppxPackage -AllUsers -PackageTypeFilter Main | ForEach-Object {
    @{ Name = $_.Name; Version = [string]$_.Version; Publisher = $_.Publisher; SignatureKind = [string]$_.SignatureKind; IsFramework = $_.IsFramework }
  })
}
ConvertTo-EwJsonArray $packages @('Name', 'Version', 'Publisher', 'SignatureKind', 'IsFramework')
`;
