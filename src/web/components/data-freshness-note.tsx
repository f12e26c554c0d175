/** The age of the lifecycle data in force, and past the configured age a warning that dates may be out of date. */
import type { DataFreshness } from '../../estate/data-freshness.js';
import type { Verdict } from '../../lifecycle/verdict.js';
import { count, longDate, shortDate } from '../../report/plain-english.js';

export function DataFreshnessNote({ freshness }: { freshness: DataFreshness }) {
  const { takenOn, ageDays, stale, staleDays } = freshness;
  const when = takenOn === null ? 'data of unknown date' : `data taken ${longDate(takenOn)}, ${count(ageDays ?? 0, 'day')} old`;
  if (!stale) {
    return <p class="data-age">Lifecycle dates: endoflife.date {when} (<a href="/data">data in force</a>).</p>;
  }
  return (
    <div class="notice data-age" id="data-stale" role="status">
      <p>
        <strong>The lifecycle dates may be out of date.</strong> They come from endoflife.date {when}, more than {count(staleDays, 'day')}: a vendor may have
        moved a date or shipped a release since. An administrator refreshes them with <code>estatewatch data update</code> (<a href="/data">data in force</a>).
      </p>
    </div>
  );
}

/** After a verdict's reason, on its line: the data it came from and that data's date. */
export function DataCitation({ verdict }: { verdict: Verdict }) {
  if (!verdict.data) return null;
  return <span class="muted small data-cited"> (data: {verdict.data.source}{verdict.data.date ? `, ${shortDate(verdict.data.date)}` : ''})</span>;
}
