/**
 * The Uninstall-key parser on a real machine's output: a Czech Windows 10
 * (Insider build 16251) whose owner ran `Get-ItemProperty …\Uninstall\* |
 * Select-Object DisplayName, DisplayVersion, Publisher | ConvertTo-Json`
 * (test/fixtures/real-tool-output/windows/win10-16251-cs-avas-uninstall-json).
 * The same capture shows why each key needs its own guard: on the 64-bit view
 * Get-ItemProperty stopped with an InvalidCastException (a malformed value),
 * and only the WOW6432Node list survived.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NO_VERSION } from '../../../../agents/no-version.js';
import { parseUninstall } from '../../../../agents/windows/uninstall.js';
import { UNINSTALL_SCRIPT } from '../../../../agents/windows/uninstall-script.js';

const dir = new URL('../../../fixtures/real-tool-output/windows/win10-16251-cs-avas-uninstall-json/', import.meta.url);
// ConvertTo-Json | Out-File on Windows PowerShell writes UTF-16LE with a BOM.
const captured = readFileSync(new URL('output.json', dir)).toString('utf16le');

describe('parseUninstall on a real ConvertTo-Json capture', () => {
  const software = parseUninstall(captured);
  const named = (name: string) => software.filter((s) => s.name === name);

  it('keeps every named program once (182 named entries, 174 distinct), less the one update', () => {
    expect(software).toHaveLength(173);
    expect(software.some((s) => /KB2504637/.test(s.name))).toBe(false);
  });

  it('keeps Czech and trademark characters exactly', () => {
    expect(named('Microsoft .NET Framework 4.7 SDK (čeština)')).toHaveLength(1);
    expect(named('Skype™ 7.39')[0]).toMatchObject({ source: 'registry' });
  });

  it('reads a version from the name when DisplayVersion is missing, and marks none as unknown', () => {
    expect(named('PilotEdit Lite 10.8.0')[0]?.version).toBe('10.8.0');
    expect(software.filter((s) => s.version === NO_VERSION).every((s) => !/\d+\.\d+/.test(s.name))).toBe(true);
  });
});

describe('the broken-key failure the capture recorded', () => {
  const transcript = readFileSync(new URL('transcript.txt', dir), 'utf8');

  it('is a terminating InvalidCastException from Get-ItemProperty, which -ErrorAction cannot stop', () => {
    expect(transcript).toContain('TerminatingError(Get-ItemProperty)');
    expect(transcript).toContain('InvalidCastException');
  });

  it('is caught per key by the agent, which then reads the key value by value', () => {
    expect(UNINSTALL_SCRIPT).toMatch(/try \{\s*\$p = Get-ItemProperty -LiteralPath \$key\.PSPath[\s\S]*?\} catch \{\s*foreach \(\$n in \$wanted\) \{ try \{ \$values\[\$n\] = \$key\.GetValue\(\$n\) \}/);
  });
});
