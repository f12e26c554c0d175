/** `estatewatch rules test`, run as the real command line against a hub's database (`rules check` is rules-check-cli.test.ts). */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemoEstate } from '../../src/demo/run-demo.js';
import { ROOT, runCli } from '../helpers/cli.js';
import { scratchDirs } from '../helpers/scratch-dirs.js';
import { storeExists } from '../../src/store/open-store.js';
import { createTestHub, storeEnv, testDatabaseUrl } from '../helpers/test-hub.js';

const SHIPPED_ALERTS = path.join(ROOT, 'rules/alerts');
/** Temporary directories removed after the file's tests. */
const scratchDir = scratchDirs();

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
