import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { accessSync, constants, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectCups } from '../../agents/cups.js';

const run = promisify(execFile);

/**
 * A private cupsd with its own config, state and a unix socket in a temp dir, so the
 * test never touches /etc/cups or a system scheduler. The agent's collector runs
 * lpstat for real; CUPS_SERVER points it at the socket and CUPS_SERVERROOT makes
 * lpstat name the PPD inside the temp dir (its "Interface:" line), which the
 * collector then reads for the model.
 */
function findTool(name: string): string | undefined {
  // /usr/sbin is not on a non-root PATH, but that is where Debian puts cupsd and lpadmin.
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/usr/local/sbin', '/sbin'];
  for (const dir of dirs.filter(Boolean)) {
    try {
      accessSync(join(dir, name), constants.X_OK);
      return join(dir, name);
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

const PRINTER = 'WARD7_LJ01';
const FAX = 'WARD7_FAX';
const savedEnv = { CUPS_SERVER: process.env.CUPS_SERVER, CUPS_SERVERROOT: process.env.CUPS_SERVERROOT };
let dir: string | undefined;
let cupsd: ChildProcess | undefined;

async function waitForScheduler(lpstat: string, env: NodeJS.ProcessEnv): Promise<void> {
  const deadline = Date.now() + 15_000;
  let last = '';
  while (Date.now() < deadline) {
    if (cupsd?.exitCode !== null) throw new Error(`cupsd exited with ${String(cupsd?.exitCode)}; see ${dir}/log/error_log`);
    try {
      const { stdout } = await run(lpstat, ['-r'], { env });
      if (/scheduler is running/i.test(stdout)) return;
      last = stdout;
    } catch (error) {
      last = String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`private cupsd did not answer within 15 s: ${last}`);
}

beforeAll(async () => {
  const cupsdPath = findTool('cupsd');
  const lpadmin = findTool('lpadmin');
  const lpstat = findTool('lpstat');
  // Fail, not skip: CI installs cups in .ci/run, so a missing cupsd is a broken CI machine.
  if (!cupsdPath || !lpadmin || !lpstat) {
    throw new Error('cupsd, lpadmin and lpstat are required: apt-get install -y cups cups-client (.ci/run does this)');
  }

  dir = mkdtempSync(join(tmpdir(), 'ew-cups-'));
  for (const sub of ['spool', 'cache', 'state', 'log', 'ppd']) mkdirSync(join(dir, sub));
  const socket = join(dir, 'cups.sock');
  writeFileSync(
    join(dir, 'cupsd.conf'),
    [
      `Listen ${socket}`,
      'LogLevel warn',
      'WebInterface No',
      'Browsing No',
      // Only this test's processes can reach the socket's temp dir; no auth needed.
      '<Location />',
      '  Order allow,deny',
      '  Allow all',
      '</Location>',
      '<Location /admin>',
      '  Order allow,deny',
      '  Allow all',
      '</Location>',
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'cups-files.conf'),
    [
      `ServerRoot ${dir}`,
      `RequestRoot ${dir}/spool`,
      `CacheDir ${dir}/cache`,
      `StateDir ${dir}/state`,
      `ErrorLog ${dir}/log/error_log`,
      `AccessLog ${dir}/log/access_log`,
      `PageLog ${dir}/log/page_log`,
      '',
    ].join('\n'),
  );

  // -f keeps cupsd as our child, so afterAll can stop exactly this process.
  cupsd = spawn(cupsdPath, ['-f', '-c', join(dir, 'cupsd.conf'), '-s', join(dir, 'cups-files.conf')], { stdio: 'ignore' });
  const env = { ...process.env, CUPS_SERVER: socket, CUPS_SERVERROOT: dir, LC_ALL: 'C' };
  await waitForScheduler(lpstat, env);

  // A driver PPD gives the printer a real model; nothing is ever printed, so the socket:// target need not exist.
  await run(lpadmin, ['-p', PRINTER, '-E', '-v', 'socket://127.0.0.1:9100', '-m', 'drv:///sample.drv/laserjet.ppd', '-D', 'Ward 7 LaserJet', '-L', 'Ward 7 nurses station'], { env });
  // IPP FaxOut endpoint of a driverless MFP, as CUPS sets it up; a raw queue needs no driver.
  await run(lpadmin, ['-p', FAX, '-E', '-v', 'ipp://127.0.0.1:1/ipp/faxout', '-m', 'raw', '-D', 'Ward 7 fax', '-L', 'Ward 7 office'], { env });

  process.env.CUPS_SERVER = socket;
  process.env.CUPS_SERVERROOT = dir;
});

afterAll(async () => {
  for (const [key, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  if (cupsd && cupsd.exitCode === null) {
    const exited = new Promise((resolve) => cupsd?.once('exit', resolve));
    cupsd.kill('SIGTERM');
    await exited;
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the agent CUPS collector against a real cupsd', () => {
  it('reports the plain printer as a printer and only the fax queue as a fax', async () => {
    const part = await collectCups();
    const devices = part.devices ?? [];
    expect(devices).toHaveLength(2);
    const byName = new Map(devices.map((device) => [device.name, device]));
    expect(byName.get(PRINTER)).toMatchObject({
      kind: 'printer',
      model: 'HP LaserJet Series PCL 4/5',
      location: 'Ward 7 nurses station',
      connection: 'socket://127.0.0.1:9100',
    });
    expect(byName.get(FAX)).toMatchObject({ kind: 'fax', location: 'Ward 7 office', connection: 'ipp://127.0.0.1:1/ipp/faxout' });
    expect(devices.filter((device) => device.kind === 'fax')).toHaveLength(1);
  });
});
