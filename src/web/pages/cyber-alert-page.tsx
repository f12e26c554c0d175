import type { CyberAlertView } from '../../cyber/cyber-alert-view.js';
import type { CyberSeverity } from '../../cyber/cyber-alert-schema.js';
import type { CyberResponseView } from '../../cyber/cyber-response-view.js';
import { TRIAGE_ROLES } from '../../hub/routes/alerts-api.js';
import type { AuditTrailEntry } from '../../store/audit-log.js';
import type { CyberAlertMachine } from '../../store/cyber-alerts.js';
import type { CyberUpdateRecord } from '../../store/cyber-alert-responses.js';
import type { Organisation } from '../../store/organisations.js';
import type { Session } from '../../store/sessions.js';
import { AuditTrail } from '../components/audit-trail.js';
import { CannotTellTable } from '../components/cannot-tell-table.js';
import { CyberMachinesTable } from '../components/cyber-machines-table.js';
import type { CannotTellVersion } from '../../cyber/cannot-tell-versions.js';
import { KnownExploitedFlag } from '../components/known-exploited-flag.js';
import { valueWords } from '../audit-words.js';
import type { FormRefusal } from '../form-refusal.js';
import { Layout } from '../layout.js';
import { SeverityBadge } from './alerts-page.js';
import { ResponseForms } from './cyber-response-forms.js';
import { STAGE_LABELS } from './cyber-alerts-page.js';
import { RaiseHazardFromCyberForm } from './raise-hazard-from-cyber-form.js';

export interface CyberAlertPageProps {
  session: Session;
  alert: CyberAlertView;
  machines: CyberAlertMachine[];
  /** Versions it names that cannot be placed against its ranges, in the reader's scope. */
  cannotTell: CannotTellVersion[];
  /** Each trust's updates, by ODS code, oldest first. */
  updates: Record<string, CyberUpdateRecord[]>;
  audit: AuditTrailEntry[];
  /** The trusts an ICS-wide person picks from when raising a hazard; empty for anyone else. */
  trusts: readonly Organisation[];
  refusal?: FormRefusal;
}

function AlertFacts({ alert }: { alert: CyberAlertView }) {
  return (
    <div class="panel">
      <dl class="facts">
        <dt>Published</dt>
        <dd>{alert.published}</dd>
        <dt>CVEs</dt>
        <dd id="cves">{alert.cves.length ? alert.cves.join(', ') : 'none named'}</dd>
        <dt>Remedy</dt>
        <dd id="remedy">{alert.remedy}</dd>
        <dt>Link</dt>
        <dd>
          <a href={alert.link} rel="noopener noreferrer" target="_blank">
            {alert.link}
          </a>
        </dd>
        <dt>Origin</dt>
        <dd id="origin">{alert.origin === 'file' ? 'a file in rules/cyber-alerts/' : `added on the hub by ${alert.addedBy ?? 'someone'}`}</dd>
        <dt>Machines</dt>
        <dd>
          {alert.affectedMachines} still affected, {alert.remediatedMachines} remediated
          {alert.remediatedAt && `; remediated ${valueWords(alert.remediatedAt)}`}
        </dd>
      </dl>
    </div>
  );
}

function Acknowledgement({ r }: { r: CyberResponseView }) {
  const a = r.acknowledgement;
  if (a.at === null) {
    return (
      <>
        not yet, due {valueWords(a.due)}
        {a.overdue && (
          <>
            {' '}
            <span class="overdue-flag">Overdue</span>
          </>
        )}
      </>
    );
  }
  return (
    <>
      {valueWords(a.at)} by {a.by} {a.late ? <span class="overdue-flag">Late (due {valueWords(a.due)})</span> : '(within 48 hours)'}
    </>
  );
}

function UpdateList({ updates }: { updates: CyberUpdateRecord[] }) {
  if (!updates.length) return <>none yet</>;
  return (
    <ol class="updates">
      {updates.map((u) => (
        <li>
          {valueWords(u.at)}, {u.by}: {u.note}
          {u.expectedCompletion && ` (expected completion ${u.expectedCompletion})`}
        </li>
      ))}
    </ol>
  );
}

/** One trust's response: where it stands, its clocks, what it has recorded, and (for those who may act) its next steps. */
function TrustResponse({ reference, r, updates, session, refusal }: { reference: string; r: CyberResponseView; updates: CyberUpdateRecord[]; session: Session; refusal?: FormRefusal }) {
  const mine = refusal?.typed.organisation === r.organisation ? refusal : undefined;
  return (
    <section class="panel trust-response" id={`trust-${r.organisation}`} data-stage={r.stage}>
      <h3>
        {r.organisation} — {r.organisationName}: <span class="stage">{STAGE_LABELS[r.stage]}</span>
      </h3>
      <dl class="facts">
        <dt>Acknowledged</dt>
        <dd class="acknowledgement">
          <Acknowledgement r={r} />
        </dd>
        <dt>Decision</dt>
        <dd class="decision">{r.decision ? `${r.decision.decision === 'affected' ? 'Affected' : 'Not affected'}: ${r.decision.reason} (${r.decision.by}, ${valueWords(r.decision.at)})` : 'not yet decided'}</dd>
        <dt>Expected completion</dt>
        <dd>{r.expectedCompletion ?? '—'}</dd>
        <dt>Next update due</dt>
        <dd class="next-update">
          {r.nextUpdate ? valueWords(r.nextUpdate.due) : '—'}
          {r.nextUpdate?.overdue && (
            <>
              {' '}
              <span class="overdue-flag">Overdue</span>
            </>
          )}
        </dd>
        <dt>Machines</dt>
        <dd>
          {r.affectedMachines} still affected, {r.remediatedMachines} remediated
        </dd>
        <dt>Updates</dt>
        <dd>
          <UpdateList updates={updates} />
        </dd>
        <dt>Closed</dt>
        <dd class="closure">{r.closed ? `${valueWords(r.closed.at)} by ${r.closed.by}: ${r.closed.note}` : '—'}</dd>
      </dl>
      <p class="small">
        <a href={`/cyber-alerts/${reference}/summary?organisation=${r.organisation}`}>National response summary for {r.organisation}</a>
      </p>
      {TRIAGE_ROLES.includes(session.user.role) && <ResponseForms reference={reference} response={r} csrf={session.csrfToken} refusal={mine} />}
    </section>
  );
}

export function CyberAlertPage({ session, alert, machines, cannotTell, updates, audit, trusts, refusal }: CyberAlertPageProps) {
  return (
    <Layout title={`${alert.reference}: ${alert.title}`} session={session}>
      <p class="small">
        <a href="/cyber-alerts">← All cyber alerts</a>
      </p>
      <h1>
        <SeverityBadge severity={alert.severity as CyberSeverity} /> {alert.reference}: {alert.title}
      </h1>
      {alert.knownExploited && (
        <p id="known-exploited">
          <KnownExploitedFlag mark={alert.knownExploited} />
        </p>
      )}
      <AlertFacts alert={alert} />
      <h2>Response by trust</h2>
      {alert.responses.map((r) => (
        <TrustResponse reference={alert.reference} r={r} updates={updates[r.organisation] ?? []} session={session} refusal={refusal} />
      ))}
      <h2>Machines</h2>
      <CyberMachinesTable machines={machines} />
      <CannotTellTable versions={cannotTell} />
      <RaiseHazardFromCyberForm session={session} alert={alert} trusts={trusts} refusal={refusal} />
      <h2>Audit trail</h2>
      <AuditTrail entries={audit} />
    </Layout>
  );
}
