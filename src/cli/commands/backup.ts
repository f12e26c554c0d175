/** `estatewatch backup` and `estatewatch restore`: one database copied out, and back in. */
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../config.js';
import { backupDatabase, newestSchemaVersion, restoreDatabase, type CopyCheck, type DatabaseFacts } from '../../store/backup.js';
import { databaseFile } from '../../store/db.js';
import { withoutPassword } from '../../store/postgres/open-postgres.js';
import { backupPostgres, restorePostgres } from '../../store/postgres/pg-backup.js';
import { CliError } from '../cli-error.js';
import type { Command } from '../command.js';
import { parseFlags } from '../parse-flags.js';

const BACKUP_USAGE = `Usage: estatewatch backup <file> [--force] [--data-dir <dir>]

Copies the hub's database to <file>, safely while the hub runs and ingests,
then checks the copy and prints its size and assets. Refuses an existing
<file> unless --force. Put it back with estatewatch restore.

SQLite (the default): SQLite's online backup, the database as of one moment,
checked with PRAGMA integrity_check.
PostgreSQL (ESTATEWATCH_DATABASE_URL): pg_dump's custom archive (a consistent
snapshot; pg_dump and pg_restore must be installed, Debian: postgresql-client),
checked by reading its rows back with pg_restore.`;

const RESTORE_USAGE = `Usage: estatewatch restore <file> [--data-dir <dir>]

Makes <file> (from estatewatch backup) the hub's database. Stop the hub (every
hub, on PostgreSQL) first: restore refuses while one is using the database.
<file> must be a whole estatewatch database no newer than this estatewatch; the
hub brings an older one up to date when it next starts.

SQLite: the database it replaces is kept beside it as
estatewatch.db.before-restore-<time>.
PostgreSQL: the database as it was is dumped first, beside <file>, as
<file>.before-restore-<time>; the restore then runs in one transaction, so a
failed one changes nothing.`;

export const backupCommand: Command = {
  name: 'backup',
  usage: BACKUP_USAGE,
  run: async (argv) => {
    const { values, positionals } = parseFlags(argv, { force: { type: 'boolean' }, 'data-dir': { type: 'string' } }, true);
    const target = oneFile(positionals);
    const config = loadConfig(process.env, { dataDir: values['data-dir'] });
    if (!fs.existsSync(path.dirname(path.resolve(target)))) throw new CliError(`cannot write ${target}: folder ${path.dirname(target)} does not exist`);
    if (fs.existsSync(target) && !values.force) throw new CliError(`${target} already exists: choose another file, or --force to replace it`);
    const { name, copy } = config.databaseUrl
      ? { name: withoutPassword(config.databaseUrl), copy: await backupPostgres(config.databaseUrl, target) }
      : { name: databaseFile(config.dataDir), copy: await backupSqlite(databaseFile(config.dataDir), target) };
    if (!copy.ok) throw new CliError(`backup of ${name} failed its check, nothing written to ${target}: ${copy.reason}`);
    process.stdout.write(`wrote ${target}: ${describe(copy.facts)}, ${config.databaseUrl ? 'pg_restore read it back' : 'integrity_check ok'}\n`);
    return 0;
  },
};

export const restoreCommand: Command = {
  name: 'restore',
  usage: RESTORE_USAGE,
  run: async (argv) => {
    const { values, positionals } = parseFlags(argv, { 'data-dir': { type: 'string' } }, true);
    const file = oneFile(positionals);
    const config = loadConfig(process.env, { dataDir: values['data-dir'] });
    if (!fs.statSync(file, { throwIfNoEntry: false })?.isFile()) throw new CliError(`cannot restore ${file}: no such file`);
    const live = config.databaseUrl ? withoutPassword(config.databaseUrl) : databaseFile(config.dataDir);
    const restored = config.databaseUrl ? await restorePostgres(config.databaseUrl, file, new Date()) : restoreDatabase(file, live, new Date());
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

/** SQLite's online backup, refusing the database itself as the target. */
async function backupSqlite(live: string, target: string): Promise<CopyCheck> {
  if (!fs.existsSync(live)) throw new CliError(`no hub database at ${live} (check --data-dir or ESTATEWATCH_DATA_DIR)`);
  if (path.resolve(target) === path.resolve(live)) throw new CliError(`${target} is the hub's database itself: back it up to another file`);
  return backupDatabase(live, target);
}

function describe(facts: DatabaseFacts): string {
  const mb = (facts.bytes / 1_048_576).toFixed(1);
  return `${mb} MB, ${facts.assets} asset${facts.assets === 1 ? '' : 's'}, schema v${facts.schemaVersion}`;
}
