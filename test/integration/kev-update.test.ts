/**
 * `estatewatch data update <kev.json>` through the real CLI on a hub's real
 * database (SQLite, or PostgreSQL on that run), and a hub on real HTTP that
 * then marks a cyber alert and an alert rule's alerts known exploited from the
 * stored catalogue. The catalogues are small files of the real 2025.08.25
 * catalogue's entries, values unchanged: the "older" one (2025.08.21) holds
 * what CISA had added by that day.
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncKevInForce } from '../../src/cyber/update-kev.js';
import { prepareHub } from '../../src/hub/start-hub.js';
import { ingestReport } from '../../src/ingest/ingest-report.js';
import { latestKevHead } from '../../src/store/kev-catalogues.js';
import { runCli, ROOT } from '../helpers/cli.js';
import { sampleReport } from '../helpers/reports.js';
import { signInCookie, startTestHub, storeEnv, tempDir, type ListeningTestHub } from '../helpers/test-hub.js';

const REAL = JSON.parse(fs.readFileSync(path.join(ROOT, '..', 'shared', 'data', 'kev', 'known_exploited_vulnerabilities.json'), 'utf8')) as {
  title: string; dateReleased: string; vulnerabilities: { cveID: string }[];
};
const entry = (cve: string) => REAL.vulnerabilities.find((v) => v.cveID === cve);

/** A rule about Git's link-following flaw (CVE-2025-48384, fixed in 2.50.1): low severity, so only the mark can put it first. */
const GIT_RULE = `id: git-link-following
title: Git older than 2.50.1 installed
severity: low
description: Git before 2.50.1 mishandles carriage returns in configuration files.
remediation: Update Git to 2.50.1 or later.
cves: [CVE-2025-48384]
condition:
  kind: software-version
  name: '^Git$'
  range: '<2.50.1'
`;

let hub: ListeningTestHub;
let dir: string;
let rulesDir: string;
let files: Record<'older' | 'newer' | 'broken', string>;
let cli: (args: string[]) => ReturnType<typeof runCli>;

function writeCatalogue(name: string, version: string, cves: readonly string[]): string {
  const file = path.join(dir, name);
  const vulnerabilities = cves.map(entry);
  fs.writeFileSync(file, JSON.stringify({ title: REAL.title, catalogVersion: version, dateReleased: REAL.dateReleased, count: vulnerabilities.length, vulnerabilities }, null, 2));
  return file;
}

beforeAll(async () => {
  dir = tempDir('estatewatch-kev-');
  rulesDir = path.join(dir, 'rules');
  fs.cpSync(path.join(ROOT, 'rules'), rulesDir, { recursive: true });
  fs.writeFileSync(path.join(rulesDir, 'alerts', 'git-link-following.yaml'), GIT_RULE);
  files = {
    older: writeCatalogue('older.json', '2025.08.21', ['CVE-2025-43300', 'CVE-2025-54948']),
    // The shipped cyber alert's CVE-2024-9680 (added 2024-10-15) and Git's CVE-2025-48384 (added 2025-08-25).
    newer: writeCatalogue('newer.json', '2025.08.25', ['CVE-2025-48384', 'CVE-2024-8068', 'CVE-2025-43300', 'CVE-2024-9680']),
    broken: path.join(dir, 'broken.json'),
  };
  fs.writeFileSync(files.broken, JSON.stringify({ catalogVersion: '2025.08.26', dateReleased: REAL.dateReleased, vulnerabilities: [{ ...entry('CVE-2025-48384'), dueDate: 'soon' }] }));
  hub = await startTestHub({ rulesDir, kevFile: files.older });
  const git = { name: 'Git', version: '2.45.1', vendor: 'The Git Development Community', source: 'registry' as const };
  ingestReport(hub.deps, sampleReport({ software: [...sampleReport().software, git] }), { agentId: null, organisationId: 1, idempotencyKey: randomUUID() });
  cli = (args) => runCli(['data', ...args, '--data-dir', hub.dir, '--rules-dir', rulesDir], { env: { ...storeEnv(hub), ESTATEWATCH_KEV_FILE: files.older } });
});
afterAll(async () => {
  await hub?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/**
 * runCli blocks this process's event loop for seconds, while the hub's idle
 * keep-alive sockets time out; a request racing their close is reset. One
 * turn of the timers first lets them close.
 */
const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

async function getJson<T>(url: string): Promise<T> {
  await settle();
  const cookie = await signInCookie(hub.url, 'admin', hub.adminPassword);
  const res = await fetch(`${hub.url}${url}`, { headers: { cookie } });
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

type AlertsBody = { rows: { ruleId: string; severity: string; knownExploited: { catalogueVersion: string; cves: { cve: string; dateAdded: string; dueDate: string }[] } | null }[] };

// Each CLI run loads the hub's rules and database: slower than a unit test, not a measure.
describe('estatewatch data update with a KEV catalogue', { timeout: 120_000 }, () => {
  it('starts with the setting\'s file in force, marking nothing the older catalogue lacks', async () => {
    expect(hub.deps.kev).toMatchObject({ version: '2025.08.21', updateId: null });
    const body = await getJson<AlertsBody>('/api/v1/alerts');
    const git = body.rows.find((r) => r.ruleId === 'git-link-following');
    expect(git?.knownExploited).toBeNull();
    expect(body.rows.indexOf(git as AlertsBody['rows'][number])).toBeGreaterThan(0);
  });

  it('says the catalogue in force with data status', () => {
    const r = cli(['status']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`KEV catalogue in force: version 2025.08.21, released 2025-08-25T17:04:19.9796Z, 2 CVEs, from ESTATEWATCH_KEV_FILE (${files.older})`);
  });

  it('refuses a broken catalogue, naming the file and the field, storing nothing', () => {
    const r = cli(['update', files.broken]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("broken.json:1: not the KEV catalogue's shape: vulnerabilities[0].dueDate");
    expect(latestKevHead(hub.deps.db)).toBeNull();
  });

  it('plans without --apply: versions, CVEs added and removed, what gains or loses the mark', () => {
    const r = cli(['update', files.newer]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`KEV catalogue: ${files.newer}, version 2025.08.25, released 2025-08-25T17:04:19.9796Z, 4 CVEs; in force now: version 2025.08.21 from ESTATEWATCH_KEV_FILE (${files.older})`);
    expect(r.stdout).toContain('CVEs: 3 added, 1 removed (added: CVE-2025-48384, CVE-2024-8068, CVE-2024-9680) (removed: CVE-2025-54948)');
    expect(r.stdout).toContain('cyber alerts: 1 become known exploited (LOCAL-2026-001), 0 lose the mark');
    expect(r.stdout).toContain('alert rules: 1 become known exploited (git-link-following), 0 lose the mark');
    expect(r.stdout).toContain('Nothing stored.');
    expect(latestKevHead(hub.deps.db)).toBeNull();
  });

  it('stores it with --apply, audited, and the running hub picks it up', async () => {
    const r = cli(['update', files.newer, '--apply', '--by', 'security-lead']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Stored as KEV catalogue update 1; a running hub picks it up within a minute.');
    expect(latestKevHead(hub.deps.db)).toMatchObject({ id: 1, version: '2025.08.25', entries: 4, origin: files.newer, appliedBy: 'security-lead' });
    const audit = hub.deps.db.prepare("SELECT actor, action, entity_id AS \"entityId\", before, after FROM audit_log WHERE entity = 'kev-catalogue'").all() as { actor: string; action: string; entityId: string; before: string; after: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: 'security-lead', action: 'update', entityId: '1' });
    expect(JSON.parse(audit[0]?.before ?? 'null')).toMatchObject({ version: '2025.08.21', updateId: null });
    expect(JSON.parse(audit[0]?.after ?? 'null')).toMatchObject({ version: '2025.08.25', entries: 4, added: 3, removed: 1, alertRules: { gain: ['git-link-following'], lose: [] } });

    expect(hub.deps.kev?.version).toBe('2025.08.21');
    expect(syncKevInForce(hub.deps)).toBe(true);
    expect(syncKevInForce(hub.deps)).toBe(false);
    expect(hub.deps.kev).toMatchObject({ version: '2025.08.25', updateId: 1 });
  });

  it('then marks the alert rule\'s alert known exploited over HTTP, listed first though low', async () => {
    const body = await getJson<AlertsBody>('/api/v1/alerts');
    expect(body.rows[0]).toMatchObject({
      ruleId: 'git-link-following', severity: 'low',
      knownExploited: { catalogueVersion: '2025.08.25', cves: [{ cve: 'CVE-2025-48384', dateAdded: '2025-08-25', dueDate: '2025-09-15' }] },
    });
    expect(body.rows.slice(1).every((r) => r.knownExploited === null)).toBe(true);
    // A column sort chosen by the reader stays as chosen.
    const bySeverity = await getJson<AlertsBody>('/api/v1/alerts?sort=severity');
    expect(bySeverity.rows[0]?.ruleId).not.toBe('git-link-following');
    const cookie = await signInCookie(hub.url, 'admin', hub.adminPassword);
    const page = await (await fetch(`${hub.url}/alerts`, { headers: { cookie } })).text();
    expect(page).toContain('Known exploited: CVE-2025-48384 (added 2025-08-25, due 2025-09-15)');
  });

  it('and marks the cyber alert naming a CVE the stored catalogue added', async () => {
    const body = await getJson<{ knownExploitedCatalogue: { version: string }; alerts: { reference: string; knownExploited: unknown }[] }>('/api/v1/cyber-alerts');
    expect(body.knownExploitedCatalogue).toMatchObject({ version: '2025.08.25' });
    expect(body.alerts.find((a) => a.reference === 'LOCAL-2026-001')?.knownExploited).toMatchObject({ cves: [{ cve: 'CVE-2024-9680', dateAdded: '2024-10-15', dueDate: '2024-11-05' }] });
  });

  it('refuses an older catalogue than the one in force, storing nothing', () => {
    const r = cli(['update', files.older]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('this KEV catalogue is version 2025.08.21, older than the catalogue in force (2025.08.25); nothing changed. Give --allow-older');
    expect(latestKevHead(hub.deps.db)?.id).toBe(1);
    const status = cli(['status']);
    expect(status.stdout).toContain(`KEV catalogue in force: version 2025.08.25, released 2025-08-25T17:04:19.9796Z, 4 CVEs, from stored update 1 (from ${files.newer})`);
  });

  it('a hub starting on the database takes the stored catalogue over the older setting\'s file', async () => {
    const other = await prepareHub(hub.deps.config, hub.deps.now);
    try {
      expect(other.deps.kev).toMatchObject({ version: '2025.08.25', updateId: 1 });
    } finally {
      other.deps.db.close();
    }
  });
});
