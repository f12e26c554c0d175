import type { Child } from 'hono/jsx';
import { HAZARD_NEXT, type HazardDetail, type RatedRisk } from '../../cso/hazard-log.js';
import { LIKELIHOOD_LEVELS, RISK_MATRIX, SEVERITY_LEVELS } from '../../cso/risk-matrix.js';
import { HAZARD_ROLES, RESIDUAL_ROLES } from '../../hub/routes/cso-api.js';
import { LINK_KINDS, type HazardLink, type HazardStatus } from '../../store/hazards.js';
import type { Session } from '../../store/sessions.js';
import { AuditTrail } from '../components/audit-trail.js';
import { PostForm } from '../components/post-form.js';
import { Layout } from '../layout.js';
import { ActionTable, NewActionForm } from './actions-page.js';
import { HAZARD_STATUS_LABELS, LevelSelect, RiskBadge, ReratingFlag } from './hazards-page.js';
import { TableScroll } from '../components/table-scroll.js';

export interface HazardPageProps {
  session: Session;
  hazard: HazardDetail;
  /** A form's validation message, shown above the forms. */
  error?: string;
}

export function HazardPage({ session, hazard, error }: HazardPageProps) {
  const canWrite = HAZARD_ROLES.includes(session.user.role);
  const open = hazard.status !== 'closed';
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
      <h2>Actions</h2>
      <ActionTable rows={hazard.actions} showHazard={false} />
      {hazard.actions.length === 0 && <p class="muted">No actions yet.</p>}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {canWrite && <h2>Change</h2>}
      <div class="actions">
        {canWrite && open && <NewActionForm session={session} action={`/hazards/${hazard.id}/actions`} hazardId={hazard.id} />}
        {RESIDUAL_ROLES.includes(session.user.role) && open && <ResidualForm hazard={hazard} csrf={session.csrfToken} />}
        {canWrite && <StatusForm hazard={hazard} csrf={session.csrfToken} />}
        {canWrite && open && <LinkForm hazard={hazard} csrf={session.csrfToken} />}
      </div>
      {canWrite && open && <EditForm hazard={hazard} csrf={session.csrfToken} />}
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

// A device has no page of its own (it shows on its asset's page), so it is listed without a link.
const LINK_HREF: Record<Exclude<HazardLink['kind'], 'device'>, string> = { asset: '/assets/', alert: '/alerts/' };

function Links({ hazard, csrf, canWrite }: { hazard: HazardDetail; csrf: string; canWrite: boolean }) {
  if (!hazard.links.length) return <p class="muted">Nothing linked.</p>;
  return (
    <ul class="links" id="hazard-links">
      {hazard.links.map((l) => (
        <li data-kind={l.kind} data-target={l.targetId}>
          {l.kind} {l.kind === 'device' ? `#${l.targetId} ${l.label ?? ''}` : <a href={`${LINK_HREF[l.kind]}${l.targetId}`}>#{l.targetId} {l.label ?? '(gone)'}</a>}
          {canWrite && (
            <form class="inline-form" method="post" action={`/hazards/${hazard.id}/links`}>
              <input type="hidden" name="csrf" value={csrf} />
              <input type="hidden" name="op" value="remove" />
              <input type="hidden" name="kind" value={l.kind} />
              <input type="hidden" name="targetId" value={String(l.targetId)} />
              <button type="submit">Unlink</button>
            </form>
          )}
          {l.detail && (
            <details class="how-matched">
              <summary>How it was matched</summary>
              <p class="small">{l.detail}</p>
            </details>
          )}
        </li>
      ))}
    </ul>
  );
}

function HazardForm({ hazard, action, ...form }: { id: string; hazard: HazardDetail; csrf: string; action: string; button?: string; children?: Child }) {
  return <PostForm to={`/hazards/${hazard.id}/${action}`} {...form} />;
}

function ResidualForm({ hazard, csrf }: { hazard: HazardDetail; csrf: string }) {
  return (
    <HazardForm id="residual" hazard={hazard} csrf={csrf} action="residual-risk" button="Rate residual risk">
      <h3>Residual risk (CSO)</h3>
      <LevelSelect id="residual-severity" name="severity" label="Severity" levels={SEVERITY_LEVELS} value={hazard.residualSeverity ?? undefined} />
      <LevelSelect id="residual-likelihood" name="likelihood" label="Likelihood" levels={LIKELIHOOD_LEVELS} value={hazard.residualLikelihood ?? undefined} />
    </HazardForm>
  );
}

const STATUS_BUTTONS: Record<HazardStatus, string> = { open: 'Reopen', transferred: 'Mark transferred', closed: 'Close' };

/** Only the moves allowed from the hazard's status are offered; there is no delete. */
function StatusForm({ hazard, csrf }: { hazard: HazardDetail; csrf: string }) {
  return (
    <HazardForm id="hazard-status-form" hazard={hazard} csrf={csrf} action="status">
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

function LinkForm({ hazard, csrf }: { hazard: HazardDetail; csrf: string }) {
  return (
    <HazardForm id="link" hazard={hazard} csrf={csrf} action="links" button="Link">
      <h3>Link an asset, alert or device</h3>
      <input type="hidden" name="op" value="add" />
      <label for="link-kind">Kind</label>
      <select id="link-kind" name="kind">
        {LINK_KINDS.map((k) => (
          <option value={k}>{k}</option>
        ))}
      </select>
      <label for="link-target">Id</label>
      <input id="link-target" name="targetId" type="number" min={1} required />
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

function EditForm({ hazard, csrf }: { hazard: HazardDetail; csrf: string }) {
  return (
    <details class="panel">
      <summary>Edit the hazard</summary>
      <HazardForm id="edit" hazard={hazard} csrf={csrf} action="edit" button="Save">
        <label for="edit-title">Title</label>
        <input id="edit-title" name="title" value={hazard.title} required maxlength={200} />
        <label for="edit-description">Description</label>
        <textarea id="edit-description" name="description" rows={3} required maxlength={4000}>{hazard.description}</textarea>
        {TEXT_FIELDS.map(([name, label]) => (
          <>
            <label for={`edit-${name}`}>{label}</label>
            <textarea id={`edit-${name}`} name={name} rows={2} maxlength={4000}>{hazard[name]}</textarea>
          </>
        ))}
        <LevelSelect id="edit-severity" name="initialSeverity" label="Initial severity" levels={SEVERITY_LEVELS} value={hazard.initialSeverity} />
        <LevelSelect id="edit-likelihood" name="initialLikelihood" label="Initial likelihood" levels={LIKELIHOOD_LEVELS} value={hazard.initialLikelihood} />
        <label for="edit-owner">Owner (username)</label>
        <input id="edit-owner" name="owner" value={hazard.owner} required maxlength={100} list="people" autocomplete="off" />
      </HazardForm>
    </details>
  );
}
