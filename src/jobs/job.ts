import type { Config } from '../config.js';
import type { HubDeps } from '../hub/deps.js';

/**
 * A scheduled piece of hub work: a name for the logs, a cron expression (fixed,
 * or read from the configuration), and what it does. Times are in the trust's timezone.
 */
export interface Job {
  name: string;
  cron: string | ((config: Config) => string);
  run(deps: HubDeps): unknown;
}
