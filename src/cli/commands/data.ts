import fs from 'node:fs';
import { loadConfig } from '../../config.js';
import { describeDateChange, describeStatusChange } from '../../estate/verdict-diff.js';
import { applyPlannedUpdate, OlderDataError, planLifecycleDataUpdate, type PlannedUpdate } from '../../estate/update-lifecycle-data.js';
import { dataFreshness } from '../../estate/data-freshness.js';
import { openHubDeps } from '../../hub/start-hub.js';
import { exportText, parseEolApiV1, readEolData, type EolData } from '../../lifecycle-data/read-eol-data.js';
import { RulesError } from '../../rules/rule-issue.js';
import { recogniseKevFile, type KevFile } from '../../cyber/recognise-kev-file.js';
import { kevStatusLine, updateKev } from './data-kev.js';
import { latestLifecycleDataUpdate } from '../../store/lifecycle-data.js';
import { CliError } from '../cli-error.js';
import type { Command } from '../command.js';
import { parseFlags } from '../parse-flags.js';

const DEFAULT_URL = 'https://endoflife.date/api/v1/products/full';
/** An export is about 2–3 MB; far more is not an endoflife.date export. */
const MAX_DOWNLOAD_BYTES = 64 * 1024 * 1024;

const USAGE = `Usage: estatewatch data status [--data-dir <dir>] [--rules-dir <dir>]
       estatewatch data update <file-or-folder> [--apply] [--allow-older] [--by <name>] [--data-dir <dir>] [--rules-dir <dir>]
       estatewatch data update --from-url [<url>] [--apply] …

status  The lifecycle data in force: where it came from, the day it was taken,
        its age, and the last update applied; and the KEV catalogue in force
        (version, release, from the setting's file or a stored update).
update  Reads newer endoflife.date data, on an air-gapped hub from a file you
        carried in (the API v1 products/full export, .json or .json.gz) or a
        folder in the snapshot's layout (one <product>.json each), or with
        --from-url where the hub may reach the internet (default
        ${DEFAULT_URL}). It validates the data, generates this
        hub's lifecycle rules from it (hand-written rules are never replaced;
        the shipped rules stay the fallback for any product it lacks), and
        prints the verdict diff: which products and cycles change status, on
        how many machines or installs. Nothing is stored without --apply.
        Given CISA's Known Exploited Vulnerabilities catalogue
        (known_exploited_vulnerabilities.json, told by its shape), it checks
        it and prints the CVEs added and removed against the catalogue in force
        and which cyber alerts and alert rules gain or lose the known-exploited
        mark; --apply stores it in the database, audited.
  --apply        store the rules, audit the update and re-judge the estate once;
                 a running hub picks it up within a minute
  --allow-older  apply data taken before the data in force, or an older KEV
                 catalogue version (normally refused)
  --by <name>    who applies it, for the audit log (default "cli")

Exit status: 0 done (or shown); 1 the data is invalid or older; 2 bad arguments.
See docs/lifecycle-data.md and docs/cyber-alerts.md.`;

const FLAGS = {
  apply: { type: 'boolean' }, 'allow-older': { type: 'boolean' }, 'from-url': { type: 'boolean' }, by: { type: 'string' },
  'data-dir': { type: 'string' }, 'rules-dir': { type: 'string' },
} as const;

export const dataCommand: Command = {
  name: 'data',
  usage: USAGE,
  run: async (argv) => {
    const { values, positionals } = parseFlags(argv, FLAGS, true);
    const [sub, source, ...extra] = positionals;
    if (extra.length > 0 || (sub !== 'status' && sub !== 'update')) throw new CliError('expected: data status, or data update <file-or-folder> | --from-url [<url>]', 2, true);
    if (sub === 'update' && !values['from-url'] && !source) throw new CliError('give the export file or folder to read, or --from-url', 2, true);
    const deps = openHubDeps(loadConfig(process.env, { dataDir: values['data-dir'], rulesDir: values['rules-dir'] }));
    try {
      if (sub === 'status') return printStatus(deps);
      const kevFile = values['from-url'] ? null : recogniseLocalKev(source as string);
      if (kevFile) return updateKev(deps, kevFile, source as string, { apply: values.apply, allowOlder: values['allow-older'], by: values.by });
      const data = values['from-url'] ? await download(source ?? DEFAULT_URL) : readLocal(source as string);
      const plan = planOrRefuse(() => planLifecycleDataUpdate(deps, data.data, data.origin, { allowOlder: values['allow-older'] }));
      process.stdout.write(formatPlan(plan));
      if (!values.apply) {
        process.stdout.write('\nNothing stored. Run again with --apply to use this data.\n');
        return 0;
      }
      const applied = applyPlannedUpdate(deps, plan, values.by ?? 'cli');
      process.stdout.write(`\nApplied as update ${applied.updateId}: ${applied.reevaluation.osVersions} OS and ${applied.reevaluation.softwareVersions} software versions re-judged in ${applied.reevaluation.ms} ms; alerts raised ${applied.alerts.raised}, resolved ${applied.alerts.resolved}.\n`);
      return 0;
    } finally {
      deps.db.close();
    }
  },
};

type Deps = ReturnType<typeof openHubDeps>;

function printStatus(deps: Deps): number {
  const update = latestLifecycleDataUpdate(deps.db);
  const { takenOn, ageDays, stale, staleDays } = dataFreshness(deps.evaluator, deps.config.dataStaleDays);
  const age = takenOn ? ` (${ageDays} days old${stale ? `, past the ${staleDays}-day limit: dates may be out of date` : ''})` : '';
  process.stdout.write(`lifecycle data in force: endoflife.date, taken ${takenOn ?? 'unknown'}${age}\n`);
  process.stdout.write(update ? `last update: ${update.id}, applied ${update.appliedAt} by ${update.appliedBy} from ${update.origin} (${update.files} rule files, data of ${update.takenOn})\n` : 'no update applied: the shipped rules are in force\n');
  process.stdout.write(kevStatusLine(deps));
  return 0;
}

/** A KEV catalogue file, told by its shape; null for anything else (endoflife.date data, or for the lifecycle reader to refuse). */
function recogniseLocalKev(path: string): KevFile | null {
  if (!fs.existsSync(path)) throw new CliError(`${path}: no such file or folder`, 1);
  try {
    return recogniseKevFile(path);
  } catch (err) {
    if (err instanceof RulesError) throw new CliError(err.message, 1);
    throw err;
  }
}

function planOrRefuse(plan: () => PlannedUpdate): PlannedUpdate {
  try {
    return plan();
  } catch (err) {
    if (err instanceof RulesError || err instanceof OlderDataError) throw new CliError(err.message, 1);
    throw err;
  }
}

function readLocal(path: string): { data: EolData; origin: string } {
  if (!fs.existsSync(path)) throw new CliError(`${path}: no such file or folder`, 1);
  try {
    return { data: readEolData(path), origin: path };
  } catch (err) {
    if (err instanceof RulesError) throw new CliError(err.message, 1);
    throw err;
  }
}

async function download(url: string): Promise<{ data: EolData; origin: string }> {
  if (!/^https?:\/\//.test(url)) throw new CliError(`--from-url takes an http(s) address, not "${url}"`, 2, true);
  const response = await fetch(url, { signal: AbortSignal.timeout(120_000) }).catch((err: Error) => {
    throw new CliError(`cannot fetch ${url}: ${err.cause instanceof Error ? err.cause.message : err.message}`, 1);
  });
  if (!response.ok) throw new CliError(`${url} answered ${response.status} ${response.statusText}`, 1);
  const bytes = Buffer.from(await response.arrayBuffer());
  if (bytes.byteLength > MAX_DOWNLOAD_BYTES) throw new CliError(`${url} sent ${bytes.byteLength} bytes, more than an export could be`, 1);
  try {
    return { data: parseEolApiV1(url, exportText(url, bytes)), origin: url };
  } catch (err) {
    if (err instanceof RulesError) throw new CliError(err.message, 1);
    throw err;
  }
}

function formatPlan(plan: PlannedUpdate): string {
  const lines = [
    `data: ${plan.origin} (${plan.format}), taken ${plan.takenOn}; in force now: ${plan.inForce.takenOn ?? 'unknown'}${plan.inForce.updateId ? ` (update ${plan.inForce.updateId})` : ' (shipped rules)'}`,
    `rules: ${plan.files.length} generated, ${plan.leftOut.length} products left out; ${plan.diff.judged} distinct versions judged both ways`,
    '',
    plan.diff.statuses.length === 0 ? 'No status changes.' : `Status changes (${plan.diff.statuses.length}):`,
    ...plan.diff.statuses.map((c) => `  ${describeStatusChange(c)}`),
  ];
  if (plan.diff.dates.length > 0) lines.push('', `End-of-support dates moved, status unchanged (${plan.diff.dates.length}):`, ...plan.diff.dates.map((c) => `  ${describeDateChange(c)}`));
  return `${lines.join('\n')}\n`;
}
