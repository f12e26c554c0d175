/**
 * `estatewatch data update` on real data: a hub whose rules were generated
 * from endoflife.date's API export of 2025-08-27 is updated to the snapshot of
 * 2026-08-22, through the real CLI on the hub's real database, and the page.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLifecycleRules } from '../../src/lifecycle-data/generate-rules.js';
import { readEolData } from '../../src/lifecycle-data/read-eol-data.js';
import { isHandWritten } from '../../src/lifecycle-data/compose-rule-sources.js';
import { ingestReport } from '../../src/ingest/ingest-report.js';
import { openHubDeps } from '../../src/hub/start-hub.js';
import { syncRulesInForce } from '../../src/estate/update-lifecycle-data.js';
import { latestLifecycleDataUpdate } from '../../src/store/lifecycle-data.js';
import { getAsset } from '../../src/store/asset-queries.js';
import { CLI_MAIN, runCli, ROOT } from '../helpers/cli.js';
import { runChild } from '../helpers/run-child.js';
import { sampleReport } from '../helpers/reports.js';
import { signInCookie, startTestHub, storeEnv, tempDir, type ListeningTestHub } from '../helpers/test-hub.js';

const OLD_EXPORT = path.join(ROOT, 'test/fixtures/endoflife-api/products-full-2025-08-27.json.gz');
const NEW_FOLDER = path.join(ROOT, '..', 'shared', 'data', 'endoflife');

/** The shipped rules folder, its generated lifecycle files remade from the 2025 export: a hub as it stood a year earlier. */
function rulesOf2025(): string {
  const dir = tempDir('estatewatch-rules-');
  fs.cpSync(path.join(ROOT, 'rules'), dir, { recursive: true });
  for (const f of generateLifecycleRules(readEolData(OLD_EXPORT).products, { requireEveryRecipe: false }).files) {
    const file = path.join(dir, 'lifecycle', f.file);
    if (!(fs.existsSync(file) && isHandWritten(fs.readFileSync(file, 'utf8')))) fs.writeFileSync(file, f.text);
  }
  return dir;
}

const mac = (hostname: string, version: string) =>
  sampleReport({ host: { hostname, serial: hostname }, os: { family: 'macos', name: 'macOS', version, arch: 'arm64' }, software: [], devices: [] });

let hub: ListeningTestHub;
let rulesDir: string;
let cli: (args: string[]) => ReturnType<typeof runCli>;
const ids: Record<string, number> = {};

beforeAll(async () => {
  rulesDir = rulesOf2025();
  hub = await startTestHub({ rulesDir });
  const reports = { 'MAC-TAHOE': mac('MAC-TAHOE', '26.1'), 'MAC-SONOMA': mac('MAC-SONOMA', '14.7.1'), 'MAC-SEQUOIA': mac('MAC-SEQUOIA', '15.6') };
  for (const [host, report] of Object.entries(reports)) ids[host] = ingestReport(hub.deps, report, { agentId: null, organisationId: 1, idempotencyKey: host }).assetId;
  cli = (args) => runCli(['data', ...args, '--data-dir', hub.dir, '--rules-dir', rulesDir], { env: storeEnv(hub) });
});
afterAll(async () => {
  await hub?.close();
  fs.rmSync(rulesDir, { recursive: true, force: true });
});

const osStatus = (host: string) => getAsset(hub.deps.db, ids[host] as number, null)?.os.verdict;

// Each CLI run loads the hub and judges the estate twice over: slower than a unit test, not a measure.
describe('estatewatch data update', { timeout: 120_000 }, () => {
  it('shows the verdict diff from the older to the newer data and stores nothing without --apply', () => {
    expect(osStatus('MAC-TAHOE')?.status).toBe('unknown');
    const r = cli(['update', NEW_FOLDER]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('taken 2026-08-22; in force now: 2025-08-27 (shipped rules)');
    // Three Macs: only Tahoe moves (its release is not in the 2025 data); 14 and 15 keep status and dates.
    expect(r.stdout).toContain('Status changes (1):\n  Apple macOS 26: unknown → supported on 1 machine (1 version)\n');
    expect(r.stdout).not.toContain('End-of-support dates moved');
    expect(r.stdout).toContain('Nothing stored.');
    expect(latestLifecycleDataUpdate(hub.deps.db)).toBeUndefined();
    expect(osStatus('MAC-TAHOE')?.status).toBe('unknown');
  });

  it('refuses a broken export, naming the file and field, storing nothing', () => {
    const broken = path.join(hub.dir, 'broken.json');
    fs.writeFileSync(broken, JSON.stringify({ schema_version: '1.2.0', generated_at: '2026-12-01T00:00:00+00:00', result: [{ name: 'macos', label: 'macOS', category: 'os', labels: { eoas: null, eol: 'Security', eoes: null }, links: { html: 'https://endoflife.date/macos' }, releases: [{ name: '27', releaseDate: 'soon', isEol: false }] }] }));
    const refused = cli(['update', broken]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('broken.json:1: result.0.releases.0.releaseDate');
    expect(latestLifecycleDataUpdate(hub.deps.db)).toBeUndefined();
  });

  it('fetches an export with --from-url', async () => {
    const { createServer } = await import('node:http');
    const server = createServer((_, res) => res.end(fs.readFileSync(OLD_EXPORT))).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/products-full.json.gz`;
    // Not runCli: its synchronous wait would stop this process's server from answering.
    const r = await runChild(process.execPath, [CLI_MAIN, 'data', 'update', '--from-url', url, '--data-dir', hub.dir, '--rules-dir', rulesDir], { cwd: ROOT, env: storeEnv(hub) });
    server.close();
    expect(r.stdout).toContain(`data: ${url} (api-v1), taken 2025-08-27`);
    expect(r.stdout).toContain('No status changes.');
  });

  it('applies with --apply: audited, the estate re-judged once, every hub process on the database following', async () => {
    const other = openHubDeps(hub.deps.config, hub.deps.now);
    try {
      const r = cli(['update', NEW_FOLDER, '--apply', '--by', 'it-lead']);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Applied as update 1: 3 OS and \d+ software versions re-judged/);
      const update = latestLifecycleDataUpdate(hub.deps.db);
      expect(update).toMatchObject({ id: 1, appliedBy: 'it-lead', origin: NEW_FOLDER, format: 'folder', takenOn: '2026-08-22' });
      // The CLI re-judged the shared database; the hub that was running loads the update itself.
      expect(osStatus('MAC-TAHOE')).toMatchObject({ status: 'supported', data: { source: 'endoflife.date', date: '2026-08-22' } });
      expect(hub.deps.evaluator.dataUpdateId).toBeNull();
      expect(syncRulesInForce(hub.deps)).toBe(true);
      expect(syncRulesInForce(hub.deps)).toBe(false);
      expect(syncRulesInForce(other)).toBe(true);
      expect(other.evaluator.rules.digest).toBe(hub.deps.evaluator.rules.digest);
      const audit = hub.deps.db.prepare("SELECT actor, action, after FROM audit_log WHERE entity = 'lifecycle-data'").all() as { actor: string; action: string; after: string }[];
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ actor: 'it-lead', action: 'update' });
      expect(JSON.parse(audit[0]?.after ?? '{}')).toMatchObject({ takenOn: '2026-08-22', statusChanges: 1 });
    } finally {
      other.db.close();
    }
  });

  it('then refuses older data than the data in force, storing nothing', () => {
    const older = cli(['update', OLD_EXPORT]);
    expect(older.code).toBe(1);
    expect(older.stderr).toContain('this data was taken on 2025-08-27, before the data in force (2026-08-22); nothing changed');
    expect(latestLifecycleDataUpdate(hub.deps.db)?.id).toBe(1);
  });

  it('says the data in force and the last update with data status', () => {
    const r = cli(['status']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^lifecycle data in force: endoflife\.date, taken 2026-08-22 \(\d+ days old/);
    expect(r.stdout).toContain(`last update: 1, applied `);
    expect(r.stdout).toContain(`by it-lead from ${NEW_FOLDER} (`);
  });

  it('shows the data in force, its date and the last diff on the page', async () => {
    const cookie = await signInCookie(hub.url, 'admin', hub.adminPassword);
    const page = await (await fetch(`${hub.url}/data`, { headers: { cookie } })).text();
    expect(page).toContain('Update 1: data of 22 August 2026');
    expect(page).toContain('Apple macOS 26: unknown → supported on 1 machine (1 version)');
    expect(page).toContain('by it-lead');
  });

  it('keeps a hand-written rule over an update that carries the same product', () => {
    const handWritten = fs.readdirSync(path.join(rulesDir, 'lifecycle')).find((f) => isHandWritten(fs.readFileSync(path.join(rulesDir, 'lifecycle', f), 'utf8')));
    expect(handWritten).toBeDefined();
    const rule = hub.deps.evaluator.rules.rules.find((r) => r.file === handWritten);
    expect(rule?.generated).toBe(false);
  });
});
