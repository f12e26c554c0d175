import fs from 'node:fs';
import { loadConfig } from '../../config.js';
import { openHubDeps } from '../../hub/start-hub.js';
import { IMPORTERS, MAX_IMPORT_BYTES, type ImportError } from '../../import/index.js';
import { importFile, type ImportSummary } from '../../import/import-file.js';
import { RulesError } from '../../rules/rule-issue.js';
import { CliError } from '../cli-error.js';
import { organisationFlag } from '../organisation-flag.js';
import type { Command } from '../command.js';
import { parseFlags } from '../parse-flags.js';
import { progressBar } from '../progress-bar.js';

const USAGE = `Usage: estatewatch import <format> <file|-> [--organisation <code>] [--dry-run] [--json] [--data-dir <dir>] [--rules-dir <dir>]

Turns a file from a tool the trust already runs into reports, one per machine,
and stores them in the hub's database as an agent's reports would be (run it on
the hub's machine; the hub may keep running). A file with any error stores
nothing; importing the same file again stores nothing new. Up to ${MAX_IMPORT_BYTES / 1024 / 1024} MiB.

Formats:
${IMPORTERS.map((i) => `  ${i.format.padEnd(Math.max(...IMPORTERS.map((f) => f.format.length)))}  ${i.description}`).join('\n')}

  --organisation <code>  the trust the machines belong to (its ODS code); needed
                         when the hub has several (estatewatch admin list-organisations)
  --dry-run              parse and show what would be imported; store nothing
  --json                 print the summary as JSON
  --data-dir <dir>       folder holding estatewatch.db (default ./data)
  --rules-dir <dir>      folder holding lifecycle/ rule files

Exit status: 0 imported (or would be); 1 the file has errors (printed as file:line: message); 2 bad arguments.
See docs/imports.md for each format's columns and fields.`;

export const importCommand: Command = {
  name: 'import',
  usage: USAGE,
  run: async (argv) => {
    const { values, positionals } = parseFlags(argv, { organisation: { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' }, 'data-dir': { type: 'string' }, 'rules-dir': { type: 'string' } }, true);
    const [format, file, ...extra] = positionals;
    if (!format || !file || extra.length) throw new CliError('give a format and one file (or - for standard input)', 2, true);
    if (!IMPORTERS.some((i) => i.format === format)) throw new CliError(`unknown format "${format}": expected one of ${IMPORTERS.map((i) => i.format).join(', ')}`, 2, true);
    const bytes = readInput(file);
    const deps = openDeps(loadConfig(process.env, { dataDir: values['data-dir'], rulesDir: values['rules-dir'] }));
    try {
      let bar: ReturnType<typeof progressBar> | undefined;
      const organisationId = organisationFlag(deps.db, values.organisation).id;
      const result = importFile(deps, {
        format, bytes, fileName: file, organisationId, dryRun: values['dry-run'],
        onProgress: (done, total) => (bar ??= progressBar(process.stderr, total, 'importing')).update(done),
      });
      bar?.finish();
      if (!result.ok) {
        process.stderr.write(formatErrors(file, result.errors));
        return 1;
      }
      process.stdout.write(values.json ? `${JSON.stringify(result.summary, null, 2)}\n` : formatSummary(result.summary));
      return 0;
    } finally {
      deps.db.close();
    }
  },
};

function readInput(file: string): Uint8Array {
  try {
    const bytes = fs.readFileSync(file === '-' ? 0 : file);
    if (bytes.byteLength > MAX_IMPORT_BYTES) throw new CliError(`${file} is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MiB; split it`);
    return bytes;
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw new CliError(`cannot read ${file}: ${(err as Error).message}`);
  }
}

function openDeps(config: ReturnType<typeof loadConfig>) {
  try {
    return openHubDeps(config);
  } catch (err) {
    if (err instanceof RulesError) throw new CliError(err.message);
    throw err;
  }
}

/** `file:line: message`, or `file: path: message` where a JSON path says more than a line. */
export function formatErrors(file: string, errors: ImportError[]): string {
  const lines = errors.map((e) => {
    const where = e.line !== undefined ? `${file}:${e.line}` : file;
    return `${where}: ${e.path ? `${e.path}: ` : ''}${e.message}`;
  });
  return `${lines.join('\n')}\n${errors.length} error${errors.length === 1 ? '' : 's'}; nothing was imported\n`;
}

export function formatSummary(s: ImportSummary): string {
  const head = s.dryRun ? `dry run (nothing stored): ${s.fileName} (${s.format}) would give` : `imported ${s.fileName} (${s.format}):`;
  const counts = `${s.reports} report${s.reports === 1 ? '' : 's'}: ${s.created} new asset${s.created === 1 ? '' : 's'}, ${s.updated} updated, ${s.duplicates} duplicate${s.duplicates === 1 ? '' : 's'}, ${s.agentOwned} left to their agent`;
  const rows = s.assets.map((a) => `  ${a.outcome.padEnd(11)} ${a.hostname.padEnd(24)} ${a.os}  (${a.software} software, ${a.devices} devices)`);
  return `${head} ${counts}\n${rows.join('\n')}\n`;
}
