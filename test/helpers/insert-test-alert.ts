/**
 * Puts an alert row straight into a test hub's database, as the engine would
 * raise it, so triage can be tested without alert rules matching anything.
 */
import type { Severity } from '../../src/alerts/alert-rule-schema.js';
import type { AlertStatus } from '../../src/store/alert-queries.js';
import type { Db } from '../../src/store/db.js';

export interface TestAlert {
  /** A seeded asset's hostname, or null for an estate-wide alert. */
  hostname: string | null;
  severity: Severity;
  /** When it was raised, as an ISO timestamp. */
  raisedAt: string;
  ruleId?: string;
  subject?: string;
  title?: string;
  status?: AlertStatus;
}

let counter = 0;

export function assetIdOf(db: Db, hostname: string): number {
  const row = db.prepare('SELECT id FROM assets WHERE hostname = ?').get(hostname) as { id: number } | undefined;
  if (!row) throw new Error(`no seeded asset ${hostname}`);
  return row.id;
}

export function insertTestAlert(db: Db, a: TestAlert): number {
  counter += 1;
  const assetId = a.hostname === null ? null : assetIdOf(db, a.hostname);
  const status = a.status ?? 'open';
  const info = db
    .prepare(`INSERT INTO alerts (rule_id, asset_id, subject, severity, title, detail, status, raised_at, last_seen_at, acknowledged_at, resolved_at, resolution, suppressed_until, suppress_reason)
      VALUES (@ruleId, @assetId, @subject, @severity, @title, @detail, @status, @raisedAt, @raisedAt, @ackAt, @resolvedAt, @resolution, @until, @reason) RETURNING id`)
    .get({
      ruleId: a.ruleId ?? 'test-rule', assetId, subject: a.subject ?? `test:${counter}`, severity: a.severity,
      title: a.title ?? `Test alert ${counter}`, detail: `evidence for test alert ${counter}`, status, raisedAt: a.raisedAt,
      ackAt: status === 'acknowledged' ? a.raisedAt : null,
      resolvedAt: status === 'resolved' ? a.raisedAt : null, resolution: status === 'resolved' ? 'cleared' : null,
      until: status === 'suppressed' ? new Date(Date.parse(a.raisedAt) + 30 * 86_400_000).toISOString() : null,
      reason: status === 'suppressed' ? 'seeded as suppressed for a test' : null,
    });
  return (info as { id: number }).id;
}

/** An ISO timestamp `hours` before `now`. */
export function hoursBefore(now: Date, hours: number): string {
  return new Date(now.getTime() - hours * 3_600_000).toISOString();
}

/**
 * A small triage queue on the demo estate, keyed by name: two overdue
 * (critical 3 days, high 5 days), a high one inside its 48 hours, an
 * estate-wide critical raised an hour ago, and one of each other status.
 */
export function seedTriageAlerts(db: Db, now: Date) {
  const at = (hours: number) => hoursBefore(now, hours);
  return {
    win7: insertTestAlert(db, { hostname: 'WARD7-PC014', severity: 'critical', raisedAt: at(72), ruleId: 'os-unsupported', subject: 'os', title: 'Windows 7 is unsupported' }),
    pacs: insertTestAlert(db, { hostname: 'PACS-SRV01', severity: 'high', raisedAt: at(24), ruleId: 'os-unsupported', subject: 'os', title: 'Server 2012 R2 past end of support' }),
    reader: insertTestAlert(db, { hostname: 'WARD7-PC014', severity: 'high', raisedAt: at(120), ruleId: 'software-unsupported', subject: 'software:Adobe Reader XI@11.0.23', title: 'Adobe Reader XI is unsupported' }),
    fax: insertTestAlert(db, { hostname: 'PHARM-PC02', severity: 'medium', raisedAt: at(240), ruleId: 'fax-present', subject: 'device:fax:pharmacy', title: 'Fax machine attached', status: 'acknowledged' }),
    old: insertTestAlert(db, { hostname: 'LAB-PC03', severity: 'low', raisedAt: at(480), ruleId: 'fax-present', subject: 'device:fax:lab', title: 'Fax machine attached', status: 'resolved' }),
    spread: insertTestAlert(db, { hostname: null, severity: 'critical', raisedAt: at(1), ruleId: 'unknown-spread', subject: 'software:Medway PAS Client', title: 'Unknown program on many assets' }),
    info: insertTestAlert(db, { hostname: 'MED-LT0117', severity: 'info', raisedAt: at(30), ruleId: 'silent', subject: 'silent', title: 'Laptop silent', status: 'suppressed' }),
  };
}
