import type { DeviceDetail } from '../../devices/register.js';
import type { Session } from '../../store/sessions.js';
import { AuditTrail } from '../components/audit-trail.js';
import { day } from '../format.js';
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
  error?: string;
}

/** One registered device: its facts, status history and audit trail, and the forms to move it on. */
export function DevicePage({ session, device: d, today, canWrite, canRetain, showTrust, error }: DevicePageProps) {
  const facts: [string, string | null][] = [
    ['Trust', showTrust ? d.organisation : null], ['Kind', d.kind], ['Model', d.model], ['Serial', d.serial], ['Site', d.site], ['Location', d.location], ['Status', d.status],
    ['Planned removal', d.plannedRemovalOn], ['Replacement', d.replacement], ['Pager number', d.number], ['Pager type', d.pagerType],
    ['Owner', d.ownerName], ['Team', d.team], ['Provider', d.provider], ['Contract ends', d.contractEnd],
    ['Retained by policy', d.retainedByPolicy ? `yes, signed off by ${d.retainedSignedOffBy} on ${day(d.retainedSignedOffAt)}` : 'no'],
    ['Decommissioned', d.decommissionedAt ? `${day(d.decommissionedAt)}: ${d.decommissionReason}` : null],
  ];
  return (
    <Layout title={d.name} session={session}>
      <p class="small">
        <a href="/devices">← Device register</a>
      </p>
      <h1>
        {d.name} {isOverdue(d, today) && <span class="overdue-flag">Overdue for removal</span>}
      </h1>
      {error && <p class="error" role="alert">{error}</p>}
      <dl class="panel facts" id="device-facts">
        {facts.filter(([, v]) => v).map(([k, v]) => (
          <>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </>
        ))}
      </dl>
      {canWrite && d.status !== 'decommissioned' && (
        <form class="panel" method="post" action={`/devices/${d.id}/status`}>
          <input type="hidden" name="csrf" value={session.csrfToken} />
          <label for="status">Change status</label>
          <select id="status" name="status">
            {['in-use', 'replacement-planned', 'decommissioned'].map((s) => <option value={s} selected={s === d.status}>{s}</option>)}
          </select>
          <label for="reason">Reason (required to decommission: what replaced it)</label>
          <input id="reason" name="reason" maxlength={2000} />
          <button class="primary" type="submit">Save status</button>
        </form>
      )}
      {canRetain && d.kind === 'pager' && d.pagerType === 'emergency' && (
        <form class="panel" method="post" action={`/devices/${d.id}/retain`}>
          <input type="hidden" name="csrf" value={session.csrfToken} />
          <input type="hidden" name="retained" value={d.retainedByPolicy ? 'false' : 'true'} />
          <p class="small">An emergency (crash) bleep may stay where there is no safe alternative, with the Clinical Safety Officer's sign-off.</p>
          <button class="primary" type="submit">{d.retainedByPolicy ? 'Withdraw retention' : 'Retain by policy (sign off)'}</button>
        </form>
      )}
      <h2>Status history</h2>
      <ul id="device-history">
        {d.history.map((h) => <li>{day(h.at)}: {h.status}</li>)}
      </ul>
      <h2>Audit trail</h2>
      <AuditTrail entries={d.audit} />
    </Layout>
  );
}
