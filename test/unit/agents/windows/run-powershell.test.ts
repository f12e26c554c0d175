import { describe, expect, it } from 'vitest';
import { HOST_SCRIPT } from '../../../../agents/windows/host-script.js';
import { windowsCollectors } from '../../../../agents/windows/index.js';
import { JSON_PRELUDE } from '../../../../agents/windows/json-prelude.js';
import { MODEMS_SCRIPT } from '../../../../agents/windows/modems-script.js';
import { OS_SCRIPT } from '../../../../agents/windows/os-script.js';
import { PRINTERS_SCRIPT } from '../../../../agents/windows/printers-script.js';
import { powershellArgs, powershellPath } from '../../../../agents/windows/run-powershell.js';
import { UNINSTALL_SCRIPT } from '../../../../agents/windows/uninstall-script.js';

const SCRIPTS = { JSON_PRELUDE, OS_SCRIPT, HOST_SCRIPT, UNINSTALL_SCRIPT, PRINTERS_SCRIPT, MODEMS_SCRIPT };

describe('powershellPath', () => {
  it('uses the in-box PowerShell by absolute path, through Sysnative from a 32-bit process on 64-bit Windows', () => {
    expect(powershellPath({ SystemRoot: 'C:\\WINDOWS' })).toBe('C:\\WINDOWS\\System32\\WindowsPowerShell\\v1.0\\powershell.exe');
    expect(powershellPath({ SystemRoot: 'D:\\Win', PROCESSOR_ARCHITEW6432: 'AMD64' })).toBe('D:\\Win\\Sysnative\\WindowsPowerShell\\v1.0\\powershell.exe');
  });
});

describe('powershellArgs', () => {
  it('passes the prelude and script as a UTF-16LE base64 -EncodedCommand, non-interactive, stdin ignored', () => {
    const args = powershellArgs(OS_SCRIPT);
    expect(args.slice(0, -1)).toEqual(['-NoLogo', '-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-InputFormat', 'None', '-EncodedCommand']);
    expect(Buffer.from(args.at(-1) ?? '', 'base64').toString('utf16le')).toBe(`${JSON_PRELUDE}\n${OS_SCRIPT}`);
  });

  it.each(Object.entries(SCRIPTS))('keeps %s well inside the 32,767-character Windows command line', (_name, script) => {
    expect(powershellArgs(script).join(' ').length).toBeLessThan(20_000);
  });
});

describe('the PowerShell scripts', () => {
  // Windows 7 and Server 2008 R2 ship PowerShell 2.0: none of these exist there.
  it.each(Object.entries(SCRIPTS))('%s uses nothing newer than PowerShell 2.0', (_name, script) => {
    expect(script).not.toMatch(/ConvertTo-Json|ConvertFrom-Json|Get-CimInstance|::new\(|\[ordered\]|\[pscustomobject\]/i);
  });

  it.each(Object.entries(SCRIPTS))('%s never assigns the read-only $host variable', (_name, script) => {
    expect(script).not.toMatch(/\$host\s*=/i);
  });

  it('the per-user software list reads loaded hives only and never loads a profile', () => {
    expect(UNINSTALL_SCRIPT).toContain('Registry::HKEY_USERS');
    expect(UNINSTALL_SCRIPT).not.toMatch(/reg(\.exe)? load|NTUSER\.DAT/i);
  });
});

describe('windowsCollectors without PowerShell', () => {
  // This machine has no powershell.exe: exactly the path every collector must survive.
  it.each(windowsCollectors.map((collector) => [collector.name, collector] as const))('%s contributes nothing and does not throw', async (_name, collector) => {
    await expect(collector.collect()).resolves.toEqual({});
  });
});
