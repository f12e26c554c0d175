import { HAZARD_ROLES, type ActionQuery } from '../../hub/routes/cso-api.js';
import { sortValue } from '../../hub/sort-param.js';
import type { ActionSortKey } from '../../store/actions.js';
import { MaybeSortHeader, type SortHeaderProps } from '../components/sort-header.js';
import { ACTION_STATUSES, type ActionRow, type ActionStatus } from '../../store/actions.js';
import type { Organisation } from '../../store/organisations.js';
import type { Session } from '../../store/sessions.js';
import { Pager } from '../components/pager.js';
import { Layout } from '../layout.js';
import { TrustSelect } from '../components/trust-select.js';
import { TableScroll } from '../components/table-scroll.js';

export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = { open: 'Open', 'in-progress': 'In progress', done: 'Done', cancelled: 'Cancelled' };

/** Overdue in words and a dashed outline, never colour alone. */
export function OverdueWord() {
  return <span class="overdue-flag">Overdue</span>;
}

/** The filters as query parameters, for the pager, the tabs and the CSV link. */
export function actionQueryString({ page: _page, pageSize: _size, sort, ...f }: ActionQuery, extra: Record<string, string> = {}): string {
  const entries = Object.entries({ ...f, ...(sort && { sort: sortValue(sort) }), ...extra }).flatMap(([k, v]): [string, string][] => {
    if (v === undefined) return [];
    if (typeof v === 'boolean') return v ? [[k, '1']] : [];
    return [[k, Array.isArray(v) ? v.join(',') : String(v)]];
  });
  return new URLSearchParams(entries).toString();
}

export interface ActionsPageProps {
  session: Session;
  filter: ActionQuery;
  total: number;
  rows: ActionRow[];
  /** The trusts to name in a Trust column and offer on the form; empty unless the reader is ICS-wide on a hub of several. */
  trusts: readonly Organisation[];
  error?: string;
  /** What was typed into the new-action form the hub refused: shown again, open, with the error in it. */
  typed?: Record<string, string>;
}

export function ActionsPage({ session, filter, total, rows, trusts, error, typed }: ActionsPageProps) {
  const query = actionQueryString(filter);
  const title = filter.mine ? 'My actions' : 'Actions';
  return (
    <Layout title={title} session={session}>
      <h1>{title}</h1>
      <p class="tabs">
        <a href="/actions" aria-current={filter.mine ? undefined : 'page'}>All actions</a>
        <a href="/actions?mine=1" id="my-actions" aria-current={filter.mine ? 'page' : undefined}>My actions</a>
        <a href={`/api/v1/actions.csv${query ? `?${query}` : ''}`} id="download-csv" download>Download CSV</a>
      </p>
      <ActionFilters filter={filter} />
      <ActionTable rows={rows} showHazard showTrust={trusts.length > 0} sorted={{ path: '/actions', query: Object.fromEntries(new URLSearchParams(query)), current: filter.sort ?? { key: 'due', desc: false } }} />
      {rows.length === 0 && <p class="panel">No actions match these filters.</p>}
      <Pager path="/actions" query={Object.fromEntries(new URLSearchParams(query))} page={filter.page} pageSize={filter.pageSize} total={total} />
      {error && !typed && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {HAZARD_ROLES.includes(session.user.role) && (
        <details class="panel" open={typed !== undefined}>
          <summary>Add an action</summary>
          <NewActionForm session={session} action="/actions" trusts={trusts} typed={typed} error={typed && error} />
        </details>
      )}
    </Layout>
  );
}

function ActionFilters({ filter }: { filter: ActionQuery }) {
  const status = filter.status?.length === 1 ? filter.status[0] : undefined;
  return (
    <form class="filters" method="get" action="/actions">
      {filter.mine && <input type="hidden" name="mine" value="1" />}
      <div>
        <label for="status">Status</label>
        <select id="status" name="status">
          <option value="">to do (open, in progress)</option>
          {ACTION_STATUSES.map((s) => (
            <option value={s} selected={s === status}>
              {ACTION_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      {!filter.mine && (
        <div>
          <label for="owner">Owner</label>
          <input id="owner" name="owner" value={filter.owner ?? ''} list="people" autocomplete="off" />
        </div>
      )}
      <div>
        <label for="hazardId">Hazard no.</label>
        <input id="hazardId" name="hazardId" type="number" min={1} value={filter.hazardId === undefined ? '' : String(filter.hazardId)} />
      </div>
      <label class="inline">
        <input type="checkbox" name="overdue" value="1" checked={filter.overdue === true} /> Overdue only
      </label>
      <button class="primary" type="submit">Filter</button>
    </form>
  );
}

/** `showTrust` names each action's trust, for an ICS-wide reader of several trusts' actions. */
export function ActionTable({ rows, showHazard, showTrust = false, sorted }: { rows: ActionRow[]; showHazard: boolean; showTrust?: boolean; sorted?: Omit<SortHeaderProps<ActionSortKey>, 'by' | 'label'> }) {
  if (!rows.length) return null;
  return (
    <TableScroll>
      <table id="actions" class="action-list">
        <thead>
          <tr>
            <MaybeSortHeader sorted={sorted} by="number" label="No." />
            {showTrust && <th scope="col">Trust</th>}
            <MaybeSortHeader sorted={sorted} by="title" label="Action" />
            <MaybeSortHeader sorted={sorted} by="owner" label="Owner" />
            <MaybeSortHeader sorted={sorted} by="due" label="Due" />
            <MaybeSortHeader sorted={sorted} by="status" label="Status" />
            {showHazard && <th scope="col">Hazard</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((a) => (
            <tr class={a.overdue ? 'overdue' : undefined} data-id={a.id} data-status={a.status}>
              <td>#{a.id}</td>
              {showTrust && <td>{a.organisation}</td>}
              <td>
                <a href={`/actions/${a.id}`}>{a.title}</a>
                {a.controlsHazard && <div class="small muted">control for its hazard</div>}
              </td>
              <td>{a.owner}</td>
              <td>
                {a.dueDate}
                {a.overdue && (
                  <div>
                    <OverdueWord />
                  </div>
                )}
              </td>
              <td>{ACTION_STATUS_LABELS[a.status]}</td>
              {showHazard && <td>{a.hazardId === null ? '—' : <a href={`/hazards/${a.hazardId}`}>#{a.hazardId} {a.hazardTitle}</a>}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/**
 * For a hazard (hazardId fixed, and its trust) or free-standing, for the trust
 * chosen from `trusts` when there is a choice; the owner defaults to whoever adds it.
 */
/** The new-action form; refused, it comes back with the reason in it and what was typed kept. */
export function NewActionForm(props: { session: Session; action: string; hazardId?: number; trusts?: readonly Organisation[]; typed?: Record<string, string>; error?: string }) {
  const { session, action, hazardId, trusts = [], typed = {}, error } = props;
  return (
    <form class="action panel" id="new-action" method="post" action={action}>
      <h3>Add an action</h3>
      {error && (
        <p class="error" role="alert" id="new-action-error">
          {error}
        </p>
      )}
      <input type="hidden" name="csrf" value={session.csrfToken} />
      <TrustSelect id="action-organisation" trusts={trusts} value={typed.organisation} />
      <label for="action-title">What is to be done</label>
      <input id="action-title" name="title" required maxlength={200} value={typed.title ?? ''} />
      <label for="action-owner">Owner (username)</label>
      <input id="action-owner" name="owner" value={typed.owner ?? session.user.username} required maxlength={100} list="people" autocomplete="off" />
      <label for="action-due">Due</label>
      <input id="action-due" name="dueDate" type="date" required value={typed.dueDate ?? ''} />
      {hazardId === undefined ? (
        <>
          <label for="action-hazard">Hazard no. (optional)</label>
          <input id="action-hazard" name="hazardId" type="number" min={1} value={typed.hazardId ?? ''} />
        </>
      ) : (
        <input type="hidden" name="hazardId" value={String(hazardId)} />
      )}
      <label class="inline">
        <input type="checkbox" id="action-controls" name="controlsHazard" value="on" checked={typed.controlsHazard === 'on'} /> A control for the hazard (when done, the residual risk is re-rated)
      </label>
      <button class="primary" type="submit">
        Add action
      </button>
    </form>
  );
}
