/**
 * The cyber alert pages (issue 23): the list (GET /cyber-alerts), adding one
 * by paste or form (GET /cyber-alerts/new, POST …/new/paste, …/new/form), one
 * alert with each trust's response and its forms (acknowledge, decision,
 * updates, close, raise-hazard), and the printable national response summary.
 * Roles, trust scope and every rule are the API's (hub/routes/cyber-alerts-api.ts):
 * every signed-in role reads; security leads and admins add and respond, for
 * their own trust or, ICS-wide, the one each form names.
 */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { raiseHazardFromCyberAlert } from '../cso/raise-hazard-from-cyber-alert.js';
import { RaiseHazardRequestSchema } from '../cso/hazard-schemas.js';
import { kevStatus } from '../cyber/cyber-alert-view.js';
import { CyberAcknowledgeSchema, CyberCloseSchema, CyberDecisionSchema, CyberUpdateSchema } from '../cyber/cyber-response-schemas.js';
import { readCyberAlertList } from '../cyber/read-cyber-alerts.js';
import { acknowledgeCyberAlert, closeCyberAlertResponse, decideCyberApplicability, recordCyberUpdate, type CyberResponseTarget, type CyberStep } from '../cyber/respond-to-cyber-alert.js';
import { addCyberAlertInForce } from '../hub/add-cyber-alert-in-force.js';
import type { HubEnv } from '../hub/deps.js';
import { parseOrThrow } from '../hub/errors.js';
import { currentSession, requireRole } from '../hub/middleware/session.js';
import { nonEmpty, scopeOf, ScopeQuerySchema } from '../hub/query-schemas.js';
import { TRIAGE_ROLES } from '../hub/routes/alerts-api.js';
import { csoActor, HAZARD_ROLES } from '../hub/routes/cso-api.js';
import { cannotTellOf, mustReadCyberAlert, nationalSummaryOf, readerScope, responseTarget, stepOf } from '../hub/routes/cyber-alerts-api.js';
import { listCyberAlertAudit } from '../store/cyber-alert-audit.js';
import type { Db } from '../store/db.js';
import { CyberAlertFormSchema, cyberAlertFormText } from './cyber-alert-form-text.js';
import { FORM_LIMIT, formLimit } from './form-limit.js';
import type { FormRefusal } from './form-refusal.js';
import { formToken } from './page-routes.js';
import { CyberAlertPage } from './pages/cyber-alert-page.js';
import { CyberAlertsPage } from './pages/cyber-alerts-page.js';
import { CyberResponseSummaryPage } from './pages/cyber-response-summary-page.js';
import { NewCyberAlertPage } from './pages/new-cyber-alert-page.js';
import { submitForm } from './submit-form.js';
import { trustsShown } from './trusts-shown.js';

/** A pasted alert is a few kilobytes, as a file is; the API's limit. */
const PASTE_LIMIT = 64 * 1024;
const PasteSchema = z.strictObject({ text: z.string({ error: 'the alert as YAML text' }).min(1, { error: 'paste the alert' }).max(PASTE_LIMIT) });

type Refused = { refusal?: FormRefusal; status?: 200 | 400 | 409 };

function renderList(c: Context<HubEnv>) {
  const { db, now, kev } = c.var.deps;
  const org = scopeOf(c, parseOrThrow(ScopeQuerySchema, nonEmpty(c.req.query())));
  return c.html(<CyberAlertsPage session={currentSession(c)} alerts={readCyberAlertList(db, org, now(), kev)} kevNote={kevStatus(kev).note} />);
}

/** The alert's page; with a refusal, the refused form (of the trust it named) says why and keeps what was typed. */
function renderAlert(c: Context<HubEnv>, { refusal, status = 200 }: Refused = {}) {
  const { row, view, machines, updates } = mustReadCyberAlert(c, c.req.param('reference') as string);
  const audit = listCyberAlertAudit(c.var.deps.db, view.reference, view.responses.map((r) => r.organisation));
  const cannotTell = cannotTellOf(c, row, readerScope(c));
  return c.html(<CyberAlertPage session={currentSession(c)} alert={view} machines={machines} cannotTell={cannotTell} updates={updates} audit={audit} trusts={trustsShown(c)} refusal={refusal} />, status);
}

const renderNew = (c: Context<HubEnv>, { refusal, status = 200 }: Refused = {}) => c.html(<NewCyberAlertPage session={currentSession(c)} refusal={refusal} />, status);

/** Both ways of adding end here: the same checker, and the alert's page on success. */
function handleAdd(c: Context<HubEnv>, textOf: (typed: Record<string, string>) => string) {
  return submitForm(c, (refusal, status) => renderNew(c, { refusal, status }), (typed) => {
    const stored = addCyberAlertInForce(c, textOf(typed));
    return { to: `/cyber-alerts/${stored.alert.reference}`, message: `Cyber alert ${stored.alert.reference} added.` };
  });
}

/**
 * One response step from its form: the trust it names (or the person's own),
 * the domain's checks, and back to that trust's part of the page; a refusal
 * (400, 409) comes back beside that trust's form, and another trust named by a
 * trust's person is refused outright (403).
 */
function handleStep<S extends z.ZodType<{ organisation?: string | undefined }>>(c: Context<HubEnv>, schema: S, run: (db: Db, t: CyberResponseTarget, v: z.output<S>, s: CyberStep) => void, done: string) {
  const reference = c.req.param('reference') as string;
  return submitForm(c, (refusal, status) => renderAlert(c, { refusal, status }), (typed) => {
    const value = parseOrThrow(schema, typed);
    const target = responseTarget(c, reference, value.organisation);
    run(c.var.deps.db, target, value, stepOf(c));
    const code = typed.organisation ?? '';
    return { to: `/cyber-alerts/${reference}${code ? `#trust-${code}` : ''}`, message: `Cyber alert ${reference}: ${done}${code ? ` for ${code}` : ''}.` };
  });
}

function handleRaiseHazard(c: Context<HubEnv>) {
  const reference = c.req.param('reference') as string;
  return submitForm(c, (refusal, status) => renderAlert(c, { refusal, status }), (typed) => {
    const { organisation, ...fields } = typed;
    const hazard = raiseHazardFromCyberAlert(csoActor(c), mustReadCyberAlert(c, reference).view.reference, organisation || undefined, parseOrThrow(RaiseHazardRequestSchema, fields), c.var.deps.kev);
    return { to: `/hazards/${hazard.id}`, message: `Hazard #${hazard.id} raised from cyber alert ${reference}.` };
  });
}

/**
 * The national response is one trust's: the reader's own, or the one an
 * ICS-wide reader narrows to (?organisation=); with several in view, the page
 * offers them to choose from.
 */
function renderSummary(c: Context<HubEnv>) {
  const detail = mustReadCyberAlert(c, c.req.param('reference') as string);
  const { view } = detail;
  const summary = nationalSummaryOf(c, detail) ?? { choose: view.responses };
  return c.html(<CyberResponseSummaryPage session={currentSession(c)} reference={view.reference} title={view.title} summary={summary} printedAt={c.var.deps.now()} />);
}

const act = requireRole(...TRIAGE_ROLES);

export const cyberAlertRoutes = new Hono<HubEnv>()
  .use('/cyber-alerts', requireRole())
  .use('/cyber-alerts/*', requireRole())
  .get('/cyber-alerts', (c) => renderList(c))
  .get('/cyber-alerts/new', act, (c) => renderNew(c))
  .post('/cyber-alerts/new/paste', formLimit(PASTE_LIMIT + 4096), act, formToken, (c) => handleAdd(c, (typed) => parseOrThrow(PasteSchema, typed).text))
  .post('/cyber-alerts/new/form', FORM_LIMIT, act, formToken, (c) => handleAdd(c, (typed) => cyberAlertFormText(parseOrThrow(CyberAlertFormSchema, typed))))
  .get('/cyber-alerts/:reference', (c) => renderAlert(c))
  .get('/cyber-alerts/:reference/summary', (c) => renderSummary(c))
  .post('/cyber-alerts/:reference/acknowledge', FORM_LIMIT, act, formToken, (c) => handleStep(c, CyberAcknowledgeSchema, (db, t, _v, s) => acknowledgeCyberAlert(db, t, s), 'acknowledged'))
  .post('/cyber-alerts/:reference/decision', FORM_LIMIT, act, formToken, (c) => handleStep(c, CyberDecisionSchema, decideCyberApplicability, 'decision recorded'))
  .post('/cyber-alerts/:reference/updates', FORM_LIMIT, act, formToken, (c) => handleStep(c, CyberUpdateSchema, recordCyberUpdate, 'update recorded'))
  .post('/cyber-alerts/:reference/close', FORM_LIMIT, act, formToken, (c) => handleStep(c, CyberCloseSchema, (db, t, v, s) => closeCyberAlertResponse(db, t, v.note, s), 'response closed'))
  .post('/cyber-alerts/:reference/raise-hazard', FORM_LIMIT, requireRole(...HAZARD_ROLES), formToken, (c) => handleRaiseHazard(c));
