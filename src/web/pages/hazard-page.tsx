import type { Child } from 'hono/jsx';
import { HAZARD_NEXT, type HazardDetail, type RatedRisk } from '../../cso/hazard-log.js';
import { LIKELIHOOD_LEVELS, RISK_MATRIX, SEVERITY_LEVELS } from '../../cso/risk-matrix.js';
import { HAZARD_ROLES, RESIDUAL_ROLES } from '../../hub/routes/cso-api.js';
import type { HazardStatus } from '../../store/hazards.js';
import type { Session } from '../../store/sessions.js';
import { AuditTrail } from '../components/audit-trail.js';
import { PostForm } from '../components/post-form.js';
import { refusalOf, typedOr, type FormRefusal } from '../form-refusal.js';
import type { LinkChoices } from '../hazard-link-form.js';
import { LinkForms, Links } from './hazard-links.js';
import { Layout } from '../layout.js';
import { ActionTable, NewActionForm } from './actions-page.js';
import { HAZARD_STATUS_LABELS, LevelSelect, RiskBadge, ReratingFlag } from './hazards-page.js';
import { TableScroll } from '../components/table-scroll.js';
import { HazardCyberAlerts } from '../components/hazard-cyber-alerts.js';
import type { HazardCyberAlertRow } from '../../store/hazard-cyber-alerts.js';

export interface HazardPageProps {
  session: Session;
  hazard: HazardDetail;
  /** What the link forms offer; absent for a reader who cannot link. */
  choices?: LinkChoices;
  /** A form the hub refused: shown in that form with what was typed kept, or above the forms if that form is not on the page. */
  refusal?: FormRefusal;
  /** Cyber alerts still affecting a machine it links to. */
  cyberAlerts?: HazardCyberAlertRow[];
}

export function HazardPage({ session, hazard, choices, refusal, cyberAlerts = [] }: HazardPageProps) {
  const canWrite = HAZARD_ROLES.includes(session.user.role);
  const open = hazard.status !== 'closed';
  // Which forms are on the page, by the path each posts to.
  const shown: Record<string, boolean> = {
    actions: canWrite && open,
    'residual-risk': RESIDUAL_ROLES.includes(session.user.role) && open,
    status: canWrite,
    links: canWrite && open && choices !== undefined,
    edit: canWrite && open,
  };
  // A refusal is said in its form; that of an Unlink button, or of a form gone since (the hazard closed meanwhile), above the forms.
  const inForm = refusal !== undefined && shown[refusal.form] && refusal.typed.op !== 'remove';
  const newAction = refusalOf(refusal, 'actions');
  return (
    <Layout title={`Hazard #${hazard.id}`} session={session}>
      <p class="small">
        <a href="/hazards">← Hazard log</a>
      </p>
      <h1>
        Hazard #{hazard.id}: {hazard.title}
      </h1>
      {hazard.reratingDue && (
        <p class="panel notice" id="rerating-due">
          <ReratingFlag /> An action controlling this hazard is done: re-rate the residual risk of hazard #{hazard.id}.
        </p>
      )}
      <HazardFacts hazard={hazard} />
      <h2>Risk</h2>
      <RiskSummary hazard={hazard} />
      <RiskMatrix initial={hazard.initialRisk} residual={hazard.residualRisk} />
      <h2>Linked to</h2>
      <Links hazard={hazard} csrf={session.csrfToken} canWrite={canWrite && open} />
      <HazardCyberAlerts rows={cyberAlerts} />
      <h2>Actions</h2>
      <ActionTable rows={hazard.actions} showHazard={false} />
      {hazard.actions.length === 0 && <p class="muted">No actions yet.</p>}
      {refusal && !inForm && (
        <p class="error" role="alert">
          {refusal.message}
        </p>
      )}
      {canWrite && <h2>Change</h2>}
      <div class="actions">
        {shown.actions && <NewActionForm session={session} action={`/hazards/${hazard.id}/actions`} hazardId={hazard.id} typed={newAction?.typed} error={newAction?.message} />}
        {shown['residual-risk'] && <ResidualForm hazard={hazard} csrf={session.csrfToken} refusal={refusal} />}
        {shown.status && <StatusForm hazard={hazard} csrf={session.csrfToken} refusal={refusal} />}
        {shown.links && choices && <LinkForms hazard={hazard} csrf={session.csrfToken} choices={choices} refusal={refusal} />}
      </div>
      {shown.edit && <EditForm hazard={hazard} csrf={session.csrfToken} refusal={refusal} />}
      <h2>Audit trail</h2>
      <AuditTrail entries={hazard.audit} />
    </Layout>
  );
}

/** Empty clinical text is shown as still to be assessed, not as a blank that reads like "none". */
const orPending = (text: string) => text || <span class="muted">to be assessed</span>;

export function HazardFacts({ hazard: h }: { hazard: HazardDetail }) {
  const rows: [string, Child][] = [
    ['Status', <strong id="hazard-status" data-status={h.status}>{HAZARD_STATUS_LABELS[h.status]}</strong>],
    ['Owner', h.owner],
    ['Recorded', `${h.createdAt.slice(0, 10)} by ${h.createdBy}`],
    ['Description', h.description],
    ['Causes', orPending(h.causes)],
    ['Effect', orPending(h.effect)],
    ['Potential clinical harm', orPending(h.potentialHarm)],
    ['Existing controls', orPending(h.existingControls)],
    ['Additional controls', orPending(h.additionalControls)],
  ];
  return (
    <div class="panel">
      <dl class="facts" id="hazard-facts">
        {rows.map(([label, value]) => (
          <>
            <dt>{label}</dt>
            <dd class="note-text">{value}</dd>
          </>
        ))}
      </dl>
    </div>
  );
}

export function RiskSummary({ hazard: h }: { hazard: HazardDetail }) {
  return (
    <dl class="facts panel" id="risk-summary">
      <dt>Initial</dt>
      <dd id="initial-risk">
        <RiskBadge risk={h.initialRisk} /> <span class="small muted">{h.initialRisk.acceptability}</span>
      </dd>
      <dt>Residual</dt>
      <dd id="residual-risk">
        <RiskBadge risk={h.residualRisk} /> {h.residualRisk && <span class="small muted">{h.residualRisk.acceptability}</span>}
        {h.residualRatedBy && <div class="small muted">rated by {h.residualRatedBy}, {h.residualRatedAt}</div>}
      </dd>
    </dl>
  );
}

/**
 * The 5 × 5 matrix as the DCB documents draw it (most likely at the top), with
 * the rating in every cell and the hazard's cells marked in words as well as
 * by outline, so the page prints in black and white.
 */
export function RiskMatrix({ initial, residual }: { initial: RatedRisk; residual: RatedRisk | null }) {
  const likelihoods = LIKELIHOOD_LEVELS.map((name, i) => ({ name, value: i + 1 })).reverse();
  const marks = (s: number, l: number) => [
    ...(initial.severity === s && initial.likelihood === l ? ['initial'] : []),
    ...(residual?.severity === s && residual.likelihood === l ? ['residual'] : []),
  ];
  return (
    <TableScroll label="Risk matrix">
      <table class="matrix" id="risk-matrix">
        <caption>Risk matrix: likelihood × severity (rating 1 acceptable … 5 unacceptable)</caption>
        <thead>
          <tr>
            <th scope="col">Likelihood \ severity</th>
            {SEVERITY_LEVELS.map((s) => (
              <th scope="col">{s}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {likelihoods.map(({ name, value: l }) => (
            <tr>
              <th scope="row">{name}</th>
              {SEVERITY_LEVELS.map((_s, i) => {
                const m = marks(i + 1, l);
                const rating = RISK_MATRIX[l - 1]?.[i] ?? 0;
                return (
                  <td class={[`risk-${rating}`, ...m].join(' ')} data-severity={i + 1} data-likelihood={l}>
                    <span class="rating">{rating}</span>
                    {m.map((k) => (
                      <span class={`marker marker-${k}`}>{k === 'initial' ? 'Initial' : 'Residual'}</span>
                    ))}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

type FormProps = { hazard: HazardDetail; csrf: string; refusal?: FormRefusal };

function HazardForm({ hazard, action, ...form }: FormProps & { id: string; action: string; button?: string; children?: Child }) {
  return <PostForm to={`/hazards/${hazard.id}/${action}`} {...form} />;
}

/** A level as typed into a refused form, else the hazard's. */
const levelOr = (refusal: FormRefusal | undefined, form: string, field: string, otherwise: number | null) => {
  const typed = typedOr(refusal, form, field, otherwise === null ? '' : String(otherwise));
  return typed ? Number(typed) : undefined;
};

function ResidualForm({ hazard, csrf, refusal }: FormProps) {
  return (
    <HazardForm id="residual" hazard={hazard} csrf={csrf} refusal={refusal} action="residual-risk" button="Rate residual risk">
      <h3>Residual risk (CSO)</h3>
      <LevelSelect id="residual-severity" name="severity" label="Severity" levels={SEVERITY_LEVELS} value={levelOr(refusal, 'residual-risk', 'severity', hazard.residualSeverity)} />
      <LevelSelect id="residual-likelihood" name="likelihood" label="Likelihood" levels={LIKELIHOOD_LEVELS} value={levelOr(refusal, 'residual-risk', 'likelihood', hazard.residualLikelihood)} />
    </HazardForm>
  );
}

const STATUS_BUTTONS: Record<HazardStatus, string> = { open: 'Reopen', transferred: 'Mark transferred', closed: 'Close' };

/** Only the moves allowed from the hazard's status are offered; there is no delete. */
function StatusForm({ hazard, csrf, refusal }: FormProps) {
  return (
    <HazardForm id="hazard-status-form" hazard={hazard} csrf={csrf} refusal={refusal} action="status">
      <h3>Status</h3>
      {hazard.status !== 'closed' && hazard.residualRisk === null && <p class="small muted">Closing needs the CSO's residual rating first.</p>}
      {HAZARD_NEXT[hazard.status].map((s) => (
        <button class="primary" type="submit" name="status" value={s}>
          {STATUS_BUTTONS[s]}
        </button>
      ))}
    </HazardForm>
  );
}

const TEXT_FIELDS = [
  ['causes', 'Causes'],
  ['effect', 'Effect'],
  ['potentialHarm', 'Potential clinical harm'],
  ['existingControls', 'Existing controls'],
  ['additionalControls', 'Additional controls (design, test, training, business process change)'],
] as const;

/** The hazard's text, initial rating and owner; refused, it opens again with what was typed. */
function EditForm({ hazard, csrf, refusal }: FormProps) {
  const value = (name: (typeof TEXT_FIELDS)[number][0] | 'title' | 'description' | 'owner') => typedOr(refusal, 'edit', name, hazard[name]);
  return (
    <details class="panel" id="edit-hazard" open={refusalOf(refusal, 'edit') !== undefined}>
      <summary>Edit the hazard</summary>
      <HazardForm id="edit" hazard={hazard} csrf={csrf} refusal={refusal} action="edit" button="Save">
        <label for="edit-title">Title</label>
        <input id="edit-title" name="title" value={value('title')} required maxlength={200} />
        <label for="edit-description">Description</label>
        <textarea id="edit-description" name="description" rows={3} required maxlength={4000}>{value('description')}</textarea>
        {TEXT_FIELDS.map(([name, label]) => (
          <>
            <label for={`edit-${name}`}>{label}</label>
            <textarea id={`edit-${name}`} name={name} rows={2} maxlength={4000}>{value(name)}</textarea>
          </>
        ))}
        <LevelSelect id="edit-severity" name="initialSeverity" label="Initial severity" levels={SEVERITY_LEVELS} value={levelOr(refusal, 'edit', 'initialSeverity', hazard.initialSeverity)} />
        <LevelSelect id="edit-likelihood" name="initialLikelihood" label="Initial likelihood" levels={LIKELIHOOD_LEVELS} value={levelOr(refusal, 'edit', 'initialLikelihood', hazard.initialLikelihood)} />
        <label for="edit-owner">Owner (username)</label>
        <input id="edit-owner" name="owner" value={value('owner')} required maxlength={100} list="people" autocomplete="off" />
      </HazardForm>
    </details>
  );
}
