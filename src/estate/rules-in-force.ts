/**
 * The lifecycle rules a hub judges with: the shipped rule files, any
 * lifecycle-data update applied to this hub's database laid over them
 * (lifecycle-data/compose-rule-sources.ts), then the distribution data of the
 * machine's own Debian packages (rules/distribution-data.ts) and the Windows
 * cumulative-update list (rules/with-windows-updates.ts).
 */
import path from 'node:path';
import { composeRuleSources } from '../lifecycle-data/compose-rule-sources.js';
import type { RuleSet } from '../lifecycle/rule-set.js';
import { withDistributionData, type DistributionDataDirs } from '../rules/distribution-data.js';
import { withWindowsUpdates } from '../rules/with-windows-updates.js';
import { buildRuleSet, readRuleSources, readTitleSources } from '../rules/load-lifecycle-rules.js';
import { RulesError } from '../rules/rule-issue.js';
import type { Db } from '../store/db.js';
import { latestLifecycleDataUpdate, listLifecycleDataFiles, type LifecycleDataFile, type LifecycleDataUpdate } from '../store/lifecycle-data.js';

export interface RulesInForce {
  rules: RuleSet;
  /** The update laid over the shipped rules; undefined when none was ever applied. */
  update: LifecycleDataUpdate | undefined;
  /** What distribution data is missing and how to install it; null when none is. */
  absent: string | null;
}

export interface RulesLocation extends DistributionDataDirs {
  rulesDir: string;
}

/** The rule set these generated files would give with the shipped ones; throws RulesError listing every problem. */
export function composeRules(where: RulesLocation, updateFiles: readonly LifecycleDataFile[]): { rules: RuleSet; absent: string | null } {
  const lifecycleDir = path.join(where.rulesDir, 'lifecycle');
  const { sources } = composeRuleSources(readRuleSources(lifecycleDir), updateFiles);
  const { ruleSet, issues } = buildRuleSet(sources, readTitleSources(lifecycleDir));
  if (!ruleSet) throw new RulesError(issues);
  const { rules, absent } = withDistributionData(ruleSet, where);
  return { rules: withWindowsUpdates(rules, where.rulesDir), absent };
}

export function loadRulesInForce(db: Db, where: RulesLocation): RulesInForce {
  const update = latestLifecycleDataUpdate(db);
  return { ...composeRules(where, update ? listLifecycleDataFiles(db) : []), update };
}

/**
 * The day the endoflife.date data in force was taken: the day most generated rules
 * were read (the newer on a tie). Not the oldest: a product an update lacks keeps its
 * shipped, older rule, and one such leftover must not make the whole data look old.
 */
export function dataTakenOn(rules: RuleSet): string | null {
  const days = new Map<string, number>();
  for (const r of rules.rules) {
    if (r.generated && r.source.name === 'endoflife.date' && r.source.retrieved) days.set(r.source.retrieved, (days.get(r.source.retrieved) ?? 0) + 1);
  }
  let best: [string, number] | null = null;
  for (const entry of days) if (!best || entry[1] > best[1] || (entry[1] === best[1] && entry[0] > best[0])) best = entry;
  return best?.[0] ?? null;
}
