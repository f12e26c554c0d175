/** How old the lifecycle dates behind a board report's statuses were, and a warning the board sees (and prints) when they were past the hub's limit. */
import type { LifecycleDataAge } from '../../../report/board-report.js';
import { count, longDate } from '../../../report/plain-english.js';

export function DataAgeLine({ age }: { age: LifecycleDataAge | undefined }) {
  if (!age) return null;
  const when = `endoflife.date data taken ${longDate(age.takenOn)}, ${count(age.ageDays, 'day')} before this snapshot`;
  if (!age.stale) return <p class="small muted" id="data-age">Support statuses come from {when}.</p>;
  return (
    <p class="warning-line" id="data-age" role="note">
      <strong>Warning: the support dates may be out of date.</strong> The statuses in this report come from {when}, more than the {count(age.staleDays, 'day')} the hub
      allows: a vendor may have moved a date or shipped a release since. IT can refresh them (<code>estatewatch data update</code>) and regenerate this report.
    </p>
  );
}
