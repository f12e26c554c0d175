/**
 * Raises, refreshes and auto-resolves alerts: after each ingest for that asset,
 * and over the whole estate when rules, verdicts or the day change. One live
 * alert per rule × asset × subject; when a condition clears, its alert is
 * resolved with the time it cleared.
 */
import type { AssetScope } from '../store/alert-findings.js';
import { clearAlerts, raiseAlerts, refreshAlerts } from '../store/alert-runs.js';
import { ALERTS_CHECKED_AT, findingKey, listLiveAlerts, type Finding, type LiveAlert } from '../store/alerts.js';
import { setHubState } from '../store/hub-state.js';
import { insertNotification } from '../store/notifications.js';
import { log } from '../log.js';
import { recordAlertEvaluation } from '../store/metrics-queries.js';
import type { Db } from '../store/db.js';
import { refreshPlannerStatistics, STATISTICS_AFTER } from '../store/planner-statistics.js';
import { inCallersTransaction } from '../store/statements.js';
import type { AlertRule } from './alert-rule-schema.js';
import { findRuleMatches, isEstateWide } from './find-rule-matches.js';

export interface AlertEvaluation {
  findings: number;
  raised: number;
  resolved: number;
  ms: number;
}

export function evaluateAlerts(db: Db, rules: readonly AlertRule[], now: Date, asset: AssetScope = null): AlertEvaluation {
  const run = raiseAndClear(db, rules, now, asset);
  // A burst of alerts would leave PostgreSQL planning the list for the table's old size (store/planner-statistics.ts).
  if (run.raised + run.resolved >= STATISTICS_AFTER.alerts) refreshPlannerStatistics(db, 'alerts');
  return run;
}

function raiseAndClear(db: Db, rules: readonly AlertRule[], now: Date, asset: AssetScope): AlertEvaluation {
  const started = performance.now();
  const at = now.toISOString();
  // In the report's own transaction after an ingest: a rule that fails refuses the report.
  return inCallersTransaction(db, () => {
    const active = rules.filter((r) => r.enabled && (asset === null || !isEstateWide(r.condition)));
    const findings = findRuleMatches(db, active, asset, now);
    const live = new Map(listLiveAlerts(db, asset).map((a) => [findingKey(a), a]));
    const fresh: Finding[] = [];
    const changed: { id: number; finding: Finding }[] = [];
    for (const f of findings) {
      const existing = live.get(findingKey(f));
      if (existing) {
        if (existing.severity !== f.severity || existing.title !== f.title || existing.detail !== f.detail) changed.push({ id: existing.id, finding: f });
        live.delete(findingKey(f));
      } else {
        fresh.push(f);
      }
    }
    // Over one asset, only the rules that ran may clear; over the estate, a removed or disabled rule's alerts clear too.
    const evaluated = new Set(active.map((r) => r.id));
    const gone = [...live.values()].filter((a) => asset === null || evaluated.has(a.ruleId));
    const why = (a: LiveAlert) => (evaluated.has(a.ruleId) ? 'condition no longer holds' : 'rule removed or disabled');
    // Set-based, each action audited once for the run (issue 24): one statement and one audit entry per alert took ten minutes over 100,000 assets.
    for (const { finding, id } of raiseAlerts(db, fresh, at, asset)) notifyRaised(db, finding, finding.notify!, id, at);
    refreshAlerts(db, changed, at);
    clearAlerts(db, gone, why, at, asset);
    const [raised, resolved] = [fresh.length, gone.length];
    const ms = Math.round(performance.now() - started);
    // Over the estate (the hourly job, start-up, re-evaluation): what GET /metrics reports.
    if (asset === null) {
      setHubState(db, ALERTS_CHECKED_AT, at);
      recordAlertEvaluation(db, ms);
    }
    return { findings: findings.length, raised, resolved, ms };
  });
}

/**
 * A finding that names who must hear of it: an in-app notification to that
 * role in its trust, and a log line (JSON on stderr) that a SIEM collecting the
 * hub's logs picks up. The hub sends no e-mail and calls no webhook itself.
 */
function notifyRaised(db: Db, f: Finding, to: NonNullable<Finding['notify']>, alertId: number, at: string): void {
  insertNotification(db, { recipientRole: to.role, ...(f.organisationId === undefined ? {} : { organisationId: f.organisationId }), at, text: `${f.title}: ${f.detail}`, link: to.link });
  log('warn', `alert raised: ${f.title}`, { event: 'alert-raised', alertId, rule: f.ruleId, severity: f.severity, organisationId: f.organisationId ?? null, link: to.link });
}
