import type { Child } from 'hono/jsx';
import { valueWords } from '../audit-words.js';
import { nameOf } from '../people-directory.js';
import { REVOKE_ROLES, SIGN_OFF_ROLES } from '../../hub/routes/exceptions-api.js';
import type { ExceptionDetail } from '../../store/exceptions.js';
import type { Session } from '../../store/sessions.js';
import { AuditTrail } from '../components/audit-trail.js';
import { PostForm } from '../components/post-form.js';
import { typedOr, type FormRefusal } from '../form-refusal.js';
import { Layout } from '../layout.js';
import { EXCEPTION_STATUS_LABELS } from './exceptions-page.js';

export interface ExceptionPageProps {
  session: Session;
  exception: ExceptionDetail;
  /** A form the hub refused: shown in that form with what was typed kept, or above the forms if that form is not on the page. */
  refusal?: FormRefusal;
}

export function ExceptionPage({ session, exception: e, refusal }: ExceptionPageProps) {
  const role = session.user.role;
  const decide = SIGN_OFF_ROLES.includes(role) && e.status === 'pending';
  const revoke = REVOKE_ROLES.includes(role) && (e.status === 'pending' || e.status === 'in-effect');
  // Which forms are on the page, by the path each posts to; a refusal of one gone since (the exception was decided meanwhile) is said above the forms.
  const shown: Record<string, boolean> = { 'sign-off': decide && e.requestedBy !== session.user.username, reject: decide, revoke };
  const form = { e, csrf: session.csrfToken, refusal };
  return (
    <Layout title={`Exception #${e.id}`} session={session}>
      <p class="small">
        <a href="/exceptions">← All exceptions</a>
      </p>
      <h1>
        Exception #{e.id}: {e.title}
      </h1>
      <Facts e={e} session={session} />
      {refusal && !shown[refusal.form] && (
        <p class="error" role="alert">
          {refusal.message}
        </p>
      )}
      {(decide || revoke) && <h2>Actions</h2>}
      <div class="actions">
        {decide && <SignOff {...form} username={session.user.username} />}
        {decide && (
          <ActionForm id="reject" {...form} action="reject" button="Reject">
            <ReasonField id="reject-reason" value={typedOr(refusal, 'reject', 'reason', '')} />
          </ActionForm>
        )}
        {revoke && (
          <ActionForm id="revoke" {...form} action="revoke" button="Revoke">
            <ReasonField id="revoke-reason" value={typedOr(refusal, 'revoke', 'reason', '')} />
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

type FormProps = { e: ExceptionDetail; csrf: string; refusal?: FormRefusal };

/** Four-eyes: the requester is told why they cannot sign off rather than shown a form that would fail. Refused, the statement and tick come back as sent. */
function SignOff({ username, ...form }: FormProps & { username: string }) {
  const { e, refusal } = form;
  if (e.requestedBy === username) {
    return <p class="panel muted" id="four-eyes">You requested this exception, so another CSO must sign it off.</p>;
  }
  return (
    <ActionForm id="sign-off" {...form} action="sign-off" button="Sign off: accept this risk">
      <p class="small">The alerts it covers will show as accepted risk until {e.expiresOn}.</p>
      <label for="sign-off-statement">Your statement: what you accept, and why it is tolerable until then (at least 20 characters; it goes into the audit log)</label>
      <textarea id="sign-off-statement" name="statement" rows={3} required minlength={20} maxlength={2000}>
        {typedOr(refusal, 'sign-off', 'statement', '')}
      </textarea>
      <label class="inline">
        <input type="checkbox" name="confirm" required checked={typedOr(refusal, 'sign-off', 'confirm', '') === 'on'} /> I accept this risk on behalf of the trust until {e.expiresOn}.
      </label>
    </ActionForm>
  );
}

function ReasonField({ id, value }: { id: string; value: string }) {
  return (
    <>
      <label for={id}>Reason (at least 10 characters)</label>
      <textarea id={id} name="reason" rows={2} required minlength={10} maxlength={2000}>
        {value}
      </textarea>
    </>
  );
}

function ActionForm({ e, action, ...form }: FormProps & { id: string; action: string; button: string; children?: Child }) {
  return <PostForm to={`/exceptions/${e.id}/${action}`} {...form} />;
}
