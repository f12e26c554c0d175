import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { installLines } from '../../../src/web/install-lines.js';

const SECRET = 'ewe_AbC-dEf_123';
const command = (id: string, hub: string) => installLines(hub, SECRET).find((l) => l.id === id)?.command ?? '';

describe('installLines', () => {
  it('leaves a plain hub address and secret unquoted for the POSIX shells', () => {
    expect(command('install-macos', 'https://estatewatch.trust.nhs.uk')).toBe(
      `ESTATEWATCH_ENROL_SECRET=${SECRET} sudo --preserve-env=ESTATEWATCH_ENROL_SECRET sh install/macos/install.sh --hub https://estatewatch.trust.nhs.uk`,
    );
    expect(command('install-agent', 'http://127.0.0.1:8080')).toBe(
      `ESTATEWATCH_ENROL_SECRET=${SECRET} node estatewatch-agent.cjs enrol --hub http://127.0.0.1:8080 && node estatewatch-agent.cjs --once`,
    );
  });

  it('quotes a hub address the shell would misread, so a pasted line runs nothing it names', () => {
    const hostile = "http://hub';touch /tmp/x;'$(id)";
    const line = command('install-agent', hostile).replace(/ && .*/, '').replace('node estatewatch-agent.cjs enrol --hub', 'printf %s');
    const shell = spawnSync('sh', ['-c', line], { encoding: 'utf8' });
    expect(shell.stdout).toBe(hostile);
  });

  it('gives PowerShell single-quoted strings, a quote inside doubled', () => {
    expect(command('install-windows', "https://o'hub")).toContain("-HubUrl 'https://o''hub';");
  });
});
