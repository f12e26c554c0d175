import type { HazardView, RatedRisk } from '../../cso/hazard-log.js';
import { LIKELIHOOD_LEVELS, SEVERITY_LEVELS } from '../../cso/risk-matrix.js';
import { HAZARD_ROLES, type HazardQuery } from '../../hub/routes/cso-api.js';
import type { AlertDetail } from '../../store/alert-queries.js';
import { HAZARD_STATUSES, type HazardSortKey, type HazardStatus } from '../../store/hazards.js';
import { sortValue } from '../../hub/sort-param.js';
import { SortHeader, type SortHeaderProps } from '../components/sort-header.js';
import type { Organisation } from '../../store/organisations.js';
import type { Session } from '../../store/sessions.js';
import { Pager } from '../components/pager.js';
import { TrustSelect } from '../components/trust-select.js';
import { Layout } from '../layout.js';
import { TableScroll } from '../components/table-scroll.js';

export const HAZARD_STATUS_LABELS: Record<HazardStatus, string> = { open: 'Open', transferred: 'Transferred', closed: 'Closed' };

/** The rating number is always printed, with the level names: colour alone never carries the risk (print, colour-blind readers). */
export function RiskBadge({ risk }: { risk: RatedRisk | null }) {
  if (!risk) return <span class="muted">not yet rated</span>;
  return (
    <span class="risk-pair" title={risk.acceptability}>
      <span class={`risk risk-${risk.rating}`}>{risk.rating}</span> {risk.severityLevel} × {risk.likelihoodLevel}
    </span>
  );
}

export function ReratingFlag() {
  return <span class="rerating-flag">Re-rating due</span>;
}

/** A 1..5 level as a select: "4 — Major". */
export function LevelSelect({ id, name, label, levels, value }: { id: string; name: string; label: string; levels: readonly string[]; value?: number }) {
  return (
    <>
      <label for={id}>{label}</label>
      <select id={id} name={name} required>
        {value === undefined && <option value="">choose…</option>}
        {levels.map((l, i) => (
          <option value={String(i + 1)} selected={value === i + 1}>
            {i + 1} — {l}
          </option>
        ))}
      </select>
    </>
  );
}

export interface HazardsPageProps {
  session: Session;
  filter: HazardQuery;
  total: number;
  rows: HazardView[];
  /** The trusts to name in a Trust column and offer on the form; empty unless the reader is ICS-wide on a hub of several. */
  trusts: readonly Organisation[];
  error?: string;
  /** What was typed into the new-hazard form the hub refused: shown again, open, with the error in it. */
  typed?: Record<string, string>;
}

export function HazardsPage({ session, filter, total, rows, trusts, error, typed }: HazardsPageProps) {
  return (
    <Layout title="Hazard log" session={session}>
      <h1>Hazard log</h1>
      <p class="muted small">DCB0160: every hazard the trust's estate poses to patients, its initial and residual risk on the 5 × 5 matrix. Hazards are closed, never deleted.</p>
      <p class="tabs">
        <a href={`/hazards/print${printQuery(filter)}`} id="print-log">
          Print the log (every field, the matrix, actions and trail)
        </a>
      </p>
      <HazardFilters filter={filter} />
      <HazardTable rows={rows} showTrust={trusts.length > 0} sorted={{ path: '/hazards', query: hazardQuery(filter), current: filter.sort ?? { key: 'number', desc: false } }} />
      {rows.length === 0 && <p class="panel">No hazards match these filters.</p>}
      <Pager path="/hazards" csv="/api/v1/hazards.csv" query={hazardQuery(filter)} page={filter.page} pageSize={filter.pageSize} total={total} />
      {error && !typed && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {HAZARD_ROLES.includes(session.user.role) && <NewHazardForm session={session} trusts={trusts} typed={typed} error={typed && error} />}
    </Layout>
  );
}

function HazardFilters({ filter }: { filter: HazardQuery }) {
  const status = filter.status?.length === 1 ? filter.status[0] : undefined;
  return (
    <form class="filters" method="get" action="/hazards">
      <div>
        <label for="status">Status</label>
        <select id="status" name="status">
          <option value="">any</option>
          {HAZARD_STATUSES.map((s) => (
            <option value={s} selected={s === status}>
              {HAZARD_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label for="owner">Owner</label>
        <input id="owner" name="owner" value={filter.owner ?? ''} list="people" autocomplete="off" />
      </div>
      <div>
        <label for="q">Title contains</label>
        <input id="q" name="q" value={filter.q ?? ''} />
      </div>
      <label class="inline">
        <input type="checkbox" name="reratingDue" value="1" checked={filter.reratingDue === true} /> Re-rating due only
      </label>
      <button class="primary" type="submit">Filter</button>
    </form>
  );
}

/** The filters as a query string for the printed log, which holds every page. */
function printQuery(filter: HazardQuery): string {
  const { sort: _s, ...rest } = hazardQuery(filter);
  const params = new URLSearchParams(Object.entries(rest).filter((e): e is [string, string] => !!e[1])).toString();
  return params ? `?${params}` : '';
}

/** The filters (and order) as query parameters, for the pager, the export and the column headings. */
function hazardQuery(filter: HazardQuery): Record<string, string | undefined> {
  return { status: filter.status?.join(','), owner: filter.owner, reratingDue: filter.reratingDue ? '1' : undefined, q: filter.q, organisation: filter.organisation, sort: filter.sort && sortValue(filter.sort) };
}

function HazardTable({ rows, showTrust, sorted }: { rows: HazardView[]; showTrust: boolean; sorted: Omit<SortHeaderProps<HazardSortKey>, 'by' | 'label'> }) {
  return (
    <TableScroll>
      <table id="hazards">
        <thead>
          <tr>
            <SortHeader {...sorted} by="number" label="No." />
            {showTrust && <th scope="col">Trust</th>}
            <SortHeader {...sorted} by="title" label="Hazard" />
            <SortHeader {...sorted} by="initial-risk" label="Initial risk" />
            <SortHeader {...sorted} by="residual-risk" label="Residual risk" />
            <SortHeader {...sorted} by="status" label="Status" />
            <SortHeader {...sorted} by="owner" label="Owner" />
          </tr>
        </thead>
        <tbody>
          {rows.map((h) => (
            <tr data-id={h.id} data-status={h.status}>
              <td>#{h.id}</td>
              {showTrust && <td>{h.organisation}</td>}
              <td>
                <a href={`/hazards/${h.id}`}>{h.title}</a>
                {h.reratingDue && (
                  <div>
                    <ReratingFlag />
                  </div>
                )}
              </td>
              <td>
                <RiskBadge risk={h.initialRisk} />
              </td>
              <td>
                <RiskBadge risk={h.residualRisk} />
              </td>
              <td>{HAZARD_STATUS_LABELS[h.status]}</td>
              <td>{h.owner}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** The new-hazard form; refused, it opens again with the reason in it and what was typed kept. */
function NewHazardForm({ session, trusts, typed = {}, error }: { session: Session; trusts: readonly Organisation[]; typed?: Record<string, string>; error?: string }) {
  const level = (name: string) => (typed[name] ? Number(typed[name]) : undefined);
  return (
    <details class="panel" id="new-hazard" open={error !== undefined}>
      <summary>Record a new hazard</summary>
      <form class="action" method="post" action="/hazards">
        {error && (
          <p class="error" role="alert" id="new-hazard-error">
            {error}
          </p>
        )}
        <input type="hidden" name="csrf" value={session.csrfToken} />
        <TrustSelect id="new-organisation" trusts={trusts} value={typed.organisation} />
        <label for="new-title">Title</label>
        <input id="new-title" name="title" required maxlength={200} value={typed.title ?? ''} />
        <label for="new-description">Description</label>
        <textarea id="new-description" name="description" rows={3} required maxlength={4000}>
          {typed.description ?? ''}
        </textarea>
        <label for="new-causes">Causes</label>
        <textarea id="new-causes" name="causes" rows={2} maxlength={4000}>
          {typed.causes ?? ''}
        </textarea>
        <label for="new-effect">Effect</label>
        <textarea id="new-effect" name="effect" rows={2} maxlength={4000}>
          {typed.effect ?? ''}
        </textarea>
        <label for="new-harm">Potential clinical harm</label>
        <textarea id="new-harm" name="potentialHarm" rows={2} maxlength={4000}>
          {typed.potentialHarm ?? ''}
        </textarea>
        <label for="new-existing">Existing controls</label>
        <textarea id="new-existing" name="existingControls" rows={2} maxlength={4000}>
          {typed.existingControls ?? ''}
        </textarea>
        <LevelSelect id="new-severity" name="initialSeverity" label="Initial severity" levels={SEVERITY_LEVELS} value={level('initialSeverity')} />
        <LevelSelect id="new-likelihood" name="initialLikelihood" label="Initial likelihood" levels={LIKELIHOOD_LEVELS} value={level('initialLikelihood')} />
        <label for="new-owner">Owner (username)</label>
        <input id="new-owner" name="owner" value={typed.owner ?? session.user.username} required maxlength={100} list="people" autocomplete="off" />
        <button class="primary" type="submit">Record hazard</button>
      </form>
    </details>
  );
}

/** What a person judges when raising a hazard from any alert: the clinical rating (an alert's cyber severity is not a clinical one) and, optionally, the harm. */
export function RaiseHazardRating({ typed }: { typed: Record<string, string> }) {
  const level = (name: string) => (typed[name] ? Number(typed[name]) : undefined);
  return (
    <>
      <LevelSelect id="raise-severity" name="initialSeverity" label="Initial severity" levels={SEVERITY_LEVELS} value={level('initialSeverity')} />
      <LevelSelect id="raise-likelihood" name="initialLikelihood" label="Initial likelihood" levels={LIKELIHOOD_LEVELS} value={level('initialLikelihood')} />
      <label for="raise-harm">Potential clinical harm (optional)</label>
      <textarea id="raise-harm" name="potentialHarm" rows={2} maxlength={4000}>
        {typed.potentialHarm ?? ''}
      </textarea>
    </>
  );
}

/**
 * The alert page's "raise a hazard" section: the alert's title, evidence, rule
 * and asset are carried over; the person raising it gives the clinical rating.
 */
/** Refused, the form shows why above its fields and keeps what was typed (`typed`). */
export function RaiseHazardForm({ session, alert, error, typed = {} }: { session: Session; alert: AlertDetail; error?: string; typed?: Record<string, string> }) {
  if (!HAZARD_ROLES.includes(session.user.role)) return null;
  return (
    <form class="action panel" id="raise-hazard" method="post" action={`/alerts/${alert.id}/raise-hazard`}>
      <h2>Raise a hazard from this alert</h2>
      <p class="small muted">What the alert means and where it was found go into the hazard log, in plain words; rate the clinical risk as it stands today.</p>
      {error && (
        <p class="error" role="alert" id="raise-hazard-error">
          {error}
        </p>
      )}
      <input type="hidden" name="csrf" value={session.csrfToken} />
      <label for="raise-title">Title</label>
      <input id="raise-title" name="title" value={typed.title ?? alert.title} maxlength={200} />
      <RaiseHazardRating typed={typed} />
      <input type="hidden" name="owner" value={session.user.username} />
      <button class="primary" type="submit">Raise a hazard</button>
    </form>
  );
}
