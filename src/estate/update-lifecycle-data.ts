/**
 * `estatewatch data update`: newer endoflife.date data turned into this hub's
 * lifecycle rules without a release. Planning generates the rules, checks them
 * with the shipped ones, and diffs every verdict; nothing is stored. Applying
 * stores the files and the diff, audits it, and re-judges the estate once, in
 * one transaction. Other hub processes on the database pick it up (syncRulesInForce).
 */
import { evaluateAlerts, type AlertEvaluation } from '../alerts/evaluate-alerts.js';
import type { HubDeps } from '../hub/deps.js';
import { generateLifecycleRules, type LeftOut } from '../lifecycle-data/generate-rules.js';
import type { EolData } from '../lifecycle-data/read-eol-data.js';
import type { RuleSet } from '../lifecycle/rule-set.js';
import { digestSources, sortSources } from '../rules/read-rule-sources.js';
import { appendAudit } from '../store/audit-log.js';
import { applyLifecycleDataUpdate as storeUpdate, latestLifecycleDataUpdateId, type LifecycleDataFile } from '../store/lifecycle-data.js';
import { inTransaction } from '../store/statements.js';
import { createEvaluator } from './evaluator.js';
import { reevaluateEstate, type Reevaluation } from './reevaluate-estate.js';
import { composeRules, dataTakenOn, loadRulesInForce } from './rules-in-force.js';
import { diffVerdicts, type VerdictDiff } from './verdict-diff.js';

export interface PlannedUpdate {
  origin: string;
  format: EolData['format'];
  takenOn: string;
  files: LifecycleDataFile[];
  leftOut: LeftOut[];
  /** The data in force now, and its date. */
  inForce: { takenOn: string | null; updateId: number | null };
  rules: RuleSet;
  digest: string;
  diff: VerdictDiff;
}

/** Refused: older data than the hub already judges with would turn verdicts back. */
export class OlderDataError extends Error {
  readonly code = 'lifecycle-data-older';
  constructor(takenOn: string, inForce: string) {
    super(`this data was taken on ${takenOn}, before the data in force (${inForce}); nothing changed. Give --allow-older to apply it anyway.`);
    this.name = 'OlderDataError';
  }
}

export function planLifecycleDataUpdate(deps: HubDeps, data: EolData, origin: string, opts: { allowOlder?: boolean } = {}): PlannedUpdate {
  const inForce = { takenOn: dataTakenOn(deps.evaluator.rules), updateId: deps.evaluator.dataUpdateId };
  if (!opts.allowOlder && inForce.takenOn && data.takenOn < inForce.takenOn) throw new OlderDataError(data.takenOn, inForce.takenOn);
  const { files, leftOut } = generateLifecycleRules(data.products, { requireEveryRecipe: false });
  const { rules } = composeRules(deps.config, files);
  const candidate = createEvaluator(rules, deps.now, deps.config.endingSoonDays, deps.config.dataStaleDays);
  const diff = diffVerdicts(deps.db, deps.evaluator, candidate);
  return { origin, format: data.format, takenOn: data.takenOn, files, leftOut, inForce, rules, digest: digestSources(sortSources(files)), diff };
}

export interface AppliedUpdate {
  updateId: number;
  reevaluation: Reevaluation;
  alerts: AlertEvaluation;
}

export function applyPlannedUpdate(deps: HubDeps, plan: PlannedUpdate, actor: string): AppliedUpdate {
  const at = deps.now().toISOString();
  const { updateId, reevaluation } = inTransaction(deps.db, () => {
    const id = storeUpdate(deps.db, plan.files, {
      appliedAt: at, appliedBy: actor, origin: plan.origin, format: plan.format, takenOn: plan.takenOn, digest: plan.digest, files: plan.files.length, diff: JSON.stringify(plan.diff),
    });
    appendAudit(deps.db, {
      at, actor, action: 'update', entity: 'lifecycle-data', entityId: String(id),
      before: plan.inForce,
      after: { takenOn: plan.takenOn, origin: plan.origin, files: plan.files.length, statusChanges: plan.diff.statuses.length, dateChanges: plan.diff.dates.length },
    });
    deps.evaluator.useRules(plan.rules, id);
    return { updateId: id, reevaluation: reevaluateEstate(deps.db, deps.evaluator, { force: true }) };
  });
  return { updateId, reevaluation, alerts: evaluateAlerts(deps.db, deps.alertRules, deps.now()) };
}

/**
 * Another process (the CLI, another hub on the same PostgreSQL) may have applied
 * an update since this hub loaded its rules: load it and re-judge once.
 * Returns whether the rules changed.
 */
export function syncRulesInForce(deps: HubDeps): boolean {
  const latest = latestLifecycleDataUpdateId(deps.db);
  if (latest === deps.evaluator.dataUpdateId) return false;
  const inForce = loadRulesInForce(deps.db, deps.config);
  deps.evaluator.useRules(inForce.rules, inForce.update?.id ?? null);
  reevaluateEstate(deps.db, deps.evaluator);
  evaluateAlerts(deps.db, deps.alertRules, deps.now());
  return true;
}
