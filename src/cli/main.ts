#!/usr/bin/env node
/**
 * estatewatch's command line. Commands are data (one file each, listed below);
 * only this file catches errors, printing the message and the usage.
 */
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { CliError } from './cli-error.js';
import { exitQuietlyOnClosedPipe } from '../../agents/closed-pipe.js';
import type { CommandEntry } from './command.js';

export const COMMANDS: readonly CommandEntry[] = [
  { name: 'serve', summary: 'Start the hub (web pages + API); --demo seeds a demo estate and runs a local agent.', load: async () => (await import('./commands/serve.js')).serveCommand },
  { name: 'agent', summary: "Collect this machine's inventory and send it to a hub (enrol, --dry-run, --once, --schedule).", load: async () => (await import('./commands/agent.js')).agentCommand },
  { name: 'assess', summary: "Judge one report file offline: counts by status, then each item's product, cycle, status, EOL date and why.", load: async () => (await import('./commands/assess.js')).assessCommand },
  { name: 'rules', summary: 'Check the rule files (`rules check`), or dry-run one alert rule on the estate (`rules test <file>`).', load: async () => (await import('./commands/rules.js')).rulesCommand },
  { name: 'data', summary: 'The lifecycle data in force (`data status`), or refresh it from a newer endoflife.date export with a verdict diff first (`data update`).', load: async () => (await import('./commands/data.js')).dataCommand },
  { name: 'admin', summary: 'Users and agents: create-user, reset-password, list-agents, revoke-agent.', load: async () => (await import('./commands/admin.js')).adminCommand },
  { name: 'import', summary: 'Import inventories from osquery, Intune/MECM CSV, CycloneDX SBOMs or agent --output files (--dry-run).', load: async () => (await import('./commands/import.js')).importCommand },
  { name: 'report', summary: "Generate the board's monthly cyber-posture report (--month, --out .json/.html/.pdf), or check a stored one (--verify).", load: async () => (await import('./commands/report.js')).reportCommand },
  { name: 'audit', summary: "Check the audit log is whole: each entry's hash recomputed from the one before (`audit verify`).", load: async () => (await import('./commands/audit.js')).auditCommand },
  { name: 'backup', summary: "Copy the hub's database to a file, safely while the hub runs, and check the copy (--force to replace the file).", load: async () => (await import('./commands/backup.js')).backupCommand },
  { name: 'restore', summary: "Make a backup the hub's database (hub stopped); the database it replaces is kept beside it.", load: async () => (await import('./commands/backup.js')).restoreCommand },
  { name: 'config', summary: "Print the hub's configuration settings (environment variables, defaults) as a table.", load: async () => (await import('./commands/config.js')).configCommand },
];

export function mainUsage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'estatewatch — estate monitor for NHS trusts: finds unsupported software, faxes and pagers.',
    '',
    'Usage: estatewatch <command> [options]    (estatewatch <command> --help for details)',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
  ].join('\n');
}

export async function runMain(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${mainUsage()}\n`);
    return name ? 0 : 2;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  const command = await entry?.load();
  try {
    if (!command) throw new CliError(`unknown command "${name}"`, 2, true);
    if (rest.includes('--help') || rest.includes('-h')) {
      process.stdout.write(`${command.usage}\n`);
      return 0;
    }
    return await command.run(rest);
  } catch (err) {
    if (!(err instanceof CliError)) throw err;
    process.stderr.write(`estatewatch: ${err.message}\n`);
    if (err.showUsage) process.stderr.write(`\n${command?.usage ?? mainUsage()}\n`);
    return err.exitCode;
  }
}

// Run only as the program itself (npm's bin link points here through a symlink), not when imported by tests.
if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  exitQuietlyOnClosedPipe(process.stdout);
  runMain(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`estatewatch: unexpected error: ${(err as Error).stack ?? String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
