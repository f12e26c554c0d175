import { SEVERITIES, type Severity } from '../../alerts/alert-rule-schema.js';
import { MAX_BULK_ALERTS, type BulkOutcome, type BulkTriage } from '../../alerts/bulk-triage.js';
import { NOTE_ROLES, TRIAGE_ROLES, type AlertQuery } from '../../hub/routes/alerts-api.js';
import { REQUEST_ROLES } from '../../hub/routes/exceptions-api.js';
import { ACK_WITHIN_HOURS, ALERT_STATUSES, LIVE_STATUSES, type AcceptedRisk, type AlertCounts, type AlertRow, type AlertStatus } from '../../store/alert-queries.js';
import type { Session } from '../../store/sessions.js';
import { Pager } from '../components/pager.js';
import { SortHeader } from '../components/sort-header.js';
import { sortValue } from '../../hub/sort-param.js';
import { day } from '../format.js';
import { Layout } from '../layout.js';
import { TableScroll } from '../components/table-scroll.js';
import { KnownExploitedFlag } from '../components/known-exploited-flag.js';
import type { WithKnownExploited } from '../../alerts/known-exploited-rules.js';

export const SEVERITY_LABELS: Record<Severity, string> = { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low', info: 'Info' };
export const ALERT_STATUS_LABELS: Record<AlertStatus, string> = { open: 'Open', acknowledged: 'Acknowledged', suppressed: 'Suppressed', resolved: 'Resolved' };

/** The word is always printed: colour alone never carries the severity (colour-blind readers, black-and-white print). */
export function SeverityBadge({ severity }: { severity: Severity }) {
  return <span class={`sev sev-${severity}`}>{SEVERITY_LABELS[severity]}</span>;
}

/** The flag on an open high/critical alert past its acknowledgement deadline, in words as well as colour. */
export function OverdueFlag() {
  return <span class="overdue-flag">Not acknowledged &gt; {ACK_WITHIN_HOURS} h</span>;
}

/** An alert covered by a signed-off exception: still listed, marked in words, linked to the exception. */
export function AcceptedRiskFlag({ risk }: { risk: AcceptedRisk }) {
  return (
    <span class="accepted-risk notice small" data-exception={risk.exceptionId}>
      Accepted risk: <a href={`/exceptions/${risk.exceptionId}`}>exception #{risk.exceptionId}</a> until {risk.expiresOn}
    </span>
  );
}

export interface AlertsPageProps {
  session: Session;
  filter: AlertQuery;
  total: number;
  /** More than `total` match (a broad search); only `total` can be paged to. */
  more: boolean;
  /** Known-exploited ones first, unless a column sort is chosen. */
  rows: WithKnownExploited<AlertRow>[];
  counts: AlertCounts;
  /** Live alerts of each severity under the page's other filters, when it has any: what each card would list. */
  filteredCounts?: Record<Severity, number>;
  overdue: number;
  ruleIds: string[];
  /** The rules' titles, so the filter names each rule in words. */
  ruleTitles: ReadonlyMap<string, string>;
  /** Add a Trust column (an ICS-wide reader on a hub of several trusts). */
  showTrust: boolean;
  /** What the last bulk move did, or why it was refused: shown at the top. */
  outcome?: BulkNotice;
}

/** The answer to the bulk form, said where the reader looks first. */
export type BulkNotice = { error: string } | ({ action: BulkTriage['action'] } & BulkOutcome);

const BULK_DONE: Record<BulkTriage['action'], string> = { acknowledge: 'Acknowledged', assign: 'Assigned', note: 'Noted' };

function BulkMessage({ outcome }: { outcome: BulkNotice }) {
  if ('error' in outcome) {
    return (
      <p class="error" role="alert" id="bulk-outcome">
        {outcome.error}
      </p>
    );
  }
  return (
    <div class="notice" role="status" id="bulk-outcome">
      <p>
        {BULK_DONE[outcome.action]} {outcome.done.length} alert{outcome.done.length === 1 ? '' : 's'}
        {outcome.refused.length > 0 && `; ${outcome.refused.length} could not be`}.
      </p>
      {outcome.refused.length > 0 && (
        <ul class="small">
          {outcome.refused.map((r) => (
            <li>
              <a href={`/alerts/${r.id}`}>#{r.id}</a>: {r.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function AlertsPage({ session, filter, total, more, rows, counts, filteredCounts, overdue, ruleIds, ruleTitles, showTrust, outcome }: AlertsPageProps) {
  const role = session.user.role;
  const canSelect = NOTE_ROLES.includes(role) && rows.length > 0;
  return (
    <Layout title="Alerts" session={session}>
      <h1>Alerts</h1>
      {outcome && <BulkMessage outcome={outcome} />}
      <AlertHeadline counts={counts} filteredCounts={filteredCounts} filter={filter} overdue={overdue} />
      <p class="tabs">
        <a href="/alerts" aria-current={filter.mine ? undefined : 'page'}>All alerts</a>
        <a href="/alerts?mine=1" id="assigned-to-me" aria-current={filter.mine ? 'page' : undefined}>
          Assigned to me
        </a>
      </p>
      <AlertFilters filter={filter} ruleIds={ruleIds} ruleTitles={ruleTitles} />
      {more && (
        <p class="notice broad-search">
          More than {total.toLocaleString('en-GB')} alerts match “{filter.q}”. They are listed in order, but only the first {total.toLocaleString('en-GB')} can be paged
          to: add a word, a hostname or a filter to narrow the search.
        </p>
      )}
      {canSelect && <BulkForm csrf={session.csrfToken} filter={filter} total={total} triage={TRIAGE_ROLES.includes(role)} exceptions={REQUEST_ROLES.includes(role)} />}
      <AlertTable rows={rows} showTrust={showTrust} selectable={canSelect} filter={filter} />
      {rows.length === 0 && <p class="panel">No alerts match these filters.</p>}
      <Pager path="/alerts" csv="/api/v1/alerts.csv" query={pagerQuery(filter)} page={filter.page} pageSize={filter.pageSize} total={total} more={more} />
    </Layout>
  );
}

/** The filters as query parameters, lists comma-joined, for the pager's links. */
function pagerQuery({ page: _page, sort, ...f }: AlertQuery): Record<string, string | undefined> {
  const params = Object.fromEntries(Object.entries(f).map(([k, v]) => [k, v === undefined ? undefined : Array.isArray(v) ? v.join(',') : String(v)]));
  return { ...params, sort: sort && sortValue(sort) };
}

/**
 * The overdue line and one card per severity. Under filters (a rule, a
 * search, "assigned to me"…) each card counts what it would list with them;
 * without, it splits the live alerts by status from the kept counts.
 */
function AlertHeadline({ counts, filteredCounts, filter, overdue }: { counts: AlertCounts; filteredCounts?: Record<Severity, number>; filter: AlertQuery; overdue: number }) {
  const live = (s: Severity) => filteredCounts?.[s] ?? LIVE_STATUSES.reduce((n, st) => n + counts[s][st], 0);
  const { severity: _severity, ...others } = pagerQuery(filter);
  const cardLink = (s: Severity) => `/alerts?${new URLSearchParams(Object.entries<string | undefined>({ ...others, severity: s }).filter((e): e is [string, string] => !!e[1]))}`;
  return (
    <>
      <p id="overdue" class={overdue ? 'panel overdue-panel' : 'panel'}>
        <strong>{overdue}</strong> high or critical alert{overdue === 1 ? '' : 's'} not acknowledged within {ACK_WITHIN_HOURS} hours.{' '}
        <span class="muted small">NHS England's cyber security operations centre expects a high-severity alert to be acknowledged within 48 hours.</span>
      </p>
      <div class="cards" id="alert-counts" data-filtered={filteredCounts ? 'yes' : 'no'}>
        {SEVERITIES.map((s) => (
          <a class={`card sev-card-${s}`} href={cardLink(s)} data-severity={s}>
            <span class="n">{live(s)}</span>
            <SeverityBadge severity={s} />
            <span class="small muted">
              {' '}
              {filteredCounts ? 'under these filters' : `${counts[s].open} open · ${counts[s].acknowledged} ack. · ${counts[s].suppressed} suppr.`}
            </span>
          </a>
        ))}
      </div>
    </>
  );
}

const AGE_OPTIONS = [
  ['2', 'over 48 hours'],
  ['7', 'over 7 days'],
  ['30', 'over 30 days'],
  ['90', 'over 90 days'],
] as const;
const NEW_OPTIONS = [
  ['1', 'last 24 hours'],
  ['2', 'last 48 hours'],
  ['7', 'last 7 days'],
  ['30', 'last 30 days'],
] as const;

function AlertFilters({ filter, ruleIds, ruleTitles }: { filter: AlertQuery; ruleIds: string[]; ruleTitles: ReadonlyMap<string, string> }) {
  const status = filter.status?.length === 1 ? filter.status[0] : undefined;
  return (
    <form class="filters" method="get" action="/alerts">
      <fieldset class="severities">
        <legend>Severity</legend>
        {SEVERITIES.map((s) => (
          <label class="inline">
            <input type="checkbox" name="severity" value={s} checked={filter.severity?.includes(s)} /> {SEVERITY_LABELS[s]}
          </label>
        ))}
      </fieldset>
      <div>
        <label for="status">Status</label>
        <select id="status" name="status">
          <option value="">live (not resolved)</option>
          {ALERT_STATUSES.map((s) => (
            <option value={s} selected={s === status}>
              {ALERT_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label for="ruleId">Rule</label>
        <select id="ruleId" name="ruleId">
          <option value="">any</option>
          {ruleIds.map((r) => (
            <option value={r} selected={r === filter.ruleId}>
              {ruleTitles.get(r) ?? r}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label for="acceptedRisk">Accepted risk</label>
        <select id="acceptedRisk" name="acceptedRisk">
          <option value="">shown</option>
          <option value="only" selected={filter.acceptedRisk === 'only'}>only</option>
          <option value="exclude" selected={filter.acceptedRisk === 'exclude'}>left out</option>
        </select>
      </div>
      <DaysSelect name="olderThanDays" label="Raised" options={AGE_OPTIONS} value={filter.olderThanDays} />
      <DaysSelect name="newerThanDays" label="Raised in the" options={NEW_OPTIONS} value={filter.newerThanDays} />
      <div>
        <label for="q">Title or hostname contains</label>
        <input id="q" name="q" value={filter.q ?? ''} />
      </div>
      {filter.mine && <input type="hidden" name="mine" value="1" />}
      <button class="primary" type="submit">Filter</button>
    </form>
  );
}

function DaysSelect({ name, label, options, value }: { name: string; label: string; options: readonly (readonly [string, string])[]; value?: number }) {
  return (
    <div>
      <label for={name}>{label}</label>
      <select id={name} name={name}>
        <option value="">any time</option>
        {options.map(([v, text]) => (
          <option value={v} selected={String(value) === v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * One move on many alerts: the ticked ones (each row's box belongs to this
 * form), or every alert the filter lists. Works without script.
 */
function BulkForm({ csrf, filter, total, triage, exceptions }: { csrf: string; filter: AlertQuery; total: number; triage: boolean; exceptions: boolean }) {
  const back = new URLSearchParams(Object.entries(pagerQuery(filter)).filter((e): e is [string, string] => !!e[1])).toString();
  const every = Math.min(total, MAX_BULK_ALERTS);
  return (
    <form class="panel bulk" id="bulk" method="post" action="/alerts/bulk">
      <input type="hidden" name="csrf" value={csrf} />
      <input type="hidden" name="back" value={back} />
      <fieldset>
        <legend>With</legend>
        <label class="inline">
          <input type="radio" name="scope" value="selected" checked /> the alerts ticked below
        </label>
        <label class="inline">
          <input type="radio" name="scope" value="filter" /> every alert these filters list ({every.toLocaleString('en-GB')}
          {total > every ? ` of ${total.toLocaleString('en-GB')}: the first ${MAX_BULK_ALERTS}` : ''})
        </label>
      </fieldset>
      <label for="bulk-action">Do</label>
      <select id="bulk-action" name="action">
        {triage && <option value="acknowledge">Acknowledge</option>}
        {triage && <option value="assign">Assign to…</option>}
        <option value="note">Add a note…</option>
        {exceptions && <option value="exception">Request an exception…</option>}
      </select>{' '}
      {triage && (
        <>
          <label for="bulk-assignee">Assignee (for Assign; empty to unassign)</label>
          <input id="bulk-assignee" name="assignee" maxlength={100} list="people" autocomplete="off" />
        </>
      )}
      <label for="bulk-text">Note (for Add a note)</label>
      <textarea id="bulk-text" name="text" rows={2} maxlength={4000} />
      <button class="primary" type="submit">
        Apply
      </button>
    </form>
  );
}

function AlertTable({ rows, showTrust, selectable, filter }: { rows: WithKnownExploited<AlertRow>[]; showTrust: boolean; selectable: boolean; filter: AlertQuery }) {
  const sorted = { path: '/alerts', query: pagerQuery(filter), current: filter.sort ?? { key: 'severity' as const, desc: false } };
  return (
    <TableScroll>
      <table id="alerts">
        <thead>
          <tr>
            {selectable && <th scope="col" class="select"><span class="visually-hidden">Select</span></th>}
            <SortHeader {...sorted} by="severity" label="Severity" />
            <SortHeader {...sorted} by="title" label="Alert" />
            <SortHeader {...sorted} by="host" label="Host" />
            {showTrust && <th scope="col">Trust</th>}
            <SortHeader {...sorted} by="status" label="Status" />
            <SortHeader {...sorted} by="assignee" label="Assignee" />
            <SortHeader {...sorted} by="raised" label="Raised" />
            <SortHeader {...sorted} by="last-seen" label="Last seen" />
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr class={r.overdue ? 'overdue' : undefined} data-severity={r.severity} data-status={r.status} data-id={r.id} data-known-exploited={r.knownExploited ? 'yes' : undefined}>
              {selectable && (
                <td class="select">
                  <input type="checkbox" name="ids" value={String(r.id)} form="bulk" aria-label={`Select alert ${r.id}: ${r.title}`} />
                </td>
              )}
              <td>
                <SeverityBadge severity={r.severity} />
              </td>
              <td>
                <a href={`/alerts/${r.id}`}>{r.title}</a>
                <div class="small muted">{r.subject}</div>
                {r.knownExploited && (
                  <div>
                    <KnownExploitedFlag mark={r.knownExploited} />
                  </div>
                )}
              </td>
              <td>{r.assetId === null ? <span class="muted">estate-wide</span> : <a href={`/assets/${r.assetId}`}>{r.hostname}</a>}</td>
              {showTrust && <td class="trust">{r.organisation}</td>}
              <td class="status">
                {ALERT_STATUS_LABELS[r.status]}
                {r.overdue && (
                  <div>
                    <OverdueFlag />
                  </div>
                )}
                {r.acceptedRisk && (
                  <div>
                    <AcceptedRiskFlag risk={r.acceptedRisk} />
                  </div>
                )}
              </td>
              <td class="assignee">{r.assignee ?? <span class="muted">—</span>}</td>
              <td>{day(r.raisedAt)}</td>
              <td>{day(r.lastSeenAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
