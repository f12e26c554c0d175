import type { CyberAlertView } from '../../cyber/cyber-alert-view.js';
import type { CyberSeverity } from '../../cyber/cyber-alert-schema.js';
import type { CyberResponseStage } from '../../cyber/cyber-response-view.js';
import { TRIAGE_ROLES } from '../../hub/routes/alerts-api.js';
import type { Session } from '../../store/sessions.js';
import { KnownExploitedFlag } from '../components/known-exploited-flag.js';
import { TableScroll } from '../components/table-scroll.js';
import { valueWords } from '../audit-words.js';
import { Layout } from '../layout.js';
import { SeverityBadge } from './alerts-page.js';

/** Where a trust's response stands, in words. */
export const STAGE_LABELS: Record<CyberResponseStage, string> = {
  closed: 'Closed',
  'not-affected': 'Not affected',
  remediated: 'Remediated',
  affected: 'Affected, remediating',
  acknowledged: 'Acknowledged',
  'awaiting-acknowledgement': 'Not acknowledged',
};

export interface CyberAlertsPageProps {
  session: Session;
  /** Known exploited first (readCyberAlertList). */
  alerts: CyberAlertView[];
  /** Why nothing is marked known exploited, when no catalogue is configured. */
  kevNote: string | null;
}

/** "1 of 3 trusts", flagged when a trust in scope is past the 48 hours without acknowledging. */
function Acknowledged({ a }: { a: CyberAlertView['acknowledgement'] }) {
  return (
    <>
      {a.acknowledged} of {a.trusts}
      {a.overdue > 0 && (
        <>
          {' '}
          <span class="overdue-flag">{a.overdue} not acknowledged &gt; 48 h</span>
        </>
      )}
    </>
  );
}

function AlertRow({ alert, oneTrust }: { alert: CyberAlertView; oneTrust: boolean }) {
  const stage = alert.responses[0]?.stage;
  return (
    <tr class={alert.acknowledgement.overdue > 0 ? 'overdue' : undefined} data-reference={alert.reference}>
      <td>
        <a href={`/cyber-alerts/${alert.reference}`}>{alert.reference}</a>: {alert.title}
        {alert.knownExploited && (
          <div>
            <KnownExploitedFlag mark={alert.knownExploited} />
          </div>
        )}
      </td>
      <td>
        <SeverityBadge severity={alert.severity as CyberSeverity} />
      </td>
      <td>{alert.published}</td>
      <td>{valueWords(alert.acknowledgement.due)}</td>
      <td class="acknowledged">
        <Acknowledged a={alert.acknowledgement} />
      </td>
      <td class="num affected">{alert.affectedMachines}</td>
      <td class="num remediated">{alert.remediatedMachines}</td>
      {oneTrust && <td class="stage">{stage ? STAGE_LABELS[stage] : '—'}</td>}
    </tr>
  );
}

export function CyberAlertsPage({ session, alerts, kevNote }: CyberAlertsPageProps) {
  // A trust's person, or an ICS-wide one narrowed to one trust: that trust's stage fits in a column.
  const oneTrust = alerts.every((a) => a.responses.length === 1);
  return (
    <Layout title="Cyber alerts" session={session}>
      <h1>Cyber alerts</h1>
      <p class="small muted">
        National (NHS England) and vendor alerts, the machines carrying an affected version, and each trust's response: acknowledged within 48 hours of publication,
        affected or not, remediation updates and closure.
      </p>
      {TRIAGE_ROLES.includes(session.user.role) && (
        <p>
          <a class="button primary" href="/cyber-alerts/new" id="add-cyber-alert">
            Add a cyber alert
          </a>
        </p>
      )}
      {kevNote && <p class="small muted" id="kev-note">{kevNote}</p>}
      {alerts.length === 0 ? (
        <p class="muted">No cyber alerts yet.</p>
      ) : (
        <TableScroll>
          <table id="cyber-alerts">
            <thead>
              <tr>
                <th scope="col">Alert</th>
                <th scope="col">Severity</th>
                <th scope="col">Published</th>
                <th scope="col">Acknowledge by</th>
                <th scope="col">Trusts acknowledged</th>
                <th scope="col">Affected machines</th>
                <th scope="col">Remediated machines</th>
                {oneTrust && <th scope="col">Stage</th>}
              </tr>
            </thead>
            <tbody>
              {alerts.map((a) => (
                <AlertRow alert={a} oneTrust={oneTrust} />
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </Layout>
  );
}
