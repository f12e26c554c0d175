import { configTable, loadConfig, type ConfigKey } from '../../config.js';
import { prepareHub } from '../../hub/start-hub.js';
import { listen } from '../../hub/server.js';
import { JOBS } from '../../jobs/index.js';
import { scheduleJobs } from '../../jobs/schedule-jobs.js';
import { log } from '../../log.js';
import { RulesError } from '../../rules/rule-issue.js';
import { runDemo } from '../../demo/run-demo.js';
import { snapshotContext } from '../../report/generate-board-report.js';
import { ensureTodaysSnapshots } from '../../report/take-snapshot.js';
import { CliError } from '../cli-error.js';
import type { Command } from '../command.js';
import { parseFlags } from '../parse-flags.js';

const USAGE = `Usage: estatewatch serve [--demo] [--host <addr>] [--port <n>] [--data-dir <dir>] [--rules-dir <dir>]

Starts the hub: the web pages and the API for agents and people.

  --demo             on an empty database, seed a demo hospital estate and run this
                     machine's agent once against the hub (what \`npm start\` does)
  --host <addr>      listen address (default 127.0.0.1)
  --port <n>         TCP port (default 8080; 0 picks a free one)
  --data-dir <dir>   folder for estatewatch.db (default ./data)
  --rules-dir <dir>  folder holding lifecycle/ rule files (default: the rules shipped with estatewatch)

On first start the hub creates the user "admin" and prints its password once.
Settings can also come from the environment:

${configTable()}`;

export const serveCommand: Command = {
  name: 'serve',
  usage: USAGE,
  run: async (argv) => {
    const { values } = parseFlags(argv, {
      demo: { type: 'boolean' },
      host: { type: 'string' },
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      'rules-dir': { type: 'string' },
    });
    const overrides: Partial<Record<ConfigKey, unknown>> = { host: values.host, port: values.port, dataDir: values['data-dir'], rulesDir: values['rules-dir'] };
    const config = loadConfig(process.env, overrides);
    const hub = await prepareHub(config).catch((err: unknown) => {
      if (err instanceof RulesError) throw new CliError(err.message);
      throw err;
    });
    const running = await listen(hub.deps);
    const jobs = scheduleJobs(JOBS, hub.deps);
    log('info', 'hub listening', { url: running.url, database: config.dataDir, reevaluation: hub.reevaluation, alerts: hub.alerts });
    const demo = values.demo ? await runDemo(hub.deps, running.url) : undefined;
    // The board's trends need one snapshot a day; the cron job takes them in the evening, this covers a hub that was down then.
    ensureTodaysSnapshots(snapshotContext(hub.deps));
    printWelcome(running.url, hub.adminPassword, demo);
    await untilSignal();
    jobs.stop();
    await running.close();
    hub.deps.db.close();
    return 0;
  },
};

function printWelcome(url: string, adminPassword: string | undefined, demo: string | undefined): void {
  const lines = ['', `estatewatch hub is running: ${url}`];
  if (demo) lines.push(demo);
  if (adminPassword) lines.push('', 'Sign in as:  admin', `Password:    ${adminPassword}`, '(shown once: only its hash is stored; `estatewatch admin reset-password admin` makes a new one)');
  else lines.push('', 'Sign in with your existing account (lost the admin password? `estatewatch admin reset-password admin`).');
  lines.push('', 'Press Ctrl+C to stop.', '');
  process.stdout.write(lines.join('\n'));
}

function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}
