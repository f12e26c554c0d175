import type { SpoolLimits } from './spool.js';

/**
 * The defaults the usage text prints, kept apart from the spool and the
 * scheduler that use them, so that reading the command line loads neither
 * (nor node-cron and the Node built-ins they need) on a run that uses neither.
 */
export const DEFAULT_SPOOL_LIMITS: SpoolLimits = { maxFiles: 500, maxBytes: 200 * 1024 * 1024 };

/** With --schedule: each run waits a random 0..this many seconds, so a trust's machines do not all post at once. */
export const DEFAULT_JITTER_SECONDS = 300;
