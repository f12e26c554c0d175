/**
 * Assembles a hub from its configuration: database, rules, evaluator, first
 * re-evaluation and the first admin. Listening is server.ts's job.
 */
import path from 'node:path';
import type { Config } from '../config.js';
import { bootstrapAdmin } from '../auth/bootstrap-admin.js';
import { createEvaluator } from '../estate/evaluator.js';
import { reevaluateEstate, type Reevaluation } from '../estate/reevaluate-estate.js';
import { loadLifecycleRules } from '../rules/load-lifecycle-rules.js';
import { databaseFile, openDb } from '../store/db.js';
import type { HubDeps } from './deps.js';

export interface PreparedHub {
  deps: HubDeps;
  /** The first admin's password when this start created it; shown once, never stored. */
  adminPassword?: string;
  reevaluation: Reevaluation;
}

export async function prepareHub(config: Config, now: () => Date = () => new Date()): Promise<PreparedHub> {
  const rules = loadLifecycleRules(path.join(config.rulesDir, 'lifecycle'));
  const db = openDb(databaseFile(config.dataDir));
  const evaluator = createEvaluator(rules, now, config.endingSoonDays);
  const reevaluation = reevaluateEstate(db, evaluator);
  const adminPassword = await bootstrapAdmin(db, now());
  return { deps: { db, evaluator, config, now }, adminPassword, reevaluation };
}
