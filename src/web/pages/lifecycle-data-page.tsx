/** The lifecycle data in force: where it came from, its date and age, and what the last update changed. */
import type { DataFreshness } from '../../estate/data-freshness.js';
import { describeDateChange, describeStatusChange, type VerdictDiff } from '../../estate/verdict-diff.js';
import { count, dateTimeText, longDate } from '../../report/plain-english.js';
import type { Session } from '../../store/sessions.js';
import type { LifecycleDataUpdate } from '../../store/lifecycle-data.js';
import { DataFreshnessNote } from '../components/data-freshness-note.js';
import { Layout } from '../layout.js';

interface Props {
  session: Session;
  freshness: DataFreshness;
  update: LifecycleDataUpdate | undefined;
  timeZone: string;
}

export function LifecycleDataPage({ session, freshness, update, timeZone }: Props) {
  const diff = update ? (JSON.parse(update.diff) as VerdictDiff) : undefined;
  return (
    <Layout title="Lifecycle data" session={session}>
      <h1>Lifecycle data in force</h1>
      <DataFreshnessNote freshness={freshness} />
      <dl class="facts">
        <dt>Source</dt>
        <dd>endoflife.date (MIT), with the hand-written rules in <code>rules/lifecycle/</code> and, where installed, Debian's distro-info-data and debian-security-support</dd>
        <dt>Data taken</dt>
        <dd>{freshness.takenOn ? `${longDate(freshness.takenOn)} (${count(freshness.ageDays ?? 0, 'day')} old; dates are flagged as possibly out of date after ${count(freshness.staleDays, 'day')})` : 'unknown'}</dd>
        <dt>Update</dt>
        <dd id="data-update">
          {update
            ? `Update ${update.id}: data of ${longDate(update.takenOn)} from ${update.origin}, applied ${dateTimeText(update.appliedAt, timeZone)} by ${update.appliedBy} (${count(update.files, 'rule file')})`
            : 'None applied on this hub: the rules shipped with estatewatch are in force.'}
        </dd>
      </dl>
      <p class="muted">
        An administrator refreshes the data without a new release: <code>estatewatch data update &lt;export&gt;</code> shows what would change first, and <code>--apply</code> applies it (docs/lifecycle-data.md).
      </p>
      {diff && (
        <section aria-labelledby="last-diff">
          <h2 id="last-diff">What the last update changed</h2>
          <p>{count(diff.judged, 'distinct version')} judged before and after, on the day it was applied.</p>
          {diff.statuses.length === 0 ? <p>No status changed.</p> : (
            <ul id="status-changes">{diff.statuses.map((c) => <li>{describeStatusChange(c)}</li>)}</ul>
          )}
          {diff.dates.length > 0 && (
            <>
              <h3>End-of-support dates that moved, status unchanged</h3>
              <ul id="date-changes">{diff.dates.map((c) => <li>{describeDateChange(c)}</li>)}</ul>
            </>
          )}
        </section>
      )}
    </Layout>
  );
}
