/**
 * The cyber alerts a hub works with: rules/cyber-alerts/ read at start (the
 * folder is optional), each stored or refreshed, with those people added on
 * the hub (kept in the database), and which installs each affects worked out
 * over the whole estate. A broken file is logged with its `file:line` and left
 * out; the valid ones stay in force (issue 23).
 */
import fs from 'node:fs';
import path from 'node:path';
import { schemesOf } from '../lifecycle/cyber-applicability.js';
import { log } from '../log.js';
import type { RuleSet } from '../lifecycle/rule-set.js';
import { formatRuleIssue } from '../rules/rule-issue.js';
import { listHubCyberAlerts, upsertCyberAlert, type StoredCyberAlert } from '../store/cyber-alerts.js';
import type { CyberAlert } from './cyber-alert-schema.js';
import type { Db } from '../store/db.js';
import { inTransaction } from '../store/statements.js';
import { loadCyberAlerts } from './load-cyber-alerts.js';
import { refreshCyberMachines } from './refresh-cyber-machines.js';

export function cyberAlertsInForce(db: Db, rulesDir: string, rules: RuleSet, at: string): StoredCyberAlert[] {
  const alerts = readAlertFiles(path.join(rulesDir, 'cyber-alerts'), rules);
  return inTransaction(db, () => {
    const stored = [...alerts.map((alert) => ({ id: upsertCyberAlert(db, alert, at), alert })), ...listHubCyberAlerts(db)];
    refreshCyberMachines(db, stored, schemesOf(rules), at);
    return stored;
  });
}

function readAlertFiles(dir: string, rules: RuleSet): CyberAlert[] {
  if (!fs.existsSync(dir)) return [];
  const { alerts, issues } = loadCyberAlerts(dir, { products: new Set(rules.rules.map((r) => r.product)) });
  for (const issue of issues) {
    const file = path.join('cyber-alerts', issue.file);
    log('warn', `cyber alert file refused, the others stay in force: ${formatRuleIssue({ ...issue, file })}`, { file, line: issue.line });
  }
  return alerts;
}

/**
 * Another hub process sharing the database may have had an alert added: the
 * ones this hub does not hold yet join its list. Hub-added alerts are never
 * removed, so joining is all there is to do. Returns the alerts to join.
 */
export function joinHubCyberAlerts(db: Db, inForce: readonly StoredCyberAlert[]): StoredCyberAlert[] {
  const held = new Set(inForce.map((a) => a.id));
  return listHubCyberAlerts(db).filter((a) => !held.has(a.id));
}
