/** `estatewatch backup` and `estatewatch restore`: one database copied out, and back in. */
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../config.js';
import { backupDatabase, newestSchemaVersion, restoreDatabase, type DatabaseFacts } from '../../store/backup.js';
import { databaseFile } from '../../store/db.js';
import { CliError } from '../cli-error.js';
import type { Command } from '../command.js';
import { parseFlags } from '../parse-flags.js';

const BACKUP_USAGE = `Usage: estatewatch backup <file> [--force] [--data-dir <dir>]

Copies the hub's database to <file>, safely while the hub runs and ingests
(SQLite's online backup: the copy is the database as of one moment), then
checks the copy (PRAGMA integrity_check) and prints its size and assets.
Refuses an existing <file> unless --force. Put it back with estatewatch restore.`;

const RESTORE_USAGE = `Usage: estatewatch restore <file> [--data-dir <dir>]

Makes <file> (from estatewatch backup) the hub's database. Stop the hub first:
restore refuses while any process has the database open. <file> must be a
whole estatewatch database (integrity_check ok, an assets table) no newer than
this estatewatch; the hub brings an older one up to date when it next starts.
The database it replaces is kept beside it as estatewatch.db.before-restore-<time>.`;

export const backupCommand: Command = {
  name: 'backup',
  usage: BACKUP_USAGE,
  run: async (argv) => {
    const { values, positionals } = parseFlags(argv, { force: { type: 'boolean' }, 'data-dir': { type: 'string' } }, true);
    const target = oneFile(positionals);
    const live = liveDatabase(values['data-dir']);
    if (!fs.existsSync(live)) throw new CliError(`no hub database at ${live} (check --data-dir or ESTATEWATCH_DATA_DIR)`);
    if (path.resolve(target) === path.resolve(live)) throw new CliError(`${target} is the hub's database itself: back it up to another file`);
    if (!fs.existsSync(path.dirname(path.resolve(target)))) throw new CliError(`cannot write ${target}: folder ${path.dirname(target)} does not exist`);
    if (fs.existsSync(target) && !values.force) throw new CliError(`${target} already exists: choose another file, or --force to replace it`);
    const copy = await backupDatabase(live, target);
    if (!copy.ok) throw new CliError(`backup of ${live} failed its check, nothing written to ${target}: ${copy.reason}`);
    process.stdout.write(`wrote ${target}: ${describe(copy.facts)}, integrity_check ok\n`);
    return 0;
  },
};

export const restoreCommand: Command = {
  name: 'restore',
  usage: RESTORE_USAGE,
  run: async (argv) => {
    const { values, positionals } = parseFlags(argv, { 'data-dir': { type: 'string' } }, true);
    const file = oneFile(positionals);
    const live = liveDatabase(values['data-dir']);
    if (!fs.statSync(file, { throwIfNoEntry: false })?.isFile()) throw new CliError(`cannot restore ${file}: no such file`);
    const restored = restoreDatabase(file, live, new Date());
    if (!restored.ok) throw new CliError(`cannot restore ${restored.file === live ? `into ${live}` : file}: ${restored.reason}`);
    const lines = [`restored ${file} into ${live}: ${describe(restored.facts)}`];
    if (restored.keptAs) lines.push(`the database it replaced is kept as ${restored.keptAs}`);
    if (restored.facts.schemaVersion < newestSchemaVersion()) lines.push(`the hub will bring its schema up to v${newestSchemaVersion()} when it next starts`);
    process.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  },
};

function oneFile(positionals: string[]): string {
  const [file, ...more] = positionals;
  if (!file || more.length) throw new CliError('expected one file', 2, true);
  return file;
}

/** The hub's SQLite file; PostgreSQL is backed up with its own tools, which an ICS data centre already runs. */
function liveDatabase(dataDir: string | undefined): string {
  const config = loadConfig(process.env, { dataDir });
  if (config.databaseUrl) {
    throw new CliError("the hub's database is PostgreSQL (ESTATEWATCH_DATABASE_URL): back it up and restore it with pg_dump and pg_restore (docs/deployment.md)");
  }
  return databaseFile(config.dataDir);
}

function describe(facts: DatabaseFacts): string {
  const mb = (facts.bytes / 1_048_576).toFixed(1);
  return `${mb} MB, ${facts.assets} asset${facts.assets === 1 ? '' : 's'}, schema v${facts.schemaVersion}`;
}
