import type { Child } from 'hono/jsx';
import { valueWords } from '../audit-words.js';
import { nameOf } from '../people-directory.js';
import { REVOKE_ROLES, SIGN_OFF_ROLES } from '../../hub/routes/exceptions-api.js';
import type { ExceptionDetail } from '../../store/exceptions.js';
import type { Session } from '../../store/sessions.js';
import { AuditTrail } from '../components/audit-trail.js';
import { PostForm } from '../components/post-form.js';
import { Layout } from '../layout.js';
import { EXCEPTION_STATUS_LABELS } from './exceptions-page.js';

export interface ExceptionPageProps {
  session: Session;
  exception: ExceptionDetail;
  /** A form's validation message, shown above the forms. */
  error?: string;
}

export function ExceptionPage({ session, exception: e, error }: ExceptionPageProps) {
  const role = session.user.role;
  const decide = SIGN_OFF_ROLES.includes(role) && e.status === 'pending';
  const revoke = REVOKE_ROLES.includes(role) && (e.status === 'pending' || e.status === 'in-effect');
  return (
    <Layout title={`Exception #${e.id}`} session={session}>
      <p class="small">
        <a href="/exceptions">← All exceptions</a>
      </p>
      <h1>
        Exception #{e.id}: {e.title}
      </h1>
      <Facts e={e} session={session} />
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {(decide || revoke) && <h2>Actions</h2>}
      <div class="actions">
        {decide && <SignOff e={e} session={session} />}
        {decide && (
          <ActionForm id="reject" e={e} csrf={session.csrfToken} action="reject" button="Reject">
            <ReasonField id="reject-reason" />
          </ActionForm>
        )}
        {revoke && (
          <ActionForm id="revoke" e={e} csrf={session.csrfToken} action="revoke" button="Revoke">
            <ReasonField id="revoke-reason" />
          </ActionForm>
        )}
      </div>
      <h2>Audit trail</h2>
      <AuditTrail entries={e.audit} />
    </Layout>
  );
}

function Facts({ e, session }: { e: ExceptionDetail; session: Session }) {
  return (
    <div class="panel">
      <dl class="facts">
        <dt>Status</dt>
        <dd id="exception-status" data-status={e.status}>
          <strong>{EXCEPTION_STATUS_LABELS[e.status]}</strong>
        </dd>
        <dt>Expires on</dt>
        <dd id="expires-on">{e.expiresOn}</dd>
        <dt>Assets</dt>
        <dd id="assets">
          {e.assets.map((a, i) => (
            <>
              {i > 0 && ', '}
              <a href={`/assets/${a.id}`}>{a.hostname}</a>
            </>
          ))}
        </dd>
        <dt>Alert rules</dt>
        <dd id="rules">
          {e.ruleIds.map((r, i) => (
            <>
              {i > 0 && ', '}
              <a href={`/alerts?ruleId=${encodeURIComponent(r)}&acceptedRisk=only`}>{r}</a>
            </>
          ))}
        </dd>
        <dt>Justification</dt>
        <dd class="note-text">{e.justification}</dd>
        <dt>Compensating controls</dt>
        <dd class="note-text" id="controls">{e.compensatingControls}</dd>
        <dt>Hazard</dt>
        <dd>{e.hazardId === null ? '—' : <a href={`/hazards/${e.hazardId}`}>#{e.hazardId}</a>}</dd>
        <dt>Requested</dt>
        <dd>
          by {nameOf(session, e.requestedBy)}, {valueWords(e.requestedAt)}
        </dd>
        <dt>Signed off</dt>
        <dd id="signed-off">{e.signedOffBy ? `by ${nameOf(session, e.signedOffBy)}, ${valueWords(e.signedOffAt)}` : '—'}</dd>
      </dl>
    </div>
  );
}

/** Four-eyes: the requester is told why they cannot sign off rather than shown a form that would fail. */
function SignOff({ e, session }: { e: ExceptionDetail; session: Session }) {
  if (e.requestedBy === session.user.username) {
    return <p class="panel muted" id="four-eyes">You requested this exception, so another CSO must sign it off.</p>;
  }
  return (
    <ActionForm id="sign-off" e={e} csrf={session.csrfToken} action="sign-off" button="Sign off: accept this risk">
      <p class="small">The alerts it covers will show as accepted risk until {e.expiresOn}.</p>
      <label for="sign-off-statement">Your statement: what you accept, and why it is tolerable until then (at least 20 characters; it goes into the audit log)</label>
      <textarea id="sign-off-statement" name="statement" rows={3} required minlength={20} maxlength={2000} />
      <label class="inline">
        <input type="checkbox" name="confirm" required /> I accept this risk on behalf of the trust until {e.expiresOn}.
      </label>
    </ActionForm>
  );
}

function ReasonField({ id }: { id: string }) {
  return (
    <>
      <label for={id}>Reason (at least 10 characters)</label>
      <textarea id={id} name="reason" rows={2} required minlength={10} maxlength={2000} />
    </>
  );
}

function ActionForm({ e, action, ...form }: { id: string; e: ExceptionDetail; csrf: string; action: string; button: string; children?: Child }) {
  return <PostForm to={`/exceptions/${e.id}/${action}`} {...form} />;
}
