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
  /**
   * The occasion a firing is for: of all the hubs sharing the database, one
   * runs each occasion. By default the second it was due; a job whose work
   * belongs to a period (the board report's month) names the period instead.
   */
  slot?(deps: HubDeps, due: Date): string;
  /** Runs in every hub process, unclaimed: its work is on the process's own memory (the rules it judges with). */
  everyHub?: boolean;
}
