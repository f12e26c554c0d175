import { describe, expect, it } from 'vitest';
import { COLLECTION_SCRIPT_FILE } from '../../../../agents/windows/collection-script.js';
import { HARDWARE_SCRIPT } from '../../../../agents/windows/hardware-script.js';
import { IDENTITY_SCRIPT } from '../../../../agents/windows/identity-script.js';
import { windowsCollectors } from '../../../../agents/windows/index.js';
import { JSON_PRELUDE } from '../../../../agents/windows/json-prelude.js';
import { MODEMS_SCRIPT } from '../../../../agents/windows/modems-script.js';
import { OS_SCRIPT } from '../../../../agents/windows/os-script.js';
import { PRINTERS_SCRIPT } from '../../../../agents/windows/printers-script.js';
import { collectionScriptPath, powershellArgs, powershellPath } from '../../../../agents/windows/run-powershell.js';
import { UNINSTALL_SCRIPT } from '../../../../agents/windows/uninstall-script.js';

const SCRIPTS = { JSON_PRELUDE, IDENTITY_SCRIPT, OS_SCRIPT, HARDWARE_SCRIPT, UNINSTALL_SCRIPT, PRINTERS_SCRIPT, MODEMS_SCRIPT };

describe('powershellPath', () => {
  it('uses the in-box PowerShell by absolute path, through Sysnative from a 32-bit process on 64-bit Windows', () => {
    expect(powershellPath({ SystemRoot: 'C:\\WINDOWS' })).toBe('C:\\WINDOWS\\System32\\WindowsPowerShell\\v1.0\\powershell.exe');
    expect(powershellPath({ SystemRoot: 'D:\\Win', PROCESSOR_ARCHITEW6432: 'AMD64' })).toBe('D:\\Win\\Sysnative\\WindowsPowerShell\\v1.0\\powershell.exe');
  });
});

describe('powershellArgs', () => {
  it('runs the script file with -File: no -EncodedCommand, no -ExecutionPolicy Bypass, plain-text errors', () => {
    const args = powershellArgs('C:\\Program Files\\estatewatch-agent\\estatewatch-collect.ps1');
    expect(args.slice(-2)).toEqual(['-File', 'C:\\Program Files\\estatewatch-agent\\estatewatch-collect.ps1']);
    expect(args.join(' ')).not.toMatch(/-EncodedCommand|-enc\b|Bypass|-WindowStyle/i);
    expect(args).toEqual(expect.arrayContaining(['-NonInteractive', '-NoProfile', '-InputFormat', 'None', '-OutputFormat', 'Text']));
  });
});

describe('collectionScriptPath', () => {
  it('is the file beside the running agent', () => {
    expect(collectionScriptPath('/opt/estatewatch-agent/estatewatch-agent.cjs')).toBe(`/opt/estatewatch-agent/${COLLECTION_SCRIPT_FILE}`);
  });
});

describe('the PowerShell scripts', () => {
  it.each(Object.entries(SCRIPTS))('%s never assigns the read-only $host variable', (_name, script) => {
    expect(script).not.toMatch(/\$host\s*=/i);
  });

  it('the per-user software list reads loaded hives only and never loads a profile', () => {
    expect(UNINSTALL_SCRIPT).toContain('Registry::HKEY_USERS');
    expect(UNINSTALL_SCRIPT).not.toMatch(/reg(\.exe)? load|NTUSER\.DAT/i);
  });

  it('reads each Uninstall key in its own guard, value by value when the key is broken', () => {
    expect(UNINSTALL_SCRIPT).toMatch(/try \{\s*\$p = Get-ItemProperty -LiteralPath \$key\.PSPath/);
    expect(UNINSTALL_SCRIPT).toContain('$key.GetValue($n)');
    expect(UNINSTALL_SCRIPT).not.toMatch(/Get-ItemProperty[^\n]*SilentlyContinue/);
  });
});

describe('windowsCollectors without PowerShell', () => {
  // This machine has no powershell.exe: exactly the path every collector must survive.
  it.each(windowsCollectors.map((collector) => [collector.name, collector] as const))('%s contributes nothing and does not throw', async (_name, collector) => {
    await expect(collector.collect()).resolves.toEqual({});
  });
});
