import type { DeviceQuery } from '../../hub/routes/devices-api.js';
import { sortValue } from '../../hub/sort-param.js';
import type { DeviceSortKey } from '../../store/registered-devices.js';
import { SortHeader, type SortHeaderProps } from '../components/sort-header.js';
import type { Organisation } from '../../store/organisations.js';
import {
  DEVICE_KINDS, DEVICE_STATUSES, PAGER_TYPES, type DeviceCounts, type DeviceKind, type DeviceRow, type DeviceStatus, type RegisteredDevice,
} from '../../store/registered-devices.js';
import type { Session } from '../../store/sessions.js';
import { Pager } from '../components/pager.js';
import { day } from '../format.js';
import type { Trajectory } from '../../devices/trajectory.js';
import { TrajectoryChart } from '../components/trajectory-chart.js';
import { Layout } from '../layout.js';
import { TrustSelect } from '../components/trust-select.js';
import { TableScroll } from '../components/table-scroll.js';
import { PostForm } from '../components/post-form.js';
import { refusalOf, typedOr, type FormRefusal } from '../form-refusal.js';

export const DEVICE_KIND_LABELS: Record<DeviceKind, string> = { fax: 'Fax', pager: 'Pager', mfd: 'Multi-function device', modem: 'Modem', other: 'Other' };
export const DEVICE_STATUS_LABELS: Record<DeviceStatus, string> = { 'in-use': 'In use', 'replacement-planned': 'Replacement planned', decommissioned: 'Decommissioned' };

export interface DevicesPageProps {
  session: Session;
  filter: DeviceQuery;
  total: number;
  rows: RegisteredDevice[];
  counts: DeviceCounts;
  today: string;
  canImport: boolean;
  /** Faxes and pagers in use over time against the national targets. */
  trajectories: Trajectory[];
  /** The trusts an ICS-wide person sees on a hub of several: each row names its trust, and a new device asks which. Empty otherwise. */
  trusts: Organisation[];
  /** The add-device form the hub refused: open again with the reason at its top and what was typed. */
  refusal?: FormRefusal;
}

/** Past its planned removal date and still not gone; a crash bleep retained by policy is never overdue. */
export function isOverdue(d: DeviceRow, today: string): boolean {
  return d.status !== 'decommissioned' && !d.retainedByPolicy && d.plannedRemovalOn !== null && d.plannedRemovalOn < today;
}

export function DevicesPage({ session, filter, total, rows, counts, today, canImport, trajectories, trusts, refusal }: DevicesPageProps) {
  return (
    <Layout title="Devices" session={session}>
      <h1>Device register: faxes, pagers and other kit</h1>
      <p class="muted small">
        Kit no agent sees. NHS fax use was to stop by 31 March 2020; non-emergency pagers by the end of 2021. Emergency (crash) bleeps may stay where there
        is no safe alternative, once a Clinical Safety Officer has signed that off. {canImport && <a href="/devices/import">Import a CSV</a>}
      </p>
      <Filters filter={filter} trusts={trusts} />
      <Counts counts={counts} total={total} />
      <h2>Trajectory{filter.site ? ` at ${filter.site}` : ''}</h2>
      <div class="trajectories" id="trajectories">
        {trajectories.map((t) => (
          <TrajectoryChart trajectory={t} label={t.kind === 'fax' ? 'Faxes' : 'Pagers'} />
        ))}
      </div>
      <DeviceTable rows={rows} today={today} showTrust={trusts.length > 0} sorted={{ path: '/devices', query: deviceQuery(filter), current: filter.sort ?? { key: 'site', desc: false } }} />
      {rows.length === 0 && <p class="panel">No devices match.</p>}
      {canImport && <AddDeviceForm session={session} trusts={trusts} refusal={refusal} />}
      <Pager
        path="/devices"
        csv="/api/v1/devices.csv"
        query={deviceQuery(filter)}
        page={filter.page}
        pageSize={filter.pageSize}
        total={total}
      />
    </Layout>
  );
}

function Filters({ filter, trusts }: { filter: DeviceQuery; trusts: Organisation[] }) {
  return (
    <form class="filters" method="get" action="/devices">
      {trusts.length > 0 && (
        <div>
          <label for="organisation">Trust</label>
          <select id="organisation" name="organisation">
            <option value="">any</option>
            {trusts.map((t) => <option value={t.code} selected={t.code === filter.organisation}>{t.code}</option>)}
          </select>
        </div>
      )}
      <div>
        <label for="kind">Kind</label>
        <select id="kind" name="kind">
          <option value="">any</option>
          {DEVICE_KINDS.map((k) => <option value={k} selected={k === filter.kind}>{DEVICE_KIND_LABELS[k]}</option>)}
        </select>
      </div>
      <div>
        <label for="site">Site</label>
        <input id="site" name="site" value={filter.site ?? ''} />
      </div>
      <div>
        <label for="status">Status</label>
        <select id="status" name="status">
          <option value="">any</option>
          {DEVICE_STATUSES.map((s) => <option value={s} selected={s === filter.status}>{DEVICE_STATUS_LABELS[s]}</option>)}
        </select>
      </div>
      <div>
        <label for="retained">Retained by policy</label>
        <select id="retained" name="retained">
          <option value="">any</option>
          <option value="1" selected={filter.retained === true}>retained</option>
          <option value="0" selected={filter.retained === false}>not retained</option>
        </select>
      </div>
      <button class="primary" type="submit">Filter</button>
    </form>
  );
}

const entries = (o: Record<string, number>) => Object.entries(o).map(([k, n]) => `${k || '(no site)'}: ${n}`).join(', ') || '—';

function Counts({ counts, total }: { counts: DeviceCounts; total: number }) {
  return (
    <dl class="panel" id="device-counts">
      <dt>Devices</dt>
      <dd>{total}, of which <strong id="count-overdue">{counts.overdue}</strong> overdue for removal</dd>
      <dt>By kind</dt>
      <dd id="count-kind">{entries(counts.byKind)}</dd>
      <dt>By site</dt>
      <dd id="count-site">{entries(counts.bySite)}</dd>
      <dt>By status</dt>
      <dd id="count-status">{entries(counts.byStatus)}</dd>
    </dl>
  );
}

/** The filters (and order) as query parameters, for the pager, the export and the column headings. */
function deviceQuery(filter: DeviceQuery): Record<string, string | undefined> {
  const retained = filter.retained === undefined ? undefined : filter.retained ? '1' : '0';
  return { organisation: filter.organisation, kind: filter.kind, site: filter.site, status: filter.status, retained, pageSize: String(filter.pageSize), sort: filter.sort && sortValue(filter.sort) };
}

function DeviceTable({ rows, today, showTrust, sorted }: { rows: RegisteredDevice[]; today: string; showTrust: boolean; sorted: Omit<SortHeaderProps<DeviceSortKey>, 'by' | 'label'> }) {
  return (
    <TableScroll>
      <table id="devices">
        <thead>
          <tr>
            <SortHeader {...sorted} by="number" label="#" />
            {showTrust && <th scope="col">Trust</th>}
            <SortHeader {...sorted} by="device" label="Device" />
            <SortHeader {...sorted} by="site" label="Where" />
            <SortHeader {...sorted} by="status" label="Status" />
            <SortHeader {...sorted} by="removal" label="Planned removal" />
            <th scope="col">Replacement</th>
            <th scope="col">Pager</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((d) => (
            <tr data-id={d.id} data-kind={d.kind} data-status={d.status}>
              <td>{d.id}</td>
              {showTrust && <td>{d.organisation}</td>}
              <td>
                <a href={`/devices/${d.id}`}>{d.name}</a>
                <div class="small muted">{[DEVICE_KIND_LABELS[d.kind], d.model, d.serial && `serial ${d.serial}`].filter(Boolean).join(' · ')}</div>
              </td>
              <td>{[d.site, d.location].filter(Boolean).join(', ') || '—'}</td>
              <td>
                {DEVICE_STATUS_LABELS[d.status]}
                {d.status === 'decommissioned' && <div class="small muted">{day(d.decommissionedAt)}: {d.decommissionReason}</div>}
              </td>
              <td>
                {d.plannedRemovalOn ?? '—'}
                {isOverdue(d, today) && <div class="overdue"><strong>Overdue: planned removal has passed and it is still in use</strong></div>}
              </td>
              <td>{d.replacement ?? '—'}</td>
              <td>{d.kind === 'pager' ? <PagerCell d={d} /> : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

function PagerCell({ d }: { d: DeviceRow }) {
  return (
    <>
      {[d.number && `No. ${d.number}`, d.team, d.pagerType].filter(Boolean).join(' · ') || '—'}
      {d.ownerName && <div class="small muted">held by {d.ownerName}</div>}
      {d.retainedByPolicy && <div class="small">Retained by policy (crash bleep), signed off by {d.retainedSignedOffBy} on {day(d.retainedSignedOffAt)}</div>}
    </>
  );
}

/** Registers one device by hand; a spreadsheet of many goes through the CSV import. Refused, it opens again with the reason and what was typed. */
function AddDeviceForm({ session, trusts, refusal }: { session: Session; trusts: Organisation[]; refusal?: FormRefusal }) {
  const value = (field: string) => typedOr(refusal, 'devices', field, '');
  return (
    <details class="panel" id="add-device" open={refusalOf(refusal, 'devices') !== undefined}>
      <summary>Add a device</summary>
      <PostForm id="new-device" to="/devices" csrf={session.csrfToken} refusal={refusal} button="Add device">
        <TrustSelect id="new-organisation" trusts={trusts} value={value('organisation')} />
        <label for="new-kind">Kind</label>
        <select id="new-kind" name="kind">{DEVICE_KINDS.map((k) => <option value={k} selected={k === value('kind')}>{k}</option>)}</select>
        <label for="new-name">Name</label>
        <input id="new-name" name="name" required maxlength={200} value={value('name')} />
        <label for="new-site">Site</label>
        <input id="new-site" name="site" maxlength={200} value={value('site')} />
        <label for="new-location">Ward or department</label>
        <input id="new-location" name="location" maxlength={200} value={value('location')} />
        <label for="new-removal">Planned removal (YYYY-MM-DD)</label>
        <input id="new-removal" name="plannedRemovalOn" type="date" value={value('plannedRemovalOn')} />
        <label for="new-replacement">Replacement</label>
        <input id="new-replacement" name="replacement" maxlength={500} placeholder="e.g. secure email to NHSmail" value={value('replacement')} />
        <label for="new-number">Pager number</label>
        <input id="new-number" name="number" maxlength={50} value={value('number')} />
        <label for="new-pager-type">Pager type</label>
        <select id="new-pager-type" name="pagerType"><option value="">—</option>{PAGER_TYPES.map((t) => <option value={t} selected={t === value('pagerType')}>{t}</option>)}</select>
      </PostForm>
    </details>
  );
}
