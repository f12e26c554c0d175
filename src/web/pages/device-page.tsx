import type { Child } from 'hono/jsx';
import type { DeviceDetail } from '../../devices/register.js';
import { DEVICE_KINDS, PAGER_TYPES, type DeviceFields } from '../../store/registered-devices.js';
import type { Session } from '../../store/sessions.js';
import { AuditTrail } from '../components/audit-trail.js';
import { PostForm } from '../components/post-form.js';
import { day } from '../format.js';
import { refusalOf, typedOr, type FormRefusal } from '../form-refusal.js';
import { Layout } from '../layout.js';
import { isOverdue } from './devices-page.js';

export interface DevicePageProps {
  session: Session;
  device: DeviceDetail;
  today: string;
  canWrite: boolean;
  canRetain: boolean;
  /** Name the device's trust: the reader sees several. */
  showTrust: boolean;
  /** A form the hub refused: shown in that form with what was typed kept, or at the top if that form is not on the page. */
  refusal?: FormRefusal;
}

/** One registered device: its facts, status history and audit trail, and the forms to move it on. */
export function DevicePage({ session, device: d, today, canWrite, canRetain, showTrust, refusal }: DevicePageProps) {
  const facts: [string, string | null][] = [
    ['Trust', showTrust ? d.organisation : null], ['Kind', d.kind], ['Model', d.model], ['Serial', d.serial], ['Site', d.site], ['Location', d.location], ['Status', d.status],
    ['Planned removal', d.plannedRemovalOn], ['Replacement', d.replacement], ['Pager number', d.number], ['Pager type', d.pagerType],
    ['Owner', d.ownerName], ['Team', d.team], ['Provider', d.provider], ['Contract ends', d.contractEnd],
    ['Retained by policy', d.retainedByPolicy ? `yes, signed off by ${d.retainedSignedOffBy} on ${day(d.retainedSignedOffAt)}` : 'no'],
    ['Decommissioned', d.decommissionedAt ? `${day(d.decommissionedAt)}: ${d.decommissionReason}` : null],
  ];
  // Which forms are on the page, by the path each posts to; a refusal of one gone since is said at the top.
  const shown: Record<string, boolean> = {
    status: canWrite && d.status !== 'decommissioned',
    retain: canRetain && d.kind === 'pager' && d.pagerType === 'emergency',
    edit: canWrite,
  };
  const form = { device: d, csrf: session.csrfToken, refusal };
  return (
    <Layout title={d.name} session={session}>
      <p class="small">
        <a href="/devices">← Device register</a>
      </p>
      <h1>
        {d.name} {isOverdue(d, today) && <span class="overdue-flag">Overdue for removal</span>}
      </h1>
      {refusal && !shown[refusal.form] && <p class="error" role="alert">{refusal.message}</p>}
      <dl class="panel facts" id="device-facts">
        {facts.filter(([, v]) => v).map(([k, v]) => (
          <>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </>
        ))}
      </dl>
      {shown.status && (
        <DeviceForm id="device-status" {...form} to="status" button="Save status">
          <label for="status">Change status</label>
          <select id="status" name="status">
            {['in-use', 'replacement-planned', 'decommissioned'].map((s) => <option value={s} selected={s === typedOr(refusal, 'status', 'status', d.status)}>{s}</option>)}
          </select>
          <label for="reason">Reason (required to decommission: what replaced it)</label>
          <input id="reason" name="reason" maxlength={2000} value={typedOr(refusal, 'status', 'reason', '')} />
        </DeviceForm>
      )}
      {shown.retain && (
        <DeviceForm id="retain" {...form} to="retain" button={d.retainedByPolicy ? 'Withdraw retention' : 'Retain by policy (sign off)'}>
          <input type="hidden" name="retained" value={d.retainedByPolicy ? 'false' : 'true'} />
          <p class="small">An emergency (crash) bleep may stay where there is no safe alternative, with the Clinical Safety Officer's sign-off.</p>
        </DeviceForm>
      )}
      {shown.edit && <EditForm {...form} />}
      <h2>Status history</h2>
      <ul id="device-history">
        {d.history.map((h) => <li>{day(h.at)}: {h.status}</li>)}
      </ul>
      <h2>Audit trail</h2>
      <AuditTrail entries={d.audit} />
    </Layout>
  );
}

type FormProps = { device: DeviceDetail; csrf: string; refusal?: FormRefusal };

function DeviceForm({ device, to, ...form }: FormProps & { id: string; to: string; button: string; children?: Child }) {
  return <PostForm to={`/devices/${device.id}/${to}`} {...form} />;
}

type TextField = Exclude<keyof DeviceFields, 'kind' | 'pagerType'>;

/** The register's text fields as the edit form asks them: label, and the longest value (the schema's) or a date. */
const TEXT_FIELDS: [TextField, string, number | 'date'][] = [
  ['name', 'Name', 200], ['model', 'Model', 200], ['serial', 'Serial', 100], ['site', 'Site', 200], ['location', 'Ward or department', 200],
  ['plannedRemovalOn', 'Planned removal', 'date'], ['replacement', 'Replacement', 500], ['ownerName', 'Held by', 200], ['team', 'Team', 200],
  ['number', 'Pager number', 50], ['provider', 'Provider', 200], ['contractEnd', 'Contract ends', 'date'],
];

/** Every field but the status (its own form, with a reason); an emptied field is cleared. Refused, it opens again with what was typed. */
function EditForm({ device: d, csrf, refusal }: FormProps) {
  const value = (field: keyof DeviceFields) => typedOr(refusal, 'edit', field, d[field] ?? '');
  return (
    <details class="panel" id="edit-device" open={refusalOf(refusal, 'edit') !== undefined}>
      <summary>Edit the device</summary>
      <DeviceForm id="edit" device={d} csrf={csrf} refusal={refusal} to="edit" button="Save">
        <label for="edit-kind">Kind</label>
        <select id="edit-kind" name="kind">{DEVICE_KINDS.map((k) => <option value={k} selected={k === value('kind')}>{k}</option>)}</select>
        {TEXT_FIELDS.map(([field, label, size]) => (
          <>
            <label for={`edit-${field}`}>{label}</label>
            <input id={`edit-${field}`} name={field} value={value(field)} {...(size === 'date' ? { type: 'date' } : { maxlength: size })} required={field === 'name'} />
          </>
        ))}
        <label for="edit-pagerType">Pager type</label>
        <select id="edit-pagerType" name="pagerType">
          <option value="">—</option>
          {PAGER_TYPES.map((t) => <option value={t} selected={t === value('pagerType')}>{t}</option>)}
        </select>
      </DeviceForm>
    </details>
  );
}
