import type { Child } from 'hono/jsx';
import { ACTION_NEXT, type ActionDetail } from '../../cso/action-list.js';
import { HAZARD_ROLES } from '../../hub/routes/cso-api.js';
import type { ActionStatus } from '../../store/actions.js';
import type { Session } from '../../store/sessions.js';
import { AuditTrail } from '../components/audit-trail.js';
import { NoteList } from '../components/note-list.js';
import { PostForm } from '../components/post-form.js';
import { Layout } from '../layout.js';
import { ACTION_STATUS_LABELS, OverdueWord } from './actions-page.js';

export interface ActionPageProps {
  session: Session;
  action: ActionDetail;
  /** A form's validation message, shown above the forms. */
  error?: string;
}

export function ActionPage({ session, action, error }: ActionPageProps) {
  const canWrite = HAZARD_ROLES.includes(session.user.role);
  const live = action.status === 'open' || action.status === 'in-progress';
  return (
    <Layout title={`Action #${action.id}`} session={session}>
      <p class="small">
        <a href="/actions">← Actions</a> · <a href="/actions?mine=1">My actions</a>
      </p>
      <h1>
        Action #{action.id}: {action.title}
      </h1>
      {action.prompt && (
        <p class="panel notice" id="rerating-prompt" role="status">
          {action.prompt}: <a href={`/hazards/${action.hazardId}#residual`}>open hazard #{action.hazardId}</a>
        </p>
      )}
      <ActionFacts action={action} />
      <h2>Notes</h2>
      <NoteList notes={action.notes} />
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {canWrite && <h2>Change</h2>}
      <div class="actions">
        {canWrite && <StatusForm action={action} csrf={session.csrfToken} />}
        {canWrite && (
          <ActionForm id="note" action={action} csrf={session.csrfToken} to="notes" button="Add note">
            <label for="note-text">Note</label>
            <textarea id="note-text" name="text" rows={3} required maxlength={4000} />
          </ActionForm>
        )}
        {canWrite && live && <EditForm action={action} csrf={session.csrfToken} />}
      </div>
      <h2>Audit trail</h2>
      <AuditTrail entries={action.audit} />
    </Layout>
  );
}

function ActionFacts({ action: a }: { action: ActionDetail }) {
  return (
    <div class="panel">
      <dl class="facts">
        <dt>Status</dt>
        <dd id="action-status" data-status={a.status}>
          <strong>{ACTION_STATUS_LABELS[a.status]}</strong>
          {a.completedAt && ` (${a.completedAt.slice(0, 10)})`}
        </dd>
        <dt>Owner</dt>
        <dd id="action-owner-name">{a.owner}</dd>
        <dt>Due</dt>
        <dd>
          {a.dueDate} {a.overdue && <OverdueWord />}
        </dd>
        <dt>Hazard</dt>
        <dd>
          {a.hazardId === null ? '—' : <a href={`/hazards/${a.hazardId}`}>#{a.hazardId} {a.hazardTitle}</a>}
          {a.controlsHazard && ' (a control for it)'}
        </dd>
        <dt>Alert</dt>
        <dd>{a.alertId === null ? '—' : <a href={`/alerts/${a.alertId}`}>#{a.alertId} {a.alertTitle}</a>}</dd>
        <dt>Asset</dt>
        <dd>{a.assetId === null ? '—' : <a href={`/assets/${a.assetId}`}>{a.hostname}</a>}</dd>
        <dt>Added</dt>
        <dd>
          {a.createdAt.slice(0, 10)} by {a.createdBy}
        </dd>
      </dl>
    </div>
  );
}


function ActionForm({ action, to, ...form }: { id: string; action: ActionDetail; csrf: string; to: string; button?: string; children?: Child }) {
  return <PostForm to={`/actions/${action.id}/${to}`} {...form} />;
}

const STATUS_BUTTONS: Record<ActionStatus, string> = { open: 'Reopen', 'in-progress': 'Start', done: 'Mark done', cancelled: 'Cancel' };

/** Only the moves allowed from the action's status are offered; the note is needed to cancel. */
function StatusForm({ action, csrf }: { action: ActionDetail; csrf: string }) {
  return (
    <ActionForm id="status" action={action} csrf={csrf} to="status">
      <label for="status-note">Note (needed to cancel)</label>
      <textarea id="status-note" name="note" rows={2} maxlength={4000} />
      {ACTION_NEXT[action.status].map((s) => (
        <button class="primary" type="submit" name="status" value={s} id={`to-${s}`}>
          {STATUS_BUTTONS[s]}
        </button>
      ))}
    </ActionForm>
  );
}

function EditForm({ action: a, csrf }: { action: ActionDetail; csrf: string }) {
  const id = (v: number | null) => (v === null ? '' : String(v));
  return (
    <ActionForm id="edit" action={a} csrf={csrf} to="edit" button="Save">
      <label for="edit-title">What is to be done</label>
      <input id="edit-title" name="title" value={a.title} required maxlength={200} />
      <label for="edit-owner">Owner (username)</label>
      <input id="edit-owner" name="owner" value={a.owner} required maxlength={100} list="people" autocomplete="off" />
      <label for="edit-due">Due</label>
      <input id="edit-due" name="dueDate" type="date" value={a.dueDate} required />
      <label for="edit-hazard">Hazard no.</label>
      <input id="edit-hazard" name="hazardId" type="number" min={1} value={id(a.hazardId)} />
      <label for="edit-alert">Alert no.</label>
      <input id="edit-alert" name="alertId" type="number" min={1} value={id(a.alertId)} />
      <label for="edit-asset">Asset no.</label>
      <input id="edit-asset" name="assetId" type="number" min={1} value={id(a.assetId)} />
      <label class="inline">
        <input type="checkbox" name="controlsHazard" value="on" checked={a.controlsHazard} /> A control for the hazard
      </label>
    </ActionForm>
  );
}
