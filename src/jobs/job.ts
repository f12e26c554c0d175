import type { HubDeps } from '../hub/deps.js';

/** A scheduled piece of hub work: a name for the logs, a cron expression, and what it does. */
export interface Job {
  name: string;
  cron: string;
  run(deps: HubDeps): unknown;
}
