/**
 * The demo estate as v1 reports stamped relative to a given moment, so a freshly
 * seeded hub shows hosts last seen minutes or hours ago rather than on a fixed date.
 */
import { ReportSchema, type Report } from '../contract/report.js';
import { DEMO_ESTATE, DEMO_ESTATE_AS_OF } from './estate/index.js';

export { DEMO_ESTATE, DEMO_ESTATE_AS_OF };

/**
 * Every demo report, validated, with `collectedAt` moved to `now` minus the host's
 * offset (its fixed `collectedAt` before `DEMO_ESTATE_AS_OF`; never in the future).
 */
export function demoReports(now: Date): Report[] {
  const asOf = Date.parse(DEMO_ESTATE_AS_OF);
  return DEMO_ESTATE.map((report) => {
    const offsetMs = Math.max(0, asOf - Date.parse(report.collectedAt));
    return ReportSchema.parse({ ...report, collectedAt: new Date(now.getTime() - offsetMs).toISOString() });
  });
}
