/**
 * A cyber alert a person adds on the hub (API or page), checked and stored by
 * addCyberAlert, then put in force on this hub at once: the next ingest
 * checks machines against it. Other hubs sharing the database join it within
 * a minute (joinHubCyberAlerts).
 */
import type { Context } from 'hono';
import { addCyberAlert } from '../cyber/add-cyber-alert.js';
import type { StoredCyberAlert } from '../store/cyber-alerts.js';
import type { HubEnv } from './deps.js';
import { currentSession } from './middleware/session.js';

export function addCyberAlertInForce(c: Context<HubEnv>, text: string): StoredCyberAlert {
  const deps = c.var.deps;
  const stored = addCyberAlert(deps.db, text, deps.evaluator.rules, currentSession(c).user.username, deps.now().toISOString());
  deps.cyberAlerts = [...(deps.cyberAlerts ?? []), stored];
  return stored;
}
