/** The real `estatewatch` command line, run as a child process. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/main.js';
import { CLI_MAIN, ROOT, runCli } from '../helpers/cli.js';
import { sampleReport } from '../helpers/reports.js';
import { tempDir } from '../helpers/test-hub.js';

const REPORT = path.join(ROOT, 'test/fixtures/reports/windows7-ward-pc.json');

describe('estatewatch assess', () => {
  it('judges every item of a report offline, as of the given day', () => {
    const r = runCli(['assess', REPORT, '--as-of', '2026-11-23', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const items = JSON.parse(r.stdout) as { name: string; product: string | null; cycle: string | null; status: string; eol: string | null; reason: string }[];
    expect(items.map((i) => [i.name, i.product, i.cycle, i.status, i.eol])).toEqual([
      ['Microsoft Windows 7 Professional', 'windows', '7-sp1', 'unsupported', '2020-01-14'],
      ['Microsoft Office Standard 2010', 'office', '2010', 'unsupported', '2020-10-13'],
      ['Python 2.7.18', 'python', '2.7', 'unsupported', '2020-01-01'],
      ['Medway PAS Client', null, null, 'unknown', null],
    ]);
    expect(items.every((i) => i.reason.length > 0)).toBe(true);
  });

  it('judges the same report differently on a day before the end dates', () => {
    // 2019-09-01: Windows 7 (2020-01-14) and Python 2.7 (2020-01-01) within 180 days, Office 2010 (2020-10-13) not.
    const r = runCli(['assess', REPORT, '--as-of', '2019-09-01', '--json']);
    const statuses = (JSON.parse(r.stdout) as { status: string }[]).map((i) => i.status);
    expect(statuses).toEqual(['ending-soon', 'supported', 'ending-soon', 'unknown']);
  });

  it('tells a Windows machine\'s patch age from its build, as a hub does, on a real capture', () => {
    // GitHub's Server 2019 runner image of June 2021: build 17763.1999 is KB5003646 of 2021-06-08, and the next update came 2021-07-06.
    const capture = path.join(ROOT, 'test/fixtures/real/windows/winserver2019-datacenter-actions-runner-images-20210620/report.json');
    const r = runCli(['assess', capture, '--as-of', '2026-12-06', '--json']);
    const os = (JSON.parse(r.stdout) as { kind: string; patch: unknown }[]).find((i) => i.kind === 'os');
    expect(os?.patch).toMatchObject({ state: 'behind', since: '2021-07-06', installed: { label: 'KB5003646', date: '2021-06-08' } });
  });

  it('reads a report from standard input and prints the counts by status, then the table', () => {
    const r = runCli(['assess', '-', '--as-of', '2026-11-23'], { input: fs.readFileSync(REPORT, 'utf8') });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').slice(0, 7)).toEqual([
      'As of 2026-11-23: 4 items',
      '  supported         0',
      '  ending-soon       0',
      '  extended-support  0',
      '  unsupported       3',
      '  unknown           1  (1 unrecognised)',
      '',
    ]);
    expect(r.stdout.split('\n')[7]).toMatch(/^unsupported\s+Microsoft Windows 7 Professional 6\.1\.7601/);
  });

  it('piped into head, prints the summary and exits quietly with status 0 when the pipe closes', () => {
    // Far more than a pipe holds (64 KiB), so assess is still writing when head has gone.
    const software = Array.from({ length: 3000 }, (_, n) => ({ name: `Ward application ${n}`, version: '1.0.0', source: 'registry' as const }));
    const file = path.join(tempDir(), 'big.json');
    fs.writeFileSync(file, JSON.stringify(sampleReport({ software })));
    const shell = spawnSync('bash', ['-o', 'pipefail', '-c', `"${process.execPath}" "${CLI_MAIN}" assess "${file}" --as-of 2026-11-23 | head -3`], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect([shell.status, shell.stderr]).toEqual([0, '']);
    expect(shell.stdout).toBe('As of 2026-11-23: 3001 items\n  supported            0\n  ending-soon          0\n');
  });

  it('rejects an invalid report naming each bad field, exit 1', () => {
    const dir = tempDir();
    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(bad, JSON.stringify({ schema: 'estatewatch.report/v1', host: {}, os: { family: 'windows' } }));
    const r = runCli(['assess', bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('host.hostname');
    expect(r.stderr).toContain('os.name');
  });

  it('refuses a malformed --as-of with exit 2 and the usage', () => {
    const r = runCli(['assess', REPORT, '--as-of', '23/11/2026']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Usage: estatewatch assess');
  });
});

describe('estatewatch rules check', () => {
  it('passes the shipped rules', () => {
    const r = runCli(['rules', 'check']);
    expect(r.stdout + r.stderr).toMatch(/valid/);
    expect(r.code).toBe(0);
  });

  it('names the file and line of each problem and exits 1', () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'lifecycle'));
    const good = fs.readFileSync(path.join(ROOT, 'rules/lifecycle/python.yaml'), 'utf8');
    const lines = good.split('\n');
    const eolLine = lines.findIndex((l) => /^\s+eol: \d{4}-\d{2}-\d{2}/.test(l));
    lines[eolLine] = lines[eolLine]?.replace(/\d{4}-\d{2}-\d{2}/, '2020-13-45') ?? '';
    fs.writeFileSync(path.join(dir, 'lifecycle/python.yaml'), lines.join('\n'));
    const r = runCli(['rules', 'check', '--rules-dir', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`python.yaml:${eolLine + 1}: `);
  });

  it('names the title file and line of a title naming no lifecycle rule', () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'lifecycle'));
    fs.mkdirSync(path.join(dir, 'titles'));
    fs.copyFileSync(path.join(ROOT, 'rules/lifecycle/python.yaml'), path.join(dir, 'lifecycle/python.yaml'));
    fs.writeFileSync(path.join(dir, 'titles/parts.yaml'), 'titles:\n  - title: Python launcher\n    publisher: PSF\n    partOf: pyhton\n    match: [{name: "^Python Launcher$"}]\n');
    const r = runCli(['rules', 'check', '--rules-dir', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${path.join(dir, 'titles', 'parts.yaml')}:4: titles[0].partOf: no software lifecycle rule "pyhton"`);
  });
});

describe('estatewatch --help', () => {
  it('lists every command, and each command has its own usage', async () => {
    const r = runCli(['--help']);
    expect(r.code).toBe(0);
    for (const c of COMMANDS) {
      expect(r.stdout).toContain(`  ${c.name} `);
      expect((await c.load()).usage).toMatch(/^Usage:/);
    }
    expect(runCli(['serve', '--help']).stdout).toContain('ESTATEWATCH_PORT');
  });

  it('rejects an unknown command with exit 2', () => {
    const r = runCli(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown command "frobnicate"');
  });
});
