import type { Child } from 'hono/jsx';
import { ACTION_NEXT, type ActionDetail } from '../../cso/action-list.js';
import { HAZARD_ROLES } from '../../hub/routes/cso-api.js';
import type { ActionStatus } from '../../store/actions.js';
import type { Session } from '../../store/sessions.js';
import { AuditTrail } from '../components/audit-trail.js';
import { NoteList } from '../components/note-list.js';
import { PostForm } from '../components/post-form.js';
import { refusalOf, typedOr, type FormRefusal } from '../form-refusal.js';
import { Layout } from '../layout.js';
import { ACTION_STATUS_LABELS, OverdueWord } from './actions-page.js';

export interface ActionPageProps {
  session: Session;
  action: ActionDetail;
  /** A form the hub refused: shown in that form with what was typed kept, or above the forms if that form is not on the page. */
  refusal?: FormRefusal;
}

export function ActionPage({ session, action, refusal }: ActionPageProps) {
  const canWrite = HAZARD_ROLES.includes(session.user.role);
  const live = action.status === 'open' || action.status === 'in-progress';
  // Which forms are on the page, by the path each posts to; the refusal of one gone since (the action finished meanwhile) is said above them.
  const shown: Record<string, boolean> = { status: canWrite, notes: canWrite, edit: canWrite && live };
  const form = { action, csrf: session.csrfToken, refusal };
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
      {refusal && !shown[refusal.form] && (
        <p class="error" role="alert">
          {refusal.message}
        </p>
      )}
      {canWrite && <h2>Change</h2>}
      <div class="actions">
        {shown.status && <StatusForm {...form} />}
        {shown.notes && (
          <ActionForm id="note" {...form} to="notes" button="Add note">
            <label for="note-text">Note</label>
            <textarea id="note-text" name="text" rows={3} required maxlength={4000}>
              {typedOr(refusal, 'notes', 'text', '')}
            </textarea>
          </ActionForm>
        )}
        {shown.edit && <EditForm {...form} />}
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


type FormProps = { action: ActionDetail; csrf: string; refusal?: FormRefusal };

function ActionForm({ action, to, ...form }: FormProps & { id: string; to: string; button?: string; children?: Child }) {
  return <PostForm to={`/actions/${action.id}/${to}`} {...form} />;
}

const STATUS_BUTTONS: Record<ActionStatus, string> = { open: 'Reopen', 'in-progress': 'Start', done: 'Mark done', cancelled: 'Cancel' };

/** Only the moves allowed from the action's status are offered; the note is needed to cancel. */
function StatusForm({ action, csrf, refusal }: FormProps) {
  return (
    <ActionForm id="status" action={action} csrf={csrf} refusal={refusal} to="status">
      <label for="status-note">Note (needed to cancel)</label>
      <textarea id="status-note" name="note" rows={2} maxlength={4000}>
        {typedOr(refusal, 'status', 'note', '')}
      </textarea>
      {ACTION_NEXT[action.status].map((s) => (
        <button class="primary" type="submit" name="status" value={s} id={`to-${s}`}>
          {STATUS_BUTTONS[s]}
        </button>
      ))}
    </ActionForm>
  );
}

/** What is to be done, by whom, when and for what; refused, it comes back with what was typed. */
function EditForm({ action: a, csrf, refusal }: FormProps) {
  const id = (v: number | null) => (v === null ? '' : String(v));
  const value = (field: string, otherwise: string) => typedOr(refusal, 'edit', field, otherwise);
  const refused = refusalOf(refusal, 'edit');
  return (
    <ActionForm id="edit" action={a} csrf={csrf} refusal={refusal} to="edit" button="Save">
      <label for="edit-title">What is to be done</label>
      <input id="edit-title" name="title" value={value('title', a.title)} required maxlength={200} />
      <label for="edit-owner">Owner (username)</label>
      <input id="edit-owner" name="owner" value={value('owner', a.owner)} required maxlength={100} list="people" autocomplete="off" />
      <label for="edit-due">Due</label>
      <input id="edit-due" name="dueDate" type="date" value={value('dueDate', a.dueDate)} required />
      <label for="edit-hazard">Hazard no.</label>
      <input id="edit-hazard" name="hazardId" type="number" min={1} value={value('hazardId', id(a.hazardId))} />
      <label for="edit-alert">Alert no.</label>
      <input id="edit-alert" name="alertId" type="number" min={1} value={value('alertId', id(a.alertId))} />
      <label for="edit-asset">Asset no.</label>
      <input id="edit-asset" name="assetId" type="number" min={1} value={value('assetId', id(a.assetId))} />
      <label class="inline">
        {/* An unticked box is not sent, so a refused form's box is ticked only if it was sent ticked. */}
        <input type="checkbox" name="controlsHazard" value="on" checked={refused ? refused.typed.controlsHazard === 'on' : a.controlsHazard} /> A control for the hazard
      </label>
    </ActionForm>
  );
}
