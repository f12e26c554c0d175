/** `estatewatch rules check`, run as the real command line: it reads rule files and touches no hub database, so it runs once, not per store. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';
import { scratchDirs } from '../helpers/scratch-dirs.js';

const SHIPPED_ALERTS = path.join(ROOT, 'rules/alerts');
/** Temporary directories removed after the file's tests. */
const scratchDir = scratchDirs();

/** A rules dir with the shipped lifecycle rules and a copy of the shipped alert rules. */
function copyOfShippedRules(): string {
  const dir = scratchDir();
  fs.cpSync(path.join(ROOT, 'rules/lifecycle'), path.join(dir, 'lifecycle'), { recursive: true });
  fs.cpSync(SHIPPED_ALERTS, path.join(dir, 'alerts'), { recursive: true });
  return dir;
}

describe('estatewatch rules check', () => {
  it('passes the shipped lifecycle and alert rules', () => {
    const r = runCli(['rules', 'check']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/all lifecycle rules, titles and alert rules in .* are valid/);
  });

  it('names the file and line of a broken alert rule and exits 1', () => {
    const dir = copyOfShippedRules();
    const file = path.join(dir, 'alerts/unsupported-os.yaml');
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    const severityLine = lines.findIndex((l) => l.startsWith('severity:'));
    lines[severityLine] = 'severity: catastrophic';
    fs.writeFileSync(file, lines.join('\n'));
    const r = runCli(['rules', 'check', '--rules-dir', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${file}:${severityLine + 1}: severity: `);
  });

  it('reports a software-version product that no lifecycle rule defines', () => {
    const dir = copyOfShippedRules();
    fs.rmSync(path.join(dir, 'lifecycle/oracle-jdk.yaml'));
    const r = runCli(['rules', 'check', '--rules-dir', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/alerts\/oracle-java-8\.yaml:\d+: condition\.product: no lifecycle rule has product "oracle-jdk"/);
  });

  it('reports a missing alerts directory', () => {
    const dir = copyOfShippedRules();
    fs.rmSync(path.join(dir, 'alerts'), { recursive: true });
    const r = runCli(['rules', 'check', '--rules-dir', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${path.join(dir, 'alerts')}: no such directory`);
  });

  it('checks the shipped cyber alerts, and names the line of a broken one and a product no rule defines', () => {
    const dir = copyOfShippedRules();
    fs.cpSync(path.join(ROOT, 'rules/cyber-alerts'), path.join(dir, 'cyber-alerts'), { recursive: true });
    expect(runCli(['rules', 'check', '--rules-dir', dir]).code).toBe(0);
    const file = path.join(dir, 'cyber-alerts/LOCAL-2026-001.yaml');
    const shipped = fs.readFileSync(file, 'utf8').split('\n');
    const edited = (at: (l: string) => boolean, line: string) => shipped.map((l) => (at(l) ? line : l)).join('\n');
    const versions = shipped.findIndex((l) => l.includes('versions:'));
    fs.writeFileSync(file, edited((l) => l === shipped[versions], '    versions: ["below 131"]'));
    const broken = runCli(['rules', 'check', '--rules-dir', dir]);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain(`${file}:${versions + 1}: affected[0].versions[0]: expected a range`);
    const product = shipped.findIndex((l) => l.includes('product: thunderbird'));
    fs.writeFileSync(file, edited((l) => l === shipped[product], '  - product: no-such-mail-client'));
    const unknown = runCli(['rules', 'check', '--rules-dir', dir]);
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toContain(`${file}:${product + 1}: affected[1].product: no lifecycle rule has product "no-such-mail-client"`);
  });

  it('rejects an unknown subcommand with the usage and exit 2', () => {
    const r = runCli(['rules', 'lint']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Usage: estatewatch rules check');
  });
});
