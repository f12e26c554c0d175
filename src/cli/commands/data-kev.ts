/**
 * The KEV half of `estatewatch data`: a catalogue file given to `data update`
 * (told by its shape, recognise-kev-file.ts), and the catalogue line of
 * `data status`. Mirrors the lifecycle data update: a plan first, stored only with --apply.
 */
import { kevInForce } from '../../cyber/kev-in-force.js';
import type { KevCatalogue } from '../../cyber/read-kev.js';
import type { KevFile } from '../../cyber/recognise-kev-file.js';
import { applyKevUpdate, kevSource, OlderKevError, planKevUpdate, type KevPlan, type MarkChanges } from '../../cyber/update-kev.js';
import type { HubDeps } from '../../hub/deps.js';
import { RulesError } from '../../rules/rule-issue.js';
import { CliError } from '../cli-error.js';

/** How many names a plan line lists before "and N more". */
const NAMES_SHOWN = 10;

export function updateKev(deps: HubDeps, file: KevFile, origin: string, opts: { apply?: boolean; allowOlder?: boolean; by?: string }): number {
  const plan = planOrRefuse(() => planKevUpdate(deps, file, origin, catalogueInForce(deps), { allowOlder: opts.allowOlder }));
  process.stdout.write(formatKevPlan(plan));
  if (!opts.apply) {
    process.stdout.write('\nNothing stored. Run again with --apply to use this catalogue.\n');
    return 0;
  }
  const applied = applyKevUpdate(deps, plan, opts.by ?? 'cli');
  const note = applied.inForce.updateId === applied.updateId ? 'a running hub picks it up within a minute' : `the newer ${kevSource(applied.inForce)}, version ${applied.inForce.version}, stays in force`;
  process.stdout.write(`\nStored as KEV catalogue update ${applied.updateId}; ${note}.\n`);
  return 0;
}

/** The catalogue line of `data status`. */
export function kevStatusLine(deps: HubDeps): string {
  const kev = catalogueInForce(deps);
  return kev
    ? `KEV catalogue in force: version ${kev.version}, released ${kev.released}, ${kev.byCve.size} CVEs, from ${kevSource(kev)}\n`
    : 'KEV catalogue: none configured (set ESTATEWATCH_KEV_FILE or run data update <known_exploited_vulnerabilities.json>): nothing is marked known exploited\n';
}

/** The catalogue this database's hubs mark with; a setting's file that cannot be read is the operator's to fix. */
function catalogueInForce(deps: HubDeps): KevCatalogue | null {
  return planOrRefuse(() => kevInForce(deps.db, deps.config.kevFile));
}

function planOrRefuse<T>(run: () => T): T {
  try {
    return run();
  } catch (err) {
    if (err instanceof RulesError || err instanceof OlderKevError) throw new CliError(err.message, 1);
    throw err;
  }
}

function formatKevPlan(plan: KevPlan): string {
  const next = plan.file.catalogue;
  const now = plan.inForce ? `version ${plan.inForce.version} from ${kevSource(plan.inForce)}` : 'none';
  return [
    `KEV catalogue: ${plan.origin}, version ${next.version}, released ${next.released}, ${next.byCve.size} CVEs; in force now: ${now}`,
    `CVEs: ${plan.added.length} added, ${plan.removed.length} removed${listed(plan.added, ' (added: ', ')')}${listed(plan.removed, ' (removed: ', ')')}`,
    `cyber alerts: ${marks(plan.cyberAlerts)}`,
    `alert rules: ${marks(plan.alertRules)}`,
  ].join('\n') + '\n';
}

function marks(c: MarkChanges): string {
  return `${c.gain.length} become known exploited${listed(c.gain, ' (', ')')}, ${c.lose.length} lose the mark${listed(c.lose, ' (', ')')}`;
}

function listed(names: readonly string[], open: string, close: string): string {
  if (names.length === 0) return '';
  const more = names.length > NAMES_SHOWN ? ` and ${names.length - NAMES_SHOWN} more` : '';
  return `${open}${names.slice(0, NAMES_SHOWN).join(', ')}${more}${close}`;
}
