/** `estatewatch rules test`: what a new or changed rule would raise on the live estate, storing nothing. */
import { listLiveAlerts, findingKey } from '../store/alerts.js';
import type { Db } from '../store/db.js';
import { stmt } from '../store/statements.js';
import type { AlertRule } from './alert-rule-schema.js';
import { findRuleMatches } from './find-rule-matches.js';

export interface AlertRulePreview {
  assets: number;
  findings: number;
  alreadyOpen: number;
  sample: { hostname: string | null; subject: string; title: string }[];
}

export function previewAlertRule(db: Db, rule: AlertRule, now: Date): AlertRulePreview {
  const findings = findRuleMatches(db, [{ ...rule, enabled: true }], null, now);
  const live = new Set(listLiveAlerts(db, null).filter((a) => a.ruleId === rule.id).map(findingKey));
  const hostname = (id: number | null) => (id === null ? null : ((stmt(db, 'SELECT hostname FROM assets WHERE id = ?').get(id) as { hostname: string } | undefined)?.hostname ?? null));
  return {
    assets: new Set(findings.map((f) => f.assetId).filter((id) => id !== null)).size,
    findings: findings.length,
    alreadyOpen: findings.filter((f) => live.has(findingKey(f))).length,
    sample: findings.slice(0, 10).map((f) => ({ hostname: hostname(f.assetId), subject: f.subject, title: f.title })),
  };
}
