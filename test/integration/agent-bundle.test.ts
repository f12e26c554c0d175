/**
 * The one-file agent as an IT team ships it: bundled by esbuild, copied to a
 * folder with no node_modules, installed by the Linux helper (into a temporary
 * root, since tests do not drive systemd) and run as the systemd unit would,
 * posting to a real hub on 127.0.0.1.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { collectionScript } from '../../agents/windows/collection-script.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgent } from '../../scripts/build-agent.js';
import { createEnrolmentSecret } from '../../src/auth/enrolment.js';
import { startTestHub, tempDir, TEST_NOW, type ListeningTestHub } from '../helpers/test-hub.js';
import { hasTool } from '../helpers/required-tool.js';
import { runCli } from '../helpers/cli.js';
import { runChild } from '../helpers/run-child.js';
import { unitScanArgs } from '../helpers/unit-scan.js';

let hub: ListeningTestHub;
let dist: string;
let root: string;

beforeAll(async () => {
  hub = await startTestHub();
  dist = tempDir('estatewatch-agent-dist-');
  root = tempDir('estatewatch-agent-root-');
  await buildAgent(dist);
});
afterAll(async () => {
  await hub.close();
  fs.rmSync(dist, { recursive: true, force: true });
  fs.rmSync(root, { recursive: true, force: true });
});

describe('the one-file agent', () => {
  it('is a single file that needs no node_modules', () => {
    const files = fs.readdirSync(dist);
    expect(files.sort()).toEqual(['estatewatch-agent.cjs', 'estatewatch-collect.ps1', 'install']);
    let dir = dist;
    while (dir !== path.dirname(dir)) {
      expect(fs.existsSync(path.join(dir, 'node_modules'))).toBe(false);
      dir = path.dirname(dir);
    }
    const out = execFileSync(process.execPath, [path.join(dist, 'estatewatch-agent.cjs'), '--dry-run'], { cwd: dist, encoding: 'utf8', env: { PATH: process.env.PATH } });
    expect(JSON.parse(out)).toMatchObject({ schema: 'estatewatch.report/v1', os: { family: 'linux' } });
  });

  it('installs with the Linux helper, enrols, and reports as its systemd unit would run it', async () => {
    const { secret } = createEnrolmentSecret(hub.deps.db, { label: 'bundle test', createdBy: null, by: 'cli', uses: 100, organisationId: 1, now: TEST_NOW, days: 1 });
    // What an install of a build before the agent became a .cjs file left behind.
    const earlier = path.join(root, 'opt/estatewatch-agent/estatewatch-agent.mjs');
    fs.mkdirSync(path.dirname(earlier), { recursive: true });
    fs.writeFileSync(earlier, '// an earlier build\n');
    const install = await runChild('sh', [path.join(dist, 'install/linux/install.sh'), '--hub', hub.url], { env: { ESTATEWATCH_INSTALL_ROOT: root, ESTATEWATCH_ENROL_SECRET: secret } });
    expect(install.status, install.stderr).toBe(0);
    expect(fs.existsSync(earlier)).toBe(false);
    const state = path.join(root, 'var/lib/estatewatch-agent');
    expect(fs.statSync(path.join(state, 'agent.json')).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(path.join(root, 'etc/systemd/system/estatewatch-agent.service'), 'utf8')).not.toContain(secret);

    const scan = await runChild(process.execPath, unitScanArgs(root));
    expect(scan.status, scan.stderr).toBe(0);
    const stored = hub.deps.db.prepare("SELECT count(*) AS n FROM installs i JOIN assets a ON a.id = i.asset_id WHERE a.agent_id IS NOT NULL").get() as { n: number };
    expect(stored.n).toBeGreaterThan(50);
  });

  it('ends quietly, status 0, when the reader of its report stops early (--dry-run | head -1)', () => {
    const shell = spawnSync('bash', ['-o', 'pipefail', '-c', `"${process.execPath}" "${path.join(dist, 'estatewatch-agent.cjs')}" --dry-run | head -c 1`], { encoding: 'utf8', timeout: 120_000 });
    expect([shell.status, shell.stderr]).toEqual([0, '']);
    expect(shell.stdout).toBe('{');
  });

  it('names itself as it was invoked: estatewatch-agent.cjs in its usage and messages, estatewatch agent from the CLI', () => {
    const bundle = (...args: string[]) => spawnSync(process.execPath, [path.join(dist, 'estatewatch-agent.cjs'), ...args], { encoding: 'utf8' });
    const help = bundle('--help');
    expect([help.status, help.stdout.split('\n')[0]]).toEqual([0, 'Usage: estatewatch-agent.cjs <mode> [options]']);
    const bad = bundle('--once', '--dry-run');
    expect([bad.status, bad.stderr.split('\n')[0]]).toEqual([2, 'estatewatch-agent.cjs: choose one mode, not --dry-run and --once']);
    expect(bad.stderr).toContain('Usage: estatewatch-agent.cjs <mode>');
    expect(runCli(['agent', '--help']).stdout.split('\n')[0]).toBe('Usage: estatewatch agent <mode> [options]');
  });

  it.each(['linux', 'macos'])('%s/install.sh --help prints its usage, exit 0', (os) => {
    const r = spawnSync('sh', [path.join(dist, `install/${os}/install.sh`), '--help'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('Usage: ESTATEWATCH_ENROL_SECRET=<secret> sudo --preserve-env=ESTATEWATCH_ENROL_SECRET sh install.sh --hub <url>');
    for (const word of ['--hub <url>', '--secret <s>', '--dry-run', '-h, --help', 'Exit status: 0 installed']) expect(r.stdout).toContain(word);
    expect(r.stdout).not.toMatch(/set -eu|^#/m);
  });

  it('linux/install.sh --dry-run installs under a new temporary folder, printing each step, and enrols and starts nothing', () => {
    const { secret } = createEnrolmentSecret(hub.deps.db, { label: 'dry run', createdBy: null, by: 'cli', uses: 1, organisationId: 1, now: TEST_NOW, days: 1 });
    const agents = () => (hub.deps.db.prepare('SELECT count(*) AS n FROM agents').get() as { n: number }).n;
    const before = agents();
    const tmp = tempDir('estatewatch-dry-run-test-');
    try {
      const r = spawnSync('sh', [path.join(dist, 'install/linux/install.sh'), '--hub', hub.url, '--dry-run'], { encoding: 'utf8', env: { PATH: process.env.PATH, TMPDIR: tmp, ESTATEWATCH_ENROL_SECRET: secret } });
      expect(r.status, r.stderr).toBe(0);
      const dryRoot = /^Dry run: installing under (\S+); nothing is enrolled or started\.$/m.exec(r.stdout)?.[1] ?? '';
      expect(path.dirname(dryRoot)).toBe(tmp);
      expect(r.stdout).toContain(`  would run: node ${dryRoot}/opt/estatewatch-agent/estatewatch-agent.cjs enrol --hub ${hub.url} --state-dir ${dryRoot}/var/lib/estatewatch-agent\n`);
      expect(r.stdout).toContain('  would run: systemctl enable --now estatewatch-agent.timer\n');
      expect(r.stdout).not.toContain(secret);
      expect(fs.existsSync(path.join(dryRoot, 'opt/estatewatch-agent/estatewatch-agent.cjs'))).toBe(true);
      expect(fs.existsSync(path.join(dryRoot, 'etc/systemd/system/estatewatch-agent.timer'))).toBe(true);
      expect(fs.readdirSync(path.join(dryRoot, 'var/lib/estatewatch-agent'))).toEqual([]);
      expect(agents()).toBe(before);
      expect(hub.deps.db.prepare("SELECT uses FROM enrolment_secrets WHERE label = 'dry run'").get()).toEqual({ uses: 0 });
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('macos/install.sh --dry-run checks Node.js against macOS, writes the plist under the temporary folder, and loads nothing', () => {
    const tmp = tempDir('estatewatch-dry-run-test-');
    try {
      // sw_vers stands in for the Mac's (this runs on Linux): macOS 14.5.
      fs.writeFileSync(path.join(tmp, 'sw_vers'), '#!/bin/sh\necho 14.5\n', { mode: 0o755 });
      const r = spawnSync('sh', [path.join(dist, 'install/macos/install.sh'), '--hub', hub.url, '--dry-run'], { encoding: 'utf8', env: { PATH: `${tmp}:${process.env.PATH}`, TMPDIR: tmp } });
      expect(r.status, r.stderr).toBe(0);
      const dryRoot = /^Dry run: installing under (\S+);/m.exec(r.stdout)?.[1] ?? '';
      const plist = path.join(dryRoot, 'Library/LaunchDaemons/uk.nhs.estatewatch.agent.plist');
      expect(fs.readFileSync(plist, 'utf8')).toMatch(/<string>\/\S*node<\/string>/);
      expect(r.stdout).toContain(`  would run: launchctl bootstrap system ${plist}\n`);
      expect(r.stdout).toMatch(/would run: \S+ \S+\/usr\/local\/estatewatch-agent\/estatewatch-agent\.cjs enrol --hub /);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it.skipIf(!hasTool('systemd-analyze', 'systemd'))('ships systemd units that systemd-analyze accepts', () => {
    const r = spawnSync('systemd-analyze', ['verify', path.join(dist, 'install/linux/estatewatch-agent.service'), path.join(dist, 'install/linux/estatewatch-agent.timer')], { encoding: 'utf8' });
    expect(r.stderr.split('\n').filter((l) => /estatewatch-agent\.(service|timer)/.test(l))).toEqual([]);
  });

  it.skipIf(!hasTool('python3', 'python3'))('ships a launchd plist that parses as a property list', () => {
    const file = path.join(dist, 'install/macos/uk.nhs.estatewatch.agent.plist');
    const out = execFileSync('python3', ['-c', 'import plistlib,sys,json; p=plistlib.load(open(sys.argv[1],"rb")); print(json.dumps(p))', file], { encoding: 'utf8' });
    const plist = JSON.parse(out) as { Label: string; ProgramArguments: string[]; Nice: number };
    expect(plist.Label).toBe('uk.nhs.estatewatch.agent');
    expect(plist.ProgramArguments.slice(1, 3)).toEqual(['/usr/local/estatewatch-agent/estatewatch-agent.cjs', '--once']);
    expect(plist.Nice).toBe(19);
  });

  it('ships shell install helpers that parse, and a PowerShell helper that keeps the secret off the task', () => {
    for (const script of ['install/linux/install.sh', 'install/macos/install.sh']) expect(spawnSync('sh', ['-n', path.join(dist, script)]).status).toBe(0);
    const ps1 = fs.readFileSync(path.join(dist, 'install/windows/install.ps1'), 'utf8');
    const taskArgs = /New-ScheduledTaskAction[^\n]*/.exec(ps1)?.[0] ?? '';
    expect(taskArgs).toContain('--once');
    expect(taskArgs).not.toMatch(/Secret/i);
    expect(ps1).toContain("Copy-Item -Force (Join-Path $PSScriptRoot '..\\..\\estatewatch-collect.ps1')");
  });

  it.each([
    ['24', '15.1', 0, ''],
    ['22', '12.7.4', 0, ''],
    ['20', '10.15.7', 0, ''],
    ['24', '12.7.4', 1, 'Node.js 24 needs macOS 13.5 or later, and this Mac runs macOS 12.7.4'],
    ['22', '10.15.7', 1, 'Node.js 22 needs macOS 11 or later'],
    ['18', '14.4', 1, 'Node.js 18 is too old'],
    ['20', '10.13.6', 1, 'the agent needs macOS 10.15 or later. Inventory it by import'],
  ])('the macOS installer checks Node.js %s against macOS %s before installing anything', (node, macos, status, message) => {
    const r = spawnSync('sh', ['-c', `. "${path.join(dist, 'install/macos/check-node.sh')}"; check_node_for_macos "$1" "$2"`, 'sh', node, macos], { encoding: 'utf8' });
    expect(r.status).toBe(status);
    if (message) expect(r.stderr).toContain(message);
  });

  it('ships a legacy-Windows installer that schedules the collection script into a drop folder with schtasks', () => {
    const cmd = fs.readFileSync(path.join(dist, 'install/windows-legacy/install-collector.cmd'), 'utf8');
    // Windows 7 / Server 2008 R2 have no ScheduledTasks cmdlets: schtasks.exe, as SYSTEM.
    expect(cmd).toMatch(/^schtasks \/Create \/F \/TN "estatewatch collect" \/SC DAILY \/ST %AT% \/RU SYSTEM \/RL HIGHEST \/TR /m);
    expect(cmd).toContain('copy /y "%~dp0..\\..\\estatewatch-collect.ps1"');
    expect(cmd).toMatch(/-ExecutionPolicy RemoteSigned -File "%DEST%\\estatewatch-collect\.ps1" -DropFolder "%DROP%"/);
    expect(cmd).not.toMatch(/Bypass|EncodedCommand|ScheduledTask/i);
  });

  it('ships the Windows collection script beside the agent, as the agent generates it', () => {
    expect(fs.readFileSync(path.join(dist, 'estatewatch-collect.ps1'), 'ascii')).toBe(collectionScript());
  });
});
