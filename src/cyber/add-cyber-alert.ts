/**
 * A security lead adds a cyber alert on the hub (pasted as YAML, or filled in
 * as a form the page turns into the same text): checked exactly as a file in
 * rules/cyber-alerts/ is, stored, its machines worked out over the whole
 * estate, and audited, in one transaction. A refused alert stores nothing.
 */
import { HubError } from '../hub/errors.js';
import { schemesOf } from '../lifecycle/cyber-applicability.js';
import type { RuleSet } from '../lifecycle/rule-set.js';
import { appendAudit } from '../store/audit-log.js';
import { insertHubCyberAlert, type StoredCyberAlert } from '../store/cyber-alerts.js';
import type { Db } from '../store/db.js';
import { inTransaction } from '../store/statements.js';
import { checkCyberAlertSource } from './load-cyber-alerts.js';
import { refreshCyberMachines } from './refresh-cyber-machines.js';

/** What the checker calls the pasted text in its `line N` messages. */
export const PASTED_ALERT = 'the pasted alert';

export function addCyberAlert(db: Db, text: string, rules: RuleSet, by: string, at: string): StoredCyberAlert {
  const { alert, issues } = checkCyberAlertSource({ file: PASTED_ALERT, text }, { products: new Set(rules.rules.map((r) => r.product)) }, false);
  if (!alert) {
    throw new HubError(400, 'invalid-cyber-alert', `the cyber alert has ${issues.length} problem${issues.length === 1 ? '' : 's'}; nothing was stored`, issues.map((i) => ({ path: `line ${i.line}`, message: i.message })));
  }
  return inTransaction(db, () => {
    const id = insertHubCyberAlert(db, alert, by, at);
    if (id === undefined) throw new HubError(409, 'reference-taken', `a cyber alert ${alert.reference} is already on the hub`);
    const stored = { id, alert };
    refreshCyberMachines(db, [stored], schemesOf(rules), at);
    appendAudit(db, { at, actor: by, action: 'add', entity: 'cyber-alert', entityId: alert.reference, after: alert });
    return stored;
  });
}
