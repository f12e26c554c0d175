import type { AlertRule } from '../../alerts/alert-rule-schema.js';
import type { Child } from 'hono/jsx';
import { NOTE_ROLES, TRIAGE_ROLES } from '../../hub/routes/alerts-api.js';
import { REQUEST_ROLES } from '../../hub/routes/exceptions-api.js';
import type { AlertDetail } from '../../store/alert-queries.js';
import { AuditTrail } from '../components/audit-trail.js';
import type { Session } from '../../store/sessions.js';
import { NoteList } from '../components/note-list.js';
import { PostForm } from '../components/post-form.js';
import { typedOr, type FormRefusal } from '../form-refusal.js';
import { Layout } from '../layout.js';
import { AcceptedRiskFlag, ALERT_STATUS_LABELS, OverdueFlag, SeverityBadge } from './alerts-page.js';
import { RaiseHazardForm } from './hazards-page.js';
import { KnownExploitedFlag } from '../components/known-exploited-flag.js';
import type { WithKnownExploited } from '../../alerts/known-exploited-rules.js';

export interface AlertPageProps {
  session: Session;
  alert: WithKnownExploited<AlertDetail>;
  /** The rule that raised it, for its plain-English meaning and remedy; absent if the rule has since been removed. */
  rule?: AlertRule;
  now: Date;
  /** A form the hub refused: shown beside that form, with what was typed kept. */
  refusal?: FormRefusal;
  /** Say which trust it belongs to (an ICS-wide reader on a hub of several trusts). */
  showTrust: boolean;
  /** The last day a suppression may run to, for a critical or unsupported-OS alert (suppressionLimit). */
  suppressLimit?: string;
}

export function AlertPage({ session, alert, rule, now, refusal, showTrust, suppressLimit }: AlertPageProps) {
  const canAct = TRIAGE_ROLES.includes(session.user.role);
  const canRequest = REQUEST_ROLES.includes(session.user.role) && alert.status !== 'resolved' && alert.hostname !== null && !alert.acceptedRisk;
  const canNote = NOTE_ROLES.includes(session.user.role);
  return (
    <Layout title={alert.title} session={session}>
      <p class="small">
        <a href="/alerts">← All alerts</a>
      </p>
      <h1>
        <SeverityBadge severity={alert.severity} /> {alert.title}
      </h1>
      {alert.knownExploited && (
        <p id="known-exploited">
          <KnownExploitedFlag mark={alert.knownExploited} />
        </p>
      )}
      <AlertFacts alert={alert} showTrust={showTrust} />
      {rule && (
        <div class="panel" id="rule-text">
          <h2>What this means</h2>
          <p>{rule.description}</p>
          <h2>What to do</h2>
          <p>{rule.remediation}</p>
          {rule.cves && <p class="small">CVEs: {rule.cves.join(', ')}</p>}
        </div>
      )}
      <h2>Timeline</h2>
      <Timeline alert={alert} />
      <h2>Notes</h2>
      <NoteList notes={alert.notes} />
      {(canAct || canNote) && <h2>Actions</h2>}
      <div class="actions">
        {canRequest && <RequestException alert={alert} />}
        {canAct && <TriageForms alert={alert} csrf={session.csrfToken} now={now} suppressLimit={suppressLimit} refusal={refusal} />}
        {canNote && (
          <ActionForm id="note" alert={alert} csrf={session.csrfToken} action="notes" button="Add note" refusal={refusal}>
            <label for="note-text">Note</label>
            <textarea id="note-text" name="text" rows={3} required maxlength={4000}>
              {typedOr(refusal, 'notes', 'text', '')}
            </textarea>
          </ActionForm>
        )}
      </div>
      <RaiseHazardForm session={session} alert={alert} {...(refusal?.form === 'raise-hazard' && { error: refusal.message, typed: refusal.typed })} />
      <h2>Audit trail</h2>
      <AuditTrail entries={alert.audit} />
    </Layout>
  );
}

function AlertFacts({ alert, showTrust }: { alert: AlertDetail; showTrust: boolean }) {
  return (
    <div class="panel">
      <dl class="facts">
        <dt>Status</dt>
        <dd id="alert-status" data-status={alert.status}>
          <strong>{ALERT_STATUS_LABELS[alert.status]}</strong>
          {alert.resolution && ` (${alert.resolution === 'manual' ? 'resolved by a person' : 'condition cleared'})`}
          {alert.overdue && (
            <>
              {' '}
              <OverdueFlag />
            </>
          )}
        </dd>
        {alert.acceptedRisk && (
          <>
            <dt>Accepted risk</dt>
            <dd id="accepted-risk">
              <AcceptedRiskFlag risk={alert.acceptedRisk} />
            </dd>
          </>
        )}
        <dt>Assigned to</dt>
        <dd id="assignee">{alert.assignee ?? '—'}</dd>
        <dt>Rule</dt>
        <dd>
          <a href={`/alerts?ruleId=${encodeURIComponent(alert.ruleId)}`}>{alert.ruleId}</a>
        </dd>
        <dt>Asset</dt>
        <dd>{alert.assetId === null ? 'estate-wide' : <a href={`/assets/${alert.assetId}`}>{alert.hostname}</a>}</dd>
        {showTrust && (
          <>
            <dt>Trust</dt>
            <dd id="trust">{alert.organisation}</dd>
          </>
        )}
        <dt>Subject</dt>
        <dd>{alert.subject}</dd>
        <dt>Evidence</dt>
        <dd class="reason" id="evidence">
          {alert.detail}
        </dd>
        {alert.status === 'suppressed' && (
          <>
            <dt>Suppressed</dt>
            <dd id="suppression">
              until {alert.suppressedUntil?.slice(0, 10)}: {alert.suppressReason}
            </dd>
          </>
        )}
      </dl>
    </div>
  );
}

function Timeline({ alert }: { alert: AlertDetail }) {
  const events: [string, string | null][] = [
    ['Raised', alert.raisedAt],
    ['Last seen', alert.lastSeenAt],
    ['Acknowledged', alert.acknowledgedAt],
    ['Resolved', alert.resolvedAt],
  ];
  return (
    <dl class="facts panel" id="timeline">
      {events.map(([label, at]) => (
        <>
          <dt>{label}</dt>
          <dd>{at ?? '—'}</dd>
        </>
      ))}
    </dl>
  );
}


function ActionForm({ alert, action, ...form }: { id: string; alert: AlertDetail; csrf: string; action: string; button: string; refusal?: FormRefusal; children?: Child }) {
  return <PostForm to={`/alerts/${alert.id}/${action}`} {...form} />;
}

/**
 * The way to keep an end-of-life system that must stay: an exception a CSO
 * signs off, prefilled with this alert's machine and rule.
 */
function RequestException({ alert }: { alert: AlertDetail }) {
  const query = new URLSearchParams({ hostname: alert.hostname ?? '', rule: alert.ruleId });
  return (
    <div class="action panel" id="request-exception">
      <p>
        Must this stay as it is for now? Record the risk for a clinical safety officer to sign off: the alert stays listed as accepted risk until the exception
        expires.
      </p>
      <a class="button primary" href={`/exceptions?${query.toString()}#request`}>
        Request an exception
      </a>
    </div>
  );
}

/** Only the moves allowed from the alert's current status are offered. */
function TriageForms({ alert, csrf, now, suppressLimit, refusal }: { alert: AlertDetail; csrf: string; now: Date; suppressLimit?: string; refusal?: FormRefusal }) {
  const live = alert.status !== 'resolved';
  const tomorrow = new Date(now.getTime() + 86_400_000).toISOString().slice(0, 10);
  const inAYear = new Date(Date.UTC(now.getUTCFullYear() + 1, now.getUTCMonth(), now.getUTCDate())).toISOString().slice(0, 10);
  const form = { alert, csrf, refusal };
  return (
    <>
      {alert.status === 'open' && <ActionForm id="acknowledge" {...form} action="acknowledge" button="Acknowledge" />}
      {live && (
        <ActionForm id="assign" {...form} action="assign" button="Assign">
          <label for="assign-to">Assign to (username; empty to unassign)</label>
          <input id="assign-to" name="assignee" value={typedOr(refusal, 'assign', 'assignee', alert.assignee ?? '')} maxlength={100} list="people" autocomplete="off" />
        </ActionForm>
      )}
      {live && (
        <ActionForm id="suppress" {...form} action="suppress" button="Suppress">
          <label for="suppress-reason">Reason (at least 10 characters)</label>
          <textarea id="suppress-reason" name="reason" rows={2} required minlength={10} maxlength={2000}>
            {typedOr(refusal, 'suppress', 'reason', '')}
          </textarea>
          <label for="suppress-until">Until</label>
          <input id="suppress-until" name="until" type="date" required min={tomorrow} max={suppressLimit ?? inAYear} value={typedOr(refusal, 'suppress', 'until', '')} />
          {suppressLimit && (
            <p class="small muted" id="suppress-cap">
              A critical or unsupported-OS alert may be suppressed until {suppressLimit} at most: to keep the system longer, request an exception.
            </p>
          )}
        </ActionForm>
      )}
      {live && (
        <ActionForm id="resolve" {...form} action="resolve" button="Resolve">
          <label for="resolve-note">Note (optional)</label>
          <textarea id="resolve-note" name="note" rows={2} maxlength={4000} />
        </ActionForm>
      )}
      {(alert.status === 'acknowledged' || alert.status === 'suppressed') && <ActionForm id="reopen" {...form} action="reopen" button="Reopen" />}
    </>
  );
}

