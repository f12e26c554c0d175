/**
 * PowerShell functions every Windows script starts with: a JSON writer that
 * runs on Windows PowerShell 2.0 as well as 5.1.
 *
 * Why not ConvertTo-Json: it arrived in PowerShell 3.0, and Windows 7 SP1 and
 * Server 2008 R2 ship 2.0 — exactly the unsupported machines estatewatch must
 * see. Writing our own also removes 5.1's quirks at the source (a single object
 * not wrapped in an array, "\/Date(…)\/" dates, a -Depth cut-off).
 *
 * Why every non-ASCII character becomes \uXXXX: the console encodes stdout in
 * the OEM code page (850 on a UK build), which mangles "Überweisungs-Client" or
 * "Cliniview Ø". Pure-ASCII output survives every code page and every
 * PowerShell version, without touching [Console]::OutputEncoding (whose
 * `[Text.UTF8Encoding]::new()` form is itself PowerShell 5-only).
 *
 * Only cmdlets, operators and methods on core types are used, so the scripts
 * also run under Constrained Language Mode (AppLocker / WDAC).
 */
export const JSON_PRELUDE = String.raw`
$ErrorActionPreference = 'Stop'

function ConvertTo-EwJsonText([string]$s) {
  if ($s -notmatch '[^\x20\x21\x23-\x5b\x5d-\x7e]') { return $s }
  $out = ''
  foreach ($c in $s.ToCharArray()) {
    $n = [int]$c
    if ($n -eq 34 -or $n -eq 92) { $out += '\' + $c }
    elseif ($n -lt 32 -or $n -gt 126) { $out += '\u{0:x4}' -f $n }
    else { $out += $c }
  }
  $out
}

function ConvertTo-EwJsonValue($v) {
  if ($null -eq $v) { return 'null' }
  if ($v -is [bool]) { if ($v) { return 'true' } else { return 'false' } }
  if ($v -is [array]) { $v = $v -join ' ' }
  '"' + (ConvertTo-EwJsonText ([string]$v)) + '"'
}

# One object per line; every value is a string, a boolean or null.
function ConvertTo-EwJsonObject($o, [string[]]$names) {
  $pairs = foreach ($n in $names) { '"' + $n + '":' + (ConvertTo-EwJsonValue $o.$n) }
  '{' + ($pairs -join ',') + '}'
}

function ConvertTo-EwJsonArray($objects, [string[]]$names) {
  # PowerShell 2.0 runs a foreach once over $null, hence the guard.
  $lines = @(foreach ($o in @($objects)) { if ($null -ne $o) { ConvertTo-EwJsonObject $o $names } })
  $nl = [string][char]10
  '[' + $nl + ($lines -join (',' + $nl)) + $nl + ']'
}
`;
