import type { AlertRule } from '../../alerts/alert-rule-schema.js';
import { sortValue } from '../../hub/sort-param.js';
import type { ExceptionSortKey } from '../../store/exceptions.js';
import { SortHeader, type SortHeaderProps } from '../components/sort-header.js';
import { REQUEST_ROLES, type ExceptionQuery } from '../../hub/routes/exceptions-api.js';
import { EXCEPTION_STATUSES, type ExceptionRow, type ExceptionStatus } from '../../store/exceptions.js';
import type { Organisation } from '../../store/organisations.js';
import type { Session } from '../../store/sessions.js';
import { Pager } from '../components/pager.js';
import { day } from '../format.js';
import { Layout } from '../layout.js';
import { TrustSelect } from '../components/trust-select.js';
import { TableScroll } from '../components/table-scroll.js';
import { ChoiceList } from '../components/choice-list.js';
import { fieldWords, refusalOf, type FormRefusal } from '../form-refusal.js';

export const EXCEPTION_STATUS_LABELS: Record<ExceptionStatus, string> = {
  pending: 'Awaiting CSO sign-off', 'in-effect': 'In effect', rejected: 'Rejected', expired: 'Expired', revoked: 'Revoked',
};

/** What a person typed into the request form, re-shown when a field is wrong. */
export interface RequestFormValues {
  title?: string;
  justification?: string;
  compensatingControls?: string;
  expiresOn?: string;
  /** Hostnames, one per line or comma-separated. */
  hostnames?: string;
  /** One more, chosen from the trust's machines: the request covers it and the list. */
  hostname?: string;
  ruleIds?: string[];
  hazardId?: string;
  /** The trust's ODS code, when the person had a trust to choose. */
  organisation?: string;
}

export interface ExceptionsPageProps {
  session: Session;
  filter: ExceptionQuery;
  total: number;
  rows: ExceptionRow[];
  rules: readonly AlertRule[];
  now: Date;
  /** The trusts to name in a Trust column and offer on the form; empty unless the reader is ICS-wide on a hub of several. */
  trusts: readonly Organisation[];
  /** The machines the request form offers (a bounded few: CHOICE_LIMIT). */
  hosts: readonly string[];
  form?: RequestFormValues;
  /** The request form the hub refused: the machines' problems beside the hostname fields, the rest at the form's top. */
  refusal?: FormRefusal;
}

export function ExceptionsPage({ session, filter, total, rows, rules, now, trusts, hosts, form, refusal }: ExceptionsPageProps) {
  return (
    <Layout title="Exceptions" session={session}>
      <h1>Risk-accepted exceptions</h1>
      <p class="muted small">
        Kit that cannot be made supported, documented and formally accepted by a Clinical Safety Officer (DSPT 8.2) with compensating controls (CAF B4.d), until
        an expiry date. Alerts it covers stay listed, marked "accepted risk".
      </p>
      <form class="filters" method="get" action="/exceptions">
        <div>
          <label for="status">Status</label>
          <select id="status" name="status">
            <option value="">any</option>
            {EXCEPTION_STATUSES.map((s) => (
              <option value={s} selected={s === filter.status}>
                {EXCEPTION_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <button class="primary" type="submit">Filter</button>
      </form>
      <ExceptionTable rows={rows} showTrust={trusts.length > 0} sorted={{ path: '/exceptions', query: exceptionQuery(filter), current: filter.sort ?? { key: 'pending', desc: false } }} />
      {rows.length === 0 && <p class="panel">No exceptions match.</p>}
      <Pager path="/exceptions" csv="/api/v1/exceptions.csv" query={exceptionQuery(filter)} page={filter.page} pageSize={filter.pageSize} total={total} />
      {REQUEST_ROLES.includes(session.user.role) && <RequestForm csrf={session.csrfToken} rules={rules} now={now} trusts={trusts} hosts={hosts} values={form ?? {}} refusal={refusal} />}
    </Layout>
  );
}

const exceptionQuery = (filter: ExceptionQuery) => ({ status: filter.status, organisation: filter.organisation, pageSize: String(filter.pageSize), sort: filter.sort && sortValue(filter.sort) });

function ExceptionTable({ rows, showTrust, sorted }: { rows: ExceptionRow[]; showTrust: boolean; sorted: Omit<SortHeaderProps<ExceptionSortKey>, 'by' | 'label'> }) {
  return (
    <TableScroll>
      <table id="exceptions">
        <thead>
          <tr>
            <SortHeader {...sorted} by="number" label="#" />
            {showTrust && <th scope="col">Trust</th>}
            <SortHeader {...sorted} by="title" label="Exception" />
            <SortHeader {...sorted} by="status" label="Status" />
            <th scope="col">Assets</th>
            <th scope="col">Rules</th>
            <SortHeader {...sorted} by="expires" label="Expires" />
            <th scope="col">Signed off by</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((e) => (
            <tr data-id={e.id} data-status={e.status}>
              <td>{e.id}</td>
              {showTrust && <td>{e.organisation}</td>}
              <td>
                <a href={`/exceptions/${e.id}`}>{e.title}</a>
                <div class="small muted">requested by {e.requestedBy}, {day(e.requestedAt)}</div>
              </td>
              <td>{EXCEPTION_STATUS_LABELS[e.status]}</td>
              <td>{e.assets.map((a) => a.hostname).join(', ')}</td>
              <td>{e.ruleIds.join(', ')}</td>
              <td>{e.expiresOn}</td>
              <td>{e.signedOffBy ? `${e.signedOffBy}, ${day(e.signedOffAt)}` : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

interface RequestFormProps {
  csrf: string;
  rules: readonly AlertRule[];
  now: Date;
  trusts: readonly Organisation[];
  hosts: readonly string[];
  values: RequestFormValues;
  refusal?: FormRefusal;
}

/** A refused request in words: the machines' problems (said beside the hostname fields) and the rest (said at the top). */
function requestProblems(refusal: FormRefusal | undefined): { beside?: string; top?: string } {
  if (!refusal) return {};
  if (!refusal.fields?.length) return { top: refusal.message };
  const machines = refusal.fields.filter((f) => f.path === 'hostnames');
  const rest = refusal.fields.filter((f) => f.path !== 'hostnames');
  return { beside: machines.length ? fieldWords(machines) : undefined, top: rest.length ? fieldWords(rest) : undefined };
}

/** An ICS-wide person chooses the trust first: its hostnames are looked up in that trust only. */
function RequestForm({ csrf, rules, now, trusts, hosts, values, refusal }: RequestFormProps) {
  const tomorrow = new Date(now.getTime() + 86_400_000).toISOString().slice(0, 10);
  const inAYear = new Date(Date.UTC(now.getUTCFullYear() + 1, now.getUTCMonth(), now.getUTCDate())).toISOString().slice(0, 10);
  const { beside, top } = requestProblems(refusalOf(refusal, 'exceptions'));
  return (
    <>
      <h2>Request an exception</h2>
      <form class="panel" id="request" method="post" action="/exceptions">
        <input type="hidden" name="csrf" value={csrf} />
        {top && (
          <p class="error" role="alert" id="request-error">
            {top}
          </p>
        )}
        <TrustSelect id="ex-organisation" trusts={trusts} value={values.organisation} />
        <label for="ex-title">Title</label>
        <input id="ex-title" name="title" required maxlength={200} value={values.title ?? ''} />
        <label for="ex-justification">Justification: why it cannot be made supported</label>
        <textarea id="ex-justification" name="justification" rows={3} required minlength={10} maxlength={4000}>{values.justification ?? ''}</textarea>
        <label for="ex-controls">Compensating controls (e.g. isolated VLAN, no internet, USB disabled)</label>
        <textarea id="ex-controls" name="compensatingControls" rows={3} required minlength={10} maxlength={4000}>{values.compensatingControls ?? ''}</textarea>
        <label for="ex-expires">Expires on (at most a year ahead: it comes back at each yearly DSPT submission)</label>
        <input id="ex-expires" name="expiresOn" type="date" required min={tomorrow} max={inAYear} value={values.expiresOn ?? ''} />
        <label for="ex-hostnames">Assets: hostnames, one per line or comma-separated</label>
        {beside && (
          <p class="error" role="alert" id="ex-hostnames-error">
            {beside}
          </p>
        )}
        <textarea id="ex-hostnames" name="hostnames" rows={2}>{values.hostnames ?? ''}</textarea>
        <label for="ex-hostname">and/or one of the trust's machines (the most recently seen are offered; any may be typed)</label>
        <input id="ex-hostname" name="hostname" list="hosts" maxlength={255} autocomplete="off" value={values.hostname ?? ''} />
        <ChoiceList id="hosts" choices={hosts.map((h) => ({ value: h }))} />
        <label for="ex-rules">Alert rules it covers</label>
        <select id="ex-rules" name="ruleIds" multiple required size={Math.min(8, Math.max(2, rules.length))}>
          {rules.map((r) => (
            <option value={r.id} selected={values.ruleIds?.includes(r.id)}>
              {r.id} — {r.title}
            </option>
          ))}
        </select>
        <label for="ex-hazard">Hazard number (optional)</label>
        <input id="ex-hazard" name="hazardId" inputmode="numeric" value={values.hazardId ?? ''} />
        <p>
          <button class="primary" type="submit">Request sign-off</button>
        </p>
      </form>
    </>
  );
}
