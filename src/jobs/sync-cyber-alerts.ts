import { joinHubCyberAlerts } from '../cyber/cyber-alerts-in-force.js';
import type { Job } from './job.js';

/**
 * A cyber alert added on one hub process is stored, with its machines, at
 * once; every other hub sharing the database takes it into the list its
 * ingests refresh within a minute. Quiet when nothing changed.
 */
export const syncCyberAlertsJob: Job = {
  name: 'sync-cyber-alerts',
  cron: '* * * * *',
  everyHub: true,
  run: (deps) => {
    const joined = joinHubCyberAlerts(deps.db, deps.cyberAlerts ?? []);
    if (joined.length === 0) return undefined;
    deps.cyberAlerts = [...(deps.cyberAlerts ?? []), ...joined];
    return { cyberAlerts: 'joined', references: joined.map((a) => a.alert.reference) };
  },
};
