/**
 * The collection script must run on Windows PowerShell 2.0 (Windows 7 SP1,
 * Server 2008 R2: the machines a trust most needs to see). Nothing here runs
 * PowerShell, so the generated file is checked for what 2.0 lacks; each entry
 * names the version that brought it.
 */
import { describe, expect, it } from 'vitest';
import { collectionScript, SECTIONS } from '../../../../agents/windows/collection-script.js';

const NEWER_THAN_2: readonly (readonly [RegExp, string])[] = [
  [/ConvertTo-Json|ConvertFrom-Json/i, 'JSON cmdlets (3.0)'],
  [/Get-CimInstance|New-CimSession|Invoke-CimMethod/i, 'CIM cmdlets (3.0)'],
  [/Invoke-RestMethod|Invoke-WebRequest/i, 'web cmdlets (3.0)'],
  [/\[ordered\]/i, '[ordered] (3.0)'],
  [/\[pscustomobject\]/i, '[pscustomobject] (3.0)'],
  [/::new\(/i, '::new() (5.0)'],
  [/\s-(not)?in\s/i, '-in / -notin (3.0)'],
  [/\$PSItem\b/i, '$PSItem (3.0)'],
  [/\$PSScriptRoot\b/i, '$PSScriptRoot outside a module (3.0)'],
  [/\.(ForEach|Where)\(/i, '.ForEach() / .Where() (4.0)'],
  [/(Where-Object|ForEach-Object)\s+[A-Za-z]+\s+-[a-z]+/i, 'simplified Where-Object/ForEach-Object syntax (3.0)'],
  [/Get-ChildItem[^\n]*\s-(File|Directory)\b/i, 'Get-ChildItem -File/-Directory (3.0)'],
  [/Get-Content[^\n]*\s-Raw\b/i, 'Get-Content -Raw (3.0)'],
  [/-ErrorAction\s+Ignore/i, '-ErrorAction Ignore (3.0)'],
  [/\$using:/i, '$using: (3.0)'],
  [/^\s*(class|enum)\s+\w+/im, 'class / enum (5.0)'],
  [/ScheduledTask/i, 'ScheduledTasks module (Windows 8)'],
  [/-NoNewline\b/i, 'Out-File -NoNewline (5.0)'],
  [/\[Net\.SecurityProtocolType\]::Tls1[23]/i, 'a TLS enum .NET 3.5 lacks'],
];

describe('the collection script on PowerShell 2.0', () => {
  const script = collectionScript();

  it.each(NEWER_THAN_2.map(([pattern, what]) => [what, pattern] as const))('uses no %s', (_what, pattern) => {
    expect(script).not.toMatch(pattern);
  });

  it('is ASCII only with CRLF line ends, so every code page and PowerShell 2.0 read it alike', () => {
    expect(script).toMatch(/^[\x09\x0a\x0d\x20-\x7e]*$/);
    expect(script.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('runs every section in its own guard and prints one document', () => {
    for (const id of Object.keys(SECTIONS)) expect(script).toContain(`Invoke-EwSection '${id}' {`);
    expect(script).toContain(`'","sections":{' + ($ewSections -join ',') + '},"errors":{' + ($ewErrors -join ',') + '}}'`);
  });

  it('takes -DropFolder as its only parameter, first thing after the comments, as PowerShell requires', () => {
    expect(script.split('\r\n').find((line) => !line.startsWith('#'))).toBe('param([string]$DropFolder)');
  });

  it('writes a drop-folder document under a dot-name and renames it, so the hub never reads half a file', () => {
    expect(script).toMatch(/\[IO\.File\]::WriteAllText\(\$ewPart, \$ewDoc, \[Text\.Encoding\]::ASCII\)\r\n\s*Move-Item -LiteralPath \$ewPart -Destination \(Join-Path \$DropFolder \$ewName\) -Force/);
  });

  it('is the same bytes every build (a signed copy stays valid)', () => {
    expect(collectionScript()).toBe(script);
  });
});
