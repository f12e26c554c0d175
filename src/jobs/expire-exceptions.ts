import { expireExceptions } from '../cso/exceptions.js';
import type { Job } from './job.js';

/**
 * Hourly, so an exception stops counting as accepted risk within the hour its
 * expiry day begins (the alert list already ignores it from that moment; this
 * records the change, audits it and tells the CSO).
 */
export const expireExceptionsJob: Job = {
  name: 'expire-exceptions',
  cron: '5 * * * *',
  run: (deps) => ({ expired: expireExceptions(deps.db, deps.now()) }),
};
