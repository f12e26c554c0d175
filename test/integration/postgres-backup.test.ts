/**
 * `estatewatch backup` and `restore` on a PostgreSQL hub, as the real CLI
 * with the server's real pg_dump and pg_restore: a backup taken while a hub
 * is connected, a restore refused while one is, a restore that brings the
 * backup's rows back and keeps what it replaced, and a bad file refused with
 * nothing changed. Never a password in what the commands print.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import type { HubDeps } from '../../src/hub/deps.js';
import { openHubDeps } from '../../src/hub/start-hub.js';
import { ingestReport } from '../../src/ingest/ingest-report.js';
import { newestSchemaVersion } from '../../src/store/backup.js';
import { runCli } from '../helpers/cli.js';
import { createDatabaseOn } from '../helpers/postgres.js';
import { sampleReport } from '../helpers/reports.js';
import { tempDir } from '../helpers/test-hub.js';

/** The test server trusts its connections, so this password is never asked for: it is only there to be kept out of the output. */
const PASSWORD = 's3cret-never-shown';
let url: string;
let dir: string;

const cli = (...args: string[]) => runCli(args, { env: { ESTATEWATCH_DATABASE_URL: url } });

/** A hub's connection to the database (as a running hub holds one), with these machines reported. */
function connectedHub(...hostnames: string[]): HubDeps {
  const deps = openHubDeps(loadConfig({ ESTATEWATCH_DATABASE_URL: url }, { dataDir: dir }));
  for (const hostname of hostnames) {
    ingestReport(deps, sampleReport({ host: { ...sampleReport().host, hostname } }), { agentId: null, organisationId: 1, idempotencyKey: `pg-backup-${hostname}` });
  }
  return deps;
}

function hostnames(): string[] {
  const deps = openHubDeps(loadConfig({ ESTATEWATCH_DATABASE_URL: url }, { dataDir: dir }));
  try {
    return (deps.db.prepare('SELECT hostname FROM assets ORDER BY hostname').all() as { hostname: string }[]).map((r) => r.hostname);
  } finally {
    deps.db.close();
  }
}

beforeAll(async () => {
  const server = process.env.ESTATEWATCH_TEST_POSTGRES_URL;
  if (!server) throw new Error('needs the PostgreSQL server test/postgres-global-setup.ts starts');
  const withPassword = new URL(await createDatabaseOn(server));
  withPassword.password = PASSWORD;
  url = withPassword.toString();
  dir = tempDir('estatewatch-pg-backup-');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('backup and restore of a PostgreSQL hub', () => {
  const archive = () => path.join(dir, 'hub.dump');

  it('dumps the database while a hub is connected, and checks the archive by reading its rows back', () => {
    const hub = connectedHub('PG-PC001', 'PG-PC002');
    try {
      const r = cli('backup', archive());
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^wrote ${archive()}: [\\d.]+ MB, 2 assets, schema v${newestSchemaVersion()}, pg_restore read it back\\n$`));
      expect(fs.readdirSync(dir)).toEqual(['hub.dump']);
      expect(fs.statSync(archive()).mode & 0o777, 'the archive is readable by its owner only').toBe(0o600);
      expect(r.stdout + r.stderr).not.toContain(PASSWORD);
    } finally {
      hub.db.close();
    }
  });

  it('refuses to restore while a hub is connected, and changes nothing', () => {
    const hub = connectedHub('PG-PC003');
    try {
      const r = cli('restore', archive());
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('a hub is connected to it: stop every hub');
      expect(r.stderr).not.toContain(PASSWORD);
    } finally {
      hub.db.close();
    }
    expect(hostnames()).toEqual(['PG-PC001', 'PG-PC002', 'PG-PC003']);
  });

  it('brings the backup back with every hub stopped, keeping what it replaced beside the archive', () => {
    const r = cli('restore', archive());
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2 assets');
    expect(hostnames()).toEqual(['PG-PC001', 'PG-PC002']);
    const kept = fs.readdirSync(dir).find((f) => f.startsWith('hub.dump.before-restore-'));
    expect(kept).toBeDefined();
    expect(r.stdout).toContain(`the database it replaced is kept as ${path.join(dir, kept ?? '')}`);
    // What was replaced can itself be put back: PG-PC003 returns.
    expect(cli('restore', path.join(dir, kept ?? '')).code).toBe(0);
    expect(hostnames()).toEqual(['PG-PC001', 'PG-PC002', 'PG-PC003']);
  });

  it('refuses a file that is not an archive of an estatewatch database, naming it, and changes nothing', () => {
    const junk = path.join(dir, 'notes.txt');
    fs.writeFileSync(junk, 'not a dump\n');
    const r = cli('restore', junk);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`cannot restore ${junk}: it is not a readable pg_dump archive`);
    expect(hostnames()).toEqual(['PG-PC001', 'PG-PC002', 'PG-PC003']);
  });
});
