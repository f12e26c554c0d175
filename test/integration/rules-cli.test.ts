/** `estatewatch rules check` and `rules test`, run as the real command line. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoEstate } from '../../src/demo/run-demo.js';
import { ROOT, runCli } from '../helpers/cli.js';
import { storeExists } from '../../src/store/open-store.js';
import { createTestHub, storeEnv, tempDir, testDatabaseUrl } from '../helpers/test-hub.js';

const SHIPPED_ALERTS = path.join(ROOT, 'rules/alerts');
const made: string[] = [];
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

/** A temporary directory removed after the file's tests. */
function scratchDir(): string {
  const dir = tempDir();
  made.push(dir);
  return dir;
}

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

describe('estatewatch rules test', () => {
  let dataDir: string;
  /** The hub's database URL on the postgres test project: the command reads it as a hub would. */
  let env: NodeJS.ProcessEnv;
  const rulesTest = (args: string[]) => runCli(['rules', 'test', ...args], { env });

  beforeAll(async () => {
    const hub = await createTestHub();
    env = storeEnv(hub);
    seedDemoEstate(hub.deps);
    hub.deps.db.close();
    // Keep the seeded database: the hub's close() would delete its directory.
    dataDir = scratchDir();
    fs.cpSync(hub.dir, dataDir, { recursive: true });
    fs.rmSync(hub.dir, { recursive: true, force: true });
  });

  it('says how many assets a rule would fire on, with sample lines', () => {
    const r = rulesTest([path.join(SHIPPED_ALERTS, 'fax-device-present.yaml'), '--data-dir', dataDir]);
    expect(r.code, r.stderr).toBe(0);
    const [summary, ...samples] = r.stdout.trim().split('\n');
    expect(summary).toMatch(/^would fire on 3 assets \(3 findings\), \d+ already open$/);
    expect(samples).toEqual(expect.arrayContaining([expect.stringMatching(/^ {2}PHARM-PC02: Fax machine attached: fax "/)]));
  });

  it('shows at most 10 sample lines and counts the rest', () => {
    const r = rulesTest([path.join(SHIPPED_ALERTS, 'unsupported-software.yaml'), '--data-dir', dataDir]);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines.filter((l) => /^ {2}\S+: Unsupported software: /.test(l))).toHaveLength(10);
    expect(lines.at(-1)).toMatch(/^ {2}… and \d+ more$/);
  });

  it('moves the clock with --as-of for asset-silent', () => {
    const rule = path.join(SHIPPED_ALERTS, 'asset-silent-14-days.yaml');
    const later = rulesTest([rule, '--data-dir', dataDir, '--as-of', '2027-06-01']);
    expect(later.stdout).toMatch(/^would fire on [1-9]\d* assets/);
    const same = rulesTest([rule, '--data-dir', dataDir, '--as-of', '2026-11-24']);
    expect(same.stdout).toMatch(/^would fire on 0 assets/);
  });

  it('validates the file first: file:line and exit 1, without touching the database', () => {
    const dir = scratchDir();
    const file = path.join(dir, 'my-rule.yaml');
    fs.writeFileSync(file, 'id: my-rule\ntitle: Mine\nseverity: high\ndescription: D\nremediation: R\ncondition:\n  kind: device-present\n  kinds: [telex]\n');
    const r = rulesTest([file, '--data-dir', path.join(dir, 'no-such-dir')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:8: condition\\.kinds\\[0\\]: `));
    expect(fs.existsSync(path.join(dir, 'no-such-dir'))).toBe(false);
  });

  it('refuses to create an empty database where none exists', async () => {
    const dir = scratchDir();
    // On PostgreSQL: a database no hub has made its own (empty), which the command must leave so.
    const fresh = await testDatabaseUrl();
    const r = runCli(['rules', 'test', path.join(SHIPPED_ALERTS, 'unsupported-os.yaml'), '--data-dir', dir], { env: fresh ? { ESTATEWATCH_DATABASE_URL: fresh } : {} });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no hub database at');
    expect(fs.readdirSync(dir)).toEqual([]);
    if (fresh) expect(storeExists({ databaseUrl: fresh, dataDir: dir })).toBe(false);
  });

  it('rejects a bad --as-of with exit 2', () => {
    const r = rulesTest([path.join(SHIPPED_ALERTS, 'unsupported-os.yaml'), '--data-dir', dataDir, '--as-of', '1/2/2027']);
    expect(r.code).toBe(2);
  });
});
