/**
 * How old the lifecycle data in force is: the summary, the asset page, the data
 * page and the board report say it, and past the configured age they warn that
 * a vendor may have moved a date or shipped a release since.
 */
import { daysBetween } from '../lifecycle/status-from-dates.js';
import type { Evaluator } from './evaluator.js';
import { dataTakenOn } from './rules-in-force.js';

export interface DataFreshness {
  source: 'endoflife.date';
  /** The day the data in force was taken; null when no generated rule says. */
  takenOn: string | null;
  /** Whole days from takenOn to the day verdicts are for. */
  ageDays: number | null;
  /** Past `staleDays`: the dates may be out of date. */
  stale: boolean;
  staleDays: number;
  /** The update applied on this hub, null while the shipped rules are in force. */
  updateId: number | null;
}

export function dataFreshness(evaluator: Evaluator, staleDays: number): DataFreshness {
  const takenOn = dataTakenOn(evaluator.rules);
  const ageDays = takenOn === null ? null : daysBetween(takenOn, evaluator.asOf());
  return { source: 'endoflife.date', takenOn, ageDays, stale: ageDays === null || ageDays > staleDays, staleDays, updateId: evaluator.dataUpdateId };
}
