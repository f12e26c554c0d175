/**
 * Assembles a hub from its configuration: database, rules, evaluator, first
 * re-evaluation of verdicts and alerts, and the first admin. Listening is server.ts's job.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.js';
import { evaluateAlerts, type AlertEvaluation } from '../alerts/evaluate-alerts.js';
import { loadAlertRules } from '../alerts/load-alert-rules.js';
import { loadKnownDevices } from '../devices/load-known-devices.js';
import { cyberAlertsInForce } from '../cyber/cyber-alerts-in-force.js';
import { readKev } from '../cyber/read-kev.js';
import { newerKev, storedKev } from '../cyber/kev-in-force.js';
import { bootstrapAdmin } from '../auth/bootstrap-admin.js';
import { createEvaluator } from '../estate/evaluator.js';
import { reevaluateEstate, type Reevaluation } from '../estate/reevaluate-estate.js';
import { log } from '../log.js';
import { loadRulesInForce, type RulesInForce } from '../estate/rules-in-force.js';
import type { Db } from '../store/db.js';
import { openStore } from '../store/open-store.js';
import type { HubDeps } from './deps.js';

export interface PreparedHub {
  deps: HubDeps;
  /** The first admin's password when this start created it; shown once, never stored. */
  adminPassword?: string;
  reevaluation: Reevaluation;
  alerts: AlertEvaluation;
}

/** The shipped rules, any lifecycle-data update applied on this database, the machine's distribution data; a bad rule file closes the database it was read with. */
function rulesOrClose(db: Db, config: Config): RulesInForce {
  try {
    return loadRulesInForce(db, config);
  } catch (err) {
    db.close();
    throw err;
  }
}

/** Rules, database and evaluator: what the hub and commands that write to its database (import) share. */
export function openHubDeps(config: Config, now: () => Date = () => new Date()): HubDeps {
  const db = openStore(config);
  const { rules, update, absent } = rulesOrClose(db, config);
  if (absent) log('warn', absent);
  const alertRules = loadAlertRules(path.join(config.rulesDir, 'alerts')).rules;
  const devicesDir = path.join(config.rulesDir, 'devices');
  // Optional: a trust's own rules folder may predate the known-device list.
  const knownDevices = fs.existsSync(devicesDir) ? loadKnownDevices(devicesDir) : [];
  return { db, evaluator: createEvaluator(rules, now, config.endingSoonDays, config.dataStaleDays, update?.id ?? null), config, now, alertRules, knownDevices };
}

export async function prepareHub(config: Config, now: () => Date = () => new Date()): Promise<PreparedHub> {
  // Before the database opens: a configured catalogue that cannot be read stops the start with the file's name.
  const kevFile = config.kevFile ? readKev(config.kevFile) : null;
  const opened = openHubDeps(config, now);
  // A catalogue stored by `data update` wins when newer than the setting's file.
  const deps = { ...opened, kev: newerKev(kevFile, storedKev(opened.db)) };
  const reevaluation = reevaluateEstate(deps.db, deps.evaluator);
  // Rules or verdicts may have changed since the last run: judge the whole estate once at start.
  const alerts = evaluateAlerts(deps.db, deps.alertRules, now());
  // After re-evaluation, so applicability reads each item's current product and cycle.
  deps.cyberAlerts = cyberAlertsInForce(deps.db, config.rulesDir, deps.evaluator.rules, now().toISOString());
  const adminPassword = await bootstrapAdmin(deps.db, now());
  return { deps, adminPassword, reevaluation, alerts };
}
