/**
 * The CSO's pages: the hazard log (GET /hazards), one hazard (GET /hazards/:id),
 * the action list with "My actions" (GET /actions), one action, and their
 * forms, which redirect back on success. Roles and rules are the API's
 * (hub/routes/cso-api.ts).
 */
import { FORM_LIMIT } from './form-limit.js';
import { renderAlert } from './alert-routes.js';
import type { FormRefusal } from './form-refusal.js';
import { assetLinkFields, linkChoices } from './hazard-link-form.js';
import { submitForm } from './submit-form.js';
import { onePage } from '../hub/page-range.js';
import { Hono, type Context } from 'hono';
import type { z } from 'zod';
import { addActionNote, createAction, getActionDetail, setActionStatus, updateActionFields } from '../cso/action-list.js';
import { ActionCreateSchema, ActionNoteRequestSchema, ActionPatchSchema, ActionStatusRequestSchema } from '../cso/action-schemas.js';
import type { CsoActor } from '../cso/cso-actor.js';
import { changeHazardLink, createHazard, getHazardDetail, raiseHazardFromAlert, setHazardStatus, toHazardView, updateHazardFields } from '../cso/hazard-log.js';
import {
  HazardCreateSchema, HazardLinkRequestSchema, HazardPatchSchema, HazardStatusRequestSchema, RaiseHazardRequestSchema, ResidualRiskRequestSchema,
} from '../cso/hazard-schemas.js';
import { setResidualRisk } from '../cso/residual-risk.js';
import type { HubEnv } from '../hub/deps.js';
import { notFound, parseOrThrow } from '../hub/errors.js';
import { currentSession, requireRole } from '../hub/middleware/session.js';
import { IdSchema, scopeOf } from '../hub/query-schemas.js';
import { alertQueryParams } from '../hub/routes/alerts-api.js';
import { ActionQuerySchema, actionFilter, csoActor, HAZARD_ROLES, HazardQuerySchema, readerScope, RESIDUAL_ROLES } from '../hub/routes/cso-api.js';
import { listActions } from '../store/actions.js';
import { findHazard, listHazards } from '../store/hazards.js';
import { listHazardCyberAlerts } from '../store/hazard-cyber-alerts.js';
import { trustsShown } from './trusts-shown.js';
import { formToken } from './page-routes.js';
import { ActionPage } from './pages/action-page.js';
import { ActionsPage } from './pages/actions-page.js';
import { HazardPage } from './pages/hazard-page.js';
import { HazardsPage } from './pages/hazards-page.js';
import { HazardLogPrintPage } from './pages/hazard-log-print-page.js';
import { listOrganisations } from '../store/organisations.js';


/** A page, again with the refusal of one of its forms on it (what was typed kept). */
type Render = (c: Context<HubEnv>, refusal?: FormRefusal, status?: 200 | 400 | 409) => Response | Promise<Response>;
type Fields = Record<string, string>;

const idOf = (c: Context) => parseOrThrow(IdSchema, c.req.param('id'));

const renderHazards: Render = (c, refusal, status = 200) => {
  const q = parseOrThrow(HazardQuerySchema, alertQueryParams(c));
  const { total, rows } = onePage(q, (at) => listHazards(c.var.deps.db, { ...q, ...at, org: scopeOf(c, q) }));
  return c.html(<HazardsPage session={currentSession(c)} filter={q} total={total} rows={rows.map(toHazardView)} trusts={trustsShown(c)} error={refusal?.message} typed={refusal?.typed} />, status);
};

/** The most hazards one printed log holds: a trust's whole log, many times over. */
const PRINT_LIMIT = 2000;

/** The whole log, or as filtered (status, owner…), every hazard in full, for printing. */
function renderHazardLogPrint(c: Context<HubEnv>) {
  const { db, now } = c.var.deps;
  const q = parseOrThrow(HazardQuerySchema, alertQueryParams(c));
  const org = scopeOf(c, q);
  const { rows } = listHazards(db, { ...q, org, limit: PRINT_LIMIT, offset: 0 });
  const hazards = rows.map((h) => getHazardDetail(db, h.id, org, now()));
  const trusts = listOrganisations(db).filter((o) => org === null || o.id === org);
  const { page: _p, pageSize: _s, organisation: _o, sort: _sort, ...filters } = q;
  const filterWords = Object.entries(filters).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : String(v)}`).join('; ');
  return c.html(<HazardLogPrintPage session={currentSession(c)} hazards={hazards} trusts={trusts} printedAt={now()} filterWords={filterWords} />);
}

const renderHazard: Render = (c, refusal, status = 200) => {
  const { db, now } = c.var.deps;
  const session = currentSession(c);
  const hazard = getHazardDetail(db, idOf(c), readerScope(c), now());
  const choices = HAZARD_ROLES.includes(session.user.role) ? linkChoices(db, hazard.organisationId) : undefined;
  return c.html(<HazardPage session={session} hazard={hazard} choices={choices} refusal={refusal} cyberAlerts={listHazardCyberAlerts(db, hazard.id)} />, status);
};

const renderActions: Render = (c, refusal, status = 200) => {
  const q = parseOrThrow(ActionQuerySchema, alertQueryParams(c));
  const { total, rows } = onePage(q, (at) => listActions(c.var.deps.db, { ...actionFilter(c, q), ...at }));
  return c.html(<ActionsPage session={currentSession(c)} filter={q} total={total} rows={rows} trusts={trustsShown(c)} error={refusal?.message} typed={refusal?.typed} />, status);
};

const renderAction: Render = (c, refusal, status = 200) =>
  c.html(<ActionPage session={currentSession(c)} action={getActionDetail(c.var.deps.db, idOf(c), readerScope(c), c.var.deps.now())} refusal={refusal} />, status);

/**
 * Validates a form (the token aside), runs the change and redirects to the
 * path it returns. A bad field, or a change the rules refuse (400, 409), shows
 * the same page again with the message in that form and what was typed kept.
 */
function handleForm<S extends z.ZodType>(c: Context<HubEnv>, schema: S, render: Render, run: (actor: CsoActor, value: z.output<S>) => string, done: string, prepare = (f: Fields): Fields => f) {
  return submitForm(c, (refusal, status) => render(c, refusal, status), (typed) => ({ to: run(csoActor(c), parseOrThrow(schema, prepare(typed))), message: done }));
}

/** An unticked box is absent from a form; for an edit that means "no", not "unchanged". */
const withTick = (f: Fields): Fields => ({ ...f, controlsHazard: f.controlsHazard ?? '' });

/** The link form names a machine by hostname: the hazard's trust's machine of that name. */
function withAssetId(c: Context<HubEnv>) {
  return (f: Fields): Fields => {
    const hazard = findHazard(c.var.deps.db, idOf(c), readerScope(c));
    if (!hazard) throw notFound(`hazard ${idOf(c)}`);
    return assetLinkFields(c.var.deps.db, hazard.organisationId, f);
  };
}

const write = requireRole(...HAZARD_ROLES);

const hazardPages = new Hono<HubEnv>()
  .get('/hazards', (c) => renderHazards(c))
  .post('/hazards', FORM_LIMIT, write, formToken, (c) => handleForm(c, HazardCreateSchema, renderHazards, (a, v) => `/hazards/${createHazard(a, v).id}`, 'Hazard recorded.'))
  .get('/hazards/print', (c) => renderHazardLogPrint(c))
  .get('/hazards/:id', (c) => renderHazard(c))
  .post('/hazards/:id/edit', FORM_LIMIT, write, formToken, (c) => handleForm(c, HazardPatchSchema, renderHazard, (a, v) => `/hazards/${updateHazardFields(a, idOf(c), v).id}`, 'Hazard changed.'))
  .post('/hazards/:id/status', FORM_LIMIT, write, formToken, (c) =>
    handleForm(c, HazardStatusRequestSchema, renderHazard, (a, v) => `/hazards/${setHazardStatus(a, idOf(c), v.status).id}`, 'Hazard status changed.'))
  .post('/hazards/:id/links', FORM_LIMIT, write, formToken, (c) =>
    handleForm(c, HazardLinkRequestSchema, renderHazard, (a, v) => `/hazards/${changeHazardLink(a, idOf(c), v).id}`, 'Links changed.', withAssetId(c)))
  .post('/hazards/:id/residual-risk', FORM_LIMIT, requireRole(...RESIDUAL_ROLES), formToken, (c) =>
    handleForm(c, ResidualRiskRequestSchema, renderHazard, (a, v) => `/hazards/${setResidualRisk(a, idOf(c), v).id}`, 'Residual risk rated.'))
  .post('/hazards/:id/actions', FORM_LIMIT, write, formToken, (c) =>
    handleForm(c, ActionCreateSchema, renderHazard, (a, v) => {
      createAction(a, v);
      return `/hazards/${idOf(c)}`;
    }, 'Action added.', (f) => ({ ...f, hazardId: c.req.param('id') })))
  // The alert page's form: refused, the alert page comes back with the reason in that form and what was typed kept.
  .post('/alerts/:id/raise-hazard', FORM_LIMIT, write, formToken, (c) =>
    submitForm(c, (refusal, status) => renderAlert(c, idOf(c), refusal, status), (typed) => {
      const hazard = raiseHazardFromAlert(csoActor(c), idOf(c), parseOrThrow(RaiseHazardRequestSchema, typed), c.var.deps.alertRules);
      return { to: `/hazards/${hazard.id}`, message: `Hazard #${hazard.id} raised from alert #${idOf(c)}.` };
    }));

const actionPages = new Hono<HubEnv>()
  .get('/actions', (c) => renderActions(c))
  .post('/actions', FORM_LIMIT, write, formToken, (c) => handleForm(c, ActionCreateSchema, renderActions, (a, v) => `/actions/${createAction(a, v).id}`, 'Action added.'))
  .get('/actions/:id', (c) => renderAction(c))
  .post('/actions/:id/edit', FORM_LIMIT, write, formToken, (c) =>
    handleForm(c, ActionPatchSchema, renderAction, (a, v) => `/actions/${updateActionFields(a, idOf(c), v).id}`, 'Action changed.', withTick))
  .post('/actions/:id/status', FORM_LIMIT, write, formToken, (c) => handleForm(c, ActionStatusRequestSchema, renderAction, (a, v) => `/actions/${setActionStatus(a, idOf(c), v).id}`, 'Action status changed.'))
  .post('/actions/:id/notes', FORM_LIMIT, write, formToken, (c) => handleForm(c, ActionNoteRequestSchema, renderAction, (a, v) => `/actions/${addActionNote(a, idOf(c), v.text).id}`, 'Note added.'));

export const csoRoutes = new Hono<HubEnv>()
  .use('/hazards', requireRole())
  .use('/hazards/*', requireRole())
  .use('/actions', requireRole())
  .use('/actions/*', requireRole())
  .route('/', hazardPages)
  .route('/', actionPages);
