/** What `npm start` runs: `estatewatch serve --demo`, as a real process on 127.0.0.1 (on the postgres test project, keeping its database in PostgreSQL). */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ESTATE } from '../../src/demo/demo-estate.js';
import { spawnCli } from '../helpers/cli.js';
import { storeExists } from '../../src/store/open-store.js';
import { signInCookie, tempDir, testDatabaseUrl } from '../helpers/test-hub.js';

let child: ChildProcess;
let dataDir: string;
let databaseUrl: string | undefined;
let stdout = '';

function waitFor(pattern: RegExp, ms = 45_000): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}; output so far:\n${stdout}`)), ms);
    const check = () => {
      const m = stdout.match(pattern);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    };
    child.stdout?.on('data', (d: Buffer) => {
      stdout += d.toString();
      check();
    });
  });
}

beforeAll(async () => {
  dataDir = tempDir();
  databaseUrl = await testDatabaseUrl();
  child = spawnCli(['serve', '--demo', '--port', '0', '--data-dir', dataDir], databaseUrl ? { ESTATEWATCH_DATABASE_URL: databaseUrl } : {});
  child.stderr?.on('data', () => undefined);
});
afterAll(() => {
  child.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('estatewatch serve --demo', () => {
  let url: string;
  let password: string;

  it('prints the URL and a one-time admin password, and stores the database where it is configured to', async () => {
    password = (await waitFor(/Password:\s+(\S+)/))[1] as string;
    url = (stdout.match(/running: (http:\/\/127\.0\.0\.1:\d+)/) as RegExpMatchArray)[1] as string;
    expect(storeExists({ databaseUrl, dataDir })).toBe(true);
    // With a PostgreSQL URL nothing goes in the data folder.
    expect(fs.existsSync(`${dataDir}/estatewatch.db`)).toBe(databaseUrl === undefined);
    expect(stdout).toContain('inventory collected and sent by the real Linux agent');
  });

  it('serves the demo estate plus this machine, reported by its real agent, once the one-time password is replaced', async () => {
    const cookie = await signInCookie(url, 'admin', password);
    const changed = await fetch(`${url}/api/v1/account/password`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ currentPassword: password, newPassword: 'the trust board passphrase' }),
    });
    expect(changed.status).toBe(204);
    const summary = (await (await fetch(`${url}/api/v1/estate/summary`, { headers: { cookie } })).json()) as { assets: number; assetsByOsStatus: Record<string, number> };
    expect(summary.assets).toBe(DEMO_ESTATE.length + 1);
    expect(summary.assetsByOsStatus.unsupported).toBeGreaterThan(0);
    const list = (await (await fetch(`${url}/api/v1/estate/assets?family=linux&pageSize=100`, { headers: { cookie } })).json()) as { rows: { id: number; software: number }[] };
    const biggest = Math.max(...list.rows.map((r) => r.software));
    expect(biggest).toBeGreaterThan(100);
  });

  it("imports the demo fax and pager register and generates this month's board report to date", async () => {
    expect(stdout).toContain('Device register: 8 faxes and pagers imported.');
    const reportUrl = (stdout.match(/Board report for this month to date: (\S+)/) as RegExpMatchArray)[1] as string;
    const cookie = await signInCookie(url, 'admin', 'the trust board passphrase');
    const month = reportUrl.split('/').at(-1) as string;
    const report = (await (await fetch(`${url}/api/v1/board-reports/${month}`, { headers: { cookie } })).json()) as { provisional: boolean; figures: { devices: { fax: { inRegister: { value: number } } }; assets: { total: { value: number } } } };
    expect(report.provisional).toBe(true);
    expect(report.figures.devices.fax.inRegister.value).toBe(3);
    expect(report.figures.assets.total.value).toBe(DEMO_ESTATE.length + 1);
    expect((await fetch(reportUrl, { headers: { cookie } })).status).toBe(200);
  });

  it('stops cleanly on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
